// The Backlog view's pure helpers: the score editor's form, the two matrices' quadrants and
// keyboard moves. Nothing here computes a score or a rank: those come from the core
// (backlog_view); this only places the core's figures and turns typed text into an edit.

import type { BacklogEntry } from "./api/types/BacklogEntry";
import type { ItemScores } from "./api/types/ItemScores";
import type { Moscow } from "./api/types/Moscow";
import { DASH, formatNumber } from "./format";
import { parseNumber, type FieldErrors, type Parsed } from "./okrForms";
import { fromTri, scoreForm, type ScoreForm } from "./roadmap";

// The score form is the item panel's (one definition); re-exported for the backlog's views.
export { scoreForm, type ScoreForm };

export const MOSCOW_LABELS: Record<Moscow, string> = { must: "Must", should: "Should", could: "Could", wont: "Won’t" };
const MOSCOW_ORDER: Moscow[] = ["must", "should", "could", "wont"];

/** How the table is ordered: by the core's ranking (RICE or ICE), or for reading (title, MoSCoW). */
export type BacklogSort = "rice" | "ice" | "title" | "moscow";

/** A score as shown: at most one decimal for large figures, two for small ones; none: "—". */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH;
  return formatNumber(v, Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
}

/** The RICE fields as a sentence-like formula: "1,200 × 2 × 0.8 ÷ 3". */
export function riceFormula(e: Pick<BacklogEntry, "rice">): string {
  if (!e.rice) return "";
  const r = e.rice;
  return `${formatNumber(r.reach)} × ${formatNumber(r.impact)} × ${formatNumber(r.confidence)} ÷ ${formatNumber(r.effort)}`;
}

export function iceFormula(e: Pick<BacklogEntry, "ice">): string {
  if (!e.ice) return "";
  const i = e.ice;
  return `${formatNumber(i.impact)} × ${formatNumber(i.confidence)} × ${formatNumber(i.ease)}`;
}

/**
 * The order rows are shown in. For "rice"/"ice" the core already sent them ranked (unscored
 * last), so the order is kept as is; title and MoSCoW are reading orders of the same rows.
 */
export function orderRows(items: readonly BacklogEntry[], sort: BacklogSort): BacklogEntry[] {
  const rows = [...items];
  if (sort === "title") rows.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  if (sort === "moscow") {
    const at = (m: Moscow | null) => (m ? MOSCOW_ORDER.indexOf(m) : MOSCOW_ORDER.length);
    rows.sort((a, b) => at(a.moscow) - at(b.moscow) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }
  return rows;
}

// ---- The score editor ---------------------------------------------------------------------

/** The scores as the entry holds them (for edits that change only some fields). */
export function entryScores(e: Pick<BacklogEntry, "rice" | "ice" | "moscow" | "urgent" | "important">): ItemScores {
  return { rice: e.rice, ice: e.ice, moscow: e.moscow, urgent: e.urgent, important: e.important };
}

/** Form keys by the field names the core uses in its errors. */
export const SCORE_FIELDS: Record<string, keyof ScoreForm> = {
  "rice.reach": "reach",
  "rice.impact": "impact",
  "rice.confidence": "confidence",
  "rice.effort": "effort",
  "ice.impact": "iceImpact",
  "ice.confidence": "iceConfidence",
  "ice.ease": "ease",
  moscow: "moscow",
  urgent: "urgent",
  important: "important",
};

/** The core's error field as the form's key ("rice.reach" → "reach"), or null. */
export function scoreErrorField(field: string | null): keyof ScoreForm | null {
  if (!field) return null;
  return SCORE_FIELDS[field] ?? SCORE_FIELDS[field.replace(/^.*\b(rice|ice)\./, "$1.")] ?? null;
}

/**
 * Typed text → the `set_scores` payload. RICE and ICE are whole or absent: all fields blank
 * means "not scored"; some blank is an error on the blank ones. Ranges are the core's to check.
 */
export function scoresFromForm(f: ScoreForm): Parsed<ItemScores> {
  const errors: FieldErrors = {};
  const group = (keys: (keyof ScoreForm)[], name: string): number[] | null => {
    const texts = keys.map((k) => String(f[k]));
    if (texts.every((t) => t.trim() === "")) return null;
    const values: number[] = [];
    keys.forEach((k, i) => {
      const r = parseNumber(texts[i]);
      if ("error" in r) errors[k] = r.error;
      else if (r.value === null) errors[k] = `Fill in every ${name} field, or clear them all to leave the item unscored.`;
      else values.push(r.value);
    });
    return values.length === keys.length ? values : null;
  };
  const rice = group(["reach", "impact", "confidence", "effort"], "RICE");
  const ice = group(["iceImpact", "iceConfidence", "ease"], "ICE");
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      rice: rice ? { reach: rice[0], impact: rice[1], confidence: rice[2], effort: rice[3] } : null,
      ice: ice ? { impact: ice[0], confidence: ice[1], ease: ice[2] } : null,
      moscow: f.moscow === "" ? null : f.moscow,
      urgent: fromTri(f.urgent),
      important: fromTri(f.important),
    },
  };
}

