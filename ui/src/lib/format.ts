// Display formatting of the core's figures. Formatting only: nothing here computes a figure.
// Undefined figures (null) show as an em dash, never as 0.

export const DASH = "—";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type Num = number | null | undefined;

const isNum = (v: Num): v is number => typeof v === "number" && Number.isFinite(v);

/** A plain number: thousands separators, at most `maxDigits` decimals, no "-0". */
const numberFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(v: Num, maxDigits = 2): string {
  if (!isNum(v)) return DASH;
  let nf = numberFormats.get(maxDigits);
  if (!nf) numberFormats.set(maxDigits, (nf = new Intl.NumberFormat("en-US", { maximumFractionDigits: maxDigits })));
  const out = nf.format(v);
  return out === "-0" ? "0" : out;
}

/** A share in [0, 1] as a whole percent: 0.646 → "65%". */
export function formatPercent(p: Num, digits = 0): string {
  if (!isNum(p)) return DASH;
  return `${formatNumber(p * 100, digits)}%`;
}

/** The 0.0–1.0 grade with exactly one decimal. */
export function formatGrade(g: Num): string {
  if (!isNum(g)) return DASH;
  return g.toFixed(1);
}

/** A confidence in [0, 1], e.g. "0.7" or "0.65". */
export function formatConfidence(c: Num): string {
  return formatNumber(c, 2);
}

/** A value with its unit: "43.4%", "2.8 s", "1,200 users"; no unit: the number alone. */
export function formatValue(v: Num, unit: string | null | undefined, maxDigits = 2): string {
  if (!isNum(v)) return DASH;
  const n = formatNumber(v, maxDigits);
  const u = (unit ?? "").trim();
  if (u === "") return n;
  return u === "%" ? `${n}%` : `${n} ${u}`;
}

/** Current → target: "43.4% → 46%", "2.6 → 3.6 sessions" (a word unit is written once). */
export function formatMove(current: Num, target: Num, unit: string | null | undefined): string {
  const u = (unit ?? "").trim();
  if (u === "%" || u === "") return `${formatValue(current, u)} → ${formatValue(target, u)}`;
  return `${formatNumber(current)} → ${formatValue(target, u)}`;
}

/** "2026-11-25" → "25 Nov 2026"; anything else is shown as given. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-11-25" → "25 Nov". */
export function formatShortDate(iso: string | null | undefined): string {
  if (!iso) return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}`;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar date of `now` as "YYYY-MM-DD". */
export function isoDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Width of a progress bar fill, as a CSS percentage clamped to [0, 100]. */
export function barWidth(p: Num): string {
  if (!isNum(p)) return "0%";
  return `${Math.min(100, Math.max(0, p * 100))}%`;
}
