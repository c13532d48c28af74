// End-to-end: a 10,000-item roadmap (20 lanes over three years around today) in the real
// app. Only the visible part is drawn, yet a real pointer drag of a bar in the middle of the
// plan moves that item — and only that one — by the days dragged, and it is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, importDocument } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);
const shift = (date, days) => iso(new Date(Date.parse(date) + days * DAY));

function largeWorkspace(dir, items = 10_000, lanes = 20) {
  const today = iso(new Date());
  const first = shift(today, -365);
  let seed = 7;
  const next = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Large plan' },
    lanes: Array.from({ length: lanes }, (_, l) => ({ id: `l${l}`, name: `Lane ${l + 1}` })),
    roadmap_items: Array.from({ length: items }, (_, i) => {
      const start = shift(first, next(3 * 365 - 60));
      return {
        id: `r${i}`,
        lane: `l${i % lanes}`,
        title: `Initiative ${i}`,
        start,
        end: shift(start, 5 + next(40)),
        kind: ['feature', 'discovery', 'tech_debt', 'reliability', 'growth'][i % 5],
        status: ['planned', 'in_progress', 'idea'][i % 3],
      };
    }),
  };
  const ws = join(dir, 'large.lodestar');
  importDocument(ws, doc);
  return ws;
}

test('in a 10,000-item roadmap, dragging a bar moves that item and saves it, and only that item', async (t) => {
  const dir = tempDir(t);
  const ws = largeWorkspace(dir);
  const before = new Map(exportJson(ws).roadmap_items.map((i) => [i.id, i]));

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"]', { timeout: 60_000 });

    const drawn = await s.execute(`return document.querySelectorAll('.timeline [data-item-id]').length;`);
    assert.ok(drawn > 20 && drawn < 1000, `only the visible part of the plan is in the DOM (${drawn} bars)`);

    // A bar well inside the viewport, with room to grab its middle.
    const bar = await s.execute(
      `const tl = document.querySelector('.timeline').getBoundingClientRect();
       const ppd = Number(document.querySelector('.timeline').dataset.pxPerDay);
       for (const g of document.querySelectorAll('.timeline g.bar[data-item-id]')) {
         const r = g.querySelector('rect.body-rect').getBoundingClientRect();
         if (r.width > 60 && r.left > tl.left + 260 && r.right < tl.right - 300 && r.top > tl.top + 120 && r.bottom < tl.bottom - 60)
           return { id: g.dataset.itemId, left: r.left, x: r.left + r.width / 2, y: (r.top + r.bottom) / 2, ppd };
       }
       return null;`,
    );
    assert.ok(bar, 'a bar to drag is in view');
    const { id } = bar;
    const original = before.get(id);

    await s.drag(bar.x, bar.y, 5 * bar.ppd, 0, { steps: 15, duration: 500 });
    await waitFor(() => exportJson(ws).roadmap_items.find((i) => i.id === id).start === shift(original.start, 5), {
      message: `${id} to start 5 days later in the file`,
    });

    const after = exportJson(ws).roadmap_items;
    const changed = after.filter((i) => JSON.stringify(i) !== JSON.stringify(before.get(i.id))).map((i) => i.id);
    assert.deepEqual(changed, [id], 'the dragged item is the one that changed');
    const moved = after.find((i) => i.id === id);
    assert.deepEqual([moved.lane, moved.end], [original.lane, shift(original.end, 5)], 'same lane, end moved with the start');

    // The bar is drawn at its new place.
    const barLeft = () => s.execute(`return document.querySelector('g.bar[data-item-id="' + arguments[0] + '"] rect.body-rect').getBoundingClientRect().left;`, [id]);
    await waitFor(async () => Math.abs((await barLeft()) - (bar.left + 5 * bar.ppd)) < 2, { message: 'the bar to be drawn 5 days later' });
  });
});

test('in a 10,000-item roadmap, the timeline scrolls to later months, stays there and draws the bars there, with the whole plan loaded once', async (t) => {
  const dir = tempDir(t);
  const ws = largeWorkspace(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"]', { timeout: 60_000 });
    // The bars inside the viewport, and the day at its left edge.
    const inView = () =>
      s.execute(
        `const sc = document.querySelector('.timeline .scroller');
         const v = sc.getBoundingClientRect();
         const tl = document.querySelector('.timeline');
         const left = v.left + 200; // right of the lane headers
         const ids = [];
         for (const g of document.querySelectorAll('.timeline g.bar[data-item-id]')) {
           const r = g.querySelector('rect.body-rect').getBoundingClientRect();
           if (r.right > left && r.left < v.right && r.bottom > v.top + 48 && r.top < v.bottom) ids.push(g.dataset.itemId);
         }
         const day = new Date(Date.parse(tl.dataset.from) + (sc.scrollLeft / Number(tl.dataset.pxPerDay)) * 86400000);
         return { ids, scrollLeft: sc.scrollLeft, day: day.toISOString().slice(0, 10) };`,
      );
    const before = await inView();
    assert.ok(before.ids.length > 5, `bars are drawn in view before scrolling (${before.ids.length})`);
    // Once drawn, the view loads the whole plan (a year before today to two after) and a
    // year beyond each end, so that scrolling through it asks for nothing more: each new
    // range redraws the timeline, a frozen frame at this size.
    const today = iso(new Date());
    const loadedFrom = () => s.execute(`return document.querySelector('.timeline').dataset.from;`);
    const wide = await waitFor(async () => ((await loadedFrom()) <= shift(today, -700) ? loadedFrom() : null), { timeout: 30_000, message: 'the range around the whole plan' });

    // Two screens to the right, a step a frame, as a scroll bar or a touchpad does.
    await s.executeAsync(
      `const done = arguments[arguments.length - 1];
       const sc = document.querySelector('.timeline .scroller');
       let i = 0;
       const step = () => { if (i++ < 40) { sc.scrollLeft += sc.clientWidth / 20; requestAnimationFrame(step); } else done(); };
       requestAnimationFrame(step);`,
    );
    await new Promise((r) => setTimeout(r, 1000));
    const after = await inView();
    assert.ok(after.day > shift(before.day, 60), `the timeline stays scrolled to later days (${before.day} → ${after.day})`);
    assert.ok(after.ids.length > 5, `the bars of those days are drawn (${after.ids.length})`);
    const overlap = after.ids.filter((id) => before.ids.includes(id)).length;
    assert.ok(overlap < after.ids.length / 2, 'other bars than before are in view');
    assert.equal(await loadedFrom(), wide, 'no other range was asked for while scrolling through the plan');
  });
});
