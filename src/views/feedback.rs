//! The Feedback views: the inbox, the themes (top themes and their trend), and the
//! feedback behind one roadmap item.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::compute::feedback::{ThemeCount, ThemeTrend};
use crate::model::FeedbackSource;
use crate::views::ItemRef;

/// What the inbox shows; every part optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct FeedbackFilter {
    /// Only feedback tagged with this theme.
    pub theme: Option<String>,
    /// Only feedback without any theme (the "to triage" pile).
    #[serde(default)]
    pub untagged: bool,
    pub source: Option<FeedbackSource>,
    /// Only feedback linked to this roadmap item.
    pub roadmap_item: Option<String>,
    /// Case-insensitive text in the text or the customer.
    pub query: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemeRef {
    pub id: String,
    pub name: String,
}

/// One feedback record as the inbox lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FeedbackEntry {
    pub id: String,
    pub date: NaiveDate,
    pub source: FeedbackSource,
    pub customer: Option<String>,
    pub text: String,
    pub themes: Vec<ThemeRef>,
    pub roadmap_items: Vec<ItemRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FeedbackInbox {
    /// Newest first (then by id).
    pub feedback: Vec<FeedbackEntry>,
    /// How many records there are in all, before the filter.
    pub total: u32,
    /// Every theme, by name, for tag pickers.
    pub themes: Vec<ThemeRef>,
    /// Every roadmap item, in roadmap order, for link pickers.
    pub roadmap_items: Vec<ItemRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemesView {
    /// Every theme by count descending, then name (the top themes come first).
    pub themes: Vec<ThemeCount>,
    /// Feedback per theme per month, series in the order of `themes`.
    pub trend: ThemeTrend,
    /// Feedback records without a theme yet.
    pub untagged: u32,
}

/// `lodestar report feedback --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedbackReport {
    pub themes: Vec<ThemeCount>,
}
