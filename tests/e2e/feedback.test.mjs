// End-to-end: feedback linked to a roadmap item in the Feedback view shows up in that item's
// panel on the Roadmap (and in the file); the panel's link leads back to the item's feedback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, waitFor, exportJson, tempDir, appEnv, Keys, importDocument } from './webdriver.mjs';

const DAY = 86_400_000;
const iso = (d) => d.toISOString().slice(0, 10);

function workspaceWithFeedback(dir) {
  const ws = join(dir, 'feedback.lodestar');
  const start = iso(new Date(Date.now() + 3 * DAY));
  const end = iso(new Date(Date.now() + 30 * DAY));
  const doc = {
    format: 'lodestar-workspace',
    version: 1,
    product: { name: 'Polaris' },
    lanes: [{ id: 'l1', name: 'Onboarding', color: '#0072B2' }],
    roadmap_items: [
      { id: 'r1', lane: 'l1', title: 'Guided setup', start, end, kind: 'feature', status: 'planned' },
      { id: 'r2', lane: 'l1', title: 'Faster charts', start, end, kind: 'reliability', status: 'planned' },
    ],
    themes: [{ id: 't1', name: 'Setup is confusing' }],
    feedback: [
      { id: 'f1', date: '2026-09-10', source: 'interview', customer: 'Northwind', text: 'Took us a week to connect our data.', themes: ['t1'], roadmap_items: [] },
      { id: 'f2', date: '2026-09-12', source: 'support', customer: 'Contoso', text: 'Charts take ages to load.', themes: [], roadmap_items: [] },
    ],
  };
  importDocument(ws, doc);
  return ws;
}

const storedFeedback = (ws, id) => exportJson(ws).feedback.find((f) => f.id === id);

test('feedback linked in the Feedback view appears in the item panel and in the file', async (t) => {
  const dir = tempDir(t);
  const ws = workspaceWithFeedback(dir);

  await withApp(t, appEnv(dir, ws), async (s) => {
    await (await s.waitFor('a[data-view="feedback"]')).click();
    await s.waitFor('article[data-feedback-id="f1"]');

    // Link f1 to "Guided setup" with the card's item picker.
    await s.execute(
      `const sel = document.querySelector('select[data-link-picker="f1"]');
       sel.value = 'r1';
       sel.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    const chip = await s.waitFor('article[data-feedback-id="f1"] [data-linked-item="r1"]');
    assert.match(await chip.text(), /Guided setup/);
    await waitFor(() => storedFeedback(ws, 'f1').roadmap_items.includes('r1'), { message: 'the link in the file' });
    assert.deepEqual(storedFeedback(ws, 'f2').roadmap_items, [], 'the other record is untouched');

    // The item's panel on the Roadmap lists it.
    await (await s.waitFor('a[data-view="roadmap"]')).click();
    await s.waitFor('.timeline[data-ready="true"]');
    await s.waitFor('g.bar[data-item-id="r1"]');
    await s.execute(`document.querySelector('g.bar[data-item-id="r1"]').focus();`);
    await s.keys(Keys.ENTER);
    const entry = await s.waitFor('[data-item-panel="r1"] [data-item-feedback] [data-feedback-id="f1"]');
    const text = await entry.text();
    assert.match(text, /Northwind/);
    assert.match(text, /Took us a week/);

    // Its link opens the Feedback view filtered to that item.
    await (await s.waitFor('[data-item-panel="r1"] [data-item-feedback] a[href="#/feedback"]')).click();
    await s.waitFor('article[data-feedback-id="f1"]');
    await waitFor(async () => (await s.execute(`return document.querySelectorAll('article[data-feedback-id]').length;`)) === 1, {
      message: 'only the item’s feedback to be listed',
    });
    const note = await s.execute(`return document.querySelector('.filter-note')?.textContent ?? '';`);
    assert.match(note, /Guided setup/);
  });
});
