// The roadmap in the app's own engine: the release app (WebKitGTK) under Xvfb, driven over
// WebDriver, on the workspaces given. Prints per workspace (medians of REPS launches):
//  - open: click on Roadmap → the first frame painted after the timeline says it is ready
//    (its ready promise, then the frame that paints it);
//  - drag: intervals between requestAnimationFrame callbacks while a bar is dragged by W3C
//    pointer moves of 3 px every 33 ms for ~1.5 s (p50 / p95 / max), and how many frames
//    the ghost was not where the pointer put it;
//  - drop: pointer-up → the edit answered by the core (saved);
//  - scroll: frame intervals while the timeline scrolls three screens' width to the right, a
//    thirtieth of a screen a frame (far enough to pass the drawn window's edge many times and
//    the loaded range's, if a new one is needed) and the longest frame;
//  - memory: VmRSS of the app's process tree (app, WebKit web and network processes).
// Floors from the same run and engine: the same drag over an inert element (the page title),
// and an empty Tauri 2 app's memory (EMPTY_APP).
//
//   node scripts/bench/app.mjs REPS NAME=WORKSPACE_FILE...
import { readFileSync, readdirSync, readlinkSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP, Driver, appEnv } from '../../tests/e2e/webdriver.mjs';

const [repsArg = '3', ...cases] = process.argv.slice(2);
const REPS = Number(repsArg);
const EMPTY_APP = process.env.EMPTY_APP;

const median = (xs) => {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null;
};
const fmt = (x, digits = 0) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- memory ----

function processTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      let exe = '';
      try {
        exe = readlinkSync(`/proc/${name}/exe`);
      } catch {
        /* kernel thread or gone */
      }
      table.set(Number(name), { ppid, rssKb: rss ? Number(rss[1]) : 0, exe });
    } catch {
      /* gone meanwhile */
    }
  }
  return table;
}

/** MB of VmRSS of the process running `app` under `root` (the driver) and all its descendants. */
function treeRssMb(root, app) {
  const table = processTable();
  const children = new Map();
  for (const [pid, p] of table) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(pid);
  }
  const under = (pid, out = []) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      under(c, out);
    }
    return out;
  };
  const appPid = under(root).find((pid) => table.get(pid).exe === app);
  if (!appPid) return null;
  const pids = [appPid, ...under(appPid)];
  return pids.reduce((sum, pid) => sum + table.get(pid).rssKb, 0) / 1024;
}

// ------------------------------------------------------------ in the page ----

/** Installed in the page: a rAF recorder and a hook on the IPC that timestamps answers. */
const INSTRUMENT = `
  const w = window;
  if (!w.__bench) {
    w.__bench = { frames: [], recording: false, answers: [], pointerUpAt: null };
    // Tauri's IPC is a fetch of http://ipc.localhost/<command> (its invoke is not writable).
    const fetch0 = w.fetch.bind(w);
    w.fetch = (input, init) => {
      const p = fetch0(input, init);
      const url = String(input && input.url ? input.url : input);
      const cmd = url.startsWith('ipc:') || url.includes('ipc.localhost') ? decodeURIComponent(url.split('/').pop()) : null;
      if (cmd) p.then(() => w.__bench.answers.push({ cmd, at: performance.now() }), () => {});
      return p;
    };
    w.addEventListener('pointerup', () => { w.__bench.pointerUpAt = performance.now(); }, true);
    w.addEventListener('pointermove', (e) => { w.__bench.pointerX = e.clientX; w.__bench.pointerY = e.clientY; }, true);
  }
  w.__bench.record = () => {
    const b = w.__bench;
    b.frames = [];
    b.lag = 0;
    b.recording = true;
    let last = null;
    const tick = (t) => {
      if (!b.recording) return;
      if (last !== null) b.frames.push(t - last);
      last = t;
      if (b.probe) b.lag += b.probe() ? 0 : 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  w.__bench.stop = () => { w.__bench.recording = false; w.__bench.probe = null; return w.__bench.frames; };
`;

/** Click Roadmap; resolve with ms to the frame painted after the timeline is ready.
 *  The view resolves `window.__lodestarRoadmap.ready` when the drawn window is in the DOM;
 *  the engine's next rendering update lays it out and paints it, after that frame's rAF
 *  callbacks (the first rAF below); the rAF of the frame after it runs once that paint is
 *  done — the time taken. (Polling for the ready flag once a frame instead found it a frame
 *  late at worst, and a further rAF counted one frame more than the paint.) */
