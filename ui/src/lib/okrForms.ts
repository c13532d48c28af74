// Form text ↔ command inputs. Only the shape is checked here (is it a number at all?);
// every rule about ranges and meaning is the core's, and its errors are shown at the field.
import type { Ambition } from "./api/types/Ambition";
import type { CheckIn } from "./api/types/CheckIn";
import type { Cycle } from "./api/types/Cycle";
import type { KeyResult } from "./api/types/KeyResult";
import type { KeyResultInput } from "./api/types/KeyResultInput";
import type { KeyResultKind } from "./api/types/KeyResultKind";
import type { Milestone } from "./api/types/Milestone";
import type { MilestoneInput } from "./api/types/MilestoneInput";
import type { Objective } from "./api/types/Objective";
import type { ObjectiveCategory } from "./api/types/ObjectiveCategory";
import type { ObjectiveInput } from "./api/types/ObjectiveInput";
import type { ObjectiveStatus } from "./api/types/ObjectiveStatus";
import type { PivotKind } from "./api/types/PivotKind";

/** Messages per input field name (the names the core uses in `LodestarError.field`). */
export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Empty or blank text means "not set". */
export function textOrNull(text: string): string | null {
  return text.trim() === "" ? null : text.trim();
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a typed number: blank is null; "1,5" is 1.5; "1 200" is 1200; anything else is an error. */
export function parseNumber(text: string): { value: number | null } | { error: string } {
  let t = text.trim().replace(/[\s\u00a0_]/g, "");
  if (t === "") return { value: null };
  if (!t.includes(".") && /^[^,]*,[^,]*$/.test(t) && !/^[+-]?\d{1,3},\d{3}$/.test(t)) t = t.replace(",", ".");
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
  if (!NUMBER.test(t)) {
    const unit = /^[+-]?[\d.,]+\s*\D+$/.test(text.trim());
    return { error: unit ? `Enter the number without its unit, e.g. ${text.trim().match(/^[+-]?[\d.,]+/)?.[0]}.` : `“${text.trim()}” is not a number. Enter digits, e.g. 46 or 2.5.` };
  }
  return { value: Number(t) };
}

function collect<T>(errors: FieldErrors, value: T): Parsed<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

function num(errors: FieldErrors, field: string, text: string, required = false): number | null {
  const r = parseNumber(text);
  if ("error" in r) {
    errors[field] = r.error;
    return null;
  }
  if (required && r.value === null) errors[field] = "Enter a number.";
  return r.value;
}

const str = (n: number | null | undefined): string => (n === null || n === undefined ? "" : String(n));

// ---- Objective -----------------------------------------------------------------------

export type ObjectiveForm = {
  title: string;
  description: string;
  cycle: string;
  parent: string;
  category: string;
  owner: string;
  status: ObjectiveStatus;
  weight: string;
  ambition: Ambition;
  reason: string;
};

export function objectiveForm(o: Objective | null, cycle: string | null): ObjectiveForm {
  return {
    title: o?.title ?? "",
    description: o?.description ?? "",
    cycle: o ? (o.cycle ?? "") : (cycle ?? ""),
    parent: o?.parent ?? "",
    category: o?.category ?? "",
    owner: o?.owner ?? "",
    status: o?.status ?? "active",
    weight: str(o?.weight),
    ambition: o?.ambition ?? "aspirational",
    reason: "",
  };
}

export function objectiveInput(f: ObjectiveForm): Parsed<ObjectiveInput> {
  const errors: FieldErrors = {};
  const weight = num(errors, "weight", f.weight);
  return collect(errors, {
    title: f.title,
    description: textOrNull(f.description),
    cycle: f.cycle === "" ? null : f.cycle,
    parent: f.parent === "" ? null : f.parent,
    category: f.category === "" ? null : (f.category as ObjectiveCategory),
    owner: textOrNull(f.owner),
    status: f.status,
    weight,
    ambition: f.ambition,
  });
}

// ---- Key result ----------------------------------------------------------------------

export type KeyResultForm = {
  title: string;
  kind: KeyResultKind;
  unit: string;
  baseline: string;
  target: string;
  weight: string;
  kpi: string;
  reason: string;
};

export function keyResultForm(kr: KeyResult | null): KeyResultForm {
  return {
    title: kr?.title ?? "",
    kind: kr?.kind ?? "increase",
    unit: kr?.unit ?? "",
    baseline: str(kr?.baseline),
    target: str(kr?.target),
    weight: str(kr?.weight),
    kpi: kr?.kpi ?? "",
    reason: "",
  };
}

export function keyResultInput(f: KeyResultForm): Parsed<KeyResultInput> {
  const errors: FieldErrors = {};
  const baseline = num(errors, "baseline", f.baseline);
  const target = num(errors, "target", f.target);
  const weight = num(errors, "weight", f.weight);
  return collect(errors, {
    title: f.title,
    kind: f.kind,
    unit: textOrNull(f.unit),
    baseline,
    target,
    weight,
    kpi: f.kpi === "" ? null : f.kpi,
  });
}

// ---- Milestone -----------------------------------------------------------------------

export type MilestoneForm = { title: string; due: string; done: boolean };

export function milestoneForm(m: Milestone | null, done: boolean, defaultDue: string): MilestoneForm {
  return { title: m?.title ?? "", due: m?.due ?? defaultDue, done };
}

export function milestoneInput(f: MilestoneForm, objective: string, roadmapItem: string | null): MilestoneInput {
  return { objective, title: f.title, due: f.due, roadmap_item: roadmapItem };
}

// ---- Check-in ------------------------------------------------------------------------

export type CheckInForm = { value: string; confidence: string; note: string; date: string };

export function checkInForm(lastConfidence: number | null, today: string): CheckInForm {
  return { value: "", confidence: str(lastConfidence), note: "", date: today };
}

export function checkInInput(f: CheckInForm, keyResult: string): Parsed<CheckIn> {
  const errors: FieldErrors = {};
  const value = num(errors, "value", f.value, true);
  const confidence = num(errors, "confidence", f.confidence);
  return collect(errors, { key_result: keyResult, date: f.date, value: value ?? 0, confidence, note: textOrNull(f.note) });
}

// ---- Cycle and pivot -----------------------------------------------------------------

export type CycleForm = { id: string; start: string; end: string };

export function cycleInput(f: CycleForm): Cycle {
  return { id: f.id.trim(), start: f.start, end: f.end };
}

export type PivotForm = { date: string; kind: PivotKind; description: string };

/** The reason sent with an edit: null unless something was written. */
export function reasonOrNull(text: string): string | null {
  return textOrNull(text);
}

/** Where a core error goes in a form: at its field when the form has it, else above the buttons. */
export function placeError(
  err: { message: string; field: string | null },
  fields: readonly string[],
): { errors: FieldErrors; general: string | null } {
  if (err.field !== null && fields.includes(err.field)) return { errors: { [err.field]: err.message }, general: null };
  return { errors: {}, general: err.message };
}
