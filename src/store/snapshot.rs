//! The whole workspace at once: every record table cleared and written from a
//! document, read back as a document, and whether it holds any record yet.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Transaction};

use super::product::read_product;
use crate::error::Result;
use crate::interchange::Document;
use crate::model::*;

/// Tables holding records of the format, children before parents (for deletion).
pub(crate) const RECORD_TABLES: &[&str] = &[
    "decision_links",
    "decisions",
    "experiments",
    "feedback_items",
    "feedback_themes",
    "feedback",
    "themes",
    "baseline_items",
    "baselines",
    "key_result_milestones",
    "milestones",
    "roadmap_item_dependencies",
    "roadmap_item_key_results",
    "roadmap_item_objectives",
    "roadmap_items",
    "lanes",
    "checkins",
    "key_results",
    "measurements",
    "kpis",
    "objectives",
    "cycles",
];

pub(crate) fn insert_records(tx: &Transaction<'_>, doc: &Document) -> Result<()> {
    for c in &doc.cycles {
        tx.execute("INSERT INTO cycles (id, start, end) VALUES (?1, ?2, ?3)", params![c.id, c.start, c.end])?;
    }
    // Parents may come after their children in the list: insert, then link.
    for o in &doc.objectives {
        tx.execute(
            "INSERT INTO objectives (id, title, description, cycle, category, owner, status, weight, ambition)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![o.id, o.title, o.description, o.cycle, o.category, o.owner, o.status, o.weight, o.ambition],
        )?;
    }
    for o in doc.objectives.iter().filter(|o| o.parent.is_some() || o.carried_from.is_some()) {
        tx.execute("UPDATE objectives SET parent = ?2, carried_from = ?3 WHERE id = ?1", params![o.id, o.parent, o.carried_from])?;
    }
    for k in &doc.kpis {
        tx.execute(
            "INSERT INTO kpis (id, name, category, unit, higher_is_better) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![k.id, k.name, k.category, k.unit, k.higher_is_better],
        )?;
    }
    for m in &doc.measurements {
        tx.execute("INSERT INTO measurements (kpi, date, value) VALUES (?1, ?2, ?3)", params![m.kpi, m.date, m.value])?;
    }
    for k in &doc.key_results {
        tx.execute(
            "INSERT INTO key_results (id, objective, title, kind, unit, baseline, target, weight, kpi)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![k.id, k.objective, k.title, k.kind, k.unit, k.baseline, k.target, k.weight, k.kpi],
        )?;
    }
    for c in &doc.checkins {
        tx.execute(
            "INSERT INTO checkins (key_result, date, value, confidence, note) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![c.key_result, c.date, c.value, c.confidence, c.note],
        )?;
    }
    for (pos, l) in doc.lanes.iter().enumerate() {
        tx.execute("INSERT INTO lanes (id, name, color, position) VALUES (?1, ?2, ?3, ?4)", params![l.id, l.name, l.color, pos as i64])?;
    }
    // Dependencies may point at later items: every row first, then the links.
    for r in &doc.roadmap_items {
        super::roadmap::insert_item_row(tx, r, None)?;
    }
    for r in &doc.roadmap_items {
        super::roadmap::write_item_links(tx, r)?;
    }
    for m in &doc.milestones {
        tx.execute(
            "INSERT INTO milestones (id, objective, title, due, done_on, roadmap_item) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![m.id, m.objective, m.title, m.due, m.done_on, m.roadmap_item],
        )?;
    }
    for b in &doc.key_result_milestones {
        tx.execute("INSERT INTO key_result_milestones (key_result, milestone) VALUES (?1, ?2)", params![b.key_result, b.milestone])?;
    }
    for b in &doc.baselines {
        tx.execute("INSERT INTO baselines (id, name, saved_on) VALUES (?1, ?2, ?3)", params![b.id, b.name, b.saved_on])?;
        for i in &b.items {
            tx.execute(
                "INSERT INTO baseline_items (baseline, item, lane, start, end) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![b.id, i.item, i.lane, i.start, i.end],
            )?;
        }
    }
    for t in &doc.themes {
        tx.execute("INSERT INTO themes (id, name) VALUES (?1, ?2)", params![t.id, t.name])?;
    }
    for f in &doc.feedback {
        tx.execute(
            "INSERT INTO feedback (id, date, source, customer, text) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![f.id, f.date, f.source, f.customer, f.text],
        )?;
        for (pos, t) in f.themes.iter().enumerate() {
            tx.execute("INSERT INTO feedback_themes (feedback, theme, position) VALUES (?1, ?2, ?3)", params![f.id, t, pos as i64])?;
        }
        for (pos, r) in f.roadmap_items.iter().enumerate() {
            tx.execute("INSERT INTO feedback_items (feedback, item, position) VALUES (?1, ?2, ?3)", params![f.id, r, pos as i64])?;
        }
    }
    for e in &doc.experiments {
        tx.execute(
            "INSERT INTO experiments (id, title, belief, measure, success_signal, change_our_mind, status, result,
                 objective, roadmap_item)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                e.id,
                e.title,
                e.belief,
                e.measure,
                e.success_signal,
                e.change_our_mind,
                e.status,
                e.result,
                e.objective,
                e.roadmap_item
            ],
        )?;
    }
    for d in &doc.decisions {
        tx.execute(
            "INSERT INTO decisions (id, date, title, rationale, alternatives) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![d.id, d.date, d.title, d.rationale, d.alternatives],
        )?;
        for (pos, target) in d.links.iter().enumerate() {
            tx.execute("INSERT INTO decision_links (decision, target, position) VALUES (?1, ?2, ?3)", params![d.id, target, pos as i64])?;
        }
    }
    Ok(())
}

