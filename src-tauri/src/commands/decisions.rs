use lodestar::model::DecisionInput;
use lodestar::views::experiments::DecisionCard;
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// The decision log, newest first; only those containing `query` when given.
#[tauri::command(rename_all = "snake_case")]
pub fn decisions(session: State<'_, Session>, query: Option<String>) -> Result<Vec<DecisionCard>, Error> {
    session.with(|ws| ws.decisions(query.as_deref()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_decision(session: State<'_, Session>, input: DecisionInput) -> Result<String, Error> {
    session.with(|ws| ws.create_decision(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_decision(session: State<'_, Session>, id: String, input: DecisionInput) -> Result<(), Error> {
    session.with(|ws| ws.update_decision(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_decision(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_decision(&id))
}
