use chrono::NaiveDate;
use lodestar::views::dashboard::DashboardView;
use lodestar::Error;
use tauri::State;

use crate::session::Session;

/// The Home dashboard as of a date (default: today).
#[tauri::command(rename_all = "snake_case")]
pub fn dashboard(session: State<'_, Session>, as_of: Option<NaiveDate>) -> Result<DashboardView, Error> {
    session.with(|ws| ws.dashboard(as_of.unwrap_or_else(|| chrono::Local::now().date_naive())))
}
