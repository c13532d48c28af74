use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    #[ts(export)]
    ExperimentStatus {
        Planned = "planned",
        Running = "running",
        Validated = "validated",
        Invalidated = "invalidated",
    }
);

/// A learning plan for a big bet: what we believe, how we will know, what changes our mind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Experiment {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub belief: Option<String>,
    #[serde(default)]
    pub measure: Option<String>,
    #[serde(default)]
    pub success_signal: Option<String>,
    #[serde(default)]
    pub change_our_mind: Option<String>,
    pub status: ExperimentStatus,
    #[serde(default)]
    pub result: Option<String>,
    #[serde(default)]
    pub objective: Option<String>,
    #[serde(default)]
    pub roadmap_item: Option<String>,
}

/// What the user edits on an experiment; the id is generated on creation and fixed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ExperimentInput {
    pub title: String,
    /// What we believe.
    pub belief: Option<String>,
    /// How we will know.
    pub measure: Option<String>,
    /// What signal counts as success.
    pub success_signal: Option<String>,
    /// What would change our mind.
    pub change_our_mind: Option<String>,
    pub status: ExperimentStatus,
    pub result: Option<String>,
    /// The goal it serves, or the roadmap item it tests (either, both or neither).
    pub objective: Option<String>,
    pub roadmap_item: Option<String>,
}
