use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A planning period (usually a quarter) that objectives belong to. Dates inclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Cycle {
    pub id: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}
