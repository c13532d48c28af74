use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An entry of the decision log; `links` name records of any kind (items, objectives, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Decision {
    pub id: String,
    pub date: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub rationale: Option<String>,
    #[serde(default)]
    pub alternatives: Option<String>,
    #[serde(default)]
    pub links: Vec<String>,
}

/// What the user edits on a decision. The format has no separate trade-offs field:
/// trade-offs are written in the rationale (or the alternatives).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct DecisionInput {
    pub date: NaiveDate,
    /// The decision itself.
    pub title: String,
    pub rationale: Option<String>,
    pub alternatives: Option<String>,
    /// Ids of records of any kind (items, objectives, key results, experiments, …).
    #[serde(default)]
    pub links: Vec<String>,
}
