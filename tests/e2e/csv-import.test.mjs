// End-to-end: importing roadmap items from a CSV file in the real app. The file is
// picked in the real GTK file chooser (typed into with xdotool); the preview lists every
// row (and the lane it creates) before anything is written; a file with a bad row shows
// the row and column and imports nothing. The CSV files sit beside the workspace, so the
// chooser lists (and GTK sniffs) the workspace file: another process reading it in
// between must not cost the window its writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, exportJson, typeIntoFileDialog } from './webdriver.mjs';

test('CSV imports are previewed row by row, then imported (items, feedback); a bad row imports nothing', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'csv.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  const before = exportJson(ws).roadmap_items.length;

  const good = join(dir, 'jira.csv');
  writeFileSync(good, 'Summary,Start date,Due date,Team,Status\nPartner API,2027-01-04,2027-02-12,Platform,To Do\nUsage-based billing,2027-02-01,2027-03-19,Platform,In Progress\n');
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'Summary,Start date,Due date,Team,Status\nFine row,2027-01-04,2027-02-12,Platform,To Do\nBroken row,2027-13-40,2027-02-12,Platform,To Do\n');

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();

    // A bad file: the problem is shown by row and column, and nothing can be imported.
    await (await s.waitFor('#import-csv')).click();
    await typeIntoFileDialog('from CSV', bad);
    const errors = await s.waitFor('#csv-import-errors', { timeout: 30_000 });
    const errorText = await errors.text();
    assert.match(errorText, /3/, `the bad row is row 3 (the header is row 1): ${errorText}`);
    assert.match(errorText.toLowerCase(), /start/, `the column is named: ${errorText}`);
    assert.equal(await s.execute(`return document.querySelector('#csv-import-confirm')`), null, 'no Import button');
    await s.execute(`[...document.querySelectorAll('#csv-import-dialog button')].find((b) => b.textContent.trim() === 'Close').click()`);
    await waitFor(async () => (await s.execute(`return document.querySelector('#csv-import-dialog') === null`)), { message: 'the dialog to close' });
    assert.equal(exportJson(ws).roadmap_items.length, before, 'nothing was imported');

    // A good file: both rows listed with their new lane, imported on confirmation.
    await (await s.waitFor('#import-csv')).click();
    await typeIntoFileDialog('from CSV', good);
    await s.waitFor('#csv-import-rows', { timeout: 30_000 });
    const rows = await s.execute(`return [...document.querySelectorAll('#csv-import-rows tbody tr')].map((r) => r.textContent)`);
    assert.equal(rows.length, 2);
    assert.ok(rows[0].includes('Partner API') && rows[0].includes('Platform') && rows[0].includes('new'), rows[0]);
    assert.equal(exportJson(ws).roadmap_items.length, before, 'nothing is written before the confirmation');
    await (await s.waitFor('#csv-import-confirm')).click();
    await s.waitFor('#csv-import-done');
    // Read by another process while the window still has the file open: the file chooser
    // listed the workspace's folder (GTK reads the files it lists), and the app's writes
    // must still reach the file.
    const doc = exportJson(ws);
    assert.equal(doc.roadmap_items.length, before + 2);
    const lane = doc.lanes.find((l) => l.name === 'Platform');
    assert.ok(lane, 'the Platform lane was created');
    const api = doc.roadmap_items.find((i) => i.title === 'Partner API');
    assert.deepEqual([api.start, api.end, api.lane], ['2027-01-04', '2027-02-12', lane.id]);

    // Feedback from the Feedback view: the same preview, rows by date, source and text.
    const feedbackCsv = join(dir, 'feedback.csv');
    writeFileSync(feedbackCsv, 'date,source,customer,text\n2026-11-20,interview,Fabrikam,"Exports should keep our colours"\n');
    const feedbackBefore = doc.feedback.length;
    await (await s.waitFor('a[data-view="feedback"]')).click();
    await (await s.waitFor('#import-feedback-csv')).click();
    await typeIntoFileDialog('from CSV', feedbackCsv);
    await s.waitFor('#csv-import-rows', { timeout: 30_000 });
    const feedbackRow = await s.execute(`return document.querySelector('#csv-import-rows tbody tr').textContent`);
    assert.ok(feedbackRow.includes('Fabrikam') && feedbackRow.includes('Exports should keep our colours'), feedbackRow);
    await (await s.waitFor('#csv-import-confirm')).click();
    await waitFor(() => exportJson(ws).feedback.length === feedbackBefore + 1, { message: 'the feedback in the file' });
  });
});

