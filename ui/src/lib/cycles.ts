// Suggesting a planning cycle from a date: pure calendar arithmetic on "YYYY-MM-DD".
import type { Cycle } from "./api/types/Cycle";

const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"];
const QUARTER_STARTS = ["01-01", "04-01", "07-01", "10-01"];

function parse(iso: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/** The quarter of year `year` (1–4), as a cycle "YYYY-Qn" with its first and last day. */
export function quarter(year: number, q: number): Cycle {
  return { id: `${year}-Q${q}`, start: `${year}-${QUARTER_STARTS[q - 1]}`, end: `${year}-${QUARTER_ENDS[q - 1]}` };
}

/** The quarter containing `today` ("YYYY-MM-DD"); null for a malformed date. */
export function quarterOf(today: string): Cycle | null {
  const d = parse(today);
  if (!d) return null;
  return quarter(d.year, Math.floor((d.month - 1) / 3) + 1);
}

/** The quarter after `cycle` when its id is "YYYY-Qn"; null otherwise. */
export function nextQuarter(cycle: Cycle): Cycle | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(cycle.id);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 4 ? quarter(year + 1, 1) : quarter(year, q + 1);
}

/** The cycle to offer creating: today's quarter, or the first following one not yet defined. */
export function suggestCycle(today: string, existing: readonly Cycle[]): Cycle | null {
  let c = quarterOf(today);
  const taken = new Set(existing.map((e) => e.id));
  for (let i = 0; c && taken.has(c.id) && i < 8; i++) c = nextQuarter(c);
  return c && !taken.has(c.id) ? c : null;
}
