//! Tables of lanes, roadmap items (with their goals and dependencies) and baselines;
//! snapshots of a deleted item and its restoration.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::snapshot::{grouped, item_from_row, ITEM_COLUMNS};
use super::{not_found, LinkTable};
use crate::error::Result;
use crate::model::*;

// ---- edits ------------------------------------------------------------------------

pub(crate) fn dates_and_lane(tx: &Transaction<'_>, item: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>, String)> {
    tx.query_row("SELECT start, end, lane FROM roadmap_items WHERE id = ?1", [item], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| not_found("roadmap item", item))
}

pub(crate) fn lane_order(tx: &Transaction<'_>) -> Result<Vec<String>> {
    let mut stmt = tx.prepare("SELECT id FROM lanes ORDER BY position, rowid")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

pub(crate) fn ids(tx: &Transaction<'_>, table: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(&format!("SELECT id FROM {table}"))?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

pub(crate) fn item_params(i: &RoadmapItem) -> Vec<Box<dyn rusqlite::ToSql + '_>> {
    let rice = i.rice.as_ref();
    let ice = i.ice.as_ref();
    vec![
        Box::new(&i.id),
        Box::new(&i.lane),
        Box::new(i.title.trim().to_string()),
        Box::new(i.start),
        Box::new(i.end),
        Box::new(i.kind),
        Box::new(i.status),
        Box::new(i.horizon),
        Box::new(&i.expected_impact),
        Box::new(&i.tradeoff),
        Box::new(rice.map(|r| r.reach)),
        Box::new(rice.map(|r| r.impact)),
        Box::new(rice.map(|r| r.confidence)),
        Box::new(rice.map(|r| r.effort)),
        Box::new(ice.map(|r| r.impact)),
        Box::new(ice.map(|r| r.confidence)),
        Box::new(ice.map(|r| r.ease)),
        Box::new(i.moscow),
        Box::new(i.urgent),
        Box::new(i.important),
        Box::new(&i.external_key),
    ]
}

/// Inserts an item (at a given rowid, to restore its place in exports) with its links.
pub(crate) fn insert_item(tx: &Transaction<'_>, item: &RoadmapItem, rowid: Option<i64>) -> Result<()> {
    insert_item_row(tx, item, rowid)?;
    write_item_links(tx, item)
}

/// The item's own row, without its links.
pub(crate) fn insert_item_row(tx: &Transaction<'_>, item: &RoadmapItem, rowid: Option<i64>) -> Result<()> {
    let mut p = item_params(item);
    p.push(Box::new(rowid));
    tx.execute(
        "INSERT INTO roadmap_items (id, lane, title, start, end, kind, status, horizon, expected_impact, tradeoff,
             rice_reach, rice_impact, rice_confidence, rice_effort, ice_impact, ice_confidence, ice_ease, moscow, urgent,
             important, external_key, rowid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
        rusqlite::params_from_iter(p.iter().map(|b| b.as_ref())),
    )?;
    Ok(())
}

pub(crate) fn write_item_links(tx: &Transaction<'_>, item: &RoadmapItem) -> Result<()> {
    tx.execute("DELETE FROM roadmap_item_objectives WHERE item = ?1", [&item.id])?;
    tx.execute("DELETE FROM roadmap_item_dependencies WHERE item = ?1", [&item.id])?;
    tx.execute("DELETE FROM roadmap_item_key_results WHERE item = ?1", [&item.id])?;
    for (pos, o) in item.objectives.iter().enumerate() {
        tx.execute("INSERT INTO roadmap_item_objectives (item, objective, position) VALUES (?1, ?2, ?3)", params![item.id, o, pos as i64])?;
    }
    for (pos, k) in item.key_results.iter().enumerate() {
        tx.execute(
            "INSERT INTO roadmap_item_key_results (item, key_result, position) VALUES (?1, ?2, ?3)",
            params![item.id, k, pos as i64],
        )?;
    }
    for (pos, d) in item.depends_on.iter().enumerate() {
        tx.execute(
            "INSERT INTO roadmap_item_dependencies (item, depends_on, position) VALUES (?1, ?2, ?3)",
            params![item.id, d, pos as i64],
        )?;
    }
    Ok(())
}

pub(crate) fn read_item(tx: &Transaction<'_>, id: &str) -> Result<RoadmapItem> {
    let mut item = tx
        .query_row(&format!("SELECT {ITEM_COLUMNS} FROM roadmap_items WHERE id = ?1"), [id], item_from_row)
        .optional()?
        .ok_or_else(|| not_found("roadmap item", id))?;
    item.objectives = column(tx, "SELECT objective FROM roadmap_item_objectives WHERE item = ?1 ORDER BY position, rowid", id)?;
    item.depends_on = column(tx, "SELECT depends_on FROM roadmap_item_dependencies WHERE item = ?1 ORDER BY position, rowid", id)?;
    item.key_results = column(tx, "SELECT key_result FROM roadmap_item_key_results WHERE item = ?1 ORDER BY position, rowid", id)?;
    Ok(item)
}

pub(crate) fn column(tx: &Transaction<'_>, sql: &str, id: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
}

pub(crate) fn pairs(tx: &Transaction<'_>, sql: &str, id: &str) -> Result<Vec<(String, u32)>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Everything needed to undo the deletion of an item.
pub(crate) fn snapshot(tx: &Transaction<'_>, id: &str) -> Result<ItemSnapshot> {
    let item = read_item(tx, id)?;
    let rowid: i64 = tx.query_row("SELECT rowid FROM roadmap_items WHERE id = ?1", [id], |r| r.get(0))?;
    let mut stmt = tx.prepare("SELECT baseline, item, lane, start, end FROM baseline_items WHERE item = ?1")?;
    let baselines = stmt
        .query_map([id], |r| Ok((r.get(0)?, BaselineItem { item: r.get(1)?, lane: r.get(2)?, start: r.get(3)?, end: r.get(4)? })))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ItemSnapshot {
        dependents: pairs(tx, "SELECT item, position FROM roadmap_item_dependencies WHERE depends_on = ?1", id)?,
        feedback: pairs(tx, "SELECT feedback, position FROM feedback_items WHERE item = ?1", id)?,
        milestones: column(tx, "SELECT id FROM milestones WHERE roadmap_item = ?1", id)?,
        experiments: column(tx, "SELECT id FROM experiments WHERE roadmap_item = ?1", id)?,
        baselines,
        rowid,
        item,
    })
}

/// Adds lanes after the last one, in this order.
pub(crate) fn append_lanes(tx: &Transaction<'_>, lanes: &[Lane]) -> Result<()> {
    let base: i64 = tx.query_row("SELECT COALESCE(MAX(position), -1) + 1 FROM lanes", [], |r| r.get(0))?;
    for (i, l) in lanes.iter().enumerate() {
        tx.execute(
            "INSERT INTO lanes (id, name, color, position) VALUES (?1, ?2, ?3, ?4)",
            params![l.id, l.name, l.color, base + i as i64],
        )?;
    }
    Ok(())
}

/// Saves a baseline: the dates and lanes of every dated item, as they are now.
pub(crate) fn insert_baseline_of_dated_items(tx: &Transaction<'_>, id: &str, name: &str, saved_on: NaiveDate) -> Result<()> {
    tx.execute("INSERT INTO baselines (id, name, saved_on) VALUES (?1, ?2, ?3)", params![id, name, saved_on])?;
    tx.execute(
        "INSERT INTO baseline_items (baseline, item, lane, start, end)
         SELECT ?1, id, lane, start, end FROM roadmap_items WHERE start IS NOT NULL AND end IS NOT NULL ORDER BY rowid",
        [id],
    )?;
    Ok(())
}

/// Writes a deleted item back from its snapshot: its row (at its old rowid when free),
/// the links to it that still resolve, and its baseline entries in their places.
pub(crate) fn restore_item(tx: &Transaction<'_>, s: &ItemSnapshot) -> Result<()> {
    let free: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM roadmap_items WHERE rowid = ?1)", [s.rowid], |r| r.get(0))?;
    insert_item(tx, &s.item, free.then_some(s.rowid))?;
    let id = &s.item.id;
    for (dependent, pos) in &s.dependents {
        tx.execute(
            "INSERT OR IGNORE INTO roadmap_item_dependencies (item, depends_on, position)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM roadmap_items WHERE id = ?1)",
            params![dependent, id, pos],
        )?;
    }
    for (feedback, pos) in &s.feedback {
        tx.execute(
            "INSERT OR IGNORE INTO feedback_items (feedback, item, position)
             SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM feedback WHERE id = ?1)",
            params![feedback, id, pos],
        )?;
    }
    for m in &s.milestones {
        tx.execute("UPDATE milestones SET roadmap_item = ?2 WHERE id = ?1", params![m, id])?;
    }
    for e in &s.experiments {
        tx.execute("UPDATE experiments SET roadmap_item = ?2 WHERE id = ?1", params![e, id])?;
    }
    let item_rowid: i64 = tx.query_row("SELECT rowid FROM roadmap_items WHERE id = ?1", [id], |r| r.get(0))?;
    for (baseline, b) in &s.baselines {
        // Exports list a baseline's entries in insertion order. Put the entry back before
        // the first entry of an item that comes after it among the items (the order
        // `save_baseline` writes them in), not at the end of the list: shift the later
        // rowids up by one (through negatives, so no two rows collide) to free a place.
        let at: Option<i64> = tx.query_row(
            "SELECT MIN(bi.rowid) FROM baseline_items bi JOIN roadmap_items r ON r.id = bi.item
             WHERE bi.baseline = ?1 AND r.rowid > ?2",
            params![baseline, item_rowid],
            |r| r.get(0),
        )?;
        if let Some(at) = at {
            tx.execute("UPDATE baseline_items SET rowid = -rowid - 1 WHERE rowid >= ?1", [at])?;
            tx.execute("UPDATE baseline_items SET rowid = -rowid WHERE rowid < 0", [])?;
        }
        tx.execute(
            "INSERT OR IGNORE INTO baseline_items (baseline, item, lane, start, end, rowid)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM baselines WHERE id = ?1)",
            params![baseline, b.item, b.lane, b.start, b.end, at],
        )?;
    }
    Ok(())
}

