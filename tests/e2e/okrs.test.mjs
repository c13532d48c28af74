// End-to-end: goals in the real app. Create an objective with two key results, record
// a check-in, see progress and health change, restart: everything is still there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, Keys, importDocument } from './webdriver.mjs';

const iso = (d) => d.toISOString().slice(0, 10);

/** A workspace with one cycle around today: 30 days in, 60 to go. */
function workspaceWithCycle(dir) {
  const ws = join(dir, 'okrs.lodestar');
  const day = 86_400_000;
  const today = new Date();
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    cycles: [{ id: 'Now', start: iso(new Date(today - 30 * day)), end: iso(new Date(+today + 60 * day)) }],
  };
  importDocument(ws, doc);
  return ws;
}

async function cardState(s) {
  return s.execute(
    `const card = document.querySelector('[data-objective-id]');
     if (!card) return null;
     const bar = card.querySelector('[role=progressbar]');
     return { health: card.querySelector('.health-chip')?.dataset.health ?? null,
              progress: bar?.dataset.progress ?? null,
              krs: card.querySelectorAll('[data-kr-id]').length,
              title: card.textContent };`,
  );
}

async function openOkrs(s) {
  const link = await s.waitFor('a[data-view="okrs"]');
  await link.click();
  await s.waitFor('#cycle-picker');
}

async function addKeyResult(s, title, baseline, target) {
  await s.press('[data-objective-id] [data-action="add-kr"]');
  await s.waitFor('#kr-title');
  await s.setValue('#kr-title', title);
  await s.setValue('#kr-kind', 'increase');
  await s.setValue('#kr-unit', '%');
  await s.setValue('#kr-baseline', String(baseline));
  await s.setValue('#kr-target', String(target));
  await s.press('#edit-panel [data-action="save"]');
}

test('an objective with two key results moves with a check-in and survives a restart', async (t) => {
  const dir = tempDir(t);
  const ws = workspaceWithCycle(dir);
  const env = appEnv(dir, ws);

  await withApp(t, env, async (s) => {
    await openOkrs(s);
    await s.press('#new-objective');
    await s.waitFor('#objective-title');
    await s.setValue('#objective-title', 'Make onboarding effortless');
    await s.press('#edit-panel [data-action="save"]');
    await waitFor(async () => (await cardState(s))?.title.includes('Make onboarding effortless'), {
      message: 'the new objective card',
    });

    await addKeyResult(s, 'Raise 30-day retention from 40% to 46%', 40, 46);
    await waitFor(async () => (await cardState(s))?.krs === 1, { message: 'the first key result row' });
    await addKeyResult(s, 'Raise activation from 20% to 30%', 20, 30);
    await waitFor(async () => (await cardState(s))?.krs === 2, { message: 'the second key result row' });

    // A third of the cycle gone, nothing measured yet: off track.
    const before = await cardState(s);
    assert.equal(before.health, 'off_track');
    assert.equal(Number(before.progress), 0);

    await s.press('[data-kr-id] [data-action="checkin"]');
    const value = await s.waitFor('#checkin-value');
    await s.setValue('#checkin-value', '46');
    await value.type(Keys.ENTER);
    await waitFor(async () => Number((await cardState(s))?.progress) === 0.5, {
      message: 'progress to become 50% (one of two key results at target)',
    });
    const after = await cardState(s);
    assert.equal(after.health, 'on_track', 'health follows the check-in');
  }, 'first-launch');

  await withApp(t, env, async (s) => {
    await openOkrs(s);
    await waitFor(async () => (await cardState(s))?.krs === 2, { message: 'the card with its two key results after a restart' });
    const state = await cardState(s);
    assert.equal(Number(state.progress), 0.5);
    assert.equal(state.health, 'on_track');
  }, 'relaunch');

  const report = JSON.parse(cli(['--workspace', ws, 'report', 'okrs', '--json']).stdout);
  assert.equal(report.objectives.length, 1);
  assert.equal(report.objectives[0].key_results.length, 2);
  assert.equal(report.objectives[0].key_results[0].current, 46);
});
