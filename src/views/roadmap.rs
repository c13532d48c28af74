//! The Roadmap view: the geometry to draw plus what the panels, filters and the
//! now–next–later board need.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::okr::Health;
use crate::compute::roadmap::{Allocation, Conflict, GoalSignal};
use crate::layout::RoadmapGeometry;
use crate::model::{Horizon, ItemKind, ItemStatus, Lane, Milestone, RoadmapItem};
use crate::views::feedback::FeedbackEntry;
pub use crate::views::ItemRef;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoadmapView {
    pub geometry: RoadmapGeometry,
    /// Every lane, in order (the geometry holds only the shown ones).
    pub lanes: Vec<Lane>,
    pub objectives: Vec<ObjectiveRef>,
    pub baselines: Vec<BaselineSummary>,
    /// Items whose dates moved against the chosen baseline, most slipped first.
    pub slips: Vec<Slip>,
    /// How many conflicts the whole roadmap has (their sentences: `roadmap_conflicts`).
    pub conflict_count: u32,
    /// Share of items (not dropped) that serve a goal; null when there are none.
    pub coverage: Option<f64>,
    /// Share of item-days per kind inside the shown range.
    pub allocation: Allocation,
    /// Items without dates (ideas), not on the timeline.
    pub unscheduled: u32,
    /// The first and last day of the whole plan (every dated item and milestone, whatever
    /// the range and filters); null when nothing is dated. The timeline asks for a range
    /// that covers it, so scrolling through the plan needs no new request.
    pub plan_span: Option<PlanSpan>,
    pub history: EditState,
}

/// The days from the plan's first dated item or milestone to its last, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlanSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveRef {
    pub id: String,
    pub title: String,
    pub cycle: Option<String>,
    /// The end of its cycle: items serving it should end by then.
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BaselineSummary {
    pub id: String,
    pub name: String,
    pub saved_on: NaiveDate,
    pub items: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Slip {
    pub item: String,
    pub title: String,
    pub baseline_start: NaiveDate,
    pub baseline_end: NaiveDate,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Days the start moved (positive: later).
    #[ts(type = "number")]
    pub start_days: i64,
    /// Days the end moved (positive: later): the slip.
    #[ts(type = "number")]
    pub end_days: i64,
}

/// A conflict with a sentence that explains it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConflictNote {
    pub conflict: Conflict,
    pub message: String,
}

/// What undo and redo would do now.
#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
#[ts(export)]
pub struct EditState {
    pub undo: Option<String>,
    pub redo: Option<String>,
}

/// The side panel of one item: its fields and its *why*.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ItemDetail {
    pub item: RoadmapItem,
    pub objectives: Vec<ObjectiveRef>,
    pub feedback_count: u32,
    /// The feedback linked to the item, newest first.
    pub feedback: Vec<FeedbackEntry>,
    pub milestones: Vec<Milestone>,
    pub conflicts: Vec<ConflictNote>,
    /// Items this one depends on and items depending on it, with titles.
    pub depends_on: Vec<ItemRef>,
    pub dependents: Vec<ItemRef>,
}

/// A card of the now–next–later board.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BoardCard {
    pub id: String,
    pub title: String,
    pub lane: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub horizon: Option<Horizon>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub no_goal: bool,
}

/// `lodestar report roadmap --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapReport {
    pub coverage: Option<f64>,
    pub conflicts: Vec<Conflict>,
    pub allocation: Allocation,
    /// Every item's goal signal as of the report's date, by id.
    pub items: Vec<GoalSignal>,
}

/// What an item's side panel says about the goals it serves, as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ItemGoals {
    pub as_of: NaiveDate,
    pub signal: GoalSignal,
    /// The key results the item serves, in the item's order.
    pub key_results: Vec<ServedKeyResult>,
    /// Every key result it could serve, grouped by objective (objectives in creation
    /// order, their key results in order), for the picker.
    pub choices: Vec<KeyResultChoice>,
}

/// A key result an item serves, with the figures the panel's sentence needs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ServedKeyResult {
    pub id: String,
    pub title: String,
    pub objective: String,
    pub objective_title: String,
    pub unit: Option<String>,
    pub progress: Option<f64>,
    /// The health of its objective.
    pub health: Option<Health>,
    pub forecast_value: Option<f64>,
    pub forecast_progress: Option<f64>,
    /// The end of its objective's cycle: what the forecast is for.
    pub deadline: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyResultChoice {
    pub id: String,
    pub title: String,
    pub objective: String,
    pub objective_title: String,
    pub cycle: Option<String>,
}
