//! Tables of decisions and their links to other records.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::Decision;

/// The tables a decision can link to, with the kind name shown and the title column.
pub(crate) const LINKABLE: &[(&str, &str, &str)] = &[
    ("objectives", "objective", "title"),
    ("key_results", "key_result", "title"),
    ("roadmap_items", "roadmap_item", "title"),
    ("milestones", "milestone", "title"),
    ("kpis", "kpi", "name"),
    ("themes", "theme", "name"),
    ("feedback", "feedback", "text"),
    ("experiments", "experiment", "title"),
    ("decisions", "decision", "title"),
    ("lanes", "lane", "name"),
    ("baselines", "baseline", "name"),
    ("cycles", "cycle", "id"),
];

pub(crate) fn write_links(tx: &Transaction<'_>, id: &str, links: &[String]) -> Result<()> {
    tx.execute("DELETE FROM decision_links WHERE decision = ?1", [id])?;
    for (pos, l) in links.iter().enumerate() {
        tx.execute("INSERT INTO decision_links (decision, target, position) VALUES (?1, ?2, ?3)", params![id, l, pos as i64])?;
    }
    Ok(())
}

/// Adds a decision (its texts as they are to be kept).
pub(crate) fn insert(tx: &Transaction<'_>, d: &Decision) -> Result<()> {
    tx.execute(
        "INSERT INTO decisions (id, date, title, rationale, alternatives) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![d.id, d.date, d.title, d.rationale, d.alternatives],
    )?;
    Ok(())
}

/// Rewrites a decision's fields (not its links); false when there is no such decision.
pub(crate) fn update(tx: &Transaction<'_>, d: &Decision) -> Result<bool> {
    let n = tx.execute(
        "UPDATE decisions SET date = ?2, title = ?3, rationale = ?4, alternatives = ?5 WHERE id = ?1",
        params![d.id, d.date, d.title, d.rationale, d.alternatives],
    )?;
    Ok(n > 0)
}

/// The `column` of the row of `table` with this id, when there is one.
pub(crate) fn title_of(conn: &Connection, table: &str, column: &str, id: &str) -> Result<Option<String>> {
    Ok(conn.query_row(&format!("SELECT {column} FROM {table} WHERE id = ?1"), [id], |r| r.get(0)).optional()?)
}
