use chrono::NaiveDate;
use lodestar::model::KpiInput;
use lodestar::views::metrics::{KpiChart, MeasurementOutcome, MetricsView};

command! {
    /// Every KPI with its latest values and bound key results.
    fn metrics_view() -> MetricsView = |_, session| session.with(|ws| ws.metrics_view());

    /// One KPI's measurements over time and the key results bound to it (target lines).
    fn kpi_chart(id: String) -> KpiChart = |_, session| session.with(|ws| ws.kpi_chart(&id));

    /// Answers the new KPI's id.
    fn create_kpi(input: KpiInput) -> String = |_, session| session.with(|ws| ws.create_kpi(&input));

    fn update_kpi(id: String, input: KpiInput) -> () = |_, session| session.with(|ws| ws.update_kpi(&id, &input));

    /// Deletes the KPI with its measurements; bound key results become unbound.
    fn delete_kpi(id: String) -> () = |_, session| session.with(|ws| ws.delete_kpi(&id));

    /// Records a measurement (default date: today); bound key results get a check-in.
    fn add_measurement(kpi: String, date: Option<NaiveDate>, value: f64) -> MeasurementOutcome =
        |_, session| session.with(|ws| ws.add_measurement(&kpi, date.unwrap_or_else(|| chrono::Local::now().date_naive()), value));

    fn delete_measurement(id: i64) -> () = |_, session| session.with(|ws| ws.delete_measurement(id));

    /// Binds a key result to a KPI, or unbinds it (`kpi` null).
    fn bind_key_result_kpi(key_result: String, kpi: Option<String>) -> () =
        |_, session| session.with(|ws| ws.bind_key_result_kpi(&key_result, kpi.as_deref(), chrono::Utc::now()));
}
