// End-to-end: a bar's title is cut in the same place on screen and in an exported picture.
// The app draws the labels the core fitted with the bundled Inter, and
// `lodestar export roadmap --out x.svg` draws the same text at the same place, for titles that
// are easy to get wrong (long, wide and narrow letters, accents, CJK, emoji, markup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, cli, tempDir, appEnv, importDocument } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);
const shift = (date, days) => iso(new Date(Date.parse(date) + days * DAY));

// The picture's frame: its margin and lane header column, left of the timeline's x = 0.
const PLOT_X = 32 + 200;

const TITLES = [
  'Guided setup',
  'Offline mode for field teams, with sync conflicts resolved on the device',
  'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
  'iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii',
  'Équipe : réécriture des écrans d’accueil — Ångström, façade',
  '新しいオンボーディング体験の設計と検証',
  'Launch 🚀 party 🎉 with the team',
  '<b>Bold</b> & "quoted" \'text\'',
];
const LENGTHS = [4, 9, 16, 30];
const STATUSES = ['planned', 'in_progress', 'idea', 'done', 'dropped'];

function workspace(dir) {
  const ws = join(dir, 'labels.lodestar');
  const first = shift(iso(new Date()), 3);
  const items = [];
  TITLES.forEach((title, t) => {
    let start = first;
    LENGTHS.forEach((length, l) => {
      const i = t * LENGTHS.length + l;
      items.push({ id: `r${i}`, lane: `l${t}`, title, start, end: shift(start, length - 1), kind: 'feature', status: STATUSES[i % STATUSES.length] });
      start = shift(start, length + 2);
    });
  });
  importDocument(ws, {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Labels' },
    lanes: TITLES.map((_, t) => ({ id: `l${t}`, name: `Lane ${t + 1}` })),
    roadmap_items: items,
  });
  return { ws, count: items.length };
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => entities[e]);

/** item id → {x, text} of the bar titles in an exported SVG ("" when a bar shows none). */
function exportedLabels(svg) {
  const out = new Map();
  for (const [, id, body] of svg.matchAll(/<g data-item-id="([^"]+)">(.*?)<\/g>/g)) {
    const t = body.match(/<text x="([-\d.]+)" y="[-\d.]+" font-size="12"[^>]*>(.*?)<\/text>/);
    out.set(unescape(id), t ? { x: Number(t[1]) - PLOT_X, text: unescape(t[2]) } : { x: null, text: '' });
  }
  return out;
}

test('bar titles on screen are the exported picture’s, cut at the same letter and drawn at the same place', async (t) => {
  const dir = tempDir(t);
  const { ws, count } = workspace(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"]');
    await s.waitFor('g.bar[data-item-id="r0"]');
    await s.execute(`return document.fonts.ready.then(() => true)`);
    const screen = await s.execute(`
      const tl = document.querySelector('.timeline');
      const bars = [...document.querySelectorAll('.timeline g.bar[data-item-id]')].map((g) => {
        const t = g.querySelector('text.bar-title');
        const rect = g.querySelector('rect.body-rect');
        return { id: g.dataset.itemId, text: t ? t.textContent : '', x: t ? Number(t.getAttribute('x')) : null,
                 drawn: t ? t.getComputedTextLength() : 0, width: Number(rect.getAttribute('width')) };
      });
      const inter = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter' && f.status === 'loaded').map((f) => f.weight);
      return { from: tl.dataset.from, ppd: Number(tl.dataset.pxPerDay), zoom: tl.dataset.zoom, bars, inter };`);

    assert.equal(screen.bars.length, count, 'every bar is drawn');
    assert.ok(screen.inter.includes('500'), `the bundled Inter (500, the titles' weight) is loaded: ${screen.inter}`);

    // The same range and zoom exported by the CLI.
    const out = join(dir, 'labels.svg');
    const from = screen.from;
    const r = cli(['--workspace', ws, 'export', 'roadmap', '--out', out, '--from', from, '--to', shift(from, 200), '--zoom', screen.zoom]);
    assert.equal(r.status, 0, r.stderr);
    const exported = exportedLabels(readFileSync(out, 'utf8'));

    let cut = 0;
    for (const bar of screen.bars) {
      const e = exported.get(bar.id);
      assert.ok(e, `${bar.id} is in the picture`);
      assert.equal(bar.text, e.text, `${bar.id}: the same title on screen and in the picture`);
      if (bar.text) {
        assert.ok(Math.abs(bar.x - e.x) < 0.02, `${bar.id}: the title starts at ${bar.x} on screen and ${e.x} in the picture`);
        // Drawn with the same font the core measured with, the text stays inside its bar's
        // padding: WebKit puts glyphs on its pixel grid, up to a pixel or two wider than the
        // font's advances (CJK and emoji come from whatever fallback font the machine has: not
        // checked).
        if (/^[\u0000-\u024F\u2000-\u206F]*$/.test(bar.text)) {
          assert.ok(bar.drawn <= bar.width - 16 + 2, `${bar.id}: “${bar.text}” is ${bar.drawn} px wide in a ${bar.width} px bar`);
        }
      }
      if (bar.text.endsWith('…')) cut += 1;
    }
    assert.ok(cut >= 8, `many titles are cut (${cut})`);
  });
});
