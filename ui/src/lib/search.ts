// The search palette: where a hit opens, its kind in words, keyboard movement through the
// hits and the matched text marked for display. The core finds and orders the hits.
import type { HitKind } from "./api/types/HitKind";
import type { ViewId } from "./keys";
import { recordHash } from "./navigation";

const HIT_VIEWS: Record<HitKind, ViewId> = {
  objective: "okrs",
  key_result: "okrs",
  roadmap_item: "roadmap",
  kpi: "metrics",
  theme: "feedback",
  feedback: "feedback",
  experiment: "experiments",
  decision: "decisions",
};

const HIT_LABELS: Record<HitKind, string> = {
  objective: "Objective",
  key_result: "Key result",
  roadmap_item: "Roadmap item",
  kpi: "KPI",
  theme: "Theme",
  feedback: "Feedback",
  experiment: "Experiment",
  decision: "Decision",
};

/** The view a hit of this kind opens in. */
export function hitView(kind: HitKind): ViewId {
  return HIT_VIEWS[kind] ?? "home";
}

/** "key_result" → "Key result"; unknown kinds are shown as given. */
export function hitKindLabel(kind: string): string {
  return (HIT_LABELS as Record<string, string>)[kind] ?? kind;
}

/** The hash that opens a hit: its view, with the record brought into view (a key result
 *  in the OKRs view, an item's panel on the roadmap, …). */
export function hitHash(hit: { kind: HitKind; id: string }): string {
  return recordHash(hitView(hit.kind), hit.id);
}

/** The next highlighted row for an arrow key in a list of `count` rows (wrapping); -1 for none. */
export function moveHighlight(current: number, count: number, key: string): number {
  if (count <= 0) return -1;
  if (key === "ArrowDown") return current < 0 ? 0 : (current + 1) % count;
  if (key === "ArrowUp") return current < 0 ? count - 1 : (current - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return current;
}

export type Part = { text: string; match: boolean };

/** `text` cut into parts, the (case-insensitive) occurrences of `query` marked. */
export function highlightParts(text: string, query: string): Part[] {
  const q = query.trim();
  if (q === "") return text === "" ? [] : [{ text, match: false }];
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  const out: Part[] = [];
  let at = 0;
  for (;;) {
    const i = lower.indexOf(needle, at);
    if (i < 0) break;
    if (i > at) out.push({ text: text.slice(at, i), match: false });
    out.push({ text: text.slice(i, i + needle.length), match: true });
    at = i + needle.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), match: false });
  return out;
}
