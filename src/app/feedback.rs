//! Feedback and themes: validated edits, each one transaction; the inbox, the themes
//! with their trend, the report, and the feedback behind a roadmap item.

use super::references;
use crate::compute::feedback::{theme_counts, theme_trend};
use crate::error::{Error, Result};
use crate::model::*;
use crate::rules::{optional_text, required_name, MAX_TEXT_CHARS};
use crate::store;
use crate::store::exists;
use crate::store::feedback::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::feedback::*;
use crate::views::roadmap::ItemRef;
use rusqlite::Transaction;
use std::collections::HashMap;

impl Workspace {
    /// Records feedback and returns its generated id.
    pub fn create_feedback(&mut self, input: &FeedbackInput) -> Result<String> {
        self.write(|tx| {
            let text = validate_feedback(tx, "feedback", input)?;
            let id = next_id(tx, "feedback", "f")?;
            store::feedback::insert_feedback(tx, &id, input.date, input.source, optional_text(&input.customer).as_deref(), &text)?;
            write_links(tx, &id, input)?;
            Ok(id)
        })
    }

    /// Replaces a feedback record's fields, themes and linked items.
    pub fn update_feedback(&mut self, id: &str, input: &FeedbackInput) -> Result<()> {
        self.write(|tx| {
            let rec = format!("feedback \"{id}\"");
            if !exists(tx, "feedback", id)? {
                return Err(not_found("feedback", id));
            }
            let text = validate_feedback(tx, &rec, input)?;
            store::feedback::update_feedback(tx, id, input.date, input.source, optional_text(&input.customer).as_deref(), &text)?;
            write_links(tx, id, input)
        })
    }

