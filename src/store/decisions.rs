//! The decision log: validated edits, each one transaction, and the list searchable by text.

use rusqlite::{params, Transaction};

use crate::error::Result;

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
