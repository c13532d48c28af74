use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
    FeedbackSource {
        Interview = "interview",
        Support = "support",
        Survey = "survey",
        Review = "review",
        Sales = "sales",
        Other = "other",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
