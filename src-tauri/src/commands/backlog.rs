use lodestar::compute::backlog::ScoreBy;
use lodestar::views::backlog::BacklogView;
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// Every backlog item with its scoring fields and both scores, ranked by `by`
/// (default RICE). Score edits (and matrix moves) are the roadmap edit `set_scores`,
/// sent through `edit_roadmap`, so they undo and redo.
#[tauri::command(rename_all = "snake_case")]
pub fn backlog_view(session: State<'_, Session>, by: Option<ScoreBy>) -> Result<BacklogView, Error> {
    session.with(|ws| ws.backlog_view(by.unwrap_or_default()))
}
