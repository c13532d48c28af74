//! The experiments table.

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::model::*;

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
