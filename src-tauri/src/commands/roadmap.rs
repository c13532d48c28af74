use lodestar::layout::LayoutRequest;
use lodestar::model::RoadmapEdit;
use lodestar::views::roadmap::{BoardCard, ConflictNote, EditState, ItemDetail, RoadmapView};
use lodestar::Error;
use tauri::State;

use crate::session::Session;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The timeline's geometry for a range, zoom and filters, with conflicts, coverage,
/// allocation, baselines and slips. Async, so Tauri runs it off the main thread: a large
/// plan's answer is read and laid out while the window keeps painting.
#[tauri::command(rename_all = "snake_case")]
pub async fn roadmap_view(session: State<'_, Session>, request: LayoutRequest) -> Result<RoadmapView, Error> {
    session.with_history(|ws, history| ws.roadmap_view(&request, today(), history.state()))
}

/// What Undo and Redo would do now (the same history the roadmap uses), for views that
/// edit items without loading the roadmap (the backlog).
#[tauri::command(rename_all = "snake_case")]
pub fn edit_state(session: State<'_, Session>) -> Result<EditState, Error> {
    session.with_history(|_, history| Ok(history.state()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn roadmap_item(session: State<'_, Session>, id: String) -> Result<ItemDetail, Error> {
    session.with(|ws| ws.roadmap_item_detail(&id))
}

/// Every conflict with its sentence (the view only counts them, to stay light).
#[tauri::command(rename_all = "snake_case")]
pub fn roadmap_conflicts(session: State<'_, Session>) -> Result<Vec<ConflictNote>, Error> {
    session.with(|ws| ws.roadmap_conflicts())
}

#[tauri::command(rename_all = "snake_case")]
pub fn roadmap_board(session: State<'_, Session>) -> Result<Vec<BoardCard>, Error> {
    session.with(|ws| ws.roadmap_board())
}

/// Applies one roadmap edit (saved at once) and returns what undo/redo would do now.
#[tauri::command(rename_all = "snake_case")]
pub fn edit_roadmap(session: State<'_, Session>, edit: RoadmapEdit) -> Result<EditState, Error> {
    session.with_history(|ws, history| history.apply(ws, &edit))
}

#[tauri::command(rename_all = "snake_case")]
pub fn undo_roadmap(session: State<'_, Session>) -> Result<EditState, Error> {
    session.with_history(|ws, history| history.undo(ws))
}

#[tauri::command(rename_all = "snake_case")]
pub fn redo_roadmap(session: State<'_, Session>) -> Result<EditState, Error> {
    session.with_history(|ws, history| history.redo(ws))
}

#[tauri::command(rename_all = "snake_case")]
pub fn save_baseline(session: State<'_, Session>, name: String) -> Result<String, Error> {
    session.with(|ws| ws.save_baseline(&name, today()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_baseline(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_baseline(&id))
}
