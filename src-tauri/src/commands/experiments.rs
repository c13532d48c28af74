use lodestar::model::ExperimentInput;
use lodestar::views::experiments::ExperimentsView;
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// Every experiment, grouped by status (planned, running, validated, invalidated).
#[tauri::command(rename_all = "snake_case")]
pub fn experiments_view(session: State<'_, Session>) -> Result<ExperimentsView, Error> {
    session.with(|ws| ws.experiments_view())
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_experiment(session: State<'_, Session>, input: ExperimentInput) -> Result<String, Error> {
    session.with(|ws| ws.create_experiment(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_experiment(session: State<'_, Session>, id: String, input: ExperimentInput) -> Result<(), Error> {
    session.with(|ws| ws.update_experiment(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_experiment(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_experiment(&id))
}
