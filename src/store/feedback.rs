//! Feedback and themes: validated edits, each one transaction; the inbox, the themes
//! with their trend, the report, and the feedback behind a roadmap item.

use std::collections::HashMap;

use chrono::NaiveDate;

use rusqlite::{params, Transaction};

use super::{references, required_name};
use crate::error::{Error, Result};
use crate::model::*;
use crate::views::feedback::*;
use crate::views::roadmap::ItemRef;

/// The longest feedback text kept, in characters (a long interview transcript fits).
pub(crate) const MAX_TEXT_CHARS: usize = 20_000;

pub(crate) fn entry(f: &Feedback, themes: &HashMap<&str, &str>, items: &HashMap<&str, &str>) -> FeedbackEntry {
    FeedbackEntry {
        id: f.id.clone(),
        date: f.date,
        source: f.source,
        customer: f.customer.clone(),
        text: f.text.clone(),
        themes: f.themes.iter().map(|t| ThemeRef { id: t.clone(), name: themes.get(t.as_str()).unwrap_or(&"").to_string() }).collect(),
        roadmap_items: f
            .roadmap_items
            .iter()
            .map(|i| ItemRef { id: i.clone(), title: items.get(i.as_str()).unwrap_or(&"").to_string() })
            .collect(),
    }
}

/// Checks a feedback input and returns its trimmed text.
pub(crate) fn validate_feedback(tx: &Transaction<'_>, rec: &str, input: &FeedbackInput) -> Result<String> {
    let text = input.text.trim();
    if text.is_empty() {
        return Err(Error::invalid(rec, "text", "The text cannot be empty: write what the customer said."));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::invalid(rec, "text", format!("The text is too long: at most {MAX_TEXT_CHARS} characters.")));
    }
    if input.customer.as_deref().is_some_and(|c| c.trim().chars().count() > 200) {
        return Err(Error::invalid(rec, "customer", "The customer's name is too long: at most 200 characters."));
    }
    references(tx, rec, "themes", "themes", "theme", &input.themes)?;
    references(tx, rec, "roadmap_items", "roadmap_items", "roadmap item", &input.roadmap_items)?;
    Ok(text.to_string())
}

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

/// A theme's name: required, and not the name of another theme (ignoring case), so
/// that two themes of one name cannot split a signal in two.
pub(crate) fn theme_name(tx: &Transaction<'_>, id: Option<&str>, name: &str) -> Result<String> {
    let rec = id.map_or_else(|| "theme".to_string(), |id| format!("theme \"{id}\""));
    let name = required_name(&rec, "name", name)?;
    let mut stmt = tx.prepare("SELECT id, name FROM themes")?;
    let others = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for other in others {
        let (other_id, other_name) = other?;
        if Some(other_id.as_str()) != id && other_name.trim().to_lowercase() == name.to_lowercase() {
            return Err(Error::invalid(
                rec,
                "name",
                format!("Theme “{other_id}” is already called “{other_name}”: merge into it instead."),
            ));
        }
    }
    Ok(name)
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