test('A Jira export goes through the mapping step: detected columns, the nearest status for an unknown one, a fixed lane; imported again, it is unchanged', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'jira.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  const before = exportJson(ws).roadmap_items.length;
  const file = join(dir, 'jira-export.csv');
  writeFileSync(
    file,
    'Summary,Issue key,Issue id,Issue Type,Status,Epic Link,Custom field (Target start),Custom field (Target end)\n' +
      'Checkout revamp,SHOP-1,10001,Epic,In Progress,,04/Jan/27 9:00 AM,26/Mar/27 5:00 PM\n' +
      'Pay with card,SHOP-2,10002,Story,Reopened,SHOP-1,04/Jan/27 9:00 AM,12/Feb/27 12:00 AM\n' +
      'Write payment tests,SHOP-3,10003,Sub-task,Verified - UAT,SHOP-1,,\n' +
      'Fix login loop,SHOP-4,10004,Problem,To Do,,,\n',
  );

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await (await s.waitFor('#import-csv')).click();
    await typeIntoFileDialog('from CSV', file);
    await s.waitFor('#csv-import-rows', { timeout: 30_000 });

    // Detected: a Jira export, the epic link as lane, the target dates, the issue key.
    const heading = await (await s.waitFor('#csv-mapping-title')).text();
    assert.match(heading, /Jira export/, heading);
    const chosen = await s.execute(`return Object.fromEntries(['title', 'lane', 'start', 'end', 'status', 'kind', 'key'].map((f) => [f, document.querySelector('#csv-map-' + f).value]))`);
    assert.deepEqual(chosen, {
      title: 'Summary',
      lane: 'Epic Link',
      start: 'Custom field (Target start)',
      end: 'Custom field (Target end)',
      status: 'Status',
      kind: 'Issue Type',
      key: 'Issue key',
    });
    // "Verified - UAT" is no status Lodestar knows: the nearest, marked, changeable.
    const uat = await s.execute(`const r = document.querySelector('[data-values="status"] tr[data-value="Verified - UAT"]'); return [r.querySelector('select').value, r.textContent.includes('nearest')]`);
    assert.deepEqual(uat, ['done', true]);
    const summary = await (await s.waitFor('#csv-import-summary')).text();
    assert.match(summary, /4 new items, 0 changed, 0 unchanged/, summary);

    // The user says: still in progress; and every row in one lane, "Checkout".
    await s.execute(`const sel = document.querySelector('[data-values="status"] tr[data-value="Verified - UAT"] select'); sel.value = 'in_progress'; sel.dispatchEvent(new Event('change', { bubbles: true }))`);
    await waitFor(async () => (await s.execute(`return document.querySelector('[data-values="status"] tr[data-value="Verified - UAT"]').textContent.includes('nearest')`)) === false, { message: 'the chosen status to replace the guess' });
    await s.execute(`const sel = document.querySelector('#csv-map-lane'); sel.value = sel.options[0].value; sel.dispatchEvent(new Event('change', { bubbles: true }))`);
    const fixed = await s.waitFor('#csv-map-fixed-lane');
    await s.execute(`const i = document.querySelector('#csv-map-fixed-lane'); i.value = 'Checkout'; i.dispatchEvent(new Event('change', { bubbles: true }))`);
    await waitFor(async () => (await s.execute(`return [...document.querySelectorAll('#csv-import-rows tbody tr')].every((r) => r.textContent.includes('Checkout'))`)), { message: 'every row in the Checkout lane' });
    assert.ok(fixed);
    await (await s.waitFor('#csv-import-confirm')).click();
    await s.waitFor('#csv-import-done');

    const doc = exportJson(ws);
    assert.equal(doc.roadmap_items.length, before + 4);
    const lane = doc.lanes.find((l) => l.name === 'Checkout');
    const imported = doc.roadmap_items.filter((i) => i.external_key?.startsWith('SHOP-'));
    assert.deepEqual(imported.map((i) => [i.external_key, i.lane === lane.id]).sort(), [['SHOP-1', true], ['SHOP-2', true], ['SHOP-3', true], ['SHOP-4', true]]);
    const byKey = Object.fromEntries(imported.map((i) => [i.external_key, i]));
    assert.equal(byKey['SHOP-3'].status, 'in_progress');
    assert.equal(byKey['SHOP-2'].status, 'planned', 'Reopened is planned work again');
    assert.equal(byKey['SHOP-4'].kind, 'reliability', 'a Problem is reliability work');
    assert.deepEqual([byKey['SHOP-2'].start, byKey['SHOP-2'].end], ['2027-01-04', '2027-02-12']);
    assert.deepEqual([byKey['SHOP-3'].start, byKey['SHOP-3'].end], [null, null], 'no dates: unscheduled');

    // The same export again: the mapping is remembered for Jira files, nothing is new.
    await (await s.waitFor('#import-csv')).click();
    await typeIntoFileDialog('from CSV', file);
    await waitFor(async () => /already as the file says/.test(await s.execute(`return document.querySelector('#csv-import-summary')?.textContent ?? ''`)), {
      message: 'the second import to find every item unchanged',
      timeout: 30_000,
    });
    assert.equal(await s.execute(`return document.querySelector('#csv-map-fixed-lane').value`), 'Checkout', 'the remembered lane');
    await s.execute(`[...document.querySelectorAll('#csv-import-dialog button')].find((b) => b.textContent.trim() === 'Cancel').click()`);
    assert.equal(exportJson(ws).roadmap_items.length, before + 4, 'no copies');
  });
});