/// Moves an item to new dates, and to `lane` when given.
pub(crate) fn move_item(tx: &Transaction<'_>, item: &str, start: NaiveDate, end: NaiveDate, lane: Option<&str>) -> Result<()> {
    tx.execute("UPDATE roadmap_items SET start = ?2, end = ?3, lane = COALESCE(?4, lane) WHERE id = ?1", params![item, start, end, lane])?;
    Ok(())
}

pub(crate) fn set_item_dates(tx: &Transaction<'_>, item: &str, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<()> {
    tx.execute("UPDATE roadmap_items SET start = ?2, end = ?3 WHERE id = ?1", params![item, start, end])?;
    Ok(())
}

/// Numbers the lanes in this order.
pub(crate) fn set_lane_order(tx: &Transaction<'_>, order: &[String]) -> Result<()> {
    for (pos, id) in order.iter().enumerate() {
        tx.execute("UPDATE lanes SET position = ?2 WHERE id = ?1", params![id, pos as i64])?;
    }
    Ok(())
}

const OBJECTIVES: LinkTable = LinkTable { table: "roadmap_item_objectives", owner: "item", other: "objective" };
const DEPENDENCIES: LinkTable = LinkTable { table: "roadmap_item_dependencies", owner: "item", other: "depends_on" };

