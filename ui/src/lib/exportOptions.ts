// The export dialog's options: remembered per kind in localStorage and merged over the
// core's defaults, with type checks before sending (range rules are the core's).
import type { ExportFormat } from "./api/types/ExportFormat";
import type { ExportKind } from "./api/types/ExportKind";
import type { PdfPages } from "./api/types/PdfPages";
import type { PictureOptions } from "./api/types/PictureOptions";
import type { Zoom } from "./api/types/Zoom";

export type { ExportFormat, ExportKind };

export const KINDS: readonly { value: ExportKind; label: string }[] = [
  { value: "roadmap", label: "Roadmap" },
  { value: "okrs", label: "OKR one-pager" },
];
export const FORMATS: readonly { value: ExportFormat; label: string }[] = [
  { value: "png", label: "PNG" },
  { value: "svg", label: "SVG" },
  { value: "pdf", label: "PDF" },
  { value: "html", label: "Web page" },
];

/** The formats a kind exports to: the interactive web page is the roadmap's only. */
export function formatsFor(kind: ExportKind): readonly { value: ExportFormat; label: string }[] {
  return kind === "roadmap" ? FORMATS : FORMATS.filter((f) => f.value !== "html");
}
export const ZOOMS: readonly { value: Zoom; label: string }[] = [
  { value: "week", label: "Weeks" },
  { value: "month", label: "Months" },
  { value: "quarter", label: "Quarters" },
  { value: "year", label: "Years" },
];
export const PAGES: readonly { value: PdfPages; label: string }[] = [
  { value: "one_page", label: "One long page" },
  { value: "a4", label: "A4 landscape" },
  { value: "letter", label: "Letter landscape" },
];
export const SCALES: readonly { value: number; label: string }[] = [
  { value: 1, label: "1×" },
  { value: 2, label: "2×" },
  { value: 3, label: "3×" },
];

/** The fields the dialog shows an error under. */
export const OPTION_FIELDS = [
  "from",
  "to",
  "zoom",
  "lanes",
  "title",
  "subtitle",
  "generated_on",
  "scale",
  "pages",
  "cycle",
] as const;

/** What is remembered for one kind. */
export type Remembered = { format: ExportFormat; options: PictureOptions };

export const STORAGE_PREFIX = "lodestar.export.";

export function storageKey(what: ExportKind): string {
  return `${STORAGE_PREFIX}${what}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isExportKind(v: unknown): v is ExportKind {
  return v === "roadmap" || v === "okrs";
}
export function isExportFormat(v: unknown): v is ExportFormat {
  return FORMATS.some((f) => f.value === v);
}
function isZoom(v: unknown): v is Zoom {
  return ZOOMS.some((z) => z.value === v);
}
function isPages(v: unknown): v is PdfPages {
  return PAGES.some((p) => p.value === v);
}
function isDate(v: unknown): v is string {
  return typeof v === "string" && DATE.test(v);
}
function isScale(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 3;
}
function isLanes(v: unknown): v is string[] | null {
  return v === null || (Array.isArray(v) && v.every((l) => typeof l === "string"));
}
function isText(v: unknown): v is string | null {
  return v === null || typeof v === "string";
}

/**
 * The saved options (anything parsed from storage) over the core's defaults: each field is
 * taken from `saved` only when it has the right type. "Generated on" is remembered as on/off
 * and, when on, is today's date.
 */
export function mergeOptions(defaults: PictureOptions, saved: unknown, today: string): PictureOptions {
  const s = typeof saved === "object" && saved !== null ? (saved as Record<string, unknown>) : {};
  const pick = <T>(key: keyof PictureOptions, ok: (v: unknown) => v is T, fallback: T): T =>
    key in s && ok(s[key]) ? (s[key] as T) : fallback;
  const generatedOn = "generated_on" in s && isText(s.generated_on) ? s.generated_on !== null : defaults.generated_on !== null;
  return {
    from: pick("from", isDate, defaults.from),
    to: pick("to", isDate, defaults.to),
    zoom: pick("zoom", isZoom, defaults.zoom),
    lanes: pick("lanes", isLanes, defaults.lanes),
    title: pick("title", isText, defaults.title),
    subtitle: pick("subtitle", isText, defaults.subtitle),
    generated_on: generatedOn ? today : null,
    legend: pick("legend", (v): v is boolean => typeof v === "boolean", defaults.legend),
    today_line: pick("today_line", (v): v is boolean => typeof v === "boolean", defaults.today_line),
    milestone_labels: pick("milestone_labels", (v): v is boolean => typeof v === "boolean", defaults.milestone_labels),
    scale: pick("scale", isScale, defaults.scale),
    pages: pick("pages", isPages, defaults.pages),
  };
}

/** The remembered format and options for `what` (defaults when nothing usable is stored). */
export function loadRemembered(
  storage: Pick<Storage, "getItem"> | null,
  what: ExportKind,
  defaults: PictureOptions,
  today: string,
): Remembered {
  let parsed: unknown = null;
  try {
    const raw = storage?.getItem(storageKey(what));
    parsed = raw ? JSON.parse(raw) : null;
  } catch {
    parsed = null;
  }
  const p = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return {
    format: isExportFormat(p.format) ? p.format : "png",
    options: mergeOptions(defaults, p.options, today),
  };
}

export function saveRemembered(storage: Pick<Storage, "setItem"> | null, what: ExportKind, remembered: Remembered): void {
  try {
    storage?.setItem(storageKey(what), JSON.stringify(remembered));
  } catch {
    // storage full or unavailable: nothing to remember
  }
}

export type Checked = { ok: true; value: PictureOptions } | { ok: false; errors: Partial<Record<string, string>> };

/**
 * Type checks before sending: dates are YYYY-MM-DD, scale a whole 1–3, known zoom and pages,
 * lanes a list; blank title/subtitle become null. Whether the range makes sense is the core's call.
 */
export function checkOptions(o: PictureOptions): Checked {
  const errors: Partial<Record<string, string>> = {};
  if (!isDate(o.from)) errors.from = "Enter a start date.";
  if (!isDate(o.to)) errors.to = "Enter an end date.";
  if (!isZoom(o.zoom)) errors.zoom = "Choose a zoom.";
  if (!isLanes(o.lanes)) errors.lanes = "Choose the lanes to show.";
  if (!isScale(o.scale)) errors.scale = "The scale is a whole number from 1 to 3.";
  if (!isPages(o.pages)) errors.pages = "Choose how to paginate the PDF.";
  if (o.generated_on !== null && !isDate(o.generated_on)) errors.generated_on = "Not a date.";
  if (!isText(o.title)) errors.title = "Not a text.";
  if (!isText(o.subtitle)) errors.subtitle = "Not a text.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const blank = (t: string | null) => (t === null || t.trim() === "" ? null : t.trim());
  return { ok: true, value: { ...o, title: blank(o.title), subtitle: blank(o.subtitle) } };
}

/** The lanes after ticking (`on`) or unticking one: null means all of `all`. */
export function toggleLane(lanes: string[] | null, all: readonly string[], lane: string, on: boolean): string[] | null {
  const current = lanes ?? [...all];
  const next = on ? (current.includes(lane) ? current : [...current, lane]) : current.filter((l) => l !== lane);
  const ordered = all.filter((l) => next.includes(l));
  return ordered.length === all.length && all.length > 0 ? null : ordered;
}


/** The last part of a path (either separator). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
