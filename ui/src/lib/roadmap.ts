// Roadmap words and forms: labels for kinds, statuses and horizons, a bar's accessible name,
// date ranges, and the side panel's item form. Formatting and shape checks only: the core
// validates and computes.
import type { Bar } from "./api/types/Bar";
import type { Horizon } from "./api/types/Horizon";
import type { ItemKind } from "./api/types/ItemKind";
import type { ItemStatus } from "./api/types/ItemStatus";
import type { Moscow } from "./api/types/Moscow";
import type { Health } from "./api/types/Health";
import type { KeyResultChoice } from "./api/types/KeyResultChoice";
import type { RoadmapItem } from "./api/types/RoadmapItem";
import type { ServedKeyResult } from "./api/types/ServedKeyResult";
import { formatDate, formatPercent, formatShortDate, formatValue } from "./format";
import { healthInfo, toneColor } from "./health";
import type { FieldErrors } from "./okrForms";

export const KINDS: readonly { value: ItemKind; label: string; term: "short" | "long" }[] = [
  { value: "feature", label: "Feature", term: "short" },
  { value: "growth", label: "Growth", term: "short" },
  { value: "reliability", label: "Reliability", term: "long" },
  { value: "tech_debt", label: "Tech debt", term: "long" },
  { value: "discovery", label: "Discovery", term: "long" },
];

/** Kind colours for the allocation bar (Okabe–Ito, distinct from the usual first lane colours). */
export const KIND_COLOURS: Record<ItemKind, string> = {
  feature: "#0072B2",
  growth: "#E69F00",
  reliability: "#009E73",
  tech_debt: "#D55E00",
  discovery: "#CC79A7",
};

export const STATUSES: readonly { value: ItemStatus; label: string }[] = [
  { value: "idea", label: "Idea" },
  { value: "planned", label: "Planned" },
  { value: "in_progress", label: "In progress" },
  { value: "done", label: "Done" },
  { value: "dropped", label: "Dropped" },
];

export const HORIZONS: readonly { value: Horizon; label: string; hint: string }[] = [
  { value: "now", label: "Now", hint: "Being built" },
  { value: "next", label: "Next", hint: "Shaped, up soon" },
  { value: "later", label: "Later", hint: "Worth doing, not yet shaped" },
];

export const MOSCOW: readonly { value: Moscow; label: string }[] = [
  { value: "must", label: "Must have" },
  { value: "should", label: "Should have" },
  { value: "could", label: "Could have" },
  { value: "wont", label: "Won’t have (this time)" },
];

export const kindLabel = (k: ItemKind) => KINDS.find((x) => x.value === k)?.label ?? k;
export const statusLabel = (s: ItemStatus) => STATUSES.find((x) => x.value === s)?.label ?? s;
export const horizonLabel = (h: Horizon | null) => (h ? (HORIZONS.find((x) => x.value === h)?.label ?? h) : "Unsorted");

