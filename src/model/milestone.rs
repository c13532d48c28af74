use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A concrete, dated action taken to reach a goal; done when `done_on` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Milestone {
    pub id: String,
    #[serde(default)]
    pub objective: Option<String>,
    pub title: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub done_on: Option<NaiveDate>,
    #[serde(default)]
    pub roadmap_item: Option<String>,
}

/// What the user edits on a milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct MilestoneInput {
    pub objective: Option<String>,
    pub title: String,
    pub due: NaiveDate,
    pub roadmap_item: Option<String>,
}
