use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    #[ts(export)]
    ItemKind {
        Feature = "feature",
        Discovery = "discovery",
        TechDebt = "tech_debt",
        Reliability = "reliability",
        Growth = "growth",
    }
);

named_enum!(
    #[ts(export)]
    ItemStatus {
        Idea = "idea",
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Dropped = "dropped",
    }
);

named_enum!(
    #[ts(export)]
    Horizon {
        Now = "now",
        Next = "next",
        Later = "later",
    }
);

named_enum!(
    #[ts(export)]
    Moscow {
        Must = "must",
        Should = "should",
        Could = "could",
        Wont = "wont",
    }
);

/// A row of the roadmap (a theme, team or goal). Order is the order of the lanes list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Lane {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub color: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Rice {
    pub reach: f64,
    pub impact: f64,
    pub confidence: f64,
    pub effort: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Ice {
    pub impact: f64,
    pub confidence: f64,
    pub ease: f64,
}

/// An initiative on the roadmap, with the *why*: goals served, expected impact, trade-off.
/// Dates are inclusive; an idea may have none yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct RoadmapItem {
    pub id: String,
    pub lane: String,
    pub title: String,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    pub kind: ItemKind,
    pub status: ItemStatus,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    #[serde(default)]
    pub objectives: Vec<String>,
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    pub expected_impact: Option<String>,
    #[serde(default)]
    pub tradeoff: Option<String>,
    #[serde(default)]
    pub rice: Option<Rice>,
    #[serde(default)]
    pub ice: Option<Ice>,
    #[serde(default)]
    pub moscow: Option<Moscow>,
    #[serde(default)]
    pub urgent: Option<bool>,
    #[serde(default)]
    pub important: Option<bool>,
    /// Key results the item serves directly (their objectives count as served too).
    #[serde(default)]
    pub key_results: Vec<String>,
    /// The key of the record it was imported from (a Jira issue key, …); unique when set.
    #[serde(default)]
    pub external_key: Option<String>,
}

impl RoadmapItem {
    /// An unscheduled idea in `lane` with nothing else said yet: the start of every item
    /// made in code (importers, tests), which then sets what it knows.
    pub fn new(id: impl Into<String>, lane: impl Into<String>, title: impl Into<String>) -> RoadmapItem {
        RoadmapItem {
            id: id.into(),
            lane: lane.into(),
            title: title.into(),
            start: None,
            end: None,
            kind: ItemKind::Feature,
            status: ItemStatus::Idea,
            horizon: None,
            objectives: vec![],
            depends_on: vec![],
            expected_impact: None,
            tradeoff: None,
            rice: None,
            ice: None,
            moscow: None,
            urgent: None,
            important: None,
            key_results: vec![],
            external_key: None,
        }
    }
}

/// A saved copy of the plan ("Q1 plan as approved") to compare today's dates against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Baseline {
    pub id: String,
    pub name: String,
    pub saved_on: NaiveDate,
    #[serde(default)]
    pub items: Vec<BaselineItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct BaselineItem {
    pub item: String,
    pub lane: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Which edge of a bar a resize moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Edge {
    Start,
    End,
}

/// One roadmap edit. Every edit is one transaction and has an inverse, so that
/// undo and redo cover every roadmap change of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum RoadmapEdit {
    /// Shift an item's dates by `days` (negative: earlier), optionally into another lane.
    MoveItem {
        item: String,
        #[ts(type = "number")]
        days: i64,
        lane: Option<String>,
    },
    /// Move one edge of an item by `days`.
    ResizeItem {
        item: String,
        edge: Edge,
        #[ts(type = "number")]
        days: i64,
    },
    /// Set an item's dates (both or neither).
    SetItemDates {
        item: String,
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    },
    /// Put lanes in this order (every lane once).
    ReorderLanes {
        order: Vec<String>,
    },
    LinkObjective {
        item: String,
        objective: String,
    },
    UnlinkObjective {
        item: String,
        objective: String,
    },
    /// `item` depends on `depends_on`; a cycle is refused.
    AddDependency {
        item: String,
        depends_on: String,
    },
    RemoveDependency {
        item: String,
        depends_on: String,
    },
    SetHorizon {
        item: String,
        horizon: Option<Horizon>,
    },
    /// Create an item; an empty id gets a generated one.
    CreateItem {
        item: RoadmapItem,
    },
    /// Replace an item's fields (the side panel's edit).
    UpdateItem {
        item: RoadmapItem,
    },
    DeleteItem {
        item: String,
    },
    /// Bring back a deleted item with everything that pointed at it (undo of a delete).
    RestoreItem {
        snapshot: ItemSnapshot,
    },
    /// Create a lane at `position` (end of the list when absent); an empty id gets a generated one.
    CreateLane {
        lane: Lane,
        position: Option<u32>,
    },
    UpdateLane {
        lane: Lane,
    },
    /// Delete an empty lane.
    DeleteLane {
        lane: String,
    },
    /// Set an item's prioritization fields (the backlog and the matrices): RICE, ICE,
    /// MoSCoW, urgent and important. A move between Eisenhower quadrants is this edit
    /// with other `urgent`/`important` values.
    SetScores {
        item: String,
        scores: ItemScores,
    },
}

/// An item's prioritization fields, as one value (RICE and ICE are whole or absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ItemScores {
    pub rice: Option<Rice>,
    pub ice: Option<Ice>,
    pub moscow: Option<Moscow>,
    pub urgent: Option<bool>,
    pub important: Option<bool>,
}

impl ItemScores {
    pub fn of(item: &RoadmapItem) -> ItemScores {
        ItemScores { rice: item.rice.clone(), ice: item.ice.clone(), moscow: item.moscow, urgent: item.urgent, important: item.important }
    }
}

/// A deleted item and the records that pointed at it, enough to restore it exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ItemSnapshot {
    pub item: RoadmapItem,
    /// Items that depended on it, with the position in their list.
    pub dependents: Vec<(String, u32)>,
    pub feedback: Vec<(String, u32)>,
    pub milestones: Vec<String>,
    pub experiments: Vec<String>,
    pub baselines: Vec<(String, BaselineItem)>,
    /// Where it stood among the items (insertion order), kept for exports.
    #[ts(type = "number")]
    pub rowid: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_with_a_field_it_does_not_have_is_refused_not_half_read() {
        let edit: RoadmapEdit = serde_json::from_str(r#"{"op":"move_item","item":"a","days":3,"lane":null}"#).unwrap();
        assert_eq!(edit, RoadmapEdit::MoveItem { item: "a".into(), days: 3, lane: None });
        // A misspelt field would otherwise be dropped silently: the move would land
        // in the old lane.
        let err = serde_json::from_str::<RoadmapEdit>(r#"{"op":"move_item","item":"a","days":3,"lnae":"l2"}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `lnae`"), "{err}");
        let err = serde_json::from_str::<RoadmapEdit>(r#"{"op":"delete_item","item":"a","cascade":true}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `cascade`"), "{err}");
    }
}
