// End-to-end: the roadmap in the real app, driven with real pointer actions.
// Drag a bar 7 days right, resize its end, move it to another lane, undo everything
// with Ctrl+Z, redo one step, restart: the stored dates follow every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, Keys, importDocument, PAINTED } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);
const shift = (date, days) => iso(new Date(Date.parse(date) + days * DAY));

function workspaceWithRoadmap(dir) {
  const ws = join(dir, 'roadmap.lodestar');
  const today = new Date();
  const start = iso(new Date(+today + 3 * DAY));
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    lanes: [
      { id: 'l1', name: 'Onboarding', color: '#0072B2' },
      { id: 'l2', name: 'Mobile', color: '#E69F00' },
    ],
    roadmap_items: [
      { id: 'r1', lane: 'l1', title: 'Guided setup', start, end: shift(start, 20), kind: 'feature', status: 'planned' },
      { id: 'r2', lane: 'l2', title: 'Faster charts', start: shift(start, 40), end: shift(start, 60), kind: 'reliability', status: 'planned' },
    ],
  };
  importDocument(ws, doc);
  return { ws, start, end: shift(start, 20) };
}

const stored = (ws) => exportJson(ws).roadmap_items.find((i) => i.id === 'r1');

async function openRoadmap(s) {
  await (await s.waitFor('a[data-view="roadmap"]')).click();
  await s.waitFor('.timeline[data-ready="true"]');
  await s.waitFor('g.bar[data-item-id="r1"]');
}

/** The bar's box in viewport pixels, and the timeline's pixels per day. */
async function barBox(s, id) {
  return s.execute(
    `const bar = document.querySelector('g.bar[data-item-id="' + arguments[0] + '"] rect.body-rect');
     const r = bar.getBoundingClientRect();
     const ppd = Number(document.querySelector('.timeline').dataset.pxPerDay);
     return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, cy: (r.top + r.bottom) / 2, cx: (r.left + r.right) / 2, ppd };`,
    [id],
  );
}

/** The bar's box in plan pixels (the painted tiles' coordinates). */
async function planRect(s, id) {
  return s.execute(
    `const r = document.querySelector('g.bar[data-item-id="' + arguments[0] + '"] rect.body-rect');
     return { x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')) };`,
    [id],
  );
}

/** The painted colour and opacity (r, g, b, a) at a point of the plan. */
async function paintedAt(s, x, y) {
  return s.execute(`${PAINTED} const { data } = painted(arguments[0], arguments[1], 1, 1); return [...data];`, [x, y]);
}

async function laneCentre(s, id) {
  return s.execute(
    `const r = document.querySelector('.lane-header[data-lane-id="' + arguments[0] + '"]').getBoundingClientRect();
     return (r.top + r.bottom) / 2;`,
    [id],
  );
}

test('dragging, resizing and re-laning a bar are saved, undone and kept across a restart', async (t) => {
  const dir = tempDir(t);
  const { ws, start, end } = workspaceWithRoadmap(dir);
  const env = appEnv(dir, ws);

  await withApp(t, env, async (s) => {
    await openRoadmap(s);

    // Move: 7 days to the right.
    let box = await barBox(s, 'r1');
    await s.drag(box.cx, box.cy, 7 * box.ppd, 0);
    await waitFor(() => stored(ws).start === shift(start, 7), { message: 'r1 to start 7 days later in the file' });
    assert.equal(stored(ws).end, shift(end, 7), 'a move shifts the end too');

    // Resize: the end edge 3 days further, once the bar is drawn at its new place.
    const moved = box.left + 7 * box.ppd;
    await waitFor(async () => Math.abs((await barBox(s, 'r1')).left - moved) < 2, { message: 'the bar to be redrawn 7 days later' });
    box = await barBox(s, 'r1');
    await s.drag(box.right - 2, box.cy, 3 * box.ppd, 0);
    await waitFor(() => stored(ws).end === shift(end, 10), { message: 'r1 to end 10 days after its original end' }).catch((e) => { t.diagnostic(JSON.stringify({ stored: stored(ws), start, end, box })); throw e; });
    assert.equal(stored(ws).start, shift(start, 7), 'a resize of the end keeps the start');

    // Re-lane: straight down into the Mobile lane.
    const resized = box.right + 3 * box.ppd;
    await waitFor(async () => Math.abs((await barBox(s, 'r1')).right - resized) < 2, { message: 'the bar to be redrawn 3 days longer' });
    box = await barBox(s, 'r1');
    const wasAt = await planRect(s, 'r1');
    const [blue, orange] = ['0,114,178,255', '230,159,0,255'];
    // (Painted faint while the drop's answer is on its way, then solid.)
    await waitFor(async () => (await paintedAt(s, wasAt.x + 4, wasAt.y + 4)).join() === blue, { message: 'r1 painted in the Onboarding blue' });
    const target = await laneCentre(s, 'l2');
    await s.drag(box.cx, box.cy, 0, target - box.cy);
    await waitFor(() => stored(ws).lane === 'l2', { message: 'r1 to move to the Mobile lane' });
    assert.equal(stored(ws).start, shift(start, 7), 'moving to another lane keeps the dates');
    // Painted at its new place in the Mobile lane's colour, and nothing left where it was.
    await waitFor(async () => {
      const r = await planRect(s, 'r1');
      return r.y !== wasAt.y && (await paintedAt(s, r.x + 4, r.y + 4)).join() === orange;
    }, { message: 'r1 painted in the Mobile lane, in its colour' });
    assert.equal((await paintedAt(s, wasAt.x + 4, wasAt.y + 4))[3], 0, 'nothing is left painted where r1 was');

    // Undo all three with Ctrl+Z.
    for (const expected of [
      (r) => r.lane === 'l1',
      (r) => r.end === shift(end, 7),
      (r) => r.start === start && r.end === end,
    ]) {
      await s.keys(Keys.CONTROL, 'z');
      await waitFor(() => expected(stored(ws)), { message: 'an undo step to reach the file' });
    }
    assert.deepEqual([stored(ws).lane, stored(ws).start, stored(ws).end], ['l1', start, end], 'undo restores the original');

    // Redo the move, so that the restart has something to keep.
    await s.keys(Keys.CONTROL, Keys.SHIFT, 'z');
    await waitFor(() => stored(ws).start === shift(start, 7), { message: 'redo to move r1 again' });
  }, 'first-launch');

  await withApp(t, env, async (s) => {
    await openRoadmap(s);
    const label = await s.execute(`return document.querySelector('g.bar[data-item-id="r1"]').getAttribute('aria-label');`);
    assert.ok(label.includes('Guided setup'), label);
  }, 'relaunch');
  assert.equal(stored(ws).start, shift(start, 7), 'the redone move survived the restart');
  assert.equal(stored(ws).lane, 'l1');
});
