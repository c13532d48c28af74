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
