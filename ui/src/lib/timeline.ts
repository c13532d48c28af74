// The History view's timeline: goal revisions and pivots, merged newest first.
import type { HistoryEntry } from "./api/types/HistoryEntry";
import type { HistoryView } from "./api/types/HistoryView";
import type { Pivot } from "./api/types/Pivot";

export type TimelineItem =
  | { type: "revision"; when: string; entry: HistoryEntry }
  | { type: "pivot"; when: string; pivot: Pivot };

/** What the filter can keep: one entity type, pivots only, or everything. */
export type TimelineFilter = "all" | "objective" | "key_result" | "product" | "pivot";

export const FILTERS: readonly { value: TimelineFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "objective", label: "Objectives" },
  { value: "key_result", label: "Key results" },
  { value: "product", label: "Product" },
  { value: "pivot", label: "Pivots" },
];

/** Merges revisions (RFC 3339 times) and pivots (dates) newest first; a pivot dated a day
 *  sorts after that day's timed changes. The input order is kept among equal moments. */
export function timeline(view: HistoryView, filter: TimelineFilter = "all"): TimelineItem[] {
  const items: TimelineItem[] = [];
  if (filter !== "pivot")
    for (const entry of view.entries)
      if (filter === "all" || entry.entity === filter) items.push({ type: "revision", when: entry.revision.changed_at, entry });
  if (filter === "all" || filter === "pivot") for (const pivot of view.pivots) items.push({ type: "pivot", when: pivot.date, pivot });
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => (a.item.when < b.item.when ? 1 : a.item.when > b.item.when ? -1 : a.i - b.i))
    .map((x) => x.item);
}
