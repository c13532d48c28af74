//! The OKRs view: a cycle's objectives as cards with every figure, key results with
//! their check-ins, milestones, and SMART findings; plus the history of changes.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::okr::ObjectiveFigures;
use crate::compute::smart::SmartFinding;
use crate::model::{CheckIn, Cycle, KeyResult, Milestone, Objective, Pivot, Revision};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OkrView {
    pub as_of: NaiveDate,
    pub cycles: Vec<Cycle>,
    /// The cycle shown: the one asked for, else the one containing `as_of`, else the latest.
    pub cycle: Option<String>,
    /// The shown cycle's objectives, in the order they were created.
    pub objectives: Vec<ObjectiveCard>,
    /// Every objective of every cycle, for parent pickers and the alignment tree.
    pub all_objectives: Vec<ObjectiveSummary>,
    /// KPIs a key result can be bound to.
    pub kpis: Vec<KpiSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveCard {
    pub objective: Objective,
    /// The objective's figures; `figures.key_results` is in the same order as `key_results`.
    pub figures: ObjectiveFigures,
    pub key_results: Vec<KeyResultCard>,
    pub milestones: Vec<MilestoneCard>,
    /// SMART findings about the objective itself (its key results carry their own).
    pub smart: Vec<SmartFinding>,
    /// The latest deliberate adjustment's reason, when the goal was adjusted.
    pub adjusted: Option<String>,
    /// The lowest latest confidence among its key results (below 0.5 puts it at risk).
    pub lowest_confidence: Option<f64>,
    /// The objective it was carried over from when a cycle closed.
    pub carried_from: Option<crate::views::cycle_close::CarriedFrom>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyResultCard {
    pub key_result: KeyResult,
    /// Check-ins up to `as_of`, oldest first (for the sparkline and the history).
    pub checkins: Vec<CheckIn>,
    /// The confidence of each check-in that has one, oldest first (the confidence line).
    pub confidences: Vec<ConfidencePoint>,
    /// Milestones bound to this (milestone-kind) key result.
    pub bound_milestones: Vec<String>,
    pub smart: Vec<SmartFinding>,
}

/// A key result's confidence on the day of a check-in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConfidencePoint {
    pub date: NaiveDate,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MilestoneCard {
    pub milestone: Milestone,
    /// Done as of the view's date.
    pub done: bool,
    /// Due before `as_of` and not done.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveSummary {
    pub id: String,
    pub title: String,
    pub cycle: Option<String>,
    pub parent: Option<String>,
    /// Progress as of the view's date (rolled up), for the alignment tree.
    pub progress: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KpiSummary {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
}

/// One entry of the timeline of changes: a revision of a goal or product field.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    /// `product`, `objective` or `key_result`.
    pub entity: String,
    pub entity_id: String,
    /// The record's current title (or the product name), for display.
    pub entity_title: String,
    pub revision: Revision,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HistoryView {
    /// Newest first.
    pub entries: Vec<HistoryEntry>,
    /// Newest first.
    pub pivots: Vec<Pivot>,
}

/// `lodestar report okrs --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OkrReport {
    pub as_of: NaiveDate,
    pub objectives: Vec<ObjectiveFigures>,
}
