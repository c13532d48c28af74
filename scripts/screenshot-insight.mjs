// Screenshots of the Home dashboard (home.png) and the Metrics view (metrics.png) of the
// sample product, from the real app over WebDriver; with --all also the KPI panel
// (metrics-panel.png) and the search palette (search.png).
//   node scripts/screenshot-insight.mjs WORKSPACE OUT_DIR [--all]
import { withApp, appEnv, waitFor } from '../tests/e2e/webdriver.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [workspace, outDir, all] = process.argv.slice(2);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const t = { name: 'screenshot-insight', diagnostic: console.error, after() {} };

await withApp(t, appEnv(mkdtempSync(join(tmpdir(), 'lodestar-shot-')), workspace), async (s) => {
  await s.waitFor('.home[data-ready]');
  await pause(800);
  await s.screenshot(join(outDir, 'home.png'));
  await (await s.waitFor('a[data-view="metrics"]')).click();
  await s.waitFor('[data-kpi-id] .u-over');
  await pause(800);
  await s.screenshot(join(outDir, 'metrics.png'));
  if (all !== '--all') return;
  await s.execute('document.querySelector("[data-kpi-id] [data-action=record]").click()');
  await s.waitFor('#measure-value');
  await pause(500);
  await s.screenshot(join(outDir, 'metrics-panel.png'));
  await s.execute('document.querySelector("#open-search").click()');
  const input = await s.waitFor('#search-input');
  await input.type('retention');
  await waitFor(async () => (await s.execute('return document.querySelectorAll("#search-results [role=option]").length')) > 0, { message: 'search hits' });
  await pause(300);
  await s.screenshot(join(outDir, 'search.png'));
});