    /// Deletes a feedback record with its tags and links (themes and items stay).
    pub fn delete_feedback(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !store::delete(tx, "feedback", id)? {
                return Err(not_found("feedback", id));
            }
            Ok(())
        })
    }

    /// Creates a theme and returns its generated id. Names are unique (ignoring case).
    pub fn create_theme(&mut self, name: &str) -> Result<String> {
        self.write(|tx| {
            let name = theme_name(tx, None, name)?;
            let id = next_id(tx, "themes", "t")?;
            store::feedback::insert_theme(tx, &id, &name)?;
            Ok(id)
        })
    }

    pub fn rename_theme(&mut self, id: &str, name: &str) -> Result<()> {
        self.write(|tx| {
            if !exists(tx, "themes", id)? {
                return Err(not_found("theme", id));
            }
            let name = theme_name(tx, Some(id), name)?;
            store::feedback::rename_theme(tx, id, &name)?;
            Ok(())
        })
    }

    /// Deletes a theme; its feedback stays, untagged from it.
    pub fn delete_theme(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !store::delete(tx, "themes", id)? {
                return Err(not_found("theme", id));
            }
            Ok(())
        })
    }

    /// Merges theme `from` into `into`, in one transaction: every feedback record tagged
    /// with `from` becomes tagged with `into` (once, keeping the place of the tag it
    /// already had), then `from` is deleted.
    pub fn merge_themes(&mut self, from: &str, into: &str) -> Result<()> {
        self.write(|tx| {
            if !exists(tx, "themes", from)? {
                return Err(not_found("theme", from));
            }
            if !exists(tx, "themes", into)? {
                return Err(Error::invalid(format!("theme \"{from}\""), "into", format!("There is no theme “{into}” to merge into.")));
            }
            if from == into {
                return Err(Error::invalid(format!("theme \"{from}\""), "into", "A theme cannot be merged into itself."));
            }
            store::feedback::retag(tx, from, into)?;
            store::delete(tx, "themes", from)?;
            Ok(())
        })
    }

    /// Tags (or untags) a feedback record with a theme. Tagging twice changes nothing.
    pub fn tag_feedback(&mut self, feedback: &str, theme: &str, tagged: bool) -> Result<()> {
        self.write(|tx| {
            if !exists(tx, "feedback", feedback)? {
                return Err(not_found("feedback", feedback));
            }
            if tagged {
                if !exists(tx, "themes", theme)? {
                    return Err(Error::invalid(format!("feedback \"{feedback}\""), "themes", format!("There is no theme “{theme}”.")));
                }
                store::feedback::tag(tx, feedback, theme)?;
            } else {
                store::feedback::untag(tx, feedback, theme)?;
            }
            Ok(())
        })
    }

    /// Links (or unlinks) a feedback record and a roadmap item. Linking twice changes nothing.
    pub fn link_feedback(&mut self, feedback: &str, item: &str, linked: bool) -> Result<()> {
        self.write(|tx| {
            if !exists(tx, "feedback", feedback)? {
                return Err(not_found("feedback", feedback));
            }
            if linked {
                if !exists(tx, "roadmap_items", item)? {
                    return Err(Error::invalid(
                        format!("feedback \"{feedback}\""),
                        "roadmap_items",
                        format!("There is no roadmap item “{item}”."),
                    ));
                }
                store::feedback::link_item(tx, feedback, item)?;
            } else {
                store::feedback::unlink_item(tx, feedback, item)?;
            }
            Ok(())
        })
    }

    /// `lodestar report feedback`: every theme with its count and roadmap items.
    pub fn feedback_report(&self) -> Result<FeedbackReport> {
        let doc = self.document()?;
        Ok(FeedbackReport { themes: theme_counts(&doc.themes, &doc.feedback) })
    }

    /// Top themes (every theme, by count) and their monthly trend.
    pub fn themes_view(&self) -> Result<ThemesView> {
        let doc = self.document()?;
        let themes = theme_counts(&doc.themes, &doc.feedback);
        let trend = theme_trend(&themes, &doc.feedback);
        Ok(ThemesView { untagged: doc.feedback.iter().filter(|f| f.themes.is_empty()).count() as u32, themes, trend })
    }

    /// The inbox: feedback newest first, filtered.
    pub fn feedback_inbox(&self, filter: &FeedbackFilter) -> Result<FeedbackInbox> {
        let doc = self.document()?;
        let theme_names: HashMap<&str, &str> = doc.themes.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect();
        let item_titles: HashMap<&str, &str> = doc.roadmap_items.iter().map(|i| (i.id.as_str(), i.title.as_str())).collect();
        let query = filter.query.as_deref().map(|q| q.trim().to_lowercase()).filter(|q| !q.is_empty());
        let mut feedback: Vec<FeedbackEntry> = doc
            .feedback
            .iter()
            .filter(|f| filter.theme.as_ref().is_none_or(|t| f.themes.contains(t)))
            .filter(|f| !filter.untagged || f.themes.is_empty())
            .filter(|f| filter.source.is_none_or(|s| f.source == s))
            .filter(|f| filter.roadmap_item.as_ref().is_none_or(|i| f.roadmap_items.contains(i)))
            .filter(|f| {
                query.as_ref().is_none_or(|q| {
                    f.text.to_lowercase().contains(q) || f.customer.as_deref().is_some_and(|c| c.to_lowercase().contains(q))
                })
            })
            .map(|f| entry(f, &theme_names, &item_titles))
            .collect();
        feedback.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        let mut themes: Vec<ThemeRef> = doc.themes.iter().map(|t| ThemeRef { id: t.id.clone(), name: t.name.clone() }).collect();
        themes.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()).then_with(|| a.id.cmp(&b.id)));
        Ok(FeedbackInbox {
            total: doc.feedback.len() as u32,
            feedback,
            themes,
            roadmap_items: doc.roadmap_items.iter().map(|i| ItemRef { id: i.id.clone(), title: i.title.clone() }).collect(),
        })
    }

    /// The feedback behind a roadmap item, newest first.
    pub fn item_feedback(&self, item: &str) -> Result<Vec<FeedbackEntry>> {
        if !exists(&self.conn, "roadmap_items", item)? {
            return Err(not_found("roadmap item", item));
        }
        Ok(self.feedback_inbox(&FeedbackFilter { roadmap_item: Some(item.to_string()), ..Default::default() })?.feedback)
    }
}

/// Checks a feedback input and returns its trimmed text.
fn validate_feedback(tx: &Transaction<'_>, rec: &str, input: &FeedbackInput) -> Result<String> {
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

/// A theme's name: required, and not the name of another theme (ignoring case), so
/// that two themes of one name cannot split a signal in two.
fn theme_name(tx: &Transaction<'_>, id: Option<&str>, name: &str) -> Result<String> {
    let rec = id.map_or_else(|| "theme".to_string(), |id| format!("theme \"{id}\""));
    let name = required_name(&rec, "name", name)?;
    for (other_id, other_name) in store::feedback::theme_names(tx)? {
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

pub(super) fn entry(f: &Feedback, themes: &HashMap<&str, &str>, items: &HashMap<&str, &str>) -> FeedbackEntry {
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
