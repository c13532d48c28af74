use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    /// The kinds of fundamental strategy change.
    #[ts(export)]
    PivotKind {
        Customer = "customer",
        Problem = "problem",
        Solution = "solution",
        Technology = "technology",
        BusinessModel = "business_model",
        Channel = "channel",
    }
);

/// A recorded strategy pivot, shown on the timeline of changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pivot {
    #[ts(type = "number")]
    pub id: i64,
    pub date: NaiveDate,
    pub kind: PivotKind,
    pub description: String,
}
