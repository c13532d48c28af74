use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A planning period (usually a quarter) that objectives belong to. Dates inclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cycle {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}
