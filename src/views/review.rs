//! The weekly review: what moved this week, what is due, what comes next and what is
//! wrong — `lodestar report weekly --json` and the app's Review view.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::okr::{Health, KeyResultFigures};
use crate::model::{ItemStatus, Milestone};
use crate::views::okr::KeyResultCard;

/// `lodestar report weekly --json`: ids only, numbers unrounded, null where undefined.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeeklyReview {
    pub as_of: NaiveDate,
    /// The 7 days ending on `as_of`.
    pub week: Week,
    /// Each open objective's progress, its change over the week and its health, by id.
    pub progress: Vec<ObjectiveChange>,
    /// Key results of open objectives without a check-in this week (not milestone-bound):
    /// oldest last check-in first (never checked in: first), then by id.
    pub checkins_due: Vec<CheckinDue>,
    /// Key results whose confidence fell with this week's latest check-in, by id.
    pub confidence_drops: Vec<ConfidenceDrop>,
    pub milestones_done: Vec<String>,
    pub milestones_overdue: Vec<String>,
    pub milestones_next: Vec<String>,
    /// Items (not done or dropped) starting in the next 14 days, by start then id.
    pub items_next: Vec<String>,
    /// The latest baseline saved on or before `as_of`; null when there is none.
    pub baseline: Option<String>,
    /// Items ending later than in that baseline, most days first, then by id.
    pub slips: Vec<WeeklySlip>,
    pub problems: WeeklyProblems,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Week {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveChange {
    pub objective: String,
    pub progress: Option<f64>,
    /// Progress on `as_of` minus progress 7 days before; null when either is undefined.
    pub change: Option<f64>,
    pub health: Option<Health>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CheckinDue {
    pub key_result: String,
    /// The latest check-in on or before `as_of`; null when never checked in.
    pub last_checkin: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ConfidenceDrop {
    pub key_result: String,
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeeklySlip {
    pub item: String,
    /// Current end minus baseline end, in days (always above 0).
    #[ts(type = "number")]
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WeeklyProblems {
    /// Open objectives at risk or off track, by id.
    pub objectives: Vec<String>,
    /// How many conflicts the whole roadmap has.
    pub conflicts: u32,
}

/// The Review view: the weekly review with the names a person reads, and what the
/// check-in form needs for each key result that is due.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewView {
    pub review: WeeklyReview,
    pub product_name: String,
    /// One line for the Home tile, e.g. "3 check-ins due · 1 confidence drop · 2 milestones next".
    pub summary: String,
    /// Whether there is anything to review at all (else the view teaches how to start).
    pub is_empty: bool,
    /// The objectives named in the review (open ones), by id.
    pub objectives: Vec<ReviewObjective>,
    /// The key results named in the review (due or with a confidence drop), by id.
    pub key_results: Vec<ReviewKeyResult>,
    /// The milestones named in the review.
    pub milestones: Vec<Milestone>,
    /// The roadmap items named in the review (starting next or slipping).
    pub items: Vec<ReviewItem>,
    pub baseline_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewObjective {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewKeyResult {
    pub id: String,
    pub title: String,
    pub objective_title: String,
    /// The key result as the OKRs view shows it (what the check-in form starts from).
    pub card: KeyResultCard,
    pub figures: KeyResultFigures,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewItem {
    pub id: String,
    pub title: String,
    pub status: ItemStatus,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}
