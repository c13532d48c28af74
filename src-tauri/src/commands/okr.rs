use chrono::NaiveDate;
use lodestar::model::{CheckIn, Cycle, KeyResultInput, MilestoneInput, ObjectiveInput, PivotKind};
use lodestar::views::okr::{HistoryView, OkrView};
use lodestar::Error;
use tauri::State;

use crate::session::Session;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

/// A cycle's objectives with every figure as of a date (default: today).
#[tauri::command(rename_all = "snake_case")]
pub fn okr_view(session: State<'_, Session>, cycle: Option<String>, as_of: Option<NaiveDate>) -> Result<OkrView, Error> {
    session.with(|ws| ws.okr_view(cycle.as_deref(), as_of.unwrap_or_else(today)))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_cycle(session: State<'_, Session>, cycle: Cycle) -> Result<(), Error> {
    session.with(|ws| ws.create_cycle(&cycle))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_objective(session: State<'_, Session>, input: ObjectiveInput) -> Result<String, Error> {
    session.with(|ws| ws.create_objective(&input, now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_objective(session: State<'_, Session>, id: String, input: ObjectiveInput, reason: Option<String>) -> Result<(), Error> {
    session.with(|ws| ws.update_objective(&id, &input, reason.as_deref(), now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_objective(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_objective(&id, now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_key_result(session: State<'_, Session>, objective: String, input: KeyResultInput) -> Result<String, Error> {
    session.with(|ws| ws.create_key_result(&objective, &input, now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_key_result(session: State<'_, Session>, id: String, input: KeyResultInput, reason: Option<String>) -> Result<(), Error> {
    session.with(|ws| ws.update_key_result(&id, &input, reason.as_deref(), now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_key_result(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_key_result(&id, now()))
}

#[tauri::command(rename_all = "snake_case")]
pub fn add_checkin(session: State<'_, Session>, checkin: CheckIn) -> Result<(), Error> {
    session.with(|ws| ws.add_checkin(&checkin))
}

#[tauri::command(rename_all = "snake_case")]
pub fn create_milestone(session: State<'_, Session>, input: MilestoneInput) -> Result<String, Error> {
    session.with(|ws| ws.create_milestone(&input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn update_milestone(session: State<'_, Session>, id: String, input: MilestoneInput) -> Result<(), Error> {
    session.with(|ws| ws.update_milestone(&id, &input))
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_milestone_done(session: State<'_, Session>, id: String, done_on: Option<NaiveDate>) -> Result<(), Error> {
    session.with(|ws| ws.set_milestone_done(&id, done_on))
}

#[tauri::command(rename_all = "snake_case")]
pub fn delete_milestone(session: State<'_, Session>, id: String) -> Result<(), Error> {
    session.with(|ws| ws.delete_milestone(&id))
}

#[tauri::command(rename_all = "snake_case")]
pub fn bind_milestone(session: State<'_, Session>, key_result: String, milestone: String, bound: bool) -> Result<(), Error> {
    session.with(|ws| ws.bind_milestone(&key_result, &milestone, bound))
}

#[tauri::command(rename_all = "snake_case")]
pub fn record_pivot(session: State<'_, Session>, date: NaiveDate, kind: PivotKind, description: String) -> Result<(), Error> {
    session.with(|ws| ws.record_pivot(date, kind, &description))
}

#[tauri::command(rename_all = "snake_case")]
pub fn history(session: State<'_, Session>) -> Result<HistoryView, Error> {
    session.with(|ws| ws.history())
}