const OPEN_ROADMAP = `
  const done = arguments[arguments.length - 1];
  const t0 = performance.now();
  window.__bench.answers = [];
  const marks = () => {
    // The view's own marks: the request sent, its answer in hand, the window drawn.
    const mark = (name) => {
      const m = performance.getEntriesByName('lodestar:roadmap-' + name).filter((e) => e.startTime >= t0)[0];
      return m ? m.startTime - t0 : null;
    };
    return { request: mark('request'), answer: mark('answer'), drawn: mark('drawn') };
  };
  const timeout = setTimeout(() => done({ ms: null }), 60000);
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    clearTimeout(timeout);
    done({ ms: performance.now() - t0, ...marks() });
  }));
  window.__lodestarRoadmap = undefined;
  document.querySelector('a[data-view="roadmap"]').click();
  // The view arms its handle as it mounts, a moment after the click.
  const armed = () => {
    const ready = window.__lodestarRoadmap?.ready;
    if (ready === undefined) return void setTimeout(armed, 1);
    Promise.resolve(ready).then(painted);
  };
  armed();
`;

/** A bar whose middle is well inside the viewport, with room to drag it 135 px right. */
const PICK_BAR = `
  const tl = document.querySelector('.timeline').getBoundingClientRect();
  for (const el of document.querySelectorAll('.timeline [data-item-id]')) {
    const r = (el.querySelector('.body-rect') ?? el).getBoundingClientRect();
    const cx = r.left + r.width / 2;
    if (r.width > 60 && cx > tl.left + 260 && cx < tl.right - 160 && r.top > tl.top + 50 && r.bottom < tl.bottom - 10)
      return { id: el.getAttribute('data-item-id'), x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left };
  }
  return null;
`;

/** The drag ghost is where the pointer put it: its left edge moved with the pointer, to a snap. */
const GHOST_PROBE = `
  const b = window.__bench;
  const x0 = arguments[0], left0 = arguments[1];
  const ppd = Number(document.querySelector('.timeline').dataset.pxPerDay);
  const snap = Number(document.querySelector('.timeline').dataset.snapDays || 1);
  b.probe = () => {
    const g = document.querySelector('[data-drag-ghost]');
    if (!g || g.hidden || b.pointerX === undefined) return true; // not dragging yet: within the click slop
    const r = g.getBoundingClientRect();
    return Math.abs(r.left - left0 - (b.pointerX - x0)) <= ppd * snap + 1;
  };
`;

const SCROLL_SCREENS = `
  const done = arguments[arguments.length - 1];
  const sc = document.querySelector('.timeline .scroller');
  const width = sc.clientWidth;
  const steps = 90;
  const frames = [];
  let last = null, i = 0;
  const t0 = performance.now();
  const tick = (t) => {
    if (last !== null) frames.push(t - last);
    last = t;
    if (i++ < steps) { sc.scrollLeft += width / 30; requestAnimationFrame(tick); }
    else done({ frames, ms: performance.now() - t0, moved: sc.scrollLeft });
  };
  requestAnimationFrame(tick);
`;

