// End-to-end: closing a cycle in the real app. The dialog shows what closing does before
// anything is written (achieved vs missed with progress, what is carried, each carried key
// result's new baseline); "Close cycle" applies it, the next cycle shows the carried card
// ("Carried from …"); Ctrl+Z undoes the whole close, leaving the workspace as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { withApp, waitFor, tempDir, appEnv, Keys, importDocument, exportJson, ARTIFACTS } from './webdriver.mjs';

/** The X screen as a PNG in the artifacts folder, to look at (best effort). */
function snap(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  spawnSync('import', ['-window', 'root', join(ARTIFACTS, name)], { timeout: 10_000 });
}

const iso = (d) => d.toISOString().slice(0, 10);
const day = 86_400_000;

/** Cycle "Winter" ended yesterday; "Spring" runs from today. */
function workspace(dir) {
  const ws = join(dir, 'close.lodestar');
  const today = new Date();
  const winterStart = iso(new Date(today - 90 * day));
  importDocument(ws, {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    cycles: [
      { id: 'Winter', start: winterStart, end: iso(new Date(today - day)) },
      { id: 'Spring', start: iso(today), end: iso(new Date(+today + 90 * day)) },
    ],
    objectives: [
      { id: 'o1', title: 'Make onboarding effortless', cycle: 'Winter', status: 'active', owner: 'Dana' },
      { id: 'o2', title: 'Keep the lights on', cycle: 'Winter', status: 'active' },
    ],
    key_results: [
      // (43 − 40) / (46 − 40) = 0.5 → o1 missed, carried with baseline 43.
      { id: 'kr1', objective: 'o1', title: 'Raise 30-day retention', kind: 'increase', unit: '%', baseline: 40, target: 46 },
      // 99.9 ≥ 99.5 → 1 → o2 achieved.
      { id: 'kr2', objective: 'o2', title: 'Keep uptime', kind: 'at_least', unit: '%', baseline: 99, target: 99.5 },
    ],
    checkins: [
      { key_result: 'kr1', date: iso(new Date(today - 60 * day)), value: 43, confidence: 0.6 },
      { key_result: 'kr2', date: iso(new Date(today - 60 * day)), value: 99.9, confidence: 0.9 },
    ],
  });
  return ws;
}

test('closing a cycle with carry-over through the dialog, then undoing it', async (t) => {
  const dir = tempDir(t);
  const ws = workspace(dir);
  const before = exportJson(ws);

  await withApp(t, appEnv(dir, ws), async (s) => {
    const link = await s.waitFor('a[data-view="okrs"]');
    await link.click();
    await s.waitFor('#cycle-picker');
    await s.setValue('#cycle-picker', 'Winter');
    await s.waitFor('[data-objective-id="o1"]');

    await s.press('#close-cycle');
    await s.waitFor('#close-cycle-dialog [data-close-objective="o1"]');
    const shown = await s.execute(
      `const d = document.querySelector('#close-cycle-dialog');
       const row = (id) => d.querySelector('[data-close-objective="' + id + '"]');
       return { next: d.querySelector('#close-cycle-next').value,
                o1: row('o1').dataset.becomes, o2: row('o2').dataset.becomes,
                o1text: row('o1').textContent, o2text: row('o2').textContent,
                carriedAs: row('o1').querySelector('[data-carried-as]')?.dataset.carriedAs ?? null,
                baseline: row('o1').querySelector('[data-carried-kr="kr1"] [data-new-baseline]')?.textContent.trim() ?? null };`,
    );
    assert.equal(shown.next, 'Spring', 'the next cycle by start date is the default');
    assert.equal(shown.o1, 'missed');
    assert.equal(shown.o2, 'achieved');
    assert.match(shown.o1text, /50%/);
    assert.match(shown.o2text, /100%/);
    assert.equal(shown.carriedAs, 'o3');
    assert.match(shown.baseline, /^43\s?%$/);
    // Nothing is written before "Close cycle".
    snap('cycle-close-dialog.png');

    await s.press('#close-cycle-apply');
    await waitFor(async () => !(await s.find('#close-cycle-dialog')), { message: 'the dialog to close' });
    const card = await s.waitFor('[data-objective-id="o3"] [data-carried-from="o1"]');
    assert.equal((await card.text()).trim(), 'Carried from Make onboarding effortless (Winter)');
    assert.equal(await s.execute(`return document.querySelector('#cycle-picker').value`), 'Spring');
    snap('cycle-close-carried.png');

    // Ctrl+Z (outside a text field) reverses the whole close.
    await s.execute(`document.activeElement?.blur()`);
    await s.keys(Keys.CONTROL, 'z');
    await waitFor(async () => !(await s.find('[data-objective-id="o3"]')), { message: 'the carried card to go on undo' });
  });

  assert.deepEqual(exportJson(ws), before, 'undo restored the workspace exactly');
});

test('duplicating an objective from its card menu and moving a key result, each undone', async (t) => {
  const dir = tempDir(t);
  const ws = workspace(dir);
  const before = exportJson(ws);

  await withApp(t, appEnv(dir, ws), async (s) => {
    const link = await s.waitFor('a[data-view="okrs"]');
    await link.click();
    await s.waitFor('#cycle-picker');
    await s.setValue('#cycle-picker', 'Winter');
    await s.waitFor('[data-objective-id="o1"]');

    // Duplicate: a copy with " (copy)" and the key result, no check-ins.
    await s.press('[data-objective-id="o1"] [data-action="objective-menu"]');
    await s.waitFor('[data-objective-id="o1"] [data-action="duplicate-objective"]');
    snap('objective-menu.png');
    await s.press('[data-objective-id="o1"] [data-action="duplicate-objective"]');
    const copy = await s.waitFor('[data-objective-id="o3"]');
    assert.match(await copy.text(), /Make onboarding effortless \(copy\)/);
    assert.equal(await s.execute(`return document.querySelectorAll('[data-objective-id="o3"] [data-kr-id]').length`), 1);
    await s.press('#okr-undo');
    await waitFor(async () => !(await s.find('[data-objective-id="o3"]')), { message: 'the copy to go on undo' });

    // Move kr1 to o2 through its form: its check-in goes with it.
    await s.press('[data-kr-id="kr1"] [data-action="edit-kr"]');
    await s.waitFor('#kr-move-to');
    await s.setValue('#kr-move-to', 'o2');
    snap('kr-move-form.png');
    await s.press('#kr-move');
    await s.waitFor('[data-objective-id="o2"] [data-kr-id="kr1"]');
    assert.equal(await s.execute(`return document.querySelectorAll('[data-objective-id="o1"] [data-kr-id]').length`), 0);
    await s.execute(`document.activeElement?.blur()`);
    await s.keys(Keys.CONTROL, 'z');
    await s.waitFor('[data-objective-id="o1"] [data-kr-id="kr1"]');
  });

  assert.deepEqual(exportJson(ws), before, 'both undone: the workspace is as it was');
});
