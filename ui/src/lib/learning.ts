// Pure helpers of the Feedback, Experiments and Decisions views: labels, forms ↔ inputs,
// excerpts and where a linked record lives. Counts and trends are the core's; nothing here
// computes a figure.

import type { DecisionCard } from "./api/types/DecisionCard";
import type { DecisionInput } from "./api/types/DecisionInput";
import type { Experiment } from "./api/types/Experiment";
import type { ExperimentInput } from "./api/types/ExperimentInput";
import type { ExperimentStatus } from "./api/types/ExperimentStatus";
import type { FeedbackEntry } from "./api/types/FeedbackEntry";
import type { FeedbackFilter } from "./api/types/FeedbackFilter";
import type { FeedbackInput } from "./api/types/FeedbackInput";
import type { FeedbackSource } from "./api/types/FeedbackSource";
import { textOrNull, type FieldErrors, type Parsed } from "./okrForms";

// ---- Feedback ---------------------------------------------------------------------------

export const SOURCES: readonly { value: FeedbackSource; label: string }[] = [
  { value: "interview", label: "Interview" },
  { value: "support", label: "Support ticket" },
  { value: "survey", label: "Survey" },
  { value: "review", label: "Review" },
  { value: "sales", label: "Sales call" },
  { value: "other", label: "Other" },
];

export const sourceLabel = (s: FeedbackSource) => SOURCES.find((x) => x.value === s)?.label ?? s;

