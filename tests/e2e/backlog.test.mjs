// End-to-end: the backlog ranked by the core in the real app. Items whose RICE and ICE fields
// give known orders; choose ICE, then RICE, and read the rows; change one item's reach inline
// and see it climb to the top (and the file follow); undo with Ctrl+Z; move a card in the
// urgent × important matrix by dragging it and by the keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, Keys, importDocument } from './webdriver.mjs';

function workspaceWithBacklog(dir) {
  const ws = join(dir, 'backlog.lodestar');
  const item = (id, title, extra) => ({ id, lane: 'l1', title, kind: 'feature', status: 'planned', ...extra });
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    lanes: [{ id: 'l1', name: 'Core', color: '#0072B2' }],
    roadmap_items: [
      // RICE: Bravo 500, Charlie 300, Alpha 100, Delta 50; Echo has none. ICE: Alpha 1000, Delta 125, Bravo 8.
      item('r1', 'Alpha', { rice: { reach: 100, impact: 1, confidence: 1, effort: 1 }, ice: { impact: 10, confidence: 10, ease: 10 } }),
      item('r2', 'Bravo', { rice: { reach: 1000, impact: 2, confidence: 0.5, effort: 2 }, ice: { impact: 2, confidence: 2, ease: 2 } }),
      item('r3', 'Charlie', { rice: { reach: 300, impact: 1, confidence: 1, effort: 1 } }),
      item('r4', 'Delta', { rice: { reach: 50, impact: 1, confidence: 1, effort: 1 }, ice: { impact: 5, confidence: 5, ease: 5 }, urgent: false, important: true }),
      item('r5', 'Echo', {}),
      // Done: not in the backlog at all.
      item('r6', 'Foxtrot', { status: 'done', rice: { reach: 99999, impact: 3, confidence: 1, effort: 1 } }),
    ],
  };
  importDocument(ws, doc);
  return ws;
}

const stored = (ws, id) => exportJson(ws).roadmap_items.find((i) => i.id === id);

/** The table's rows in order: [id, rank] ("" = not scored). */
async function rows(s) {
  return s.execute(
    `return [...document.querySelectorAll('tr[data-backlog-row]')].map((r) => [r.dataset.backlogRow, r.dataset.rank]);`,
  );
}

async function order(s) {
  return (await rows(s)).map(([id]) => id).join(',');
}

async function waitOrder(s, expected, message) {
  await waitFor(async () => (await order(s)) === expected, { message: `${message}: ${expected}` }).catch(async (e) => {
    throw new Error(`${e.message}; rows are ${await order(s)}`);
  });
}

test('the backlog is ranked by the core, by RICE or ICE, and follows an inline score edit', async (t) => {
  const dir = tempDir(t);
  const ws = workspaceWithBacklog(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="backlog"]')).click();
    await s.waitFor('tr[data-backlog-row="r1"]');
    // Nothing to undo yet in this session: Undo starts disabled.
    await waitFor(async () => (await s.execute(`return document.querySelector('#undo')?.disabled`)) === true, { message: 'Undo to start disabled' });

    // ICE first: Alpha, Delta, Bravo ranked; Charlie and Echo after, not scored.
    await (await s.waitFor('button[data-sort="ice"]')).click();
    await waitOrder(s, 'r1,r4,r2,r3,r5', 'the ICE ranking');
    assert.deepEqual((await rows(s)).map(([, rank]) => rank), ['1', '2', '3', '', '']);

    // RICE: Bravo 500, Charlie 300, Alpha 100, Delta 50, then Echo (not scored); Foxtrot is done.
    await (await s.waitFor('button[data-sort="rice"]')).click();
    await waitOrder(s, 'r2,r3,r1,r4,r5', 'the RICE ranking');
    assert.deepEqual((await rows(s)).map(([, rank]) => rank), ['1', '2', '3', '4', '']);
    const echo = await s.execute(`return document.querySelector('tr[data-backlog-row="r5"]').textContent;`);
    assert.match(echo, /not scored/);
    const divider = await s.execute(`return document.querySelector('tr.divider-row')?.textContent ?? '';`);
    assert.match(divider, /Not scored by RICE/);

    // Inline: Delta's reach 50 → 5000 (RICE 5000) puts it first.
    await (await s.waitFor('tr[data-backlog-row="r4"] button.edit')).click();
    const reach = await s.waitFor('[data-score-editor="r4"] #score-reach');
    await reach.clear();
    await reach.type('5000');
    await reach.type(Keys.ENTER);
    await waitOrder(s, 'r4,r2,r3,r1,r5', 'Delta to rank first');
    await waitFor(() => stored(ws, 'r4').rice?.reach === 5000, { message: 'the new reach in the file' });
    assert.equal(stored(ws, 'r4').important, true, 'a score edit keeps the other fields');

    // Ctrl+Z undoes the score change (focus is back on the row's button, not in a field).
    await s.keys(Keys.CONTROL, 'z');
    await waitOrder(s, 'r2,r3,r1,r4,r5', 'the undo to restore the ranking');
    await waitFor(() => stored(ws, 'r4').rice?.reach === 50, { message: 'the undo to reach the file' });

    // A field error from the core sits under the field: confidence must be within 0–1.
    await (await s.waitFor('tr[data-backlog-row="r1"] button.edit')).click();
    const conf = await s.waitFor('[data-score-editor="r1"] #score-confidence');
    await conf.clear();
    await conf.type('7');
    await conf.type(Keys.ENTER);
    const err = await s.waitFor('[data-score-editor="r1"] [data-field-error="confidence"]');
    assert.ok((await err.text()).length > 0, 'the core explains the refusal');
    assert.equal(stored(ws, 'r1').rice.confidence, 1, 'a refused edit changes nothing');
    await conf.type(Keys.ESCAPE);

    // Urgent × important: drag Echo (not triaged) into "Do now".
    await s.execute(`document.querySelector('[data-matrix="eisenhower"]').scrollIntoView({ block: 'center' });`);
    const box = await s.execute(
      `const c = document.querySelector('[data-eisen-card="r5"]').getBoundingClientRect();
       const q = document.querySelector('[data-quadrant="do"]').getBoundingClientRect();
       return { x: (c.left + c.right) / 2, y: (c.top + c.bottom) / 2, tx: q.left + 30, ty: q.top + 40 };`,
    );
    await s.drag(box.x, box.y, box.tx - box.x, box.ty - box.y);
    await waitFor(() => {
      const r5 = stored(ws, 'r5');
      return r5.urgent === true && r5.important === true;
    }, { message: 'Echo to be urgent and important in the file' });
    // The moved card is drawn in its quadrant and given the focus once the view has
    // reloaded; wait for that, or it could take the focus back from Delta below.
    await waitFor(
      async () => s.execute(`return document.activeElement === document.querySelector('[data-quadrant="do"] [data-eisen-card="r5"]');`),
      { message: 'Echo drawn in "Do now" and focused' },
    );

    // Keyboard: Delta (important, not urgent) → ← makes it urgent too.
    await s.execute(`document.querySelector('[data-eisen-card="r4"]').focus();`);
    assert.equal(await s.execute(`return document.activeElement?.dataset.eisenCard ?? null;`), 'r4', 'Delta has the focus');
    await s.keys('\uE012'); // ArrowLeft
    await waitFor(() => stored(ws, 'r4').urgent === true, { message: 'Delta to become urgent' });
    assert.equal(stored(ws, 'r4').important, true);
  });
});
