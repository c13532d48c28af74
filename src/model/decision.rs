use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An entry of the decision log; `links` name records of any kind (items, objectives, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
