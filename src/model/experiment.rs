use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
    ExperimentStatus {
        Planned = "planned",
        Running = "running",
        Validated = "validated",
        Invalidated = "invalidated",
    }
);

/// A learning plan for a big bet: what we believe, how we will know, what changes our mind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
