use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    /// How progress is read from the current value (docs/COMPUTATIONS.md).
    #[ts(export)]
    KeyResultKind {
        Increase = "increase",
        Decrease = "decrease",
        AtLeast = "at_least",
        AtMost = "at_most",
        Milestone = "milestone",
    }
);

impl KeyResultKind {
    /// Kinds that move from a baseline to a target, where target = baseline makes no sense.
    pub fn moves(self) -> bool {
        matches!(self, KeyResultKind::Increase | KeyResultKind::Decrease)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct KeyResult {
    pub id: String,
    pub objective: String,
    pub title: String,
    pub kind: KeyResultKind,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    /// Weight in its objective's progress; absent means 1.
    #[serde(default)]
    pub weight: Option<f64>,
    /// A KPI whose measurements become check-ins.
    #[serde(default)]
    pub kpi: Option<String>,
}

/// A dated reading of a key result, with the team's confidence at that moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CheckIn {
    pub key_result: String,
    pub date: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub confidence: Option<f64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Binds a milestone-kind key result to a milestone: finishing milestones moves the goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct KeyResultMilestone {
    pub key_result: String,
    pub milestone: String,
}

/// What the user edits on a key result; the objective is chosen on creation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct KeyResultInput {
    pub title: String,
    pub kind: KeyResultKind,
    pub unit: Option<String>,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    pub weight: Option<f64>,
    pub kpi: Option<String>,
}