async function pointerDrag(s, x, y, { moves = 45, step = 3, every = 33, release = true } = {}) {
  const actions = [
    { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
    { type: 'pointerDown', button: 0 },
    { type: 'pause', duration: 100 },
  ];
  for (let i = 1; i <= moves; i++) actions.push({ type: 'pointerMove', origin: 'viewport', x: Math.round(x + i * step), y: Math.round(y), duration: every });
  if (release) actions.push({ type: 'pointerUp', button: 0 });
  await s.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  await s.cmd('DELETE', '/actions').catch(() => {});
}

async function recordDrag(s, x, y, probeArgs) {
  await s.execute(INSTRUMENT);
  await s.execute('window.__bench.record()');
  if (probeArgs) await s.execute(GHOST_PROBE, probeArgs);
  await pointerDrag(s, x, y, { release: false });
  const frames = await s.execute('return window.__bench.stop()');
  const lag = await s.execute('return window.__bench.lag');
  return { frames: frames.slice(3), lag };
}

// ------------------------------------------------------------------ runs ----

async function measureWorkspace(workspace) {
  const dir = mkdtempSync(join(tmpdir(), 'lodestar-bench-app-'));
  const driver = await Driver.start({ env: appEnv(dir, workspace) });
  const out = {};
  try {
    const s = await driver.newSession();
    await s.waitFor('a[data-view="roadmap"]', { timeout: 60_000 });
    await sleep(1500); // let Home settle: its calls, fonts, backup
    await s.execute(INSTRUMENT);

    // The floor: the same drag over an inert element (the top bar's title).
    const title = await s.execute(`const r = document.querySelector('h1, header, .topbar').getBoundingClientRect(); return { x: r.left + 20, y: r.top + r.height / 2 };`);
    out.floor = (await recordDrag(s, title.x, title.y)).frames;
    await s.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerUp', button: 0 }] }] });
    await s.cmd('DELETE', '/actions').catch(() => {});

    const open = await s.executeAsync(OPEN_ROADMAP);
    out.openMs = open.ms;
    out.marks = open;
    out.domBars = await s.execute(`return document.querySelectorAll('.timeline [data-item-id]').length`);
    out.domNodes = await s.execute(`return document.querySelector('.timeline').querySelectorAll('*').length`);
    await sleep(800);
    out.rssMb = treeRssMb(driver.proc.pid, APP);

    const bar = await s.execute(PICK_BAR);
    out.barId = bar?.id ?? null;
    if (bar) {
      const drag = await recordDrag(s, bar.x, bar.y, [bar.x, bar.left]);
      out.drag = drag.frames;
      out.lag = drag.lag;
      await s.execute('window.__bench.answers = []; window.__bench.pointerUpAt = null;');
      await s.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerUp', button: 0 }] }] });
      await s.cmd('DELETE', '/actions').catch(() => {});
      for (let i = 0; i < 100; i++) {
        const r = await s.execute(`const b = window.__bench; const a = b.answers.find((x) => x.cmd === 'edit_roadmap'); return a && b.pointerUpAt !== null ? a.at - b.pointerUpAt : null;`);
        if (r !== null) {
          out.dropMs = r;
          break;
        }
        await sleep(50);
      }
      await sleep(500);
    }
    const scroll = await s.executeAsync(SCROLL_SCREENS);
    out.scroll = scroll.frames.slice(1);
    await s.close().catch(() => {});
  } finally {
    await driver.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function emptyAppRss() {
  const dir = mkdtempSync(join(tmpdir(), 'lodestar-bench-empty-'));
  const driver = await Driver.start({ env: appEnv(dir, join(dir, 'unused.lodestar')) });
  try {
    const s = await driver.newSession({ application: EMPTY_APP });
    await sleep(2500);
    const mb = treeRssMb(driver.proc.pid, EMPTY_APP);
    await s.close().catch(() => {});
    return mb;
  } finally {
    await driver.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
let emptyRss = [];
for (const c of cases) {
  const [name, workspace] = c.split('=');
  const runs = [];
  for (let r = 0; r < REPS; r++) {
    if (EMPTY_APP && emptyRss.length < REPS) emptyRss.push(await emptyAppRss());
    const run = await measureWorkspace(workspace);
    runs.push(run);
    console.error(
      `  ${name} run ${r + 1}: open ${fmt(run.openMs)} ms (request sent at ${fmt(run.marks?.request)}, answered ${fmt(run.marks?.answer)}, drawn ${fmt(run.marks?.drawn)}); drag p50/p95 ${fmt(pct(run.drag ?? [], 0.5), 1)}/${fmt(pct(run.drag ?? [], 0.95), 1)} ms ` +
        `(${run.drag?.length ?? 0} frames, ghost off the pointer in ${run.lag ?? '—'}); floor p50/p95 ${fmt(pct(run.floor, 0.5), 1)}/${fmt(pct(run.floor, 0.95), 1)}; ` +
        `drop→saved ${fmt(run.dropMs, 1)} ms; scroll p95 ${fmt(pct(run.scroll, 0.95), 1)} max ${fmt(Math.max(...run.scroll))} ms; ${fmt(run.rssMb)} MB; ${run.domBars} bars / ${run.domNodes} nodes in the DOM`,
    );
  }
  const m = (f) => median(runs.map(f));
  rows.push({
    name,
    open: m((r) => r.openMs),
    dragP50: m((r) => pct(r.drag ?? [], 0.5)),
    dragP95: m((r) => pct(r.drag ?? [], 0.95)),
    dragMax: m((r) => (r.drag?.length ? Math.max(...r.drag) : null)),
    lag: m((r) => r.lag ?? null),
    floorP50: m((r) => pct(r.floor, 0.5)),
    floorP95: m((r) => pct(r.floor, 0.95)),
    drop: m((r) => r.dropMs ?? null),
    scrollP50: m((r) => pct(r.scroll, 0.5)),
    scrollP95: m((r) => pct(r.scroll, 0.95)),
    scrollMax: m((r) => Math.max(...r.scroll)),
    rss: m((r) => r.rssMb),
    domBars: m((r) => r.domBars),
    domNodes: m((r) => r.domNodes),
  });
}

const empty = median(emptyRss);
console.log(`\nRoadmap in the release app (WebKitGTK, Xvfb, software rendering), medians of ${REPS} launches`);
console.log('| workspace | click → first painted frame ms | drag rAF p50 / p95 / max ms | frames off the pointer | floor drag over the title p50 / p95 ms | pointer-up → saved ms | scroll three screens rAF p50 / p95 / max ms | RSS of the process tree MB (empty app) | bars / nodes in the DOM |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.open)} | ${fmt(r.dragP50, 1)} / ${fmt(r.dragP95, 1)} / ${fmt(r.dragMax, 1)} | ${fmt(r.lag)} | ${fmt(r.floorP50, 1)} / ${fmt(r.floorP95, 1)} | ${fmt(r.drop, 1)} | ` +
      `${fmt(r.scrollP50, 1)} / ${fmt(r.scrollP95, 1)} / ${fmt(r.scrollMax)} | ${fmt(r.rss)} (${fmt(empty)}${empty && r.rss ? `, ${(r.rss / empty).toFixed(2)}×` : ''}) | ${fmt(r.domBars)} / ${fmt(r.domNodes)} |`,
  );
}
