// End-to-end: a bar's title is cut in the same place on screen and in an exported picture.
// The app draws the labels the core fitted with the bundled Inter, and
// `lodestar export roadmap --out x.svg` draws the same text at the same place, for titles that
// are easy to get wrong (long, wide and narrow letters, accents, CJK, emoji, markup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, cli, tempDir, appEnv, importDocument, PAINTED } from './webdriver.mjs';

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
    // Once drawn, the view loads the plan and a year around it; then the tiles beyond the
    // viewport are painted between frames.
    await waitFor(async () => (await s.execute(`return document.querySelector('.timeline').dataset.from;`)) <= shift(iso(new Date()), -300), { message: 'the range around the plan' });
    await new Promise((r) => setTimeout(r, 300));
    const screen = await s.execute(`
      const tl = document.querySelector('.timeline');
      // The label each bar was painted with, its width in the painted font, and the rightmost
      // column of ink in the title's band on the canvas.
      ${PAINTED}
      const measure = document.createElement('canvas').getContext('2d');
      measure.font = '500 12px "Inter", system-ui, sans-serif';
      const bars = [...document.querySelectorAll('.timeline g.bar[data-item-id]')].map((g) => {
        const rect = g.querySelector('rect.body-rect');
        const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a)));
        const text = g.dataset.label ?? '';
        const { data: band, width: bw, height: bh, scale } = painted(x, y + h / 2 - 6, w, 12);
        const fill = [0, 1, 2].map((k) => band[4 * (bw - Math.round(3 * scale)) + k]);
        // Inside the bar's outline; a dropped bar's hatching is all "ink", so it is not read.
        let ink = null;
        if (g.dataset.status !== 'dropped')
        for (let c = Math.round(2 * scale); c < bw - Math.round(3 * scale); c++)
          for (let r = 0; r < bh; r++) {
            const i = 4 * (r * bw + c);
            if ([0, 1, 2].some((k) => Math.abs(band[i + k] - fill[k]) > 60)) ink = x + c / scale;
          }
        return { id: g.dataset.itemId, status: g.dataset.status, text, x: text ? Number(g.dataset.labelX) : null,
                 drawn: text ? measure.measureText(text).width : 0, ink, width: w, right: x + w };
      });
      const inter = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter' && f.status === 'loaded').map((f) => f.weight);
      return { from: tl.dataset.from, to: tl.dataset.to, ppd: Number(tl.dataset.pxPerDay), zoom: tl.dataset.zoom, bars, inter };`);

    assert.equal(screen.bars.length, count, 'every bar is drawn');
    assert.ok(screen.inter.includes('500'), `the bundled Inter (500, the titles' weight) is loaded: ${screen.inter}`);

    // The same range and zoom exported by the CLI (the view loads the plan and a year around it).
    const out = join(dir, 'labels.svg');
    const from = screen.from;
    const r = cli(['--workspace', ws, 'export', 'roadmap', '--out', out, '--from', from, '--to', screen.to, '--zoom', screen.zoom]);
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
          if (bar.status !== 'dropped') assert.ok(bar.ink !== null && bar.ink >= bar.x && bar.ink <= bar.right - 8 + 2, `${bar.id}: “${bar.text}” is painted from ${bar.x} to ${bar.ink}, in a bar ending at ${bar.right}`);
        }
      }
      if (bar.text.endsWith('…')) cut += 1;
    }
    assert.ok(cut >= 8, `many titles are cut (${cut})`);
  });
});
