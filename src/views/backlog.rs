//! The Backlog view: every item still to do with its prioritization fields and both
//! scores, and what the value/effort and Eisenhower matrices need.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::backlog::{RankedItem, ScoreBy};
use crate::model::{Ice, ItemKind, ItemStatus, Moscow, Rice};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BacklogView {
    /// Every backlog item (status not done or dropped), ranked by `by`; items without
    /// that score follow, by title then id.
    pub by: ScoreBy,
    pub items: Vec<BacklogEntry>,
    /// The medians of `value` and `effort` over the items that have them: where the
    /// value/effort matrix splits into quadrants. Null when no item has RICE scores.
    pub value_split: Option<f64>,
    pub effort_split: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BacklogEntry {
    pub id: String,
    pub title: String,
    pub lane: String,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// Serves no objective.
    pub no_goal: bool,
    pub rice: Option<Rice>,
    pub ice: Option<Ice>,
    pub moscow: Option<Moscow>,
    pub urgent: Option<bool>,
    pub important: Option<bool>,
    /// RICE and ICE scores, unrounded; null without the scores.
    pub rice_score: Option<f64>,
    pub ice_score: Option<f64>,
    /// 1-based place in the ranking by `by`; null when left out of it.
    pub rank: Option<u32>,
    /// The value/effort matrix's axes, from RICE: value = reach × impact × confidence,
    /// effort = RICE effort. A move in the matrix is a `SetScores` edit of those fields.
    pub value: Option<f64>,
    pub effort: Option<f64>,
}

/// `lodestar report backlog --json`: `{ "by": "rice", "items": [ { "id", "score" } ] }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacklogReport {
    pub by: ScoreBy,
    pub items: Vec<RankedItem>,
}
