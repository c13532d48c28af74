// The roadmap exported as one HTML file, opened in a real browser engine — WebKitGTK's
// MiniBrowser, driven by WebKitWebDriver, the engine the app itself runs in — offline
// from a file:// URL: the bars are there, a click on one shows why it is on the
// roadmap, the lane filter dims the others, and a hostile title stays text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Driver, Session, cli, freePort, tempDir, waitFor } from './webdriver.mjs';

function miniBrowser() {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    const p = join(dir, 'webkit2gtk-4.1/MiniBrowser');
    if (existsSync(p)) return p;
  }
  const found = readdirSync('/usr/lib').map((d) => join('/usr/lib', d, 'webkit2gtk-4.1/MiniBrowser')).find(existsSync);
  if (!found) throw new Error('MiniBrowser not found (package libwebkit2gtk-4.1-0)');
  return found;
}

async function withBrowser(t, body) {
  if (!process.env.DISPLAY) throw new Error('DISPLAY is not set: run under Xvfb (scripts/test does)');
  const port = await freePort();
  const log = [];
  const proc = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  proc.stdout.on('data', (c) => log.push(c.toString()));
  proc.stderr.on('data', (c) => log.push(c.toString()));
  const driver = new Driver(proc, `http://127.0.0.1:${port}`, log);
  t.after(() => driver.stop());
  await waitFor(async () => (await fetch(`${driver.url}/status`).catch(() => null))?.ok, { timeout: 15_000, message: 'WebKitWebDriver' });
  const value = await driver.request('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] } } },
  });
  const session = new Session(driver, value.sessionId);
  try {
    await body(session);
  } finally {
    await session.cmd('DELETE', '').catch(() => {});
  }
}

test('the exported web page shows the roadmap and, for a clicked bar, why it is there', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'plan.lodestar');
  cli(['--workspace', ws, 'demo']);
  cli(['--workspace', ws, 'edit', 'item', 'r-drip', '--title', '<img src=x onerror="window.pwned=1">Drip']);
  const page = join(dir, 'roadmap.html');
  cli(['--workspace', ws, 'export', 'roadmap', '--out', page]);
  const size = statSync(page).size;
  assert.ok(size > 100_000 && size < 3_000_000, `a self-contained page of reasonable size: ${size} bytes`);

  await withBrowser(t, async (s) => {
    await s.cmd('POST', '/url', { url: pathToFileURL(page).href });
    const bars = await waitFor(() => s.execute('return document.querySelectorAll("svg [data-item-id]").length'), { message: 'the bars' });
    assert.ok(bars > 10, `${bars} bars drawn`);
    // Fonts and everything else came from the file itself: the page made no request.
    const outside = await s.execute(
      'return performance.getEntriesByType("resource").map((r) => r.name).filter((n) => !n.startsWith("data:") && !n.startsWith("file:"))',
    );
    assert.deepEqual(outside, []);

    // A real pointer click in the middle of the bar (an SVG group is not an element
    // WebDriver clicks directly).
    const [x, y] = await s.execute(
      'const r = document.querySelector(\'[data-item-id="r-guided"]\').getBoundingClientRect(); return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];',
    );
    await s.clickAt(x, y);
    await waitFor(() => s.execute('return !document.getElementById("why").hidden'), { message: 'the why panel' });
    assert.equal(await s.execute('return document.getElementById("why-title").textContent'), 'Guided setup checklist');
    const goals = await s.execute('return document.getElementById("why-goals").textContent');
    assert.match(goals, /retention/i, 'the goal it serves is named');
    assert.match(await s.execute('return document.getElementById("why-feedback").textContent'), /\d+ pieces? of feedback/);

    // The hostile title is shown as text and ran nothing.
    await s.execute('document.querySelector(\'[data-item-id="r-drip"]\').dispatchEvent(new MouseEvent("click", { bubbles: true }))');
    assert.equal(await s.execute('return document.getElementById("why-title").textContent'), '<img src=x onerror="window.pwned=1">Drip');
    assert.equal(await s.execute('return window.pwned === undefined && document.querySelectorAll("img").length === 0'), true);

    // Filtering by a lane dims the bars of the other lanes.
    await s.setValue('#lane-filter', 'l-mobile');
    const dimmed = await s.execute('return document.querySelectorAll("[data-item-id].dimmed").length');
    assert.ok(dimmed > 0 && dimmed < bars, `${dimmed} of ${bars} bars dimmed`);
    // Zoom in: the picture grows.
    const before = await s.execute('return document.querySelector("#scroller svg").getBoundingClientRect().width');
    await (await s.find('#zoom-in')).click();
    const after = await s.execute('return document.querySelector("#scroller svg").getBoundingClientRect().width');
    assert.ok(after > before * 1.2, `zoomed from ${before} to ${after} px`);
  });
});
