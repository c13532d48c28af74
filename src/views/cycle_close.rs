//! Closing a cycle: what a close does (shown before anything is written) or did.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::{GoalEdit, ObjectiveStatus};

/// What closing a cycle does: each active objective's outcome with its progress on the
/// cycle's end date, and what is carried into the next cycle. The same value describes a
/// preview (nothing written) and a close that happened.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CycleClose {
    pub cycle: String,
    /// The cycle's last day: progress is read on it.
    pub end: NaiveDate,
    /// The cycle the missed objectives are carried into (none: nothing is carried).
    pub carry_to: Option<String>,
    /// The cycles that can receive carried objectives (they start after this one
    /// starts), by start date.
    pub next_cycles: Vec<String>,
    /// The first of `next_cycles`: the default choice.
    pub default_next: Option<String>,
    /// Every objective that was active, in the order they were created.
    pub objectives: Vec<ClosingObjective>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClosingObjective {
    pub id: String,
    pub title: String,
    /// Progress on the cycle's end date; none when undefined (it then counts as missed).
    pub progress: Option<f64>,
    /// `achieved` or `missed`.
    pub becomes: ObjectiveStatus,
    /// Its copy in the next cycle, when it is carried.
    pub carried: Option<CarriedObjective>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CarriedObjective {
    /// The new objective's id.
    pub id: String,
    /// The carried copy of its parent, when the parent was carried too.
    pub parent: Option<String>,
    /// Key results below 1 on the end date, copied with a new baseline.
    pub key_results: Vec<CarriedKeyResult>,
    /// Key results already at 1, left behind.
    pub key_results_left: Vec<String>,
    /// Milestones not done by the end date, copied.
    pub milestones: Vec<CarriedMilestone>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CarriedKeyResult {
    pub from: String,
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    /// Its old baseline.
    pub old_baseline: Option<f64>,
    /// Its current value on the end date: the copy's baseline.
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// Its progress on the end date (below 1, or undefined).
    pub progress: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CarriedMilestone {
    pub from: String,
    pub id: String,
    pub title: String,
    pub due: NaiveDate,
}

/// Where a carried objective came from, for its card: "Carried from <title> (<cycle>)".
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CarriedFrom {
    pub id: String,
    /// Empty when the old objective was deleted since.
    pub title: String,
    pub cycle: Option<String>,
}

/// A close that was applied, and the edit that reverses it in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedCycle {
    pub close: CycleClose,
    pub undo: GoalEdit,
}
