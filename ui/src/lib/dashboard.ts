// Home dashboard words and arrangement. Formatting only: every figure is the core's.
import type { Allocation } from "./api/types/Allocation";
import type { Health } from "./api/types/Health";
import type { HealthCount } from "./api/types/HealthCount";
import type { ItemKind } from "./api/types/ItemKind";
import { KIND_COLOURS, KINDS } from "./roadmap";

/** Health in the order a PM reads it: trouble first, then the rest. */
const HEALTH_ORDER: readonly Health[] = ["off_track", "at_risk", "on_track", "not_started", "achieved", "missed", "dropped"];

/** The counts worth showing (above 0), trouble first. */
export function shownHealthCounts(counts: readonly HealthCount[]): HealthCount[] {
  return counts.filter((c) => c.count > 0).sort((a, b) => HEALTH_ORDER.indexOf(a.health) - HEALTH_ORDER.indexOf(b.health));
}

export type AllocationSegment = { kind: ItemKind; label: string; colour: string; share: number };

/** The core's shares split into the short-term (features, growth) and long-term
 *  (reliability, tech debt, discovery) groups, each kind with its own share. */
export function allocationGroups(a: Allocation): { short: AllocationSegment[]; long: AllocationSegment[] } {
  const seg = (k: (typeof KINDS)[number]): AllocationSegment => ({ kind: k.value, label: k.label, colour: KIND_COLOURS[k.value], share: a[k.value] ?? 0 });
  return { short: KINDS.filter((k) => k.term === "short").map(seg), long: KINDS.filter((k) => k.term === "long").map(seg) };
}

/** "1 objective", "3 objectives". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
