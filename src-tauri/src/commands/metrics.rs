use chrono::NaiveDate;
use lodestar::model::KpiInput;
use lodestar::views::metrics::{KpiChart, MeasurementOutcome, MetricsView};
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// Every KPI with its latest values and bound key results.
#[tauri::command(rename_all = "snake_case")]
pub fn metrics_view(session: State<'_, Session>) -> Result<MetricsView, Error> {
    session.with(|ws| ws.metrics_view())
}

/// One KPI's measurements over time and the key results bound to it (target lines).
#[tauri::command(rename_all = "snake_case")]
pub fn kpi_chart(session: State<'_, Session>, id: String) -> Result<KpiChart, Error> {
    session.with(|ws| ws.kpi_chart(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_kpi(session: State<'_, Session>, input: KpiInput) -> Result<String, Error> {
    session.with(|ws| ws.create_kpi(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_kpi(session: State<'_, Session>, id: String, input: KpiInput) -> Result<(), Error> {
    session.with(|ws| ws.update_kpi(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_kpi(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_kpi(&id))
}

/// Records a measurement (default date: today); bound key results get a check-in.
#[tauri::command(rename_all = "snake_case")]
pub fn add_measurement(session: State<'_, Session>, kpi: String, date: Option<NaiveDate>, value: f64) -> Result<MeasurementOutcome, Error> {
    session.with(|ws| ws.add_measurement(&kpi, date.unwrap_or_else(|| chrono::Local::now().date_naive()), value))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_measurement(session: State<'_, Session>, id: i64) -> Result<(), Error> {
    session.with(|ws| ws.delete_measurement(id))
}

/// Binds a key result to a KPI, or unbinds it (`kpi` null).
#[tauri::command(rename_all = "snake_case")]
pub fn bind_key_result_kpi(session: State<'_, Session>, key_result: String, kpi: Option<String>) -> Result<(), Error> {
    session.with(|ws| ws.bind_key_result_kpi(&key_result, kpi.as_deref(), chrono::Utc::now()))
}
