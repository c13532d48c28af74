// Roadmap speed harness: the built UI in headless Chromium (Debian's), against a
// fixture the real core produced (examples/roadmap_fixture.rs). The IPC is replaced
// by a fake `invoke` that fetches and parses the fixture's JSON, as the real one
// would parse the core's answer. Prints, per size: open-to-first-paint, drag work
// per pointer move (median, p95), drag latency p95, DOM elements in the timeline,
// JS heap, and the time from pointer release to the one `edit_roadmap` call.
//
//   node scripts/bench/roadmap.mjs FIXTURE_DIR SIZES [REPS]
import { createServer } from 'node:http';
import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, extname, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'ui/package.json'));
const { chromium } = require('playwright-core');

const [fixtureDir, sizesArg = '1000,5000,10000', repsArg = '3'] = process.argv.slice(2);
const sizes = sizesArg.split(',').map(Number);
const reps = Number(repsArg);
const DIST = join(ROOT, 'ui/dist');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.json': 'application/json' };

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = url.pathname.startsWith('/fixture/')
      ? join(fixtureDir, url.pathname.slice('/fixture/'.length))
      : join(DIST, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Runs in the page before the app: a fake Tauri IPC backed by the fixture. */
function fakeIpc(n) {
  const calls = (window.__benchCalls = []);
  const today = '2027-05-01';
  const info = { path: '/bench/roadmap.lodestar', product_name: 'Synthetic roadmap', is_empty: false };
  let view = null;
  const answers = {
    workspace_info: () => info,
    get_strategy: () => ({ product: { name: info.product_name, vision: null, strategy: null, lifecycle_stage: null }, revisions: [] }),
    roadmap_view: async () => {
      // Fetch + parse on every call, as the real IPC parses the core's answer each time.
      const t0 = performance.now();
      const text = await (await fetch(`/fixture/roadmap-view-${n}.json`)).text();
      view = JSON.parse(text);
      window.__benchIpcMs = performance.now() - t0;
      return view;
    },
    roadmap_board: () => [],
    roadmap_item: (args) => {
      const bar = view?.geometry.bars.find((b) => b.item === args.id);
      return { item: { id: args.id, lane: bar?.lane ?? 'l0', title: bar?.title ?? '', start: bar?.start ?? today, end: bar?.end ?? today,
        kind: 'feature', status: 'planned', horizon: null, objectives: [], depends_on: [], expected_impact: null, tradeoff: null,
        rice: null, ice: null, moscow: null, urgent: null, important: null, key_results: [], external_key: null },
        objectives: [], feedback_count: 0, milestones: [], conflicts: [], depends_on: [], dependents: [] };
    },
    edit_roadmap: () => ({ undo: 'move', redo: null }),
    undo_roadmap: () => ({ undo: null, redo: 'move' }),
    redo_roadmap: () => ({ undo: 'move', redo: null }),
  };
  window.__TAURI_INTERNALS__ = {
    transformCallback: (cb) => { const id = Math.random(); window['_' + id] = cb; return id; },
    invoke: async (cmd, args) => {
      calls.push({ cmd, at: performance.now() });
      const answer = answers[cmd];
      return answer ? answer(args ?? {}) : null;
    },
    metadata: { currentWindow: { label: 'main' }, currentWebview: { label: 'main' } },
  };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => {} };
}

/** In the page: per-move work and latency, split as for the peer apps in docs/PERFORMANCE.md. */
function instrument() {
  const afterPaint = () => new Promise((res) => requestAnimationFrame(() => {
    const ch = new MessageChannel(); ch.port1.onmessage = () => res(performance.now()); ch.port2.postMessage(0);
  }));
  // Work per move = the handlers' synchronous time + the next frame's time from its
  // start (a rAF registered before the app's own) to after its paint. The idle wait
  // for vsync between the two is not work.
  const moves = [];
  let current = null;
  window.addEventListener('pointermove', (e) => {
    if (current) return;
    const m = (current = { start: performance.now(), stamp: e.timeStamp });
    moves.push(m);
    requestAnimationFrame(() => {
      m.frame = performance.now();
      // Delivered after this frame's style, layout and paint.
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { m.end = performance.now(); };
      ch.port2.postMessage(0);
    });
  }, { capture: true });
  window.addEventListener('pointermove', () => { if (current && current.syncEnd == null) current.syncEnd = performance.now(); });
  // Opening the view: from the click on its link to the timeline's first paint, which
  // the app reports by resolving window.__lodestarRoadmap.ready after that paint.
  window.addEventListener('click', (e) => {
    if (e.target.closest?.('a[data-view="roadmap"]')) window.__benchClickAt = performance.now();
  }, { capture: true });
  let handle;
  Object.defineProperty(window, '__lodestarRoadmap', {
    configurable: true,
    get: () => handle,
    set: (v) => {
      handle = v;
      if (v && v.ready && typeof v.ready.then === 'function') v.ready.then(() => { window.__benchReadyAt = performance.now(); });
    },
  });
  window.__bench = {
    afterPaint,
    async settle() {
      await afterPaint();
      await afterPaint();
      current = null;
    },
    reset() { moves.length = 0; current = null; },
    stats() {
      const work = moves.filter((m) => m.end && m.frame != null).map((m) => (m.syncEnd ?? m.start) - m.start + (m.end - m.frame));
      const latency = moves.filter((m) => m.end).map((m) => m.end - m.stamp);
      return { work, latency };
    },
  };
}

