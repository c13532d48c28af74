use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    #[ts(export)]
    ObjectiveCategory {
        Strategy = "strategy",
        Execution = "execution",
        CustomerValue = "customer_value",
        Adoption = "adoption",
        TeamGrowth = "team_growth",
    }
);

named_enum!(
    #[ts(export)]
    ObjectiveStatus {
        Draft = "draft",
        Active = "active",
        Achieved = "achieved",
        Missed = "missed",
        Dropped = "dropped",
    }
);

named_enum!(
    /// Committed: the team expects to reach it fully; aspirational: a stretch (the default).
    #[ts(export)]
    Ambition {
        Committed = "committed",
        Aspirational = "aspirational",
    }
);

// named_enum! cannot mark a variant #[default].
#[allow(clippy::derivable_impls)]
impl Default for Ambition {
    fn default() -> Self {
        Ambition::Aspirational
    }
}

/// A qualitative, ambitious outcome; `parent` places it in the alignment tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
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
    #[serde(default)]
    pub ambition: Ambition,
    /// The objective this one was carried over from when a cycle closed.
    #[serde(default)]
    pub carried_from: Option<String>,
}

/// What the user edits on an objective; the id is generated on creation and fixed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ObjectiveInput {
    pub title: String,
    pub description: Option<String>,
    pub cycle: Option<String>,
    pub parent: Option<String>,
    pub category: Option<ObjectiveCategory>,
    pub owner: Option<String>,
    pub status: ObjectiveStatus,
    pub weight: Option<f64>,
    #[serde(default)]
    pub ambition: Ambition,
}
