//! View models: what the app's screens show, assembled from the store in one call.

pub mod backlog;
pub mod dashboard;
pub mod experiments;
pub mod export;
pub mod feedback;
pub mod metrics;
pub mod okr;
pub mod roadmap;
pub mod search;

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::{Product, Revision};
use crate::Workspace;

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

impl Workspace {
    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo { path: self.path().display().to_string(), product_name: self.product()?.name, is_empty: self.is_empty()? })
    }

    pub fn strategy_view(&self) -> Result<StrategyView> {
        Ok(StrategyView { product: self.product()?, revisions: self.product_revisions(None)? })
    }
}