/** "4 Jan – 12 Feb 2027"; across years both carry theirs; one day: "4 Jan 2027". */
export function formatRange(start: string, end: string): string {
  if (start === end) return formatDate(start);
  if (start.slice(0, 4) === end.slice(0, 4)) return `${formatShortDate(start)} – ${formatDate(end)}`;
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** "18 Jan – 26 Feb": the drag label, without years. */
export function formatShortRange(start: string, end: string): string {
  return start === end ? formatShortDate(start) : `${formatShortDate(start)} – ${formatShortDate(end)}`;
}

/** A share in [0, 1] as a whole percent ("—" when undefined); light enough for every frame. */
export function formatShare(p: number | null | undefined): string {
  return typeof p === "number" && Number.isFinite(p) ? `${Math.round(p * 100)}%` : "—";
}

/** A signed day count: "+7 d", "−3 d", "0 d". */
export function formatDays(days: number): string {
  if (days === 0) return "0 d";
  return `${days > 0 ? "+" : "−"}${Math.abs(days)} d`;
}

/** The bar's accessible name: "Title, lane, 4 Jan – 12 Feb 2027, planned, serves a goal". */
export function barLabel(
  bar: Pick<Bar, "title" | "start" | "end" | "status" | "no_goal" | "conflicts"> & Partial<Pick<Bar, "goal_progress" | "goal_health">>,
  laneName: string,
): string {
  const parts = [bar.title, laneName, formatRange(bar.start, bar.end), statusLabel(bar.status).toLowerCase(), bar.no_goal ? "serves no goal" : "serves a goal"];
  const signal = goalSignalText(bar.goal_progress ?? null, bar.goal_health ?? null);
  if (signal) parts.push(`goals ${signal.replace(" · ", ", ")}`);
  const n = bar.conflicts;
  if (n > 0) parts.push(`${n} conflict${n === 1 ? "" : "s"}`);
  return parts.join(", ");
}

/** The undo button's title: "Undo move" / "Nothing to undo". */
export function historyTitle(kind: "Undo" | "Redo", label: string | null): string {
  return label ? `${kind} ${label}` : `Nothing to ${kind.toLowerCase()}`;
}

// ---- The item form (side panel): strings while typing, a RoadmapItem on save.

/** The scoring fields as typed (the item panel's and the backlog's score editor). */
export type ScoreForm = {
  reach: string;
  impact: string;
  confidence: string;
  effort: string;
  iceImpact: string;
  iceConfidence: string;
  ease: string;
  moscow: Moscow | "";
  urgent: "" | "yes" | "no";
  important: "" | "yes" | "no";
};

export type ItemForm = {
  title: string;
  lane: string;
  start: string;
  end: string;
  kind: ItemKind;
  status: ItemStatus;
  horizon: Horizon | "";
  expected_impact: string;
  tradeoff: string;
} & ScoreForm;

const str = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
const tri = (b: boolean | null) => (b === null ? "" : b ? "yes" : "no");
export const fromTri = (v: "" | "yes" | "no"): boolean | null => (v === "" ? null : v === "yes");

export function scoreForm(e: Pick<RoadmapItem, "rice" | "ice" | "moscow" | "urgent" | "important">): ScoreForm {
  return {
    reach: str(e.rice?.reach),
    impact: str(e.rice?.impact),
    confidence: str(e.rice?.confidence),
    effort: str(e.rice?.effort),
    iceImpact: str(e.ice?.impact),
    iceConfidence: str(e.ice?.confidence),
    ease: str(e.ice?.ease),
    moscow: e.moscow ?? "",
    urgent: tri(e.urgent),
    important: tri(e.important),
  };
}

export function itemForm(item: RoadmapItem): ItemForm {
  return {
    title: item.title,
    lane: item.lane,
    start: item.start ?? "",
    end: item.end ?? "",
    kind: item.kind,
    status: item.status,
    horizon: item.horizon ?? "",
    expected_impact: item.expected_impact ?? "",
    tradeoff: item.tradeoff ?? "",
    ...scoreForm(item),
  };
}

function num(text: string, field: string, errors: FieldErrors): number | null {
  const t = text.trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  if (!Number.isFinite(n)) {
    errors[field] = "Enter a number, e.g. 3 or 0.8.";
    return null;
  }
  return n;
}

/** A group of numbers is all blank (→ null) or all filled (→ values); half-filled is an error. */
function group<K extends string>(form: Record<K, string>, keys: readonly K[], field: string, errors: FieldErrors, what: string): Record<K, number> | null {
  const values = keys.map((k) => num(form[k], field, errors));
  if (errors[field]) return null;
  if (values.every((v) => v === null)) return null;
  if (values.some((v) => v === null)) {
    errors[field] = `Fill in every ${what} figure, or none.`;
    return null;
  }
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, number>;
}

/** The edited item, or field errors for what cannot even be sent (numbers, half-filled scores). */
export function itemFromForm(base: RoadmapItem, form: ItemForm): { ok: true; value: RoadmapItem } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const rice = group(form, ["reach", "impact", "confidence", "effort"] as const, "rice", errors, "RICE");
  const iceRaw = group({ impact: form.iceImpact, confidence: form.iceConfidence, ease: form.ease }, ["impact", "confidence", "ease"] as const, "ice", errors, "ICE");
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const text = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    ok: true,
    value: {
      ...base,
      title: form.title.trim(),
      lane: form.lane,
      start: form.start === "" ? null : form.start,
      end: form.end === "" ? null : form.end,
      kind: form.kind,
      status: form.status,
      horizon: form.horizon === "" ? null : form.horizon,
      expected_impact: text(form.expected_impact),
      tradeoff: text(form.tradeoff),
      rice: rice ? { reach: rice.reach, impact: rice.impact, confidence: rice.confidence, effort: rice.effort } : null,
      ice: iceRaw ? { impact: iceRaw.impact, confidence: iceRaw.confidence, ease: iceRaw.ease } : null,
      moscow: form.moscow === "" ? null : form.moscow,
      urgent: fromTri(form.urgent),
      important: fromTri(form.important),
    },
  };
}

