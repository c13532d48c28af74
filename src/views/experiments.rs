//! The Experiments board (grouped by status) and the Decision log.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{Decision, Experiment, ExperimentStatus};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExperimentCard {
    pub experiment: Experiment,
    /// Titles of the linked goal and item, for display.
    pub objective_title: Option<String>,
    pub roadmap_item_title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExperimentGroup {
    pub status: ExperimentStatus,
    /// In the order created.
    pub experiments: Vec<ExperimentCard>,
}

/// Every status once, in the order planned, running, validated, invalidated.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExperimentsView {
    pub groups: Vec<ExperimentGroup>,
}

/// A record a decision links to: its id, what kind it is and its title (null kind and
/// title when the record has since been deleted).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecordRef {
    pub id: String,
    pub kind: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DecisionCard {
    pub decision: Decision,
    pub links: Vec<RecordRef>,
}