const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null; };
const median = (a) => pct(a, 50);
const r1 = (v) => (v == null ? null : Math.round(v * 10) / 10);

async function runOnce(browser, base, n) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(fakeIpc, n);
  await page.addInitScript(instrument);
  await page.goto(base + '#/strategy');
  await page.waitForSelector('#product-name');
  // Open the Roadmap view: from the navigation to the first painted timeline.
  await page.click('a[data-view="roadmap"]');
  await page.waitForSelector('.timeline[data-ready="true"]', { timeout: 60_000 });
  const openMs = await page.evaluate(() => window.__benchReadyAt - window.__benchClickAt);
  const ipcMs = await page.evaluate(() => window.__benchIpcMs);
  const domBars = await page.evaluate(() => document.querySelectorAll('.timeline [data-item-id]').length);
  const domNodes = await page.evaluate(() => document.querySelector('.timeline').querySelectorAll('*').length);

  // Drag the first bar that is wide enough, 60 moves of 3 px, one per frame.
  const box = await page.evaluate(() => {
    const bars = [...document.querySelectorAll('.timeline [data-item-id]')];
    for (const b of bars) {
      const r = b.getBoundingClientRect();
      if (r.width > 60 && r.left > 260 && r.right < 1300 && r.top > 120 && r.bottom < 860) {
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, id: b.getAttribute('data-item-id') };
      }
    }
    return null;
  });
  let drag = { work: [], latency: [] };
  let dropMs = null;
  if (box) {
    await page.mouse.move(box.x, box.y);
    await page.evaluate(() => window.__bench.settle());
    await page.mouse.down();
    await page.evaluate(() => window.__bench.settle());
    await page.evaluate(() => window.__bench.reset());
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(box.x + i * 3, box.y);
      await page.evaluate(() => window.__bench.settle());
    }
    drag = await page.evaluate(() => window.__bench.stats());
    const before = await page.evaluate(() => performance.now());
    await page.mouse.up();
    await page.waitForFunction(() => window.__benchCalls.some((c) => c.cmd === 'edit_roadmap'), null, { timeout: 10_000 }).catch(() => {});
    dropMs = await page.evaluate((t) => {
      const c = window.__benchCalls.find((x) => x.cmd === 'edit_roadmap');
      return c ? c.at - t : null;
    }, before);
  }
  const client = await context.newCDPSession(page);
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  await context.close();
  return { openMs, ipcMs, domBars, domNodes, drag, dropMs, heapMb: usedSize / 2 ** 20, errors, dragged: !!box };
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}/`;
const userDataDir = mkdtempSync(join(tmpdir(), 'lodestar-bench-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const rows = [];
try {
  for (const n of sizes) {
    const runs = [];
    for (let rep = 0; rep < reps; rep++) runs.push(await runOnce(browser, base, n));
    const work = runs.flatMap((r) => r.drag.work);
    const latency = runs.flatMap((r) => r.drag.latency);
    rows.push({
      items: n,
      open_ms: r1(median(runs.map((r) => r.openMs))),
      ipc_fetch_parse_ms: r1(median(runs.map((r) => r.ipcMs))),
      drag_work_median_ms: r1(median(work)),
      drag_work_p95_ms: r1(pct(work, 95)),
      drag_latency_p95_ms: r1(pct(latency, 95)),
      release_to_edit_call_ms: r1(median(runs.map((r) => r.dropMs).filter((v) => v != null))),
      bars_in_dom: runs[0].domBars,
      timeline_elements: runs[0].domNodes,
      heap_mb: r1(median(runs.map((r) => r.heapMb))),
      dragged: runs.every((r) => r.dragged),
      page_errors: runs.reduce((s, r) => s + r.errors.length, 0),
    });
    console.error(JSON.stringify(rows.at(-1)));
    if (runs.some((r) => r.errors.length)) console.error(runs.find((r) => r.errors.length).errors[0]);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log('| items | open → first paint ms | of which IPC answer fetch + parse ms | drag work median ms | drag work p95 ms | drag latency p95 ms | release → edit call ms | bars in DOM | timeline elements | heap MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.items.toLocaleString('en')} | ${r.open_ms} | ${r.ipc_fetch_parse_ms} | ${r.drag_work_median_ms} | ${r.drag_work_p95_ms} | ${r.drag_latency_p95_ms} | ${r.release_to_edit_call_ms} | ${r.bars_in_dom} | ${r.timeline_elements} | ${r.heap_mb} |`);
}