// ---- Eisenhower matrix (urgent × important) -------------------------------------------------

export type Quadrant = { id: string; label: string; hint: string; urgent: boolean; important: boolean };

/** In reading order: important on top, urgent on the left. */
export const EISENHOWER: readonly Quadrant[] = [
  { id: "do", label: "Do now", hint: "Urgent and important", urgent: true, important: true },
  { id: "schedule", label: "Schedule", hint: "Important, not urgent", urgent: false, important: true },
  { id: "delegate", label: "Delegate", hint: "Urgent, not important", urgent: true, important: false },
  { id: "drop", label: "Drop", hint: "Neither urgent nor important", urgent: false, important: false },
];

/** The quadrant an item sits in; null until both urgent and important are set. */
export function eisenhowerOf(e: Pick<BacklogEntry, "urgent" | "important">): Quadrant | null {
  if (e.urgent === null || e.important === null) return null;
  return EISENHOWER.find((q) => q.urgent === e.urgent && q.important === e.important) ?? null;
}

/**
 * Where an arrow key moves a card: left = urgent, right = not urgent, up = important,
 * down = not important. An untriaged card enters the quadrant the key points at. Null: no move.
 */
export function eisenhowerStep(
  e: Pick<BacklogEntry, "urgent" | "important">,
  key: string,
): { urgent: boolean; important: boolean } | null {
  let urgent = e.urgent ?? false;
  let important = e.important ?? false;
  if (key === "ArrowLeft") urgent = true;
  else if (key === "ArrowRight") urgent = false;
  else if (key === "ArrowUp") important = true;
  else if (key === "ArrowDown") important = false;
  else return null;
  return urgent === e.urgent && important === e.important ? null : { urgent, important };
}

/** The `set_scores` payload that puts an item into a quadrant, keeping its other scores. */
export function withQuadrant(
  e: Pick<BacklogEntry, "rice" | "ice" | "moscow" | "urgent" | "important">,
  to: { urgent: boolean; important: boolean },
): ItemScores {
  return { ...entryScores(e), urgent: to.urgent, important: to.important };
}

// ---- Value / effort matrix (from RICE; split at the core's medians) -------------------------

export const VALUE_EFFORT: readonly { id: string; label: string; hint: string; highValue: boolean; highEffort: boolean }[] = [
  { id: "quick", label: "Quick wins", hint: "High value, low effort", highValue: true, highEffort: false },
  { id: "big", label: "Big bets", hint: "High value, high effort", highValue: true, highEffort: true },
  { id: "fill", label: "Fill-ins", hint: "Low value, low effort", highValue: false, highEffort: false },
  { id: "sink", label: "Time sinks", hint: "Low value, high effort", highValue: false, highEffort: true },
];

/**
 * The quadrant of an item against the core's splits: at or above the value median counts as
 * high value, above the effort median as high effort. Null without RICE or without splits.
 */
export function valueEffortOf(
  e: Pick<BacklogEntry, "value" | "effort">,
  valueSplit: number | null,
  effortSplit: number | null,
): string | null {
  if (e.value === null || e.effort === null || valueSplit === null || effortSplit === null) return null;
  const highValue = e.value >= valueSplit;
  const highEffort = e.effort > effortSplit;
  return VALUE_EFFORT.find((q) => q.highValue === highValue && q.highEffort === highEffort)?.id ?? null;
}
