//! Tables of cycles, objectives, key results, check-ins, milestones, pivots and the
//! goals' revisions: reads and writes, inside the caller's transaction.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::not_found;
use super::snapshot::{key_result_from_row, objective_from_row, KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS};
use crate::error::Result;
use crate::model::*;
use crate::views::okr::HistoryEntry;

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

/// The KPI a key result is bound to: `None` when there is no such key result.
pub(crate) fn key_result_kpi(tx: &Transaction<'_>, id: &str) -> Result<Option<Option<String>>> {
    Ok(tx.query_row("SELECT kpi FROM key_results WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

pub(crate) fn set_key_result_kpi(tx: &Transaction<'_>, id: &str, kpi: Option<&str>) -> Result<()> {
    tx.execute("UPDATE key_results SET kpi = ?2 WHERE id = ?1", params![id, kpi])?;
    Ok(())
}

pub(crate) fn insert_cycle(tx: &Transaction<'_>, c: &Cycle) -> Result<()> {
    tx.execute("INSERT INTO cycles (id, start, end) VALUES (?1, ?2, ?3)", params![c.id, c.start, c.end])?;
    Ok(())
}

pub(crate) fn insert_objective(tx: &Transaction<'_>, o: &Objective) -> Result<()> {
    tx.execute(
        "INSERT INTO objectives (id, title, description, cycle, parent, category, owner, status, weight, ambition, carried_from)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![o.id, o.title, o.description, o.cycle, o.parent, o.category, o.owner, o.status, o.weight, o.ambition, o.carried_from],
    )?;
    Ok(())
}

pub(crate) fn update_objective(tx: &Transaction<'_>, o: &Objective) -> Result<()> {
    tx.execute(
        "UPDATE objectives SET title = ?2, description = ?3, cycle = ?4, parent = ?5, category = ?6, owner = ?7,
             status = ?8, weight = ?9, ambition = ?10, carried_from = ?11 WHERE id = ?1",
        params![o.id, o.title, o.description, o.cycle, o.parent, o.category, o.owner, o.status, o.weight, o.ambition, o.carried_from],
    )?;
    Ok(())
}

/// The cycle of an objective: `None` when there is no such objective.
pub(crate) fn objective_cycle(tx: &Transaction<'_>, id: &str) -> Result<Option<Option<String>>> {
    Ok(tx.query_row("SELECT cycle FROM objectives WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

/// The parent of an objective (`None` too when there is no such objective).
pub(crate) fn objective_parent(tx: &Transaction<'_>, id: &str) -> Result<Option<String>> {
    Ok(tx.query_row("SELECT parent FROM objectives WHERE id = ?1", [id], |r| r.get(0)).optional()?.flatten())
}

/// The start of the cycle of an objective, when it has one.
pub(crate) fn cycle_start_of(tx: &Transaction<'_>, objective: &str) -> Result<Option<NaiveDate>> {
    Ok(tx
        .query_row("SELECT c.start FROM objectives o JOIN cycles c ON c.id = o.cycle WHERE o.id = ?1", [objective], |r| r.get(0))
        .optional()?)
}

pub(crate) fn insert_key_result(
    tx: &Transaction<'_>,
    id: &str,
    objective: &str,
    input: &KeyResultInput,
    title: &str,
    unit: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO key_results (id, objective, title, kind, unit, baseline, target, weight, kpi)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, objective, title, input.kind, unit, input.baseline, input.target, input.weight, input.kpi],
    )?;
    Ok(())
}

pub(crate) fn update_key_result(tx: &Transaction<'_>, id: &str, input: &KeyResultInput, title: &str, unit: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE key_results SET title = ?2, kind = ?3, unit = ?4, baseline = ?5, target = ?6, weight = ?7, kpi = ?8
         WHERE id = ?1",
        params![id, title, input.kind, unit, input.baseline, input.target, input.weight, input.kpi],
    )?;
    Ok(())
}

pub(crate) fn insert_checkin(tx: &Transaction<'_>, c: &CheckIn) -> Result<()> {
    tx.execute(
        "INSERT INTO checkins (key_result, date, value, confidence, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![c.key_result, c.date, c.value, c.confidence, c.note],
    )?;
    Ok(())
}

pub(crate) fn insert_milestone(tx: &Transaction<'_>, id: &str, input: &MilestoneInput, title: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO milestones (id, objective, title, due, roadmap_item) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, input.objective, title, input.due, input.roadmap_item],
    )?;
    Ok(())
}

/// False when there is no such milestone.
pub(crate) fn update_milestone(tx: &Transaction<'_>, id: &str, input: &MilestoneInput, title: &str) -> Result<bool> {
    let n = tx.execute(
        "UPDATE milestones SET objective = ?2, title = ?3, due = ?4, roadmap_item = ?5 WHERE id = ?1",
        params![id, input.objective, title, input.due, input.roadmap_item],
    )?;
    Ok(n > 0)
}

/// False when there is no such milestone.
pub(crate) fn set_milestone_done(tx: &Transaction<'_>, id: &str, done_on: Option<NaiveDate>) -> Result<bool> {
    Ok(tx.execute("UPDATE milestones SET done_on = ?2 WHERE id = ?1", params![id, done_on])? > 0)
}

pub(crate) fn bind_milestone(tx: &Transaction<'_>, key_result: &str, milestone: &str) -> Result<()> {
    tx.execute("INSERT OR IGNORE INTO key_result_milestones (key_result, milestone) VALUES (?1, ?2)", params![key_result, milestone])?;
    Ok(())
}

pub(crate) fn unbind_milestone(tx: &Transaction<'_>, key_result: &str, milestone: &str) -> Result<()> {
    tx.execute("DELETE FROM key_result_milestones WHERE key_result = ?1 AND milestone = ?2", params![key_result, milestone])?;
    Ok(())
}

pub(crate) fn insert_pivot(tx: &Transaction<'_>, date: NaiveDate, kind: PivotKind, description: &str) -> Result<()> {
    tx.execute("INSERT INTO pivots (date, kind, description) VALUES (?1, ?2, ?3)", params![date, kind, description])?;
    Ok(())
}

/// Every revision of the product, objectives and key results, newest first, with the
/// title of what it changed (a deleted record's last title).
pub(crate) fn history_entries(conn: &Connection) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        "SELECT r.entity, r.entity_id, r.field, r.old_value, r.new_value, r.changed_at, r.reason,
                COALESCE(o.title, k.title, (SELECT name FROM product), ''), r.author
         FROM revisions r
         LEFT JOIN objectives o ON r.entity = 'objective' AND o.id = r.entity_id
         LEFT JOIN key_results k ON r.entity = 'key_result' AND k.id = r.entity_id
         ORDER BY r.id DESC",
    )?;
    let entries = stmt
        .query_map([], |r| {
            let entity: String = r.get(0)?;
            let mut title: String = r.get(7)?;
            let field: String = r.get(2)?;
            let old: Option<String> = r.get(3)?;
            if entity != "product" && field == "deleted" {
                title = old.clone().unwrap_or_default();
            }
            Ok(HistoryEntry {
                entity,
                entity_id: r.get(1)?,
                entity_title: title,
                revision: Revision {
                    field,
                    old_value: old,
                    new_value: r.get(4)?,
                    changed_at: r.get(5)?,
                    reason: r.get(6)?,
                    author: r.get(8)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries)
}

/// Every pivot, newest first.
pub(crate) fn pivots(conn: &Connection) -> Result<Vec<Pivot>> {
    let mut stmt = conn.prepare("SELECT id, date, kind, description FROM pivots ORDER BY date DESC, id DESC")?;
    let pivots = stmt
        .query_map([], |r| Ok(Pivot { id: r.get(0)?, date: r.get(1)?, kind: r.get(2)?, description: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(pivots)
}

/// The latest adjustment reason per objective (adjusting a key result adjusts its objective).
pub(crate) fn latest_adjustments(conn: &Connection) -> Result<HashMap<String, String>> {
    let mut stmt = conn.prepare(
        "SELECT COALESCE(k.objective, r.entity_id), r.reason FROM revisions r
         LEFT JOIN key_results k ON r.entity = 'key_result' AND k.id = r.entity_id
         WHERE r.reason IS NOT NULL AND r.entity IN ('objective', 'key_result') ORDER BY r.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}