/// Links an item to an objective, last; false when it already was.
pub(crate) fn link_objective(tx: &Transaction<'_>, item: &str, objective: &str) -> Result<bool> {
    OBJECTIVES.append(tx, item, objective)
}

/// False when the item did not serve the objective.
pub(crate) fn unlink_objective(tx: &Transaction<'_>, item: &str, objective: &str) -> Result<bool> {
    OBJECTIVES.remove(tx, item, objective)
}

/// Every item's dependencies, in order.
pub(crate) fn dependency_graph(tx: &Transaction<'_>) -> Result<HashMap<String, Vec<String>>> {
    grouped(tx, "SELECT item, depends_on FROM roadmap_item_dependencies ORDER BY item, position, rowid")
}

/// Adds a dependency, last; false when it was there already.
pub(crate) fn add_dependency(tx: &Transaction<'_>, item: &str, depends_on: &str) -> Result<bool> {
    DEPENDENCIES.append(tx, item, depends_on)
}

/// False when there was no such dependency.
pub(crate) fn remove_dependency(tx: &Transaction<'_>, item: &str, depends_on: &str) -> Result<bool> {
    DEPENDENCIES.remove(tx, item, depends_on)
}

/// An item's horizon: `None` when there is no such item.
pub(crate) fn item_horizon(tx: &Transaction<'_>, item: &str) -> Result<Option<Option<Horizon>>> {
    Ok(tx.query_row("SELECT horizon FROM roadmap_items WHERE id = ?1", [item], |r| r.get(0)).optional()?)
}

