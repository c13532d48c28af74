// End-to-end: hostile text and the shell's boundaries in the real app.
// 1. The sample product with markup, script and SVG payloads, right-to-left text, emoji
//    and a 100 KB title in every kind of record: every view shows them as text — no
//    element, script or handler is created from them, and nothing runs.
// 2. The webview can reach only Lodestar's own commands: plugin commands the window was
//    not granted, unknown commands and malformed arguments are refused; nothing remote
//    can be fetched (CSP); the page is the app's own bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, exportJson, importDocument } from './webdriver.mjs';

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"><foreignObject><iframe srcdoc="x"></iframe></foreignObject></svg>',
  '"/><a href="javascript:window.__pwned = 4">x</a>',
  'שלום עולם \u202Etxt.exe',
  '🚀 Launch 👩‍💻 ✅',
];
const HUGE = 'Long <b>title</b> & more '.repeat(4096) + PAYLOADS[1];

/** The sample, exported, with a payload prepended to every title and text. */
function hostileWorkspace(dir) {
  const sample = join(dir, 'sample.lodestar');
  assert.equal(cli(['--workspace', sample, 'demo']).status, 0);
  const doc = exportJson(sample);
  let n = 0;
  const next = () => PAYLOADS[n++ % PAYLOADS.length];
  doc.product.name = `Acme ${PAYLOADS[0]}`;
  doc.product.vision = `${PAYLOADS[2]} ${PAYLOADS[4]}`;
  doc.product.strategy = PAYLOADS[3];
  for (const list of ['objectives', 'key_results', 'roadmap_items', 'milestones', 'experiments', 'decisions', 'kpis']) {
    for (const r of doc[list] ?? []) {
      if ('title' in r) r.title = `${next()} ${r.title}`;
      if ('name' in r) r.name = `${next()} ${r.name}`;
    }
  }
  for (const l of doc.lanes) l.name = `${next()} ${l.name}`;
  for (const t of doc.themes ?? []) t.name = `${next()} ${t.name}`;
  for (const f of doc.feedback ?? []) {
    f.text = `${next()} ${f.text}`;
    f.customer = PAYLOADS[4];
  }
  for (const d of doc.decisions ?? []) d.rationale = `${next()} ${d.rationale ?? ''}`;
  doc.roadmap_items[0].title = HUGE;
  const ws = join(dir, 'hostile.lodestar');
  importDocument(ws, doc);
  return ws;
}

/** Waits until `view` is the current one and its content has loaded: main's text is
 *  there and the same over three polls (a view draws what the core answers, then stays). */
async function viewSettled(s, view) {
  let last = null;
  let same = 0;
  await waitFor(
    async () => {
      const now = await s.execute(
        `const link = document.querySelector('a[data-view="' + arguments[0] + '"]');
         const main = document.querySelector('main');
         return link?.getAttribute('aria-current') === 'page' && main && !main.querySelector('.loading') ? main.innerText : null;`,
        [view],
      );
      same = now && now === last ? same + 1 : 0;
      last = now;
      return same >= 2;
    },
    { interval: 150, message: `the ${view} view to load and settle` },
  );
}

/** Anything a payload could have created, counted in the live DOM. */
const damage = (s) =>
  s.execute(`return {
    pwned: window.__pwned ?? null,
    scripts: [...document.scripts].filter((e) => !e.src || !e.src.startsWith(location.origin)).length,
    injected: document.querySelectorAll('img[src="x"], iframe, foreignObject, a[href^="javascript:"]').length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    text: document.body.innerText,
  }`);

test('hostile text stays text in every view', async (t) => {
  const dir = tempDir(t);
  const ws = hostileWorkspace(dir);
  await withApp(t, appEnv(dir, ws), async (s) => {
    await s.waitFor('a[data-view]');
    const views = await s.execute(`return [...document.querySelectorAll('a[data-view]')].map((a) => a.dataset.view)`);
    assert.ok(views.length >= 4, `the sidebar lists the views: ${views}`);
    const seen = new Set();
    for (const view of views) {
      await s.execute(`document.querySelector('a[data-view="' + arguments[0] + '"]').click()`, [view]);
      await viewSettled(s, view);
      const d = await damage(s);
      assert.equal(d.pwned, null, `${view}: a payload ran`);
      assert.equal(d.injected, 0, `${view}: a payload created elements`);
      assert.equal(d.handlers, 0, `${view}: an inline event handler exists`);
      assert.equal(d.scripts, 0, `${view}: an inline script exists`);
      for (const p of PAYLOADS) if (d.text.includes(p)) seen.add(p);
    }
    // The markup payloads were shown literally somewhere (as text, not as elements).
    for (const p of PAYLOADS.slice(0, 4)) assert.ok(seen.has(p), `shown as text somewhere: ${p}`);
    assert.ok(seen.has(PAYLOADS[5]), 'emoji are shown');
  });
});

test('the webview reaches only Lodestar commands; malformed arguments and remote loads are refused', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'shell.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  await withApp(t, appEnv(dir, ws), async (s) => {
    await s.waitFor('a[data-view]');
    const tryInvoke = (cmd, args) =>
      s.executeAsync(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1])
           .then((v) => done({ ok: true, value: v }), (e) => done({ ok: false, reason: typeof e === 'string' ? e : JSON.stringify(e) }));`,
        [cmd, args],
      );
    // Plugin commands the window was never granted.
    for (const [cmd, args] of [
      ['plugin:clipboard-manager|read_text', {}],
      ['plugin:dialog|open', { options: {} }],
      ['plugin:fs|read_file', { path: '/etc/passwd' }],
      ['plugin:shell|execute', { program: 'sh', args: ['-c', 'id'] }],
      ['no_such_command', {}],
    ]) {
      const r = await tryInvoke(cmd, args);
      assert.equal(r.ok, false, `${cmd} must be refused`);
    }
    // Malformed arguments to a real command: refused, and nothing changes.
    const before = exportJson(ws).product.name;
    for (const args of [{ field: 'name', value: 42 }, { field: 'no_such_field', value: 'x' }, {}]) {
      const r = await tryInvoke('update_product', args);
      assert.equal(r.ok, false, `update_product(${JSON.stringify(args)}) must be refused`);
    }
    // An unknown field inside an input is refused, not silently dropped.
    const objective = { title: 'Sneaky', description: null, cycle: null, parent: null, category: null, owner: null, status: 'active', weight: null };
    const extra = await tryInvoke('create_objective', { input: { ...objective, id: 'o-chosen-by-the-page' } });
    assert.equal(extra.ok, false, 'an input with an unknown field must be refused');
    assert.ok(!exportJson(ws).objectives.some((o) => o.title === 'Sneaky'), 'nothing was created');
    assert.equal(exportJson(ws).product.name, before, 'the workspace is unchanged');
    // No remote content: CSP blocks fetches and scripts from elsewhere.
    const remote = await s.executeAsync(
      `const done = arguments[arguments.length - 1];
       fetch('https://example.com/').then(() => done('fetched'), () => done('blocked'));`,
    );
    assert.equal(remote, 'blocked');
    const origin = await s.execute('return location.origin');
    assert.match(origin, /^(tauri:\/\/localhost|http:\/\/tauri\.localhost)$/, `the page is the app's bundle: ${origin}`);
  });
});
