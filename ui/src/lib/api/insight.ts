// Home dashboard, Metrics (KPIs and measurements) and search: one typed function per
// command. Every figure is computed by the core; mutations answer little, so callers
// reload the view afterwards. Dates are "YYYY-MM-DD".
import { call } from "./commands";
import type { DashboardView } from "./types/DashboardView";
import type { KpiChart } from "./types/KpiChart";
import type { KpiInput } from "./types/KpiInput";
import type { MeasurementOutcome } from "./types/MeasurementOutcome";
import type { MetricsView } from "./types/MetricsView";
import type { SearchHit } from "./types/SearchHit";

/** The product at a glance; `asOf` null: today. */
export function dashboard(asOf: string | null = null): Promise<DashboardView> {
  return call<DashboardView>("dashboard", { as_of: asOf });
}

/** Every KPI with its latest values, and every key result (for the bind picker). */
export function metricsView(): Promise<MetricsView> {
  return call<MetricsView>("metrics_view");
}

/** One KPI's measurements over time and the key results bound to it. */
export function kpiChart(id: string): Promise<KpiChart> {
  return call<KpiChart>("kpi_chart", { id });
}

/** Answers the new KPI's id. */
export function createKpi(input: KpiInput): Promise<string> {
  return call<string>("create_kpi", { input });
}

export function updateKpi(id: string, input: KpiInput): Promise<null> {
  return call<null>("update_kpi", { id, input });
}

/** Deletes the KPI with its measurements; bound key results become unbound. */
export function deleteKpi(id: string): Promise<null> {
  return call<null>("delete_kpi", { id });
}

/** Records a measurement (`date` null: today); bound key results get a check-in. */
export function addMeasurement(kpi: string, date: string | null, value: number): Promise<MeasurementOutcome> {
  return call<MeasurementOutcome>("add_measurement", { kpi, date, value });
}

export function deleteMeasurement(id: number): Promise<null> {
  return call<null>("delete_measurement", { id });
}

/** Binds a key result to a KPI, or unbinds it with `kpi` null. */
export function bindKeyResultKpi(keyResult: string, kpi: string | null): Promise<null> {
  return call<null>("bind_key_result_kpi", { key_result: keyResult, kpi });
}

/** Hits of every kind for a query, title matches first. */
export function search(query: string): Promise<SearchHit[]> {
  return call<SearchHit[]>("search", { query });
}
