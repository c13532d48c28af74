// End-to-end: a conflict on the painted roadmap. An item that starts before the one it depends
// on ends carries a red badge, painted on the timeline's canvas; clicking the badge (reached
// through the hit layer above the canvas) explains the conflict and leaves the item panel shut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, tempDir, appEnv, importDocument, PAINTED } from './webdriver.mjs';

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
    lanes: [{ id: 'p', name: 'Platform' }],
    roadmap_items: [
      { id: 'r1', lane: 'p', title: 'Guided setup', start, end: shift(start, 20), kind: 'feature', status: 'planned' },
      { id: 'r2', lane: 'p', title: 'Faster charts', start: shift(start, 10), end: shift(start, 40), kind: 'reliability', status: 'planned', depends_on: ['r1'] },
      { id: 'r3', lane: 'p', title: 'Offline mode', start: shift(start, 50), end: shift(start, 70), kind: 'feature', status: 'planned' },
    ],
  });

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"] g.bar[data-item-id="r2"]');

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
            return { id, badge: { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2, rgb: [data[0], data[1], data[2]] } };
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
  });
});
