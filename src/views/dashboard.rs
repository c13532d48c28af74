//! The Home dashboard: the product at a glance, every entry with the id that opens it.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::feedback::ThemeCount;
use crate::compute::okr::Health;
use crate::compute::roadmap::Allocation;
use crate::model::LifecycleStage;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DashboardView {
    pub as_of: NaiveDate,
    pub product_name: String,
    pub vision: Option<String>,
    pub lifecycle_stage: Option<LifecycleStage>,
    /// The cycle shown: the one containing `as_of`, else the latest.
    pub cycle: Option<String>,
    /// How many of the cycle's objectives have each health (every health listed).
    pub health_counts: Vec<HealthCount>,
    /// The cycle's objectives, in the order created.
    pub objectives: Vec<DashboardObjective>,
    /// Objectives of the cycle that are at risk or off track, and the key results that
    /// put them there (a key result is at risk when its confidence is below 0.5 or its
    /// progress trails the expected progress by more than 0.10, off track beyond 0.25).
    pub at_risk: Vec<AtRisk>,
    /// The next milestones not done, due on or after `as_of`, soonest first.
    pub upcoming_milestones: Vec<UpcomingMilestone>,
    /// Milestones not done and due before `as_of`.
    pub overdue_milestones: u32,
    /// Share of roadmap items (not dropped) serving a goal; null without items.
    pub coverage: Option<f64>,
    /// Item-days per kind over the whole roadmap.
    pub allocation: Allocation,
    /// The most mentioned themes (at most five, count above 0).
    pub top_themes: Vec<ThemeCount>,
    pub running_experiments: Vec<RunningExperiment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct HealthCount {
    pub health: Health,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DashboardObjective {
    pub id: String,
    pub title: String,
    pub parent: Option<String>,
    pub progress: Option<f64>,
    pub expected: Option<f64>,
    pub health: Option<Health>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AtRiskKind {
    Objective,
    KeyResult,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AtRisk {
    pub kind: AtRiskKind,
    pub id: String,
    pub title: String,
    /// The objective (itself, or the key result's).
    pub objective: String,
    /// `at_risk` or `off_track`.
    pub health: Health,
    pub progress: Option<f64>,
    pub confidence: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct UpcomingMilestone {
    pub id: String,
    pub title: String,
    pub due: NaiveDate,
    pub objective: Option<String>,
    pub objective_title: Option<String>,
    pub roadmap_item: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RunningExperiment {
    pub id: String,
    pub title: String,
    pub objective: Option<String>,
    pub roadmap_item: Option<String>,
}
