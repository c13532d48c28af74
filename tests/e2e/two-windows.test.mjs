// End-to-end: a second app process on a workspace another window has open is refused
// with a message naming the file (even where no desktop bus lets the single-instance
// plugin hand over to the first window), and the file is left as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, APP } from './webdriver.mjs';

test('a second window on the same workspace is refused with a message', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'shared.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  const env = appEnv(dir, ws);
  await withApp(t, env, async (s) => {
    await s.waitFor('a[data-view]');
    const before = readFileSync(ws);
    const second = spawn(APP, [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise((r) => second.once('exit', r));
    let stderr = '';
    second.stderr.on('data', (d) => (stderr += d));
    try {
      await waitFor(() => stderr.includes('already open in another Lodestar window'), {
        timeout: 30_000,
        message: 'the second window to say the workspace is open elsewhere',
      });
    } finally {
      second.kill('SIGKILL');
      await exited; // before the temp dir (its webview data) is removed
    }
    assert.ok(stderr.includes(ws), `the message names the file: ${stderr}`);
    assert.deepEqual(readFileSync(ws), before, 'the refused window did not touch the file');
    // The first window still works on it.
    assert.ok(await s.execute(`return document.querySelector('a[data-view="home"]') !== null`));
  });
});
