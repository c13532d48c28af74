use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A concrete, dated action taken to reach a goal; done when `done_on` is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
