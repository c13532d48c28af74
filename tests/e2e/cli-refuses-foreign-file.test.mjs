// A plain JSON file renamed to .lodestar is refused and left untouched.
// (No app needed: this goes through the CLI, which opens files the same way.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './webdriver.mjs';

const sha256 = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');

test('a JSON file named x.lodestar is refused and not modified', (t) => {
  const file = join(tempDir(t), 'x.lodestar');
  writeFileSync(file, '{"hello":1}\n');
  const before = sha256(file);
  const r = cli(['--workspace', file, 'check']);
  assert.notEqual(r.status, 0, `check must fail; stdout: ${r.stdout}`);
  assert.ok((r.stderr + r.stdout).trim().length > 0, 'check explains why');
  t.diagnostic(`check said: ${(r.stderr || r.stdout).trim().split('\n')[0]}`);
  assert.equal(sha256(file), before, 'the file is unchanged');
});
