use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ObjectiveStatus;

/// One edit of the goals that the app can undo as one step: each applied edit answers
/// its inverse (`Workspace::apply_goal_edit`), kept in the session's undo history next to
/// the roadmap edits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
#[ts(export)]
pub enum GoalEdit {
    /// Close a cycle: active objectives become achieved or missed, the missed ones are
    /// carried into `carry_to` (docs/COMPUTATIONS.md, "Closing a cycle").
    CloseCycle { cycle: String, carry_to: Option<String>, as_of: NaiveDate, force: bool },
    /// Undo of a close: deletes the carried copies, puts the statuses back and removes
    /// the close's revisions.
    ReopenCycle {
        cycle: String,
        carry_to: Option<String>,
        as_of: NaiveDate,
        statuses: Vec<StatusBack>,
        created: Vec<String>,
        #[ts(type = "Array<number>")]
        revisions: Vec<i64>,
    },
    /// Move a key result (with its check-ins) to another objective.
    MoveKeyResult { key_result: String, objective: String },
    /// Copy an objective with its key results (not their check-ins).
    DuplicateObjective { objective: String },
    /// Undo of a duplicate: deletes the copy and the revisions that recorded it.
    RemoveDuplicate {
        copy: String,
        source: String,
        #[ts(type = "Array<number>")]
        revisions: Vec<i64>,
    },
}

/// An objective's status before a close changed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct StatusBack {
    pub objective: String,
    pub status: ObjectiveStatus,
}