/** The panel field a core error names ("rice.effort" → "rice"), or null for a general error. */
export function itemErrorField(field: string | null): string | null {
  if (!field) return null;
  const head = field.split(/[.[]/)[0];
  if (["reach", "effort"].includes(head)) return "rice";
  if (head === "ease") return "ice";
  const known = ["title", "lane", "start", "end", "kind", "status", "horizon", "expected_impact", "tradeoff", "objectives", "depends_on", "rice", "ice", "moscow", "urgent", "important", "key_results", "external_key"];
  return known.includes(head) ? head : null;
}

/** A new item as the double-click and "New item" create it: two weeks from `start`. */
export function newItem(lane: string, start: string, end: string): RoadmapItem {
  return {
    id: "",
    lane,
    title: "New item",
    start,
    end,
    kind: "feature",
    status: "planned",
    horizon: null,
    objectives: [],
    depends_on: [],
    expected_impact: null,
    tradeoff: null,
    rice: null,
    ice: null,
    moscow: null,
    urgent: null,
    important: null,
    key_results: [],
    external_key: null,
  };
}

/** Moving a lane one step up or down in `order`; the same order when it cannot move. */
export function moveInOrder(order: readonly string[], id: string, step: -1 | 1): string[] {
  const out = [...order];
  const i = out.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Moving a card's horizon left or right on the board: Unsorted, Now, Next, Later. */
export function stepHorizon(h: Horizon | null, step: -1 | 1): Horizon | null {
  const order: (Horizon | null)[] = [null, "now", "next", "later"];
  const i = order.indexOf(h);
  return order[Math.min(order.length - 1, Math.max(0, i + step))];
}

// ---- The goal signal: the goals an item serves, as the core computed them.

/** "Serves KR ‘Raise 30-day retention’ — 57%, at risk, forecast 46.2% by 31 Dec". The
 *  forecast is the key result's forecast value with its unit (else its forecast progress);
 *  parts the core left undefined are left out. */
export function servedKeyResultSentence(kr: ServedKeyResult): string {
  const parts = [kr.progress === null ? "not measured yet" : formatPercent(kr.progress)];
  if (kr.health) parts.push(healthInfo(kr.health).label.toLowerCase());
  const forecast =
    kr.forecast_value !== null && (kr.unit ?? "").trim() !== ""
      ? formatValue(kr.forecast_value, kr.unit, 1)
      : kr.forecast_progress !== null
        ? formatPercent(kr.forecast_progress, 1)
        : null;
  if (forecast) parts.push(`forecast ${forecast}${kr.deadline ? ` by ${formatShortDate(kr.deadline)}` : ""}`);
  return `Serves KR ‘${kr.title}’ — ${parts.join(", ")}`;
}

/** The goal signal in words: "57% · at risk"; null when the item serves no measured goal. */
export function goalSignalText(progress: number | null, health: Health | null): string | null {
  if (progress === null && health === null) return null;
  const parts = [];
  if (progress !== null) parts.push(formatPercent(progress));
  if (health) parts.push(healthInfo(health).label.toLowerCase());
  return parts.join(" · ");
}

/** The colour of a bar's goal line: its goals' health (docs/DESIGN.md), neutral when unknown. */
export function goalLineColour(health: Health | null): string {
  return toneColor(healthInfo(health).tone);
}

/** The key-result picker's groups: each objective with the key results not yet served. */
export function keyResultGroups(choices: KeyResultChoice[], served: readonly string[]): { objective: string; title: string; cycle: string | null; options: KeyResultChoice[] }[] {
  const groups: { objective: string; title: string; cycle: string | null; options: KeyResultChoice[] }[] = [];
  for (const c of choices) {
    if (served.includes(c.id)) continue;
    let g = groups.find((x) => x.objective === c.objective);
    if (!g) groups.push((g = { objective: c.objective, title: c.objective_title, cycle: c.cycle, options: [] }));
    g.options.push(c);
  }
  return groups;
}
