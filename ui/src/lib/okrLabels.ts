// Words for the OKR enums, SMART criteria, pivot kinds and history fields.
import type { Ambition } from "./api/types/Ambition";
import type { Outcome } from "./api/types/Outcome";
import type { KeyResultKind } from "./api/types/KeyResultKind";
import type { ObjectiveCategory } from "./api/types/ObjectiveCategory";
import type { ObjectiveStatus } from "./api/types/ObjectiveStatus";
import type { PivotKind } from "./api/types/PivotKind";
import type { SmartCriterion } from "./api/types/SmartCriterion";
import { stageLabel } from "./stages";

export type Option<T extends string> = { value: T; label: string; hint: string };

export const CATEGORIES: readonly Option<ObjectiveCategory>[] = [
  { value: "strategy", label: "Drive product strategy", hint: "Moves the product toward its vision." },
  { value: "execution", label: "High-quality execution", hint: "Ship reliably: quality, speed, predictability." },
  { value: "customer_value", label: "Deliver customer value", hint: "Solve a customer problem measurably better." },
  { value: "adoption", label: "Increase adoption", hint: "More people use it, more often." },
  { value: "team_growth", label: "Team growth", hint: "Growth of the PM or the team itself." },
];

export const STATUSES: readonly Option<ObjectiveStatus>[] = [
  { value: "draft", label: "Draft", hint: "Being written; not committed yet." },
  { value: "active", label: "Active", hint: "Committed for the cycle; health is tracked." },
  { value: "achieved", label: "Achieved", hint: "Closed as achieved (overrides health)." },
  { value: "missed", label: "Missed", hint: "Closed as missed (overrides health)." },
  { value: "dropped", label: "Dropped", hint: "Stopped on purpose; say why in the reason." },
];

export const KR_KINDS: readonly Option<KeyResultKind>[] = [
  { value: "increase", label: "Increase", hint: "Move a metric up from baseline to target." },
  { value: "decrease", label: "Decrease", hint: "Move a metric down from baseline to target." },
  { value: "at_least", label: "Keep at least", hint: "Keep the metric at or above the target." },
  { value: "at_most", label: "Keep at most", hint: "Keep the metric at or below the target." },
  { value: "milestone", label: "Milestone", hint: "Done or not done; or the share of bound milestones done." },
];

export const PIVOT_KINDS: readonly Option<PivotKind>[] = [
  { value: "customer", label: "Customer", hint: "A different customer segment has the problem worth solving." },
  { value: "problem", label: "Problem", hint: "Same customers, a different problem to solve for them." },
  { value: "solution", label: "Solution", hint: "Same problem, a fundamentally different way of solving it." },
  { value: "technology", label: "Technology", hint: "Same solution, built on a different technology." },
  { value: "business_model", label: "Business model", hint: "A different way of capturing value (pricing, who pays)." },
  { value: "channel", label: "Channel", hint: "A different way of reaching customers (sales, self-serve, partners)." },
];

const CRITERIA: Record<SmartCriterion, string> = {
  specific: "Specific",
  measurable: "Measurable",
  achievable: "Achievable",
  relevant: "Relevant",
  time_bound: "Time-bound",
};

const find = <T extends string>(list: readonly Option<T>[], v: string | null | undefined): string =>
  v === null || v === undefined || v === "" ? "Not set" : (list.find((o) => o.value === v)?.label ?? v);

export const categoryLabel = (v: string | null | undefined) => find(CATEGORIES, v);
export const statusLabel = (v: string | null | undefined) => find(STATUSES, v);
export const kindLabel = (v: string | null | undefined) => find(KR_KINDS, v);
export const pivotLabel = (v: string | null | undefined) => find(PIVOT_KINDS, v);
export const criterionLabel = (c: SmartCriterion): string => CRITERIA[c] ?? c;

const ENTITIES: Record<string, string> = { product: "Product", objective: "Objective", key_result: "Key result" };

/** "objective" → "Objective"; unknown entity names are shown as given. */
export function entityLabel(entity: string): string {
  return ENTITIES[entity] ?? entity;
}

const FIELDS: Record<string, string> = {
  name: "Name",
  vision: "Vision",
  strategy: "Strategy",
  lifecycle_stage: "Lifecycle stage",
  title: "Title",
  description: "Description",
  cycle: "Cycle",
  parent: "Parent",
  category: "Category",
  owner: "Owner",
  status: "Status",
  weight: "Weight",
  kind: "Kind",
  unit: "Unit",
  baseline: "Baseline",
  target: "Target",
  kpi: "KPI",
  created: "Created",
  deleted: "Deleted",
  carried_from: "Carried from",
  carried_to: "Carried to",
  objective: "Objective",
};

/** A record field as a label ("baseline" → "Baseline"); unknown fields are shown as given. */
export function historyFieldLabel(field: string): string {
  return FIELDS[field] ?? field;
}

/** A stored value in history: enum values get their label; null or empty is "Not set". */
export function historyValueText(field: string, value: string | null): string {
  if (value === null || value === "") return "Not set";
  if (field === "category") return categoryLabel(value);
  if (field === "status") return statusLabel(value);
  if (field === "kind") return kindLabel(value);
  if (field === "lifecycle_stage") return stageLabel(value);
  return value;
}

/** The card's ambition chip: "Committed" or "Stretch" (aspirational). */
export const ambitionChip = (a: Ambition): string => (a === "committed" ? "Committed" : "Stretch");

/** An outcome as shown beside the grade, with its tone (the health colours). */
export function outcomeInfo(o: Outcome): { label: string; tone: "success" | "warning" | "danger" } {
  return { success: { label: "Success", tone: "success" as const }, progress: { label: "Progress", tone: "warning" as const }, miss: { label: "Miss", tone: "danger" as const } }[o];
}
