//! The decision log: validated edits, each one transaction, and the list searchable by text.

use rusqlite::{params, Transaction};

use super::{exists, required_name};
use crate::error::{Error, Result};
use crate::model::*;

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

pub(crate) fn validate_decision(tx: &Transaction<'_>, rec: &str, id: Option<&str>, input: &DecisionInput) -> Result<String> {
    let title = required_name(rec, "title", &input.title)?;
    let mut seen = std::collections::HashSet::new();
    for link in &input.links {
        if !seen.insert(link.as_str()) {
            return Err(Error::invalid(rec, "links", format!("“{link}” is listed twice.")));
        }
        if Some(link.as_str()) == id {
            return Err(Error::invalid(rec, "links", "A decision cannot link to itself."));
        }
        let mut found = false;
        for (table, _, _) in LINKABLE {
            if exists(tx, table, link)? {
                found = true;
                break;
            }
        }
        if !found {
            return Err(Error::invalid(rec, "links", format!("There is no record “{link}” to link to.")));
        }
    }
    Ok(title)
}

pub(crate) fn write_links(tx: &Transaction<'_>, id: &str, links: &[String]) -> Result<()> {
    tx.execute("DELETE FROM decision_links WHERE decision = ?1", [id])?;
    for (pos, l) in links.iter().enumerate() {
        tx.execute("INSERT INTO decision_links (decision, target, position) VALUES (?1, ?2, ?3)", params![id, l, pos as i64])?;
    }
    Ok(())
}
