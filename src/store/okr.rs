//! Cycles, objectives, key results, check-ins and milestones: validated edits, each one
//! transaction with its revisions; and the OKR view and report assembled from them.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::not_found;
use super::snapshot::{key_result_from_row, objective_from_row, KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS};
use crate::compute::okr::OkrData;
use crate::error::Result;
use crate::interchange::Document;
use crate::model::*;

pub(crate) const MAX_TITLE_CHARS: usize = 200;

pub(crate) fn okr_data(doc: &Document) -> OkrData<'_> {
    OkrData {
        cycles: &doc.cycles,
        objectives: &doc.objectives,
        key_results: &doc.key_results,
        checkins: &doc.checkins,
        milestones: &doc.milestones,
        key_result_milestones: &doc.key_result_milestones,
    }
}

pub(crate) fn read_objective(tx: &Transaction<'_>, id: &str) -> Result<Objective> {
    tx.query_row(&format!("SELECT {OBJECTIVE_COLUMNS} FROM objectives WHERE id = ?1"), [id], objective_from_row)
        .optional()?
        .ok_or_else(|| not_found("objective", id))
}

pub(crate) fn read_key_result(tx: &Transaction<'_>, id: &str) -> Result<KeyResult> {
    tx.query_row(&format!("SELECT {KEY_RESULT_COLUMNS} FROM key_results WHERE id = ?1"), [id], key_result_from_row)
        .optional()?
        .ok_or_else(|| not_found("key result", id))
}

/// Appends a revision row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record(
    tx: &Transaction<'_>,
    entity: &str,
    id: &str,
    field: &str,
    old: Option<String>,
    new: Option<String>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO revisions (entity, entity_id, field, old_value, new_value, changed_at, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![entity, id, field, old, new, now.to_rfc3339_opts(SecondsFormat::Secs, true), reason],
    )?;
    Ok(())
}
