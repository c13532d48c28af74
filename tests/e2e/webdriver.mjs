// A tiny W3C WebDriver client over Node's global fetch, plus helpers to run
// the real Lodestar app under tauri-driver. No npm dependencies.
//
// Environment:
//   LODESTAR_APP  absolute path of the built app (default target/release/lodestar-app)
//   LODESTAR_CLI  the lodestar CLI (default target/release/lodestar, else target/debug/lodestar)
//   TAURI_DRIVER  tauri-driver binary (default: from PATH or ~/.cargo/bin)
//   DISPLAY       an X display (scripts/test starts Xvfb)

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const TARGET = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');

export const APP = resolve(process.env.LODESTAR_APP ?? join(TARGET, 'release/lodestar-app'));
export const CLI = resolve(
  process.env.LODESTAR_CLI ??
    (existsSync(join(TARGET, 'release/lodestar')) ? join(TARGET, 'release/lodestar') : join(TARGET, 'debug/lodestar')),
);

export const DEFAULT_TIMEOUT = 20_000;
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
export const Keys = { TAB: '\uE004', ENTER: '\uE007', CONTROL: '\uE009', SHIFT: '\uE008', BACKSPACE: '\uE003', ESCAPE: '\uE00C' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value (returned) or the timeout passes. */
export async function waitFor(fn, { timeout = DEFAULT_TIMEOUT, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastError;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message}` + (lastError ? `: ${lastError.message}` : ''));
    }
    await sleep(interval);
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

function tauriDriverPath() {
  if (process.env.TAURI_DRIVER) return process.env.TAURI_DRIVER;
  const r = spawnSync('sh', ['-c', 'command -v tauri-driver'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  const cargoBin = join(homedir(), '.cargo/bin/tauri-driver');
  if (existsSync(cargoBin)) return cargoBin;
  throw new Error('tauri-driver not found: cargo install tauri-driver --locked');
}

export class WebDriverError extends Error {}

// Drivers still running; killed (by process group) if this process exits
// without stopping them, e.g. on an uncaught error.
const liveDrivers = new Set();
process.on('exit', () => {
  for (const pid of liveDrivers) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/** One tauri-driver process (own process group, so WebKitWebDriver goes with it). */
export class Driver {
  static async start({ env = {} } = {}) {
    if (!process.env.DISPLAY) throw new Error('DISPLAY is not set: run under Xvfb (scripts/test does)');
    if (!existsSync(APP)) throw new Error(`app binary not found: ${APP}`);
    const port = await freePort();
    const nativePort = await freePort();
    const log = [];
    const proc = spawn(tauriDriverPath(), ['--port', String(port), '--native-port', String(nativePort)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk) => {
      log.push(chunk.toString());
      if (log.length > 400) log.shift();
    };
    proc.stdout.on('data', keep);
    proc.stderr.on('data', keep);
    liveDrivers.add(proc.pid);
    proc.once('exit', () => liveDrivers.delete(proc.pid));
    const d = new Driver(proc, `http://127.0.0.1:${port}`, log);
    await waitFor(
      async () => {
        if (proc.exitCode !== null) throw new Error(`tauri-driver exited with ${proc.exitCode}: ${log.join('')}`);
        const r = await fetch(`${d.url}/status`).catch(() => null);
        return r && r.ok;
      },
      { timeout: 15_000, interval: 100, message: 'tauri-driver to listen' },
    );
    return d;
  }

  constructor(proc, url, log) {
    this.proc = proc;
    this.url = url;
    this.log = log;
  }

  async request(method, path, body, { timeout = 90_000 } = {}) {
    const r = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const text = await r.text();
    let json;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new WebDriverError(`${method} ${path}: HTTP ${r.status}, not JSON: ${text.slice(0, 300)}`);
    }
    if (!r.ok || (json.value && json.value.error)) {
      const v = json.value ?? {};
      const err = new WebDriverError(`${method} ${path}: ${v.error ?? r.status}: ${v.message ?? text.slice(0, 300)}`);
      err.code = v.error;
      throw err;
    }
    return json.value;
  }

  /** Starts the app (or another Tauri binary, for a benchmark's floor) and returns its session. */
  async newSession({ application = APP } = {}) {
    const value = await this.request('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application } } },
    });
    return new Session(this, value.sessionId);
  }

  async stop() {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    try {
      process.kill(-this.proc.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => {
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await exited;
    clearTimeout(t);
  }
}

export class Session {
  constructor(driver, id) {
    this.driver = driver;
    this.id = id;
  }

  cmd(method, path, body, options) {
    return this.driver.request(method, `/session/${this.id}${path}`, body, options);
  }

  title() {
    return this.cmd('GET', '/title');
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Sets a form control's value the way a user's input would (text field or select). */
  setValue(selector, value) {
    return this.execute(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1];
       el.dispatchEvent(new Event('input', { bubbles: true }));
       el.dispatchEvent(new Event('change', { bubbles: true }));`,
      [selector, value],
    );
  }

  /** Clicks through the DOM (for buttons inside scrolling panels), once it exists. */
  async press(selector) {
    await this.waitFor(selector);
    await this.execute('document.querySelector(arguments[0]).click()', [selector]);
  }

  /** Runs an async script; it answers by calling its last argument. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  /** Finds one element by CSS selector, or null. */
  async find(selector) {
    try {
      const v = await this.cmd('POST', '/element', { using: 'css selector', value: selector });
      return new Element(this, v[ELEMENT_KEY]);
    } catch (e) {
      if (e.code === 'no such element') return null;
      throw e;
    }
  }

  /** Waits until the selector matches a displayed element. */
  async waitFor(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    return waitFor(
      async () => {
        const el = await this.find(selector);
        return el && (await el.displayed()) ? el : null;
      },
      { timeout, message: `element ${selector}` },
    );
  }

  /** W3C actions: a mouse drag from (x, y) by (dx, dy) in viewport pixels, in `steps` moves. */
  async drag(x, y, dx, dy, { steps = 10, duration = 300 } = {}) {
    const moves = [];
    for (let i = 1; i <= steps; i++) {
      moves.push({
        type: 'pointerMove',
        origin: 'viewport',
        x: Math.round(x + (dx * i) / steps),
        y: Math.round(y + (dy * i) / steps),
        duration: Math.round(duration / steps),
      });
    }
    await this.mouse([
      { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 50 },
      ...moves,
      { type: 'pointerUp', button: 0 },
    ]);
  }

  /** W3C actions: a real mouse click at (x, y) in viewport pixels (for what WebDriver's element
   *  click cannot reach: SVG groups, shapes with no paint of their own). */
  async clickAt(x, y) {
    await this.mouse([
      { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  }

  /** Runs W3C mouse actions, then releases whatever they left pressed. */
  async mouse(actions) {
    await this.cmd('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }

  /** W3C actions: press a key chord, e.g. keys(Keys.CONTROL, 'z'). */
  async keys(...chord) {
    const down = chord.map((value) => ({ type: 'keyDown', value }));
    const up = [...chord].reverse().map((value) => ({ type: 'keyUp', value }));
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
    await this.cmd('DELETE', '/actions').catch(() => {});
  }

  /** A PNG of the window; `timeout` bounds the wait (a hung page must not hold a failing test for long). */
  async screenshot(file, { timeout = 90_000 } = {}) {
    const b64 = await this.cmd('GET', '/screenshot', undefined, { timeout });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(b64, 'base64'));
    return file;
  }

  async close() {
    await this.cmd('DELETE', '');
  }
}

export class Element {
  constructor(session, id) {
    this.session = session;
    this.id = id;
  }

  cmd(method, path, body) {
    return this.session.cmd(method, `/element/${this.id}${path}`, body);
  }

  click() {
    return this.cmd('POST', '/click', {});
  }

  clear() {
    return this.cmd('POST', '/clear', {});
  }

  type(text) {
    return this.cmd('POST', '/value', { text });
  }

  text() {
    return this.cmd('GET', '/text');
  }

  property(name) {
    return this.cmd('GET', `/property/${name}`);
  }

  attribute(name) {
    return this.cmd('GET', `/attribute/${name}`);
  }

  displayed() {
    return this.cmd('GET', '/displayed');
  }

  value() {
    return this.property('value');
  }
}

// ------------------------------------------------------- native dialogs ----

/**
 * Types `path` into the GTK file dialog whose title matches `title` (a regex for
 * `xdotool search --name`) and confirms it. There is no window manager under Xvfb, so
 * the dialog is given the keyboard first. In an open dialog the first "/" opens the
 * location field and may swallow the keys after it: open it, then replace its text; in
 * a save dialog the same keys replace the suggested name with the full path.
 */
export async function typeIntoFileDialog(title, path) {
  let id = '';
  await waitFor(() => {
    const found = spawnSync('xdotool', ['search', '--onlyvisible', '--name', title], { encoding: 'utf8' });
    id = found.status === 0 ? found.stdout.trim().split('\n').pop() : '';
    return id !== '';
  }, { message: `the native dialog "${title}" to open` });
  spawnSync('xdotool', ['windowfocus', '--sync', id], { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  for (const args of [['type', '/'], ['key', '--clearmodifiers', 'ctrl+a'], ['type', '--delay', '5', path], ['key', 'Return']]) {
    spawnSync('xdotool', args, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The File menu's items in order (src-tauri/src/menu.rs), for choosing one by its place. */
export const FILE_MENU = [
  'New Workspace…', 'Open…', 'Open Sample Workspace', 'Restore from Backup…',
  'Import JSON…', 'Export JSON…',
  'Import Roadmap Items from CSV…', 'Import Feedback from CSV…', 'Import KPI Measurements from CSV…',
  'Export Roadmap Items as CSV…', 'Export OKRs as CSV…', 'Export Dates to Calendar (.ics)…',
  'Share with Team…', 'Join Team Space…',
];

/**
 * Chooses a File menu item by its name (the native menu bar is outside the page): a
 * click on "File" at the window's top left, then the arrow keys to the item's place.
 */
export async function chooseFromFileMenu(item) {
  const place = FILE_MENU.indexOf(item);
  if (place < 0) throw new Error(`no File menu item "${item}"`);
  spawnSync('xdotool', ['mousemove', '18', '11', 'click', '1']);
  await new Promise((r) => setTimeout(r, 500));
  // The first Down highlights the first item.
  for (let i = 0; i <= place; i++) spawnSync('xdotool', ['key', 'Down']);
  spawnSync('xdotool', ['key', 'Return']);
}

// ------------------------------------------------------------------ CLI ----

/** Runs the lodestar CLI; returns {status, stdout, stderr}. */
/**
 * Page-side source of `painted(x, y, w, h)`: the roadmap timeline's painted pixels over a
 * region in plan coordinates, composed from its canvas tiles, as
 * `{ data (RGBA), width, height, scale }` (device pixels; `scale` of them per CSS pixel).
 */
export const PAINTED = `function painted(x, y, w, h) {
  const tiles = [...document.querySelectorAll('.timeline .plan-paint canvas')];
  const scale = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(w * scale));
  out.height = Math.max(1, Math.round(h * scale));
  const ctx = out.getContext('2d');
  for (const t of tiles) ctx.drawImage(t, Math.round((parseFloat(t.style.left) - x) * scale), Math.round((parseFloat(t.style.top) - y) * scale));
  return { data: ctx.getImageData(0, 0, out.width, out.height).data, width: out.width, height: out.height, scale };
}`;

export function cli(args) {
  if (!existsSync(CLI)) throw new Error(`lodestar CLI not found: ${CLI}`);
  const r = spawnSync(CLI, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 2 ** 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes `doc` (a workspace JSON document) beside `workspace` and imports it with the CLI. */
export function importDocument(workspace, doc) {
  const file = `${workspace}.json`;
  writeFileSync(file, JSON.stringify(doc));
  const r = cli(['--workspace', workspace, 'import', file]);
  if (r.status !== 0) throw new Error(`lodestar import exited ${r.status}: ${r.stderr}`);
}

/** `lodestar --workspace FILE export json`, parsed. */
export function exportJson(workspace) {
  const r = cli(['--workspace', workspace, 'export', 'json']);
  if (r.status !== 0) throw new Error(`lodestar export json exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ------------------------------------------------------------- fixtures ----

/** App env for one test: the workspace, and XDG dirs inside the temp dir so the
 *  app (sample workspace, webview data, last-opened memory) never touches $HOME. */
export function appEnv(dir, workspace) {
  return {
    LODESTAR_WORKSPACE: workspace,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
}

/** A temp dir removed after the test. */
export function tempDir(t) {
  const d = mkdtempSync(join(tmpdir(), 'lodestar-e2e-'));
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

function slug(s) {
  return s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80);
}

/**
 * Starts a fresh tauri-driver with `env` for the app, opens a session (which
 * launches the app), runs body(session), and always closes both. On failure
 * saves a screenshot and the driver log into tests/e2e/artifacts/.
 */
export async function withApp(t, env, body, label = '') {
  const driver = await Driver.start({ env });
  let session;
  try {
    session = await driver.newSession();
    return await body(session);
  } catch (e) {
    const base = join(ARTIFACTS, slug(`${t.name}${label ? '-' + label : ''}`));
    mkdirSync(ARTIFACTS, { recursive: true });
    if (session) {
      try {
        const f = await session.screenshot(`${base}.png`, { timeout: 10_000 });
        t.diagnostic(`screenshot: ${f}`);
      } catch (se) {
        // WebKitGTK's own snapshot can wait forever on a page that draws nothing new when
        // its DMA-BUF renderer is off (as it is without a GPU); the X screen shows the same.
        const x = spawnSync('import', ['-window', 'root', `${base}.png`], { timeout: 10_000 });
        t.diagnostic(x.status === 0 ? `screenshot (X screen): ${base}.png` : `screenshot failed: ${se.message}`);
      }
      try {
        writeFileSync(`${base}.html`, await session.cmd('GET', '/source', undefined, { timeout: 15_000 }));
        t.diagnostic(`page source: ${base}.html`);
      } catch {
        /* best effort */
      }
    }
    writeFileSync(`${base}.driver.log`, driver.log.join(''));
    t.diagnostic(`driver log: ${base}.driver.log`);
    throw e;
  } finally {
    if (session) await session.close().catch(() => {});
    await driver.stop();
  }
}
