use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
    ObjectiveCategory {
        Strategy = "strategy",
        Execution = "execution",
        CustomerValue = "customer_value",
        Adoption = "adoption",
        TeamGrowth = "team_growth",
    }
);

named_enum!(
    ObjectiveStatus {
        Draft = "draft",
        Active = "active",
        Achieved = "achieved",
        Missed = "missed",
        Dropped = "dropped",
    }
);

/// A qualitative, ambitious outcome; `parent` places it in the alignment tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub cycle: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub category: Option<ObjectiveCategory>,
    #[serde(default)]
    pub owner: Option<String>,
    pub status: ObjectiveStatus,
    /// Weight in its parent's rollup; absent means 1.
    #[serde(default)]
    pub weight: Option<f64>,
}
