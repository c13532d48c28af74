//! The Metrics views: the KPI list with latest values, and one KPI's chart with the key
//! results bound to it (their targets drawn as lines).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::{KeyResultKind, Kpi};

/// A measurement as the chart and the table show it; `id` deletes it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MeasurementPoint {
    #[ts(type = "number")]
    pub id: i64,
    pub date: NaiveDate,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KpiCard {
    pub kpi: Kpi,
    /// The latest measurement (by date) and the one before it, for "↑ 2.1 since …".
    pub latest: Option<MeasurementPoint>,
    pub previous: Option<MeasurementPoint>,
    pub measurements: u32,
    /// Key results bound to this KPI.
    pub bound_key_results: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MetricsView {
    /// Every KPI in the order created.
    pub kpis: Vec<KpiCard>,
    /// Every key result, for the "bind to a KPI" picker.
    pub key_results: Vec<KeyResultRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyResultRef {
    pub id: String,
    pub title: String,
    pub objective: String,
    pub kpi: Option<String>,
}

/// A key result bound to the KPI, with what the chart needs to draw its target line
/// from the baseline at the cycle's start to the target at the cycle's end.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BoundKeyResult {
    pub id: String,
    pub title: String,
    pub objective: String,
    pub objective_title: String,
    pub kind: KeyResultKind,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub cycle: Option<String>,
    pub cycle_start: Option<NaiveDate>,
    pub cycle_end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KpiChart {
    pub kpi: Kpi,
    /// Oldest first (by date, then in the order recorded).
    pub measurements: Vec<MeasurementPoint>,
    pub key_results: Vec<BoundKeyResult>,
}

/// What recording a measurement did: its id, and the key results that got a check-in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MeasurementOutcome {
    #[ts(type = "number")]
    pub id: i64,
    pub checked_in: Vec<String>,
}
