// File ▸ Export Dates to Calendar (.ics)… in the real app: the native save dialog, then
// a calendar file with one all-day event per milestone and per scheduled item — the
// same events as `lodestar export calendar`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, waitFor, tempDir, appEnv, cli, chooseFromFileMenu, typeIntoFileDialog } from './webdriver.mjs';

/** The events of an iCalendar text: each VEVENT's unfolded properties by name. */
function events(text) {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current);
      current = null;
    } else if (current) {
      const [name, ...rest] = line.split(':');
      current[name.split(';')[0]] = rest.join(':');
    }
  }
  return out;
}

test('the File menu exports the plan\'s dates as a calendar file', async (t) => {
  const dir = tempDir(t);
  const ws = join(dir, 'plan.lodestar');
  assert.equal(cli(['--workspace', ws, 'demo']).status, 0);
  const viaCli = join(dir, 'cli.ics');
  assert.equal(cli(['--workspace', ws, 'export', 'calendar', '--out', viaCli]).status, 0);
  const out = join(dir, 'dates.ics');
  await withApp(t, appEnv(dir, ws), async (s) => {
    await s.waitFor('a[data-view="roadmap"]', { timeout: 30_000 });
    await chooseFromFileMenu('Export Dates to Calendar (.ics)…');
    await typeIntoFileDialog('calendar', out);
    await waitFor(() => existsSync(out), { message: 'the calendar file' });
  });
  const text = readFileSync(out, 'utf8');
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'), 'a whole calendar');
  const fromMenu = events(text);
  const expected = events(readFileSync(viaCli, 'utf8'));
  assert.ok(fromMenu.length > 10, `${fromMenu.length} events`);
  assert.deepEqual(fromMenu.map((e) => e.UID).sort(), expected.map((e) => e.UID).sort(), 'the same events, by UID, as the CLI writes');
  const guided = fromMenu.find((e) => e.UID.startsWith('item-r-guided@'));
  assert.equal(guided.SUMMARY, 'Guided setup checklist');
  assert.match(guided.DTSTART, /^\d{8}$/);
});
