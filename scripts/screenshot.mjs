// Screenshots for the README, from the real app over WebDriver: the roadmap of the
// sample product at month zoom (docs/screenshot.png) and its OKRs (docs/okrs.png).
//   node scripts/screenshot.mjs WORKSPACE OUT_DIR
import { withApp, appEnv } from '../tests/e2e/webdriver.mjs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [workspace, outDir] = process.argv.slice(2);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const t = { name: 'screenshot', diagnostic: console.error, after() {} };

await withApp(t, appEnv(mkdtempSync(join(tmpdir(), 'lodestar-shot-')), workspace), async (s) => {
  await (await s.waitFor('a[data-view="roadmap"]')).click();
  await s.waitFor('.timeline[data-ready="true"]');
  await pause(1000);
  await s.screenshot(join(outDir, 'screenshot.png'));
  await (await s.waitFor('a[data-view="okrs"]')).click();
  await s.waitFor('[data-objective-id]');
  await pause(1000);
  await s.screenshot(join(outDir, 'okrs.png'));
});
