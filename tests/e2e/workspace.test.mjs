// End-to-end: the real app under Xvfb over WebDriver (tauri-driver + WebKitWebDriver).
// Each scenario gets a fresh tauri-driver whose environment names the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, Keys } from './webdriver.mjs';

function windowWithTitle(title) {
  const r = spawnSync('xdotool', ['search', '--name', `^${title}$`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

test('vision typed in the app survives a restart and is in the file', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'persist.lodestar');
  const env = appEnv(dir, ws);
  const vision = `Every product manager knows why each roadmap item exists (${Date.now()})`;

  await withApp(t, env, async (s) => {
    const name = await s.waitFor('#product-name');
    await waitFor(async () => (await name.value()) === 'Untitled product', {
      message: '#product-name to show "Untitled product"',
    });
    await waitFor(() => windowWithTitle('Untitled product — Lodestar'), {
      message: 'a window titled "Untitled product — Lodestar"',
    });
    const field = await s.waitFor('#product-vision');
    await field.clear();
    await field.type(vision);
    await name.click(); // blur commits the vision
    await waitFor(() => exportJson(ws).product?.vision === vision, {
      message: 'the vision to be saved in the workspace file (lodestar export json)',
    });
  }, 'first-launch');

  await withApp(t, env, async (s) => {
    // With a vision the workspace is no longer empty: the app opens on Home.
    await s.waitFor('.home[data-ready]');
    await (await s.waitFor('a[data-view="strategy"]')).click();
    const field = await s.waitFor('#product-vision');
    await waitFor(async () => (await field.value()) === vision, {
      message: '#product-vision to show the saved vision after a restart',
    });
  }, 'relaunch');

  assert.equal(exportJson(ws).product.vision, vision);
});

test('an empty product name is refused at the field and not saved', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'refuse.lodestar');

  await withApp(t, appEnv(dir, ws), async (s) => {
    const name = await s.waitFor('#product-name');
    await waitFor(async () => (await name.value()) === 'Untitled product', {
      message: '#product-name to show "Untitled product"',
    });
    // A valid name first, so that "old name" is one we set.
    await name.clear();
    await name.type('Polaris' + Keys.ENTER);
    await waitFor(() => exportJson(ws).product?.name === 'Polaris', {
      message: 'the name "Polaris" to be saved',
    });
    await waitFor(() => windowWithTitle('Polaris — Lodestar'), {
      message: 'the window title to follow the name ("Polaris — Lodestar")',
    });

    // Typing and erasing fires the input events a user's keystrokes do (clear() alone may not).
    await name.clear();
    await name.type('x' + Keys.BACKSPACE + Keys.ENTER);
    const error = await s.waitFor('[data-field-error="name"]');
    const message = (await error.text()).trim();
    assert.ok(message.length > 0, 'the field error shows a message');
    t.diagnostic(`field error: ${message}`);
    assert.equal(await name.value(), '', 'the field keeps the typed (empty) text');
    assert.equal(exportJson(ws).product.name, 'Polaris', 'the file still holds the old name');
  });
});

test('the sample product opens from the empty state', async (t) => {
  const dir = tempDir(t);
  const env = appEnv(dir, join(dir, 'empty.lodestar'));
  // The app writes the sample to <data dir>/lodestar/sample.lodestar.
  const sample = join(env.XDG_DATA_HOME, 'lodestar', 'sample.lodestar');

  await withApp(t, env, async (s) => {
    const button = await s.waitFor('#open-sample');
    await button.click();
    // Looked up on every poll: the view is drawn anew for the opened workspace.
    await waitFor(async () => (await s.execute(`return document.querySelector('#product-name')?.value ?? null`)) === 'Acme Analytics', {
      message: '#product-name to show "Acme Analytics"',
    });
    await waitFor(() => exportJson(sample).product?.name === 'Acme Analytics', {
      message: 'the sample to be saved in the workspace file',
    });
  });
});
