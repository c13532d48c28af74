use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
    ItemKind {
        Feature = "feature",
        Discovery = "discovery",
        TechDebt = "tech_debt",
        Reliability = "reliability",
        Growth = "growth",
    }
);

named_enum!(
    ItemStatus {
        Idea = "idea",
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
);

named_enum!(
    Horizon {
        Now = "now",
        Next = "next",
        Later = "later",
    }
);

named_enum!(
    Moscow {
        Must = "must",
        Should = "should",
        Could = "could",
        Wont = "wont",
    }
);

/// A row of the roadmap (a theme, team or goal). Order is the order of the lanes list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rice {
    pub reach: f64,
    pub impact: f64,
    pub confidence: f64,
    pub effort: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ice {
    pub impact: f64,
    pub confidence: f64,
    pub ease: f64,
}

/// An initiative on the roadmap, with the *why*: goals served, expected impact, trade-off.
/// Dates are inclusive; an idea may have none yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapItem {
    pub id: String,
    pub lane: String,
    pub title: String,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    pub kind: ItemKind,
    pub status: ItemStatus,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub expected_impact: Option<String>,
    #[serde(default)]
    pub tradeoff: Option<String>,
    #[serde(default)]
    pub rice: Option<Rice>,
    #[serde(default)]
    pub ice: Option<Ice>,
    #[serde(default)]
    pub moscow: Option<Moscow>,
    #[serde(default)]
    pub urgent: Option<bool>,
    #[serde(default)]
    pub important: Option<bool>,
}

/// A saved copy of the plan ("Q1 plan as approved") to compare today's dates against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub id: String,
    pub name: String,
    pub saved_on: NaiveDate,
    #[serde(default)]
    pub items: Vec<BaselineItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineItem {
    pub item: String,
    pub lane: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}
