//! Goal edits the app undoes as one step (`GoalEdit`): closing a cycle, moving a key
//! result to another objective, duplicating an objective — and their inverses. Each is
//! one transaction and answers the edit that reverses it.

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use super::cycle_close::{close_in, delete_revisions, reopen_in, revision};
use crate::error::{Error, Result};
use crate::model::*;
use crate::rules::MAX_TITLE_CHARS;
use crate::store;
use crate::store::okr::{read_key_result, read_objective};
use crate::store::{next_id, not_found, Workspace};

impl Workspace {
    /// Applies a goal edit in one transaction and answers its inverse.
    pub fn apply_goal_edit(&mut self, edit: &GoalEdit, now: DateTime<Utc>) -> Result<GoalEdit> {
        self.write(|tx| apply(tx, edit, now))
    }

    /// Moves a key result, with its check-ins, to another objective.
    pub fn move_key_result(&mut self, key_result: &str, objective: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| move_in(tx, key_result, objective, now)).map(|_| ())
    }

    /// Copies an objective (title + " (copy)") with its key results, without their
    /// check-ins; answers the copy's id.
    pub fn duplicate_objective(&mut self, objective: &str, now: DateTime<Utc>) -> Result<String> {
        self.write(|tx| duplicate_in(tx, objective, now)).map(|(id, _)| id)
    }
}

fn apply(tx: &Transaction<'_>, edit: &GoalEdit, now: DateTime<Utc>) -> Result<GoalEdit> {
    match edit {
        GoalEdit::CloseCycle { cycle, carry_to, as_of, force } => {
            close_in(tx, cycle, carry_to.as_deref(), *as_of, *force, now).map(|(_, undo)| undo)
        }
        GoalEdit::ReopenCycle { cycle, carry_to, as_of, statuses, created, revisions } => {
            reopen_in(tx, cycle, carry_to.as_deref(), *as_of, statuses, created, revisions)
        }
        GoalEdit::MoveKeyResult { key_result, objective } => move_in(tx, key_result, objective, now),
        GoalEdit::DuplicateObjective { objective } => {
            let (copy, revisions) = duplicate_in(tx, objective, now)?;
            Ok(GoalEdit::RemoveDuplicate { copy, source: objective.clone(), revisions })
        }
        GoalEdit::RemoveDuplicate { copy, source, revisions } => {
            if !store::delete(tx, "objectives", copy)? {
                return Err(not_found("objective", copy));
            }
            delete_revisions(tx, revisions)?;
            Ok(GoalEdit::DuplicateObjective { objective: source.clone() })
        }
    }
}

/// Moves the key result; its check-ins follow (they belong to the key result). Answers the move back.
fn move_in(tx: &Transaction<'_>, key_result: &str, objective: &str, now: DateTime<Utc>) -> Result<GoalEdit> {
    let kr = read_key_result(tx, key_result)?;
    if !store::exists(tx, "objectives", objective)? {
        return Err(Error::invalid(format!("key result \"{key_result}\""), "objective", format!("There is no objective “{objective}”.")));
    }
    tx.execute("UPDATE key_results SET objective = ?2 WHERE id = ?1", params![key_result, objective])?;
    if kr.objective != objective {
        store::okr::record(tx, "key_result", key_result, "objective", Some(kr.objective.clone()), Some(objective.to_string()), None, now)?;
    }
    Ok(GoalEdit::MoveKeyResult { key_result: key_result.to_string(), objective: kr.objective })
}

/// The copy's id and the revisions that record it.
fn duplicate_in(tx: &Transaction<'_>, objective: &str, now: DateTime<Utc>) -> Result<(String, Vec<i64>)> {
    let o = read_objective(tx, objective)?;
    // A title at the length limit loses its last characters to make room for " (copy)".
    const SUFFIX: &str = " (copy)";
    let keep = MAX_TITLE_CHARS.saturating_sub(SUFFIX.chars().count());
    let title = format!("{}{SUFFIX}", o.title.chars().take(keep).collect::<String>());
    let id = next_id(tx, "objectives", "o")?;
    // The same fields; a copy is not itself carried over from anywhere, and its status
    // is the original's.
    store::okr::insert_objective(tx, &Objective { id: id.clone(), title: title.clone(), carried_from: None, ..o })?;
    let mut revisions = vec![revision(tx, "objective", &id, "created", None, Some(title), now)?];
    let krs = {
        let cols = crate::store::snapshot::KEY_RESULT_COLUMNS;
        let mut stmt = tx.prepare(&format!("SELECT {cols} FROM key_results WHERE objective = ?1 ORDER BY rowid"))?;
        let rows = stmt.query_map([objective], crate::store::snapshot::key_result_from_row)?;
        rows.collect::<rusqlite::Result<Vec<KeyResult>>>()?
    };
    for kr in krs {
        let new_kr = next_id(tx, "key_results", "kr")?;
        let input = KeyResultInput {
            title: kr.title.clone(),
            kind: kr.kind,
            unit: kr.unit.clone(),
            baseline: kr.baseline,
            target: kr.target,
            weight: kr.weight,
            kpi: kr.kpi.clone(),
        };
        store::okr::insert_key_result(tx, &new_kr, &id, &input, &kr.title, kr.unit.as_deref())?;
        revisions.push(revision(tx, "key_result", &new_kr, "created", None, Some(kr.title), now)?);
    }
    Ok((id, revisions))
}
