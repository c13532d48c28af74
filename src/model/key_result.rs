use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
    /// How progress is read from the current value (COMPUTATIONS.md).
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyResultMilestone {
    pub key_result: String,
    pub milestone: String,
}
