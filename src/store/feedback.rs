//! Feedback and themes: validated edits, each one transaction; the inbox, the themes
//! with their trend, the report, and the feedback behind a roadmap item.

use chrono::NaiveDate;

use rusqlite::{params, Transaction};

use crate::error::Result;
use crate::model::*;

/// The longest feedback text kept, in characters (a long interview transcript fits).
pub(crate) const MAX_TEXT_CHARS: usize = 20_000;

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
