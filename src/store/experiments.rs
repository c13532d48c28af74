//! Experiments: validated edits, each one transaction, and the board grouped by status.

use rusqlite::{params, Transaction};

use super::{optional_text, reference, required_name};
use crate::error::Result;
use crate::model::*;

pub(crate) fn validate_experiment(tx: &Transaction<'_>, rec: &str, input: &ExperimentInput) -> Result<ExperimentInput> {
    let title = required_name(rec, "title", &input.title)?;
    reference(tx, rec, "objective", "objectives", "objective", input.objective.as_deref())?;
    reference(tx, rec, "roadmap_item", "roadmap_items", "roadmap item", input.roadmap_item.as_deref())?;
    Ok(ExperimentInput {
        title,
        belief: optional_text(&input.belief),
        measure: optional_text(&input.measure),
        success_signal: optional_text(&input.success_signal),
        change_our_mind: optional_text(&input.change_our_mind),
        status: input.status,
        result: optional_text(&input.result),
        objective: input.objective.clone(),
        roadmap_item: input.roadmap_item.clone(),
    })
}

/// Inserts or updates; false when there was nothing to update.
pub(crate) fn write(tx: &Transaction<'_>, id: &str, e: &ExperimentInput, insert: bool) -> Result<bool> {
    let sql = if insert {
        "INSERT INTO experiments (id, title, belief, measure, success_signal, change_our_mind, status, result, objective, roadmap_item)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    } else {
        "UPDATE experiments SET title = ?2, belief = ?3, measure = ?4, success_signal = ?5, change_our_mind = ?6, status = ?7,
             result = ?8, objective = ?9, roadmap_item = ?10 WHERE id = ?1"
    };
    let n = tx.execute(
        sql,
        params![id, e.title, e.belief, e.measure, e.success_signal, e.change_our_mind, e.status, e.result, e.objective, e.roadmap_item],
    )?;
    Ok(n > 0)
}
