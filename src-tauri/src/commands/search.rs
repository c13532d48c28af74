use lodestar::views::search::SearchHit;
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// Hits of every kind for a query: title matches first, at most 50.
#[tauri::command(rename_all = "snake_case")]
pub fn search(session: State<'_, Session>, query: String) -> Result<Vec<SearchHit>, Error> {
    session.with(|ws| ws.search(&query))
}
