//! Tables of feedback, themes, and the tags and item links between them.

use chrono::NaiveDate;

use rusqlite::{params, Transaction};

use super::LinkTable;
use crate::error::Result;
use crate::model::*;

pub(crate) fn write_links(tx: &Transaction<'_>, id: &str, input: &FeedbackInput) -> Result<()> {
    tx.execute("DELETE FROM feedback_themes WHERE feedback = ?1", [id])?;
    tx.execute("DELETE FROM feedback_items WHERE feedback = ?1", [id])?;
    for (pos, t) in input.themes.iter().enumerate() {
        tx.execute("INSERT INTO feedback_themes (feedback, theme, position) VALUES (?1, ?2, ?3)", params![id, t, pos as i64])?;
    }
    for (pos, i) in input.roadmap_items.iter().enumerate() {
        tx.execute("INSERT INTO feedback_items (feedback, item, position) VALUES (?1, ?2, ?3)", params![id, i, pos as i64])?;
    }
    Ok(())
}

/// Adds one feedback entry (its themes and items are linked apart).
pub(crate) fn insert_feedback(
    tx: &Transaction<'_>,
    id: &str,
    date: NaiveDate,
    source: FeedbackSource,
    customer: Option<&str>,
    text: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO feedback (id, date, source, customer, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, date, source, customer, text],
    )?;
    Ok(())
}

pub(crate) fn update_feedback(
    tx: &Transaction<'_>,
    id: &str,
    date: NaiveDate,
    source: FeedbackSource,
    customer: Option<&str>,
    text: &str,
) -> Result<()> {
    tx.execute(
        "UPDATE feedback SET date = ?2, source = ?3, customer = ?4, text = ?5 WHERE id = ?1",
        params![id, date, source, customer, text],
    )?;
    Ok(())
}

pub(crate) fn insert_theme(tx: &Transaction<'_>, id: &str, name: &str) -> Result<()> {
    tx.execute("INSERT INTO themes (id, name) VALUES (?1, ?2)", params![id, name])?;
    Ok(())
}

pub(crate) fn rename_theme(tx: &Transaction<'_>, id: &str, name: &str) -> Result<()> {
    tx.execute("UPDATE themes SET name = ?2 WHERE id = ?1", params![id, name])?;
    Ok(())
}

/// Every theme's id and name.
pub(crate) fn theme_names(tx: &Transaction<'_>) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare("SELECT id, name FROM themes")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Moves the tags of theme `from` to `into`: records tagged with both keep their
/// `into` tag; the others get it in the place of their `from` tag.
pub(crate) fn retag(tx: &Transaction<'_>, from: &str, into: &str) -> Result<()> {
    tx.execute(
        "UPDATE feedback_themes SET theme = ?2 WHERE theme = ?1
         AND feedback NOT IN (SELECT feedback FROM feedback_themes WHERE theme = ?2)",
        params![from, into],
    )?;
    Ok(())
}

const THEMES: LinkTable = LinkTable { table: "feedback_themes", owner: "feedback", other: "theme" };
const ITEMS: LinkTable = LinkTable { table: "feedback_items", owner: "feedback", other: "item" };

/// Tags a feedback record with a theme, last; tagging twice changes nothing.
pub(crate) fn tag(tx: &Transaction<'_>, feedback: &str, theme: &str) -> Result<()> {
    THEMES.append(tx, feedback, theme).map(drop)
}

pub(crate) fn untag(tx: &Transaction<'_>, feedback: &str, theme: &str) -> Result<()> {
    THEMES.remove(tx, feedback, theme).map(drop)
}

/// Links a feedback record to a roadmap item, last; linking twice changes nothing.
pub(crate) fn link_item(tx: &Transaction<'_>, feedback: &str, item: &str) -> Result<()> {
    ITEMS.append(tx, feedback, item).map(drop)
}

pub(crate) fn unlink_item(tx: &Transaction<'_>, feedback: &str, item: &str) -> Result<()> {
    ITEMS.remove(tx, feedback, item).map(drop)
}
