use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    #[ts(export)]
    FeedbackSource {
        Interview = "interview",
        Support = "support",
        Survey = "survey",
        Review = "review",
        Sales = "sales",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Feedback {
    pub id: String,
    pub date: NaiveDate,
    pub source: FeedbackSource,
    #[serde(default)]
    pub customer: Option<String>,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub roadmap_items: Vec<String>,
}

/// What the user edits on a feedback record: its fields, the themes it is tagged with
/// and the roadmap items it is linked to (both in order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct FeedbackInput {
    pub date: NaiveDate,
    pub source: FeedbackSource,
    pub customer: Option<String>,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub roadmap_items: Vec<String>,
}
