// End-to-end: the weekly review in the real app. Home's "This week" tile opens the Review
// view; a key result that is due is checked in from there and leaves the due list; "Copy
// status report" puts on the X clipboard (read back with xclip) exactly what
// `lodestar report weekly --markdown` prints for the same day; the OKRs view draws the
// key result's confidence over time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, Keys, importDocument } from './webdriver.mjs';

const iso = (d) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;
const day = (offset) => iso(new Date(Date.now() + offset * DAY));

/** A cycle around today; one key result last checked in 20 days ago (due), one 2 days ago;
 *  a milestone in 5 days; an item starting in 3 days that ends 9 days later than planned. */
function workspace(dir) {
  const ws = join(dir, 'review.lodestar');
  importDocument(ws, {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris *beta*' },
    cycles: [{ id: 'Now', start: day(-30), end: day(60) }],
    objectives: [{ id: 'o1', title: 'Make onboarding effortless', cycle: 'Now', status: 'active' }],
    key_results: [
      { id: 'kr1', objective: 'o1', title: 'Raise 30-day retention', kind: 'increase', unit: '%', baseline: 40, target: 46 },
      { id: 'kr2', objective: 'o1', title: 'Cut #setup time', kind: 'decrease', unit: 'min', baseline: 30, target: 10 },
    ],
    checkins: [
      { key_result: 'kr1', date: day(-20), value: 41, confidence: 0.8 },
      { key_result: 'kr2', date: day(-2), value: 25, confidence: 0.7 },
    ],
    milestones: [{ id: 'm1', objective: 'o1', title: 'Beta launch', due: day(5) }],
    lanes: [{ id: 'l1', name: 'Onboarding', color: '#4f7cff' }],
    roadmap_items: [{ id: 'r1', lane: 'l1', title: 'Guided setup', start: day(3), end: day(20), kind: 'feature', status: 'planned', objectives: ['o1'] }],
    baselines: [{ id: 'b1', name: 'Q1 plan as approved', saved_on: day(-10), items: [{ item: 'r1', lane: 'l1', start: day(3), end: day(11) }] }],
  });
  return ws;
}

const dueIds = (s) => s.execute(`return [...document.querySelectorAll('[data-due]')].map((e) => e.dataset.due)`);

test('the weekly review: check in on a due key result, copy the status report the CLI prints', async (t) => {
  const dir = tempDir(t);
  const ws = workspace(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    // Home sums up the week and opens the review.
    const tile = await s.waitFor('#home-week-summary');
    await waitFor(async () => (await tile.text()).includes('1 check-in due'), { message: 'the This week tile' });
    assert.equal(await tile.text(), '1 check-in due · 1 milestone next · 1 slip · 1 goal at risk');
    await tile.click();
    await s.waitFor('section.review[data-ready="true"]');
    assert.deepEqual(await dueIds(s), ['kr1']);
    await s.waitFor('[data-slip="r1"]');
    const slip = await s.execute(`return document.querySelector('[data-slip="r1"]').textContent.replace(/\\s+/g, ' ').trim()`);
    assert.equal(slip, 'Guided setup +9 days');

    // Check in right here: the form opens on the key result, and after saving it is no longer due.
    await s.press('[data-due="kr1"] [data-action="checkin"]');
    const value = await s.waitFor('#checkin-dialog[data-kr="kr1"] #checkin-value');
    await s.setValue('#checkin-value', '43');
    await s.setValue('#checkin-confidence', '0.6');
    await value.type(Keys.ENTER);
    await s.waitFor('#review-no-due');
    assert.deepEqual(await dueIds(s), []);
    await s.waitFor('#review-toast');

    // Copy status report: the clipboard holds the CLI's Markdown for today.
    await s.press('#copy-status-report');
    await waitFor(async () => (await (await s.find('#review-toast'))?.text())?.startsWith('Status report copied'), {
      message: 'the copied confirmation',
    });
    const clip = spawnSync('xclip', ['-selection', 'clipboard', '-o'], { env: process.env, timeout: 20_000, encoding: 'utf8' });
    assert.equal(clip.status, 0, `xclip could not read the clipboard: ${clip.stderr}`);
    const report = cli(['--workspace', ws, 'report', 'weekly', '--markdown', '--as-of', day(0)]);
    assert.equal(report.status, 0, report.stderr);
    assert.equal(clip.stdout, report.stdout);
    // The check-in made from the review counts: a confidence drop, titles escaped, nothing due.
    assert.match(clip.stdout, /^# Polaris \\\*beta\\\* — weekly review, /);
    assert.match(clip.stdout, /- Confidence down: Raise 30-day retention, 80 % → 60 %/);
    assert.doesNotMatch(clip.stdout, /Check-in due/);
    assert.match(clip.stdout, /- Guided setup ends 9 days later than in 'Q1 plan as approved'/);

    // The OKRs view draws the key result's confidence over time (0.8, then 0.6).
    await (await s.waitFor('a[data-view="okrs"]')).click();
    await s.waitFor('[data-kr-id="kr1"] [data-spark="confidence"] polyline');
    const label = await s.execute(`return document.querySelector('[data-kr-id="kr1"] [data-spark="confidence"]').getAttribute('aria-label')`);
    assert.match(label, /^Confidence over time: \d+ \w+ 0\.8, \d+ \w+ 0\.6$/);
  });
});
