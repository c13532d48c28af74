// End-to-end: the goal signal on the roadmap in the real app. Open an item's panel, link it
// to a key result with the picker, see the panel's sentence and a progress line on the bar
// as long as the key result's progress the core reports (through the CLI); the Goals-at-risk
// filter leaves an on-track item out; Ctrl+Z unlinks it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, cli, exportJson, tempDir, appEnv, Keys, importDocument, PAINTED } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);

/** A cycle 30 days in with 60 to go; kr1 moved from 40% to 45.7% of a 40 → 50 target (57%). */
function workspaceWithGoals(dir) {
  const ws = join(dir, 'signal.lodestar');
  const today = new Date();
  const at = (days) => iso(new Date(+today + days * DAY));
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    cycles: [{ id: 'Now', start: at(-30), end: at(60) }],
    objectives: [{ id: 'o1', title: 'Keep customers longer', cycle: 'Now', status: 'active' }],
    key_results: [
      { id: 'kr1', objective: 'o1', title: 'Raise 30-day retention', kind: 'increase', unit: '%', baseline: 40, target: 50 },
      { id: 'kr2', objective: 'o1', title: 'Cut churn', kind: 'decrease', unit: '%', baseline: 3.2, target: 2.5 },
    ],
    checkins: [
      { key_result: 'kr1', date: at(-20), value: 43 },
      { key_result: 'kr1', date: at(-5), value: 45.7 },
    ],
    lanes: [{ id: 'l1', name: 'Onboarding', color: '#0072B2' }],
    roadmap_items: [
      { id: 'r1', lane: 'l1', title: 'Guided setup', start: at(3), end: at(30), kind: 'feature', status: 'planned' },
      { id: 'r2', lane: 'l1', title: 'Faster charts', start: at(35), end: at(50), kind: 'reliability', status: 'planned' },
    ],
  };
  importDocument(ws, doc);
  return ws;
}

function report(ws, what) {
  const r = cli(['--workspace', ws, 'report', what, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/**
 * The bar's body width and its goal line as painted (null when it has none): the line is read
 * off the timeline's canvas, along the bar's bottom, as the run of pixels in one colour that
 * starts 2 px in from the bar's left end.
 */
async function goalLine(s, id) {
  return s.execute(
    `const g = document.querySelector('g.bar[data-item-id="' + arguments[0] + '"]');
     if (!g) return { bar: null, line: null };
     const r = g.querySelector('rect.body-rect');
     const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)));
     ${PAINTED}
     const { data: row, scale } = painted(x, Math.floor(y + h - 3), w, 1);
     const px = (i) => [row[4 * i], row[4 * i + 1], row[4 * i + 2]];
     const start = Math.round(2 * scale) + 1;
     const colour = px(start);
     const same = (c) => c.every((v, k) => Math.abs(v - colour[k]) <= 8);
     let end = start;
     while (end + 1 < w * scale && same(px(end + 1))) end++;
     // No goals: the bar's own fill runs on; a goal line stops before the bar's far end.
     const drawn = end + 1 < (w - 3) * scale;
     return { bar: w, progress: g.dataset.goalProgress ?? null, health: g.dataset.goalHealth ?? null,
              line: drawn ? { width: (end - start + 2) / scale, fill: 'rgb(' + colour.join(', ') + ')' } : null };`,
    [id],
  );
}

test('linking an item to a key result shows its progress on the bar and in the panel', async (t) => {
  const dir = tempDir(t);
  const ws = workspaceWithGoals(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"]');
    await s.waitFor('g.bar[data-item-id="r1"]');
    assert.equal((await goalLine(s, 'r1')).line, null, 'no goal yet: no line');

    // Open the panel and serve kr1 with the picker (grouped by objective).
    await s.execute(`document.querySelector('g.bar[data-item-id="r1"]').focus();`);
    await s.keys(Keys.ENTER);
    await s.waitFor('[data-item-panel="r1"] #item-add-key-result');
    const groups = await s.execute(
      `return [...document.querySelectorAll('#item-add-key-result optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)]);`,
    );
    assert.deepEqual(groups, [['Keep customers longer · Now', ['kr1', 'kr2']]]);
    await s.setValue('#item-add-key-result', 'kr1');
    await s.press('[data-item-panel="r1"] [data-action="link-key-result"]');
    await waitFor(() => exportJson(ws).roadmap_items.find((i) => i.id === 'r1').key_results.includes('kr1'), {
      message: 'the link in the file',
    });

    // The core's figures, through the CLI.
    const signal = report(ws, 'roadmap').items.find((i) => i.id === 'r1');
    const kr = report(ws, 'okrs').objectives[0].key_results.find((k) => k.id === 'kr1');
    assert.ok(Math.abs(signal.goal_progress - 0.57) < 1e-9, `(45.7 − 40) / (50 − 40) = 0.57, got ${signal.goal_progress}`);
    assert.equal(signal.goal_progress, kr.progress);
    assert.equal(signal.goal_health, 'on_track', 'ahead of the 33% expected by now');

    // The bar's line: as long as the progress, in the on-track colour.
    const drawn = await waitFor(async () => (await goalLine(s, 'r1')).line ? goalLine(s, 'r1') : null, { message: 'the goal line on r1' });
    assert.ok(Math.abs(drawn.line.width - (drawn.bar - 4) * signal.goal_progress) <= 1.5, JSON.stringify(drawn));
    assert.equal(Number(drawn.progress), signal.goal_progress);
    assert.equal(drawn.health, 'on_track');
    assert.equal(drawn.line.fill, 'rgb(31, 157, 85)', 'the on-track green of docs/DESIGN.md');
    assert.equal((await goalLine(s, 'r2')).line, null, 'an item without goals has no line');

    // The panel's sentence.
    const sentence = await (await s.waitFor('[data-item-panel="r1"] [data-kr-sentence="kr1"]')).text();
    assert.match(sentence, /^Serves KR ‘Raise 30-day retention’ — 57%, on track, forecast [\d.,]+% by \d{1,2} [A-Z][a-z]{2}$/);
    assert.equal(await s.execute(`return document.querySelector('[data-item-panel="r1"] [data-no-goal-warning]');`), null);
    await s.screenshot(join(dir, 'goal-signal.png')).catch(() => {});

    // "Goals at risk" leaves the on-track r1 (and the goal-less r2) out, and back.
    await s.press('#filter-goals-at-risk');
    await waitFor(async () => (await goalLine(s, 'r1')).bar === null, { message: 'r1 filtered out' });
    assert.equal((await goalLine(s, 'r2')).bar, null);
    await s.press('#filter-goals-at-risk');
    await waitFor(async () => (await goalLine(s, 'r1')).line, { message: 'r1 and its line back' });

    // Ctrl+Z undoes the link (it was one item update).
    await s.execute(`document.activeElement?.blur();`);
    await s.execute(`document.querySelector('g.bar[data-item-id="r2"]').focus();`);
    await s.keys(Keys.CONTROL, 'z');
    await waitFor(() => exportJson(ws).roadmap_items.find((i) => i.id === 'r1').key_results.length === 0, {
      message: 'the link undone in the file',
    });
    await waitFor(async () => (await goalLine(s, 'r1')).line === null, { message: 'the line gone' });
  });
});
