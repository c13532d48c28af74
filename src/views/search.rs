//! Search across the workspace: one query, hits of every kind.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HitKind {
    Objective,
    KeyResult,
    RoadmapItem,
    Kpi,
    Theme,
    Feedback,
    Experiment,
    Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    pub id: String,
    /// The record's title (for feedback: its customer, or the start of its text).
    pub title: String,
    /// The text around the match when it is not in the title.
    pub snippet: Option<String>,
    /// The record that holds it, to open the right view: a key result's objective.
    pub parent: Option<String>,
    /// True when the title matched (those hits come first).
    pub title_match: bool,
}
