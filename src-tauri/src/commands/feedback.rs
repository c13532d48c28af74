use lodestar::model::FeedbackInput;
use lodestar::views::feedback::{FeedbackEntry, FeedbackFilter, FeedbackInbox, ThemesView};
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// The inbox, newest first, filtered (every filter field optional).
#[tauri::command(rename_all = "snake_case")]
pub fn feedback_inbox(session: State<'_, Session>, filter: Option<FeedbackFilter>) -> Result<FeedbackInbox, Error> {
    session.with(|ws| ws.feedback_inbox(&filter.unwrap_or_default()))
}

/// Themes by count (top first) with their monthly trend.
#[tauri::command(rename_all = "snake_case")]
pub fn themes_view(session: State<'_, Session>) -> Result<ThemesView, Error> {
    session.with(|ws| ws.themes_view())
}

/// The feedback linked to a roadmap item, newest first.
#[tauri::command(rename_all = "snake_case")]
pub fn item_feedback(session: State<'_, Session>, item: String) -> Result<Vec<FeedbackEntry>, Error> {
    session.with(|ws| ws.item_feedback(&item))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_feedback(session: State<'_, Session>, input: FeedbackInput) -> Result<String, Error> {
    session.with(|ws| ws.create_feedback(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_feedback(session: State<'_, Session>, id: String, input: FeedbackInput) -> Result<(), Error> {
    session.with(|ws| ws.update_feedback(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_feedback(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_feedback(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_theme(session: State<'_, Session>, name: String) -> Result<String, Error> {
    session.with(|ws| ws.create_theme(&name))
}

#[tauri::command(rename_all = "snake_case")]
pub fn rename_theme(session: State<'_, Session>, id: String, name: String) -> Result<(), Error> {
    session.with(|ws| ws.rename_theme(&id, &name))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_theme(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_theme(&id))
}

/// Re-tags every feedback of theme `from` with `into`, then deletes `from` (one transaction).
#[tauri::command(rename_all = "snake_case")]
pub fn merge_themes(session: State<'_, Session>, from: String, into: String) -> Result<(), Error> {
    session.with(|ws| ws.merge_themes(&from, &into))
}

#[tauri::command(rename_all = "snake_case")]
pub fn tag_feedback(session: State<'_, Session>, feedback: String, theme: String, tagged: bool) -> Result<(), Error> {
    session.with(|ws| ws.tag_feedback(&feedback, &theme, tagged))
}

#[tauri::command(rename_all = "snake_case")]
pub fn link_feedback(session: State<'_, Session>, feedback: String, item: String, linked: bool) -> Result<(), Error> {
    session.with(|ws| ws.link_feedback(&feedback, &item, linked))
}
