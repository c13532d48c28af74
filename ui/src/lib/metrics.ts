// Words, forms and chart data for the Metrics view. Shapes only: the core validates and
// computes every figure; the chart data arranges the core's points for uPlot (drawing).
import type { KeyResultRef } from "./api/types/KeyResultRef";
import type { Kpi } from "./api/types/Kpi";
import type { KpiCategory } from "./api/types/KpiCategory";
import type { KpiChart } from "./api/types/KpiChart";
import type { KpiInput } from "./api/types/KpiInput";
import { parseNumber, type FieldErrors, type Parsed } from "./okrForms";

export const KPI_CATEGORIES: readonly { value: KpiCategory; label: string }[] = [
  { value: "acquisition", label: "Acquisition" },
  { value: "activation", label: "Activation" },
  { value: "engagement", label: "Engagement" },
  { value: "retention", label: "Retention" },
  { value: "monetization", label: "Monetization" },
  { value: "revenue", label: "Revenue" },
  { value: "satisfaction", label: "Satisfaction" },
  { value: "usage", label: "Usage" },
  { value: "cost", label: "Cost" },
  { value: "quality", label: "Quality" },
  { value: "delivery", label: "Delivery" },
];

export function categoryLabel(c: string): string {
  return KPI_CATEGORIES.find((x) => x.value === c)?.label ?? c;
}

/** "Higher is better" / "Lower is better"; absent means higher is better. */
export function directionLabel(higherIsBetter: boolean | null): string {
  return higherIsBetter === false ? "Lower is better" : "Higher is better";
}

// ---- KPI form ----------------------------------------------------------------------

export type KpiForm = { name: string; category: KpiCategory; unit: string; direction: "higher" | "lower" };

export function kpiForm(k: Kpi | null): KpiForm {
  return {
    name: k?.name ?? "",
    category: k?.category ?? "engagement",
    unit: k?.unit ?? "",
    direction: k?.higher_is_better === false ? "lower" : "higher",
  };
}

/** The input sent to the core; the name goes as typed (the core decides what is acceptable). */
export function kpiInput(f: KpiForm): KpiInput {
  return {
    name: f.name,
    category: f.category,
    unit: f.unit.trim() === "" ? null : f.unit.trim(),
    higher_is_better: f.direction === "higher",
  };
}

// ---- Measurement form ----------------------------------------------------------------

export type MeasurementForm = { date: string; value: string };

/** A value is required and must be a number; an empty date means today (the core's). */
export function measurementInput(f: MeasurementForm): Parsed<{ date: string | null; value: number }> {
  const errors: FieldErrors = {};
  const r = parseNumber(f.value);
  let value = 0;
  if ("error" in r) errors.value = r.error;
  else if (r.value === null) errors.value = "Enter the measured value, e.g. 43.5.";
  else value = r.value;
  const date = f.date.trim() === "" ? null : f.date.trim();
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = "Enter the date as YYYY-MM-DD.";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { date, value } };
}

/** "Checked in to KR “Raise retention…”" for the key results a measurement moved; "" for none. */
export function checkedInNote(ids: readonly string[], keyResults: readonly Pick<KeyResultRef, "id" | "title">[]): string {
  if (ids.length === 0) return "";
  const names = ids.map((id) => `“${keyResults.find((k) => k.id === id)?.title ?? id}”`);
  return `Checked in to KR ${names.join(", ")}.`;
}

// ---- Chart data ----------------------------------------------------------------------

/** Seconds since the epoch at 00:00 UTC of a "YYYY-MM-DD" day (uPlot's time scale). */
export function daySeconds(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

/** "YYYY-MM-DD" of a uPlot time-scale value. */
export function secondsDay(s: number): string {
  return new Date(s * 1000).toISOString().slice(0, 10);
}

export type ChartSeries = {
  /** The key result it belongs to (null: the measurements). */
  keyResult: string | null;
  role: "measured" | "target" | "path";
  label: string;
  values: (number | null)[];
};

export type ChartData = { x: number[]; series: ChartSeries[] };

/**
 * The chart's columns: the days of the measurements and of the bound key results' cycle
 * bounds; the measurements (the last one of a day, as for check-ins); per bound key result
 * its target as a flat line over its cycle (null outside) and, for increase/decrease
 * results with a baseline, the straight path from baseline at the cycle's start to target
 * at its end (two points; the line between them is drawn by uPlot).
 */
export function chartData(chart: KpiChart): ChartData {
  const krs = chart.key_results.filter((k) => k.target !== null && k.cycle_start !== null && k.cycle_end !== null);
  const days = new Set<string>(chart.measurements.map((m) => m.date));
  for (const k of krs) {
    days.add(k.cycle_start as string);
    days.add(k.cycle_end as string);
  }
  const sorted = [...days].sort();
  const index = new Map(sorted.map((d, i) => [d, i]));
  const empty = () => sorted.map(() => null as number | null);

  const measured = empty();
  for (const m of chart.measurements) measured[index.get(m.date) as number] = m.value;
  const series: ChartSeries[] = [{ keyResult: null, role: "measured", label: "Measured", values: measured }];

  for (const k of krs) {
    const start = k.cycle_start as string;
    const end = k.cycle_end as string;
    const target = k.target as number;
    series.push({
      keyResult: k.id,
      role: "target",
      label: `Target of “${k.title}”`,
      values: sorted.map((d) => (d >= start && d <= end ? target : null)),
    });
    if ((k.kind === "increase" || k.kind === "decrease") && k.baseline !== null) {
      const path = empty();
      path[index.get(start) as number] = k.baseline;
      path[index.get(end) as number] = target;
      series.push({ keyResult: k.id, role: "path", label: `Planned path of “${k.title}”`, values: path });
    }
  }
  return { x: sorted.map(daySeconds), series };
}
