//! View models: what the app's screens show. Plain data; the application layer
//! (`crate::app`) assembles each in one call.

pub mod backlog;
pub mod cycle_close;
pub mod dashboard;
pub mod experiments;
pub mod export;
pub mod feedback;
pub mod metrics;
pub mod okr;
pub mod review;
pub mod roadmap;
pub mod search;

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Product, Revision};

/// The open workspace: its file, its product's name, and whether it is still empty
/// (the UI then shows the empty state that teaches).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    pub product_name: String,
    pub is_empty: bool,
}

/// The Strategy view: the product and the history of its fields, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StrategyView {
    pub product: Product,
    pub revisions: Vec<Revision>,
}

/// A roadmap item named by its id and title (in an item's detail and a feedback entry).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ItemRef {
    pub id: String,
    pub title: String,
}
