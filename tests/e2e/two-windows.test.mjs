// End-to-end: a second app process on a workspace another window has open is refused
// with a message naming the file (even where no desktop bus lets the single-instance
// plugin hand over to the first window), the file is left as it was, and once the
// first window is gone "Try again" opens it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, APP } from './webdriver.mjs';

test('a second window on the same workspace is refused with a message, then opens it once the first is gone', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'shared.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  const env = appEnv(dir, ws);

  // The first window: the app started directly; with the start-up probe on it prints
  // when its page first called in (after it opened the workspace).
  const first = spawn(APP, [], { env: { ...process.env, ...env, LODESTAR_STARTUP_PROBE: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
  const firstExited = new Promise((r) => first.once('exit', r));
  let firstLog = '';
  first.stdout.on('data', (d) => (firstLog += d));
  try {
    await waitFor(() => firstLog.includes('lodestar-first-ipc'), { timeout: 30_000, message: 'the first window to open the workspace' });
    const before = readFileSync(ws);

    await withApp(t, env, async (s) => {
      const card = await s.waitFor('.failure[role="alert"]', { timeout: 30_000 });
      const text = await card.text();
      assert.match(text, /already open in another Lodestar window/, text);
      assert.ok(text.includes('shared.lodestar'), `the message names the file: ${text}`);
      assert.deepEqual(readFileSync(ws), before, 'the refused window did not touch the file');

      // The first window goes away (here: killed); Try again opens the workspace.
      first.kill('SIGKILL');
      await firstExited;
      await (await s.waitFor('#try-again')).click();
      await s.waitFor('a[data-view="home"][aria-current="page"]', { timeout: 30_000 });
      assert.equal(await s.execute('return document.querySelector(".failure") === null'), true, 'the failure is gone');
    });
  } finally {
    first.kill('SIGKILL');
    await firstExited; // before the temp dir (its webview data) is removed
  }
});