/// The columns `objective_from_row` reads, in its order.
pub(crate) const OBJECTIVE_COLUMNS: &str = "id, title, description, cycle, parent, category, owner, status, weight, ambition, carried_from";

pub(crate) fn objective_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Objective> {
    Ok(Objective {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        cycle: r.get(3)?,
        parent: r.get(4)?,
        category: r.get(5)?,
        owner: r.get(6)?,
        status: r.get(7)?,
        weight: r.get(8)?,
        ambition: r.get(9)?,
        carried_from: r.get(10)?,
    })
}

/// The columns `key_result_from_row` reads, in its order.
pub(crate) const KEY_RESULT_COLUMNS: &str = "id, objective, title, kind, unit, baseline, target, weight, kpi";

pub(crate) fn key_result_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<KeyResult> {
    Ok(KeyResult {
        id: r.get(0)?,
        objective: r.get(1)?,
        title: r.get(2)?,
        kind: r.get(3)?,
        unit: r.get(4)?,
        baseline: r.get(5)?,
        target: r.get(6)?,
        weight: r.get(7)?,
        kpi: r.get(8)?,
    })
}

/// The columns `item_from_row` reads, in its order.
pub(crate) const ITEM_COLUMNS: &str = "id, lane, title, start, end, kind, status, horizon, expected_impact, tradeoff, \
     rice_reach, rice_impact, rice_confidence, rice_effort, ice_impact, ice_confidence, ice_ease, moscow, urgent, important, external_key";

/// A roadmap item without its goal and dependency lists (those live in link tables).
pub(crate) fn item_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RoadmapItem> {
    let rice = match r.get::<_, Option<f64>>(10)? {
        Some(reach) => Some(Rice { reach, impact: r.get(11)?, confidence: r.get(12)?, effort: r.get(13)? }),
        None => None,
    };
    let ice = match r.get::<_, Option<f64>>(14)? {
        Some(impact) => Some(Ice { impact, confidence: r.get(15)?, ease: r.get(16)? }),
        None => None,
    };
    Ok(RoadmapItem {
        id: r.get(0)?,
        lane: r.get(1)?,
        title: r.get(2)?,
        start: r.get(3)?,
        end: r.get(4)?,
        kind: r.get(5)?,
        status: r.get(6)?,
        horizon: r.get(7)?,
        objectives: vec![],
        depends_on: vec![],
        expected_impact: r.get(8)?,
        tradeoff: r.get(9)?,
        rice,
        ice,
        moscow: r.get(17)?,
        urgent: r.get(18)?,
        important: r.get(19)?,
        key_results: vec![],
        external_key: r.get(20)?,
    })
}

/// Runs `sql` and maps every row with `f`.
pub(crate) fn all<T>(conn: &Connection, sql: &str, f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], f)?;
    Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
}

/// A link table read in one pass: owner id → linked ids in their stored order.
/// `sql` selects (owner, linked) ordered by owner and position.
pub(crate) fn grouped(conn: &Connection, sql: &str) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        out.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    Ok(out)
}