pub(crate) fn set_horizon(tx: &Transaction<'_>, item: &str, horizon: Option<Horizon>) -> Result<()> {
    tx.execute("UPDATE roadmap_items SET horizon = ?2 WHERE id = ?1", params![item, horizon])?;
    Ok(())
}

/// The item imported from the record with this key, if any.
pub(crate) fn item_with_external_key(tx: &Transaction<'_>, key: &str) -> Result<Option<String>> {
    Ok(tx.query_row("SELECT id FROM roadmap_items WHERE external_key = ?1", [key], |r| r.get(0)).optional()?)
}

/// Rewrites every field and link of an item.
pub(crate) fn update_item(tx: &Transaction<'_>, item: &RoadmapItem) -> Result<()> {
    tx.execute(
        "UPDATE roadmap_items SET lane = ?2, title = ?3, start = ?4, end = ?5, kind = ?6, status = ?7, horizon = ?8,
             expected_impact = ?9, tradeoff = ?10, rice_reach = ?11, rice_impact = ?12, rice_confidence = ?13,
             rice_effort = ?14, ice_impact = ?15, ice_confidence = ?16, ice_ease = ?17, moscow = ?18, urgent = ?19,
             important = ?20, external_key = ?21
         WHERE id = ?1",
        rusqlite::params_from_iter(item_params(item).iter().map(|b| b.as_ref())),
    )?;
    write_item_links(tx, item)
}

/// Rewrites an item's scores (RICE, ICE, MoSCoW, urgent/important).
pub(crate) fn set_scores(tx: &Transaction<'_>, item: &RoadmapItem) -> Result<()> {
    tx.execute(
        "UPDATE roadmap_items SET rice_reach = ?11, rice_impact = ?12, rice_confidence = ?13, rice_effort = ?14,
             ice_impact = ?15, ice_confidence = ?16, ice_ease = ?17, moscow = ?18, urgent = ?19, important = ?20
         WHERE id = ?1",
        // The item's parameters up to ?20 (`important`): the external key is not a score.
        rusqlite::params_from_iter(item_params(item).iter().take(20).map(|b| b.as_ref())),
    )?;
    Ok(())
}

/// Adds a lane at `position` (the other lanes are renumbered apart).
pub(crate) fn insert_lane(tx: &Transaction<'_>, lane: &Lane, position: usize) -> Result<()> {
    tx.execute(
        "INSERT INTO lanes (id, name, color, position) VALUES (?1, ?2, ?3, ?4)",
        params![lane.id, lane.name, lane.color, position as i64],
    )?;
    Ok(())
}

pub(crate) fn read_lane(tx: &Transaction<'_>, id: &str) -> Result<Option<Lane>> {
    Ok(tx
        .query_row("SELECT id, name, color FROM lanes WHERE id = ?1", [id], |r| {
            Ok(Lane { id: r.get(0)?, name: r.get(1)?, color: r.get(2)? })
        })
        .optional()?)
}

pub(crate) fn update_lane(tx: &Transaction<'_>, lane: &Lane) -> Result<()> {
    tx.execute("UPDATE lanes SET name = ?2, color = ?3 WHERE id = ?1", params![lane.id, lane.name, lane.color])?;
    Ok(())
}

/// How many items a lane holds.
pub(crate) fn items_in_lane(tx: &Transaction<'_>, lane: &str) -> Result<i64> {
    Ok(tx.query_row("SELECT COUNT(*) FROM roadmap_items WHERE lane = ?1", [lane], |r| r.get(0))?)
}
