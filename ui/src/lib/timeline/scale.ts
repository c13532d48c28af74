// Date ↔ x for the pointer, from the core's `from` and `px_per_day`. Pure; no layout here:
// the core places everything, this only reads a pointer position back as a day.
import { MAX_RANGE_YEARS, PX_PER_DAY, SNAP_DAYS, ZOOMS } from "../api/constants";
import type { Zoom } from "../api/types/Zoom";

export { PX_PER_DAY, ZOOMS };

const DAY_MS = 86_400_000;

/** "2027-01-04" → days since 1970-01-01 (calendar days, no time zone). */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** Days since 1970-01-01 → "YYYY-MM-DD". */
export function isoFromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The snap unit in days: one day at week and month zoom, one week at quarter and year zoom. */
export function snapDays(zoom: Zoom): number {
  return SNAP_DAYS[zoom];
}

/** Rounds a day delta to the nearest multiple of `snap` (no "-0"). */
export function snapDelta(days: number, snap: number): number {
  const out = Math.round(days / snap) * snap;
  return out === 0 ? 0 : out;
}

/** The day under x (x = 0 is the first moment of `from`). */
export function dayAt(x: number, from: string, pxPerDay: number): string {
  return isoFromDayNumber(dayNumber(from) + Math.floor(x / pxPerDay));
}

/** The left edge of a day. */
export function xOf(iso: string, from: string, pxPerDay: number): number {
  return (dayNumber(iso) - dayNumber(from)) * pxPerDay;
}

/** Fractional day offset of x from `from`: keeps a point fixed across zooms. */
export function dayOffsetAt(x: number, pxPerDay: number): number {
  return x / pxPerDay;
}

/** The next zoom in or out (clamped): +1 shows more time (zooms out). */
export function stepZoom(zoom: Zoom, step: 1 | -1): Zoom {
  const i = ZOOMS.indexOf(zoom);
  return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + step))];
}

/**
 * The most days a request may span: the core's limit in years counted as 365-day years,
 * so a range of this many days is always within it, leap days or not.
 */
export const MAX_RANGE_DAYS = MAX_RANGE_YEARS * 365;

/** `[from, to]`, narrowed around its middle to at most `MAX_RANGE_DAYS`. */
function withinLimit(from: string, to: string): { from: string; to: string } {
  const span = daysBetween(from, to);
  if (span <= MAX_RANGE_DAYS) return { from, to };
  const start = dayNumber(from) + Math.floor((span - MAX_RANGE_DAYS) / 2);
  return { from: isoFromDayNumber(start), to: isoFromDayNumber(start + MAX_RANGE_DAYS) };
}

/**
 * The range to ask the core for, around a visible window [start, end]: generous on both
 * sides (at least a year, or a window's width) and, given the plan's first and last day,
 * around the whole plan as well, so that scrolling through the plan needs no new request
 * (each one redraws the timeline: ~130 ms of frozen scrolling at 10,000 items). Never
 * longer than the core accepts: a plan too long for that gets the window's range only.
 */
export function loadRange(start: string, end: string, plan?: { from: string; to: string } | null): { from: string; to: string } {
  const pad = Math.max(365, daysBetween(start, end), 1);
  const around = withinLimit(addDays(start, -pad), addDays(end, pad));
  if (!plan) return around;
  const from = addDays(earlier(start, plan.from), -pad);
  const to = addDays(later(end, plan.to), pad);
  return daysBetween(from, to) <= MAX_RANGE_DAYS ? { from, to } : around;
}

const earlier = (a: string, b: string) => (dayNumber(a) <= dayNumber(b) ? a : b);
const later = (a: string, b: string) => (dayNumber(a) >= dayNumber(b) ? a : b);

/**
 * The range of the first request when the view opens: the visible window and a month on
 * each side. A large plan answers and draws sooner; the wide `loadRange` follows once drawn.
 */
export function firstRange(start: string, end: string): { from: string; to: string } {
  return withinLimit(addDays(start, -31), addDays(end, 31));
}

/** True when the visible window comes within `margin` days of the loaded range's edge. */
export function nearEdge(visStart: string, visEnd: string, from: string, to: string, margin: number): boolean {
  return daysBetween(from, visStart) < margin || daysBetween(visEnd, to) < margin;
}
