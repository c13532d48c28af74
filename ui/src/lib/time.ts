// Formatting of revision timestamps. The clock is passed in (`now`), never read here.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Parts = { year: number; month: number; day: number; hour: number; minute: number };

function partsIn(date: Date, timeZone: string | undefined): Parts {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  });
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(date)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute };
}

/** Days between two calendar dates (b − a), independent of time of day and DST. */
function dayDiff(a: Parts, b: Parts): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "today 16:40", "yesterday 09:05", or "3 Nov 2026" for older (or future) moments,
 * in the given time zone (default: the system's).
 */
export function formatWhen(iso: string, now: Date, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const d = partsIn(date, timeZone);
  const n = partsIn(now, timeZone);
  const clock = `${pad(d.hour)}:${pad(d.minute)}`;
  const diff = dayDiff(d, n);
  if (diff === 0) return `today ${clock}`;
  if (diff === 1) return `yesterday ${clock}`;
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** Full date and time for a tooltip, e.g. "3 Nov 2026, 16:40". */
export function formatFull(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const d = partsIn(date, timeZone);
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}, ${pad(d.hour)}:${pad(d.minute)}`;
}
