// Words for the weekly review's figures (the figures themselves come from the core).
import type { ReviewView } from "./api/types/ReviewView";
import { formatNumber } from "./format";

/** A change of progress over the week in points: "+8 pts", "−3 pts", "±0 pts"; unknown: "—". */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return "—";
  const pts = Math.round(change * 100);
  if (pts === 0) return "±0 pts";
  return pts > 0 ? `+${formatNumber(pts)} pts` : `−${formatNumber(-pts)} pts`;
}

/** "ok" up, "down" down, "flat" no change or unknown: the arrow's colour. */
export function changeTone(change: number | null): "up" | "down" | "flat" {
  if (change === null) return "flat";
  const pts = Math.round(change * 100);
  return pts > 0 ? "up" : pts < 0 ? "down" : "flat";
}

/** The title of a record the review names by id (the id itself when it is gone). */
export function titleOf(list: readonly { id: string; title: string }[], id: string): string {
  return list.find((x) => x.id === id)?.title ?? id;
}

/** The review's day, from the date picker; "" (cleared) means today. */
export function pickedDay(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** True when the week holds nothing at all to list (every section says so). */
export function nothingThisWeek(view: ReviewView): boolean {
  const r = view.review;
  return (
    r.progress.length === 0 &&
    r.checkins_due.length === 0 &&
    r.confidence_drops.length === 0 &&
    r.milestones_done.length + r.milestones_overdue.length + r.milestones_next.length === 0 &&
    r.items_next.length === 0 &&
    r.slips.length === 0 &&
    r.problems.objectives.length === 0 &&
    r.problems.conflicts === 0
  );
}
