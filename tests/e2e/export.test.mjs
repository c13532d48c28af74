// End-to-end: the Export dialog in the real app. Ctrl+E opens it with a preview drawn by
// the core; a new title redraws the preview; "Copy PNG" puts the 2× picture on the X
// clipboard (read back with xclip); "Export SVG…" goes through the real GTK save dialog
// (typed into with xdotool) and writes the file the preview showed; a range beyond the
// limit is refused at its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, Keys, typeIntoFileDialog } from './webdriver.mjs';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'the clipboard holds a PNG');
  return { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
}

const previewSrc = (s) => s.execute(`return document.querySelector('#export-preview-image')?.getAttribute('src') ?? null`);

test('export dialog: live preview, copy PNG to the clipboard, save an SVG', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'export.lodestar');
  const demo = cli(['--workspace', ws, 'demo']);
  assert.equal(demo.status, 0, demo.stderr);

  await withApp(t, appEnv(dir, ws), async (s) => {
    const link = await s.waitFor('a[data-view="roadmap"]');
    await link.click();
    await s.waitFor('.timeline[data-ready="true"] g.bar');
    await s.keys(Keys.CONTROL, 'e');
    await s.waitFor('#export-dialog[open]');
    await waitFor(async () => (await previewSrc(s))?.startsWith('data:image/png;base64,'), { message: 'the preview to be drawn' });
    const first = await previewSrc(s);

    // A new title redraws the preview.
    await s.setValue('#export-title', 'Board review — H1 plan');
    await waitFor(async () => {
      const src = await previewSrc(s);
      return src !== null && src !== first;
    }, { message: 'the preview to follow the new title' });
    const natural = await s.execute(`const img = document.querySelector('#export-preview-image');
      return img.complete ? { w: img.naturalWidth, h: img.naturalHeight } : null;`);
    assert.ok(natural && natural.w > 600, 'the preview image has loaded');

    // Copy PNG: the clipboard holds the picture at the default 2× scale.
    await s.execute(`document.querySelector('#export-copy').click()`);
    await s.waitFor('#export-copied', { timeout: 30_000 });
    const clip = spawnSync('xclip', ['-selection', 'clipboard', '-t', 'image/png', '-o'], { env: process.env, timeout: 20_000 });
    assert.equal(clip.status, 0, `xclip could not read the clipboard: ${clip.stderr}`);
    const size = pngSize(clip.stdout);
    assert.ok(Math.abs(size.w - 2 * natural.w) <= 2 && Math.abs(size.h - 2 * natural.h) <= 2,
      `the copied PNG is the preview at 2×: ${size.w}×${size.h} vs ${natural.w}×${natural.h}`);

    // Save as SVG through the native save dialog.
    await s.execute(`document.querySelector('#export-format-svg').click()`);
    await s.execute(`document.querySelector('#export-save').click()`);
    const out = join(dir, 'board-review.svg');
    await typeIntoFileDialog('^Export$', out);
    await s.waitFor('#export-saved', { timeout: 30_000 });
    await waitFor(() => existsSync(out), { message: 'the SVG to be written' });
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /^<svg /, 'an SVG document');
    assert.ok(svg.includes('Board review — H1 plan'), 'the file carries the title the preview showed');

    // A mistyped range (the whole calendar) is refused at its field, not drawn for minutes.
    await s.setValue('#export-from', '0001-01-01');
    await s.setValue('#export-to', '9999-12-31');
    const refused = await s.waitFor('[data-field-error="to"]', { timeout: 10_000 });
    assert.match(await refused.text(), /20 years/, 'the core names the limit');
    // A range within it draws again.
    await s.setValue('#export-to', '0001-12-31');
    await waitFor(async () => (await s.execute(`return document.querySelector('[data-field-error="to"]') === null`)), { message: 'the error to clear' });
  });
});