/** The first `max` characters of a text, cut at a word, with an ellipsis when cut. */
export function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, "")}…`;
}

/** What the inbox's controls choose. `theme` is a theme id, "untagged" or "". */
export type InboxChoice = { theme: string; source: FeedbackSource | ""; query: string; item?: string };

export function inboxFilter(c: InboxChoice): FeedbackFilter | null {
  const query = c.query.trim();
  const f: FeedbackFilter = {
    theme: c.theme && c.theme !== "untagged" ? c.theme : null,
    untagged: c.theme === "untagged",
    source: c.source || null,
    roadmap_item: c.item || null,
    query: query === "" ? null : query,
  };
  return f.theme || f.untagged || f.source || f.roadmap_item || f.query ? f : null;
}

export type FeedbackForm = { date: string; source: FeedbackSource; customer: string; text: string; themes: string[]; roadmap_items: string[] };

export function feedbackForm(f: FeedbackEntry | null, today: string): FeedbackForm {
  if (!f) return { date: today, source: "interview", customer: "", text: "", themes: [], roadmap_items: [] };
  return {
    date: f.date,
    source: f.source,
    customer: f.customer ?? "",
    text: f.text,
    themes: f.themes.map((t) => t.id),
    roadmap_items: f.roadmap_items.map((i) => i.id),
  };
}

export function feedbackInput(f: FeedbackForm): Parsed<FeedbackInput> {
  const errors: FieldErrors = {};
  if (!f.date) errors.date = "Pick the day it was said.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { date: f.date, source: f.source, customer: textOrNull(f.customer), text: f.text.trim(), themes: [...f.themes], roadmap_items: [...f.roadmap_items] },
  };
}

/** The record's input with one theme tagged or untagged, or one item linked or unlinked. */
export function toggled(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return on ? [...without, id] : without;
}

// ---- Experiments ------------------------------------------------------------------------

export const EXPERIMENT_STATUSES: readonly { value: ExperimentStatus; label: string; hint: string }[] = [
  { value: "planned", label: "Planned", hint: "Designed, not started" },
  { value: "running", label: "Running", hint: "Collecting evidence" },
  { value: "validated", label: "Validated", hint: "The belief held" },
  { value: "invalidated", label: "Invalidated", hint: "The belief did not hold" },
];

export const experimentStatusLabel = (s: ExperimentStatus) => EXPERIMENT_STATUSES.find((x) => x.value === s)?.label ?? s;

/** The experiment form's fields, by the names the core's errors use. */
export const EXPERIMENT_FIELDS: readonly string[] = ["title", "belief", "measure", "success_signal", "change_our_mind", "status", "result", "objective", "roadmap_item"];

export type ExperimentForm = {
  title: string;
  belief: string;
  measure: string;
  success_signal: string;
  change_our_mind: string;
  status: ExperimentStatus;
  result: string;
  objective: string;
  roadmap_item: string;
};

export function experimentForm(e: Experiment | null): ExperimentForm {
  return {
    title: e?.title ?? "",
    belief: e?.belief ?? "",
    measure: e?.measure ?? "",
    success_signal: e?.success_signal ?? "",
    change_our_mind: e?.change_our_mind ?? "",
    status: e?.status ?? "planned",
    result: e?.result ?? "",
    objective: e?.objective ?? "",
    roadmap_item: e?.roadmap_item ?? "",
  };
}

export function experimentInput(f: ExperimentForm): ExperimentInput {
  return {
    title: f.title.trim(),
    belief: textOrNull(f.belief),
    measure: textOrNull(f.measure),
    success_signal: textOrNull(f.success_signal),
    change_our_mind: textOrNull(f.change_our_mind),
    status: f.status,
    result: textOrNull(f.result),
    objective: f.objective || null,
    roadmap_item: f.roadmap_item || null,
  };
}

// ---- Decisions --------------------------------------------------------------------------

/** The decision form's fields, by the names the core's errors use. */
export const DECISION_FIELDS: readonly string[] = ["date", "title", "rationale", "alternatives", "links"];

export type DecisionForm = { date: string; title: string; rationale: string; alternatives: string; links: string[] };

export function decisionForm(d: DecisionCard | null, today: string): DecisionForm {
  if (!d) return { date: today, title: "", rationale: "", alternatives: "", links: [] };
  const x = d.decision;
  return { date: x.date, title: x.title, rationale: x.rationale ?? "", alternatives: x.alternatives ?? "", links: [...x.links] };
}

export function decisionInput(f: DecisionForm): Parsed<DecisionInput> {
  if (!f.date) return { ok: false, errors: { date: "Pick the day it was decided." } };
  return {
    ok: true,
    value: { date: f.date, title: f.title.trim(), rationale: textOrNull(f.rationale), alternatives: textOrNull(f.alternatives), links: [...f.links] },
  };
}

const KIND_VIEWS: Record<string, { view: string; label: string }> = {
  objective: { view: "okrs", label: "Objective" },
  key_result: { view: "okrs", label: "Key result" },
  cycle: { view: "okrs", label: "Cycle" },
  milestone: { view: "roadmap", label: "Milestone" },
  roadmap_item: { view: "roadmap", label: "Roadmap item" },
  lane: { view: "roadmap", label: "Lane" },
  baseline: { view: "roadmap", label: "Baseline" },
  kpi: { view: "metrics", label: "KPI" },
  theme: { view: "feedback", label: "Theme" },
  feedback: { view: "feedback", label: "Feedback" },
  experiment: { view: "experiments", label: "Experiment" },
  decision: { view: "decisions", label: "Decision" },
};

/** The hash of the view a linked record lives in, or null for an unknown or deleted record. */
export function recordHash(kind: string | null): string | null {
  return kind && KIND_VIEWS[kind] ? `#/${KIND_VIEWS[kind].view}` : null;
}

export function recordKindLabel(kind: string | null): string {
  return kind ? (KIND_VIEWS[kind]?.label ?? kind.replace(/_/g, " ")) : "Deleted record";
}

/** "2027-01" → "Jan 2027" (for the trend's axis labels). */
export function formatMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Session key through which a link elsewhere (the item panel) asks the inbox to show one item's feedback. */
export const FEEDBACK_ITEM_KEY = "lodestar.feedback.item";

/** One group of records a decision can link to, for the picker. */
export type LinkChoice = { group: string; options: { id: string; title: string }[] };
