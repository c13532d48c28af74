// End-to-end: a conflict on the painted roadmap. An item that starts before the one it depends
// on ends carries a red badge, painted on the timeline's canvas; clicking the badge (reached
// through the hit layer above the canvas) explains the conflict and leaves the item panel shut;
// moving the item clear of the other repaints both without their badges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, importDocument, Keys, PAINTED } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);
const shift = (date, days) => iso(new Date(Date.parse(date) + days * DAY));

test('a conflict shows as a painted badge that opens its explanation', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'conflict.lodestar');
  const start = shift(iso(new Date()), 3);
  importDocument(ws, {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    // Each in a lane of its own: moving r2 changes no lane's rows, so the plan keeps its size.
    lanes: [{ id: 'p', name: 'Platform' }, { id: 'q', name: 'Quality' }, { id: 's', name: 'Sync' }],
    roadmap_items: [
      { id: 'r1', lane: 'p', title: 'Guided setup', start, end: shift(start, 20), kind: 'feature', status: 'planned' },
      { id: 'r2', lane: 'q', title: 'Faster charts', start: shift(start, 10), end: shift(start, 40), kind: 'reliability', status: 'planned', depends_on: ['r1'] },
      { id: 'r3', lane: 's', title: 'Offline mode', start: shift(start, 50), end: shift(start, 70), kind: 'feature', status: 'planned' },
    ],
  });

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"] g.bar[data-item-id="r2"]');
    // Once drawn, the view loads the plan and a year around it (a scroll that closes popovers).
    await waitFor(async () => (await s.execute(`return document.querySelector('.timeline').dataset.from;`)) <= shift(iso(new Date()), -300), { message: 'the range around the plan' });

    // Where each bar's badge is, and what is painted just left of its "!".
    const badges = await waitFor(
      async () => {
        const b = await s.execute(`
          ${PAINTED}
          return ['r1', 'r2', 'r3'].map((id) => {
            const c = document.querySelector('[data-conflict-badge="' + id + '"]');
            if (!c) return { id, badge: null };
            const [cx, cy] = [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))];
            const { data } = painted(cx - 4, cy, 1, 1);
            const r = c.getBoundingClientRect();
            return { id, badge: { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, plan: { x: cx, y: cy }, rgb: [data[0], data[1], data[2]] } };
          });`);
        return b.every((x) => x.id === 'r3' || x.badge) ? b : null;
      },
      { message: 'the badges of r1 and r2' },
    );
    const [r1, r2, r3] = badges;
    assert.equal(r3.badge, null, 'the item outside the conflict has no badge');
    for (const b of [r1, r2]) assert.deepEqual(b.badge.rgb, [214, 69, 69], `${b.id}: the badge is painted in the danger red`);

    await s.clickAt(r2.badge.x, r2.badge.y);
    const popover = await s.waitFor('[data-conflict-popover="r2"]');
    assert.match(await popover.text(), /“Faster charts” starts before “Guided setup” ends/);
    assert.equal(await s.execute(`return document.querySelector('[data-item-panel]');`), null, 'the badge does not open the item');

    // Moving r2 after r1's end by the keyboard resolves the conflict: both badges go, and r2
    // is painted at its new place only (an edit repaints what it changed, nothing stale stays).
    await s.keys(Keys.ESCAPE);
    const r2Was = await s.execute(`const r = document.querySelector('g.bar[data-item-id="r2"] rect.body-rect'); return [Number(r.getAttribute('x')), Number(r.getAttribute('y'))];`);
    const snap = Number(await s.execute(`return document.querySelector('.timeline').dataset.snapDays;`));
    await s.execute(`document.querySelector('g.bar[data-item-id="r2"]').focus();`);
    for (let i = 0; i < Math.ceil(11 / snap); i++) await s.keys('\uE014'); // → by a snap step each
    await waitFor(() => exportJson(ws).roadmap_items.find((i) => i.id === 'r2').start > shift(start, 20), { message: 'r2 moved after r1 in the file' });
    await waitFor(async () => (await s.execute(`return document.querySelectorAll('[data-conflict-badge]').length;`)) === 0, { message: 'the badges gone' });
    const after = await s.execute(
      `${PAINTED}
       const at = (x, y) => [...painted(x, y, 1, 1).data];
       return { r1Badge: at(arguments[0].x - 4, arguments[0].y), r2Was: at(arguments[1][0] + 4, arguments[1][1] + 4) };`,
      [r1.badge.plan, r2Was],
    );
    assert.notDeepEqual(after.r1Badge.slice(0, 3), [214, 69, 69], 'r1 is painted again without its badge');
    assert.equal(after.r2Was[3], 0, 'nothing is left painted where r2 was');
  });
});