pub(crate) fn read_document(conn: &Connection) -> Result<Document> {
    let mut doc = Document::new(read_product(conn)?);
    doc.cycles =
        all(conn, "SELECT id, start, end FROM cycles ORDER BY rowid", |r| Ok(Cycle { id: r.get(0)?, start: r.get(1)?, end: r.get(2)? }))?;
    doc.objectives = all(conn, &format!("SELECT {OBJECTIVE_COLUMNS} FROM objectives ORDER BY rowid"), objective_from_row)?;
    doc.key_results = all(conn, &format!("SELECT {KEY_RESULT_COLUMNS} FROM key_results ORDER BY rowid"), key_result_from_row)?;
    doc.checkins = all(conn, "SELECT key_result, date, value, confidence, note FROM checkins ORDER BY id", |r| {
        Ok(CheckIn { key_result: r.get(0)?, date: r.get(1)?, value: r.get(2)?, confidence: r.get(3)?, note: r.get(4)? })
    })?;
    doc.kpis = all(conn, "SELECT id, name, category, unit, higher_is_better FROM kpis ORDER BY rowid", |r| {
        Ok(Kpi { id: r.get(0)?, name: r.get(1)?, category: r.get(2)?, unit: r.get(3)?, higher_is_better: r.get(4)? })
    })?;
    doc.measurements = all(conn, "SELECT kpi, date, value FROM measurements ORDER BY id", |r| {
        Ok(Measurement { kpi: r.get(0)?, date: r.get(1)?, value: r.get(2)? })
    })?;
    doc.milestones = all(conn, "SELECT id, objective, title, due, done_on, roadmap_item FROM milestones ORDER BY rowid", |r| {
        Ok(Milestone { id: r.get(0)?, objective: r.get(1)?, title: r.get(2)?, due: r.get(3)?, done_on: r.get(4)?, roadmap_item: r.get(5)? })
    })?;
    doc.key_result_milestones = all(conn, "SELECT key_result, milestone FROM key_result_milestones ORDER BY rowid", |r| {
        Ok(KeyResultMilestone { key_result: r.get(0)?, milestone: r.get(1)? })
    })?;
    doc.lanes = all(conn, "SELECT id, name, color FROM lanes ORDER BY position, rowid", |r| {
        Ok(Lane { id: r.get(0)?, name: r.get(1)?, color: r.get(2)? })
    })?;
    doc.roadmap_items = all(conn, &format!("SELECT {ITEM_COLUMNS} FROM roadmap_items ORDER BY rowid"), item_from_row)?;
    let mut objectives = grouped(conn, "SELECT item, objective FROM roadmap_item_objectives ORDER BY item, position, rowid")?;
    let mut depends_on = grouped(conn, "SELECT item, depends_on FROM roadmap_item_dependencies ORDER BY item, position, rowid")?;
    let mut key_results = grouped(conn, "SELECT item, key_result FROM roadmap_item_key_results ORDER BY item, position, rowid")?;
    for item in &mut doc.roadmap_items {
        item.objectives = objectives.remove(&item.id).unwrap_or_default();
        item.depends_on = depends_on.remove(&item.id).unwrap_or_default();
        item.key_results = key_results.remove(&item.id).unwrap_or_default();
    }
    doc.baselines = all(conn, "SELECT id, name, saved_on FROM baselines ORDER BY rowid", |r| {
        Ok(Baseline { id: r.get(0)?, name: r.get(1)?, saved_on: r.get(2)?, items: vec![] })
    })?;
    for b in &mut doc.baselines {
        let mut stmt = conn.prepare_cached("SELECT item, lane, start, end FROM baseline_items WHERE baseline = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map([&b.id], |r| {
            Ok(BaselineItem { item: r.get(0)?, lane: r.get(1)?, start: r.get::<_, NaiveDate>(2)?, end: r.get(3)? })
        })?;
        b.items = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    }
    doc.themes = all(conn, "SELECT id, name FROM themes ORDER BY rowid", |r| Ok(Theme { id: r.get(0)?, name: r.get(1)? }))?;
    doc.feedback = all(conn, "SELECT id, date, source, customer, text FROM feedback ORDER BY rowid", |r| {
        Ok(Feedback {
            id: r.get(0)?,
            date: r.get(1)?,
            source: r.get(2)?,
            customer: r.get(3)?,
            text: r.get(4)?,
            themes: vec![],
            roadmap_items: vec![],
        })
    })?;
    let mut themes = grouped(conn, "SELECT feedback, theme FROM feedback_themes ORDER BY feedback, position, rowid")?;
    let mut items = grouped(conn, "SELECT feedback, item FROM feedback_items ORDER BY feedback, position, rowid")?;
    for f in &mut doc.feedback {
        f.themes = themes.remove(&f.id).unwrap_or_default();
        f.roadmap_items = items.remove(&f.id).unwrap_or_default();
    }
    doc.experiments = all(
        conn,
        "SELECT id, title, belief, measure, success_signal, change_our_mind, status, result, objective, roadmap_item
         FROM experiments ORDER BY rowid",
        |r| {
            Ok(Experiment {
                id: r.get(0)?,
                title: r.get(1)?,
                belief: r.get(2)?,
                measure: r.get(3)?,
                success_signal: r.get(4)?,
                change_our_mind: r.get(5)?,
                status: r.get(6)?,
                result: r.get(7)?,
                objective: r.get(8)?,
                roadmap_item: r.get(9)?,
            })
        },
    )?;
    doc.decisions = all(conn, "SELECT id, date, title, rationale, alternatives FROM decisions ORDER BY rowid", |r| {
        Ok(Decision { id: r.get(0)?, date: r.get(1)?, title: r.get(2)?, rationale: r.get(3)?, alternatives: r.get(4)?, links: vec![] })
    })?;
    let mut links = grouped(conn, "SELECT decision, target FROM decision_links ORDER BY decision, position, rowid")?;
    for d in &mut doc.decisions {
        d.links = links.remove(&d.id).unwrap_or_default();
    }
    Ok(doc)
}

/// Deletes every record (the product row stays).
pub(crate) fn clear_records(tx: &Transaction<'_>) -> Result<()> {
    for table in RECORD_TABLES {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    Ok(())
}

/// True when any record table holds a row.
pub(crate) fn has_records(conn: &Connection) -> Result<bool> {
    for table in RECORD_TABLES {
        let any: bool = conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| r.get(0))?;
        if any {
            return Ok(true);
        }
    }
    Ok(false)
}
