// End-to-end: KPIs in the real app. On the sample product (Acme Analytics), record a
// measurement of a KPI bound to a key result in the Metrics view, see the note that it
// checked the key result in, and see that key result's value and progress move in the
// OKRs view. Then search with Ctrl+K and open a hit. Home is the first view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, Keys } from './webdriver.mjs';

const KPI = 'k-ret30'; // 30-day retention, bound to kr-ret30 (2026-Q4 objective "o-retention")
const KR = 'kr-ret30';

function sampleWorkspace(dir) {
  const ws = join(dir, 'acme.lodestar');
  const r = cli(['--workspace', ws, 'demo']);
  assert.equal(r.status, 0, r.stderr);
  return ws;
}

/** The key result row as the OKRs view shows it (the core's figures, formatted). */
async function krRow(s) {
  return s.execute(
    `const row = document.querySelector('[data-kr-id="${KR}"]');
     if (!row) return null;
     return { value: row.querySelector('.kr-value')?.textContent.trim() ?? '',
              pct: row.querySelector('.pct')?.textContent.trim() ?? '' };`,
  );
}

async function openOkrs(s) {
  await (await s.waitFor('a[data-view="okrs"]')).click();
  await s.waitFor(`[data-kr-id="${KR}"]`);
}

test('a measurement in Metrics checks in its bound key result, seen in OKRs; Ctrl+K finds and opens', async (t) => {
  const dir = tempDir(t);
  const ws = sampleWorkspace(dir);
  const env = appEnv(dir, ws);
  const today = new Date().toISOString().slice(0, 10);
  // A value no check-in of the sample has: the row must show exactly it afterwards.
  const value = '45.25';

  await withApp(t, env, async (s) => {
    // A non-empty workspace opens on Home, with the core's figures.
    await s.waitFor('.home[data-ready] [data-tile="objectives"]');
    assert.ok(await s.find('[data-tile="at-risk"]'), 'Home shows goals at risk');
    assert.ok(await s.find('[data-figure="coverage"]'), 'Home shows why coverage');

    // What the key result shows before.
    await openOkrs(s);
    const before = await krRow(s);
    t.diagnostic(`before: ${JSON.stringify(before)}`);
    assert.ok(!before.value.includes('45.25'), 'the sample does not already show the value');

    // Metrics: the KPI card with its chart, then record a measurement in its panel.
    await (await s.waitFor('a[data-view="metrics"]')).click();
    await s.waitFor(`[data-kpi-id="${KPI}"] .u-over`); // uPlot drew the chart
    const legend = await s.execute(`return document.querySelector('[data-kpi-id="${KPI}"] [data-bound-kr="${KR}"]')?.textContent ?? ''`);
    assert.match(legend, /target 46%/, 'the bound key result is listed under the chart with its target');
    await s.press(`[data-kpi-id="${KPI}"] [data-action="record"]`);
    await s.waitFor('#measure-value');

    // A value that is not a number is refused at the field (shape check) ...
    await s.setValue('#measure-value', 'lots');
    await s.press('[data-form="measurement"] [data-action="record"]');
    await s.waitFor('[data-field-error="value"]');

    // ... a number is recorded, for today.
    await s.setValue('#measure-date', today);
    await s.setValue('#measure-value', value);
    await s.press('[data-form="measurement"] [data-action="record"]');
    const note = await s.waitFor('[data-recorded]');
    const noteText = await note.text();
    t.diagnostic(`note: ${noteText}`);
    assert.match(noteText, /Checked in to KR “Raise 30-day retention from 40% to 46%”/);
    assert.equal(await note.attribute('data-checked-in'), KR);
    await waitFor(
      async () => (await s.execute(`return document.querySelector('[data-kpi-id="${KPI}"] [data-latest]')?.dataset.latest`)) === value,
      { message: 'the card to show the new latest value' },
    );

    // OKRs: the bound key result's current value and progress follow.
    await openOkrs(s);
    await waitFor(async () => (await krRow(s))?.value.includes('45.25'), { message: 'the key result to show 45.25' });
    const after = await krRow(s);
    t.diagnostic(`after: ${JSON.stringify(after)}`);
    // (45.25 − 40) ÷ (46 − 40) = 87.5 % → "88%" (the core computes it; the row formats it).
    assert.equal(after.pct, '88%');
    assert.notEqual(after.pct, before.pct);

    // Search: Ctrl+K opens the palette; typing finds the KPI; Enter opens it in Metrics.
    await s.keys(Keys.CONTROL, 'k');
    const input = await s.waitFor('#search-palette[open] #search-input');
    await input.type('30-day retention');
    await waitFor(
      async () => (await s.execute(`return document.querySelector('#search-results [data-hit-kind="kpi"][data-hit-id="${KPI}"]') !== null`)),
      { message: 'the KPI among the hits' },
    );
    // Move the highlight to the KPI hit with the arrow keys, then open it.
    const index = await s.execute(`return Number(document.querySelector('#search-results [data-hit-id="${KPI}"]').dataset.index)`);
    for (let i = 0; i < index; i++) await input.type('\uE015'); // ArrowDown
    await waitFor(
      async () => (await s.execute(`return document.querySelector('#search-results [aria-selected="true"]')?.dataset.hitId`)) === KPI,
      { message: 'the KPI hit to be highlighted' },
    );
    await input.type(Keys.ENTER);
    await waitFor(async () => (await s.execute('return location.hash')) === `#/metrics?focus=${KPI}`, { message: 'the hit to open Metrics' });
    // The KPI itself is opened: its card is brought into view and takes the focus.
    await waitFor(
      async () => (await s.execute('return document.activeElement?.closest("[data-kpi-id]")?.dataset.kpiId ?? null')) === KPI,
      { message: 'the KPI card to be focused' },
    );
    assert.equal(await s.execute('return document.querySelector("#search-palette").open'), false, 'the palette closed');

    // Esc closes it too.
    await s.keys(Keys.CONTROL, 'k');
    await s.waitFor('#search-palette[open]');
    await s.keys(Keys.ESCAPE);
    await waitFor(async () => (await s.execute('return document.querySelector("#search-palette").open')) === false, { message: 'Esc to close the palette' });

    // A roadmap item found by search opens with its panel (the why of it) on the roadmap.
    await s.keys(Keys.CONTROL, 'k');
    const again = await s.waitFor('#search-palette[open] #search-input');
    await again.type('Slack alerts');
    await waitFor(
      async () => (await s.execute(`return document.querySelector('#search-results [aria-selected="true"]')?.dataset.hitId ?? null`)) === 'r-slack',
      { message: 'the Slack item as the first hit' },
    );
    await again.type(Keys.ENTER);
    await s.waitFor('[data-item-panel="r-slack"]');
    assert.match(await s.execute('return location.hash'), /^#\/roadmap\?focus=r-slack$/);
  });

  // The check-in is in the file.
  const report = JSON.parse(cli(['--workspace', ws, 'export', 'json']).stdout);
  const checkins = report.checkins.filter((c) => c.key_result === KR && c.date === today);
  assert.equal(checkins.length, 1);
  assert.equal(checkins[0].value, Number(value));
});
