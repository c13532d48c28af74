// Home dashboard, Metrics (KPIs and measurements) and search. Each command's typed
// function is generated from the Rust side (bindings.ts).
import { dashboard as dashboardAsOf } from "./bindings";
import type { DashboardView } from "./types/DashboardView";

export { metricsView, kpiChart, createKpi, updateKpi, deleteKpi, addMeasurement, deleteMeasurement, bindKeyResultKpi, search } from "./bindings";

/** The product at a glance; `asOf` null: today. */
export function dashboard(asOf: string | null = null): Promise<DashboardView> {
  return dashboardAsOf(asOf);
}
