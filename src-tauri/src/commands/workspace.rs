use lodestar::views::WorkspaceInfo;
use lodestar::workspace_path::sample_workspace;
use lodestar::Error;
use tauri::{AppHandle, State};

use crate::session::{self, Session};

/// The open workspace. The UI's first call: with `LODESTAR_STARTUP_PROBE` set, its
/// arrival time is printed for `scripts/bench-startup`.
#[tauri::command]
pub fn workspace_info(session: State<'_, Session>) -> Result<WorkspaceInfo, Error> {
    crate::startup_probe::first_ipc();
    session.with(|ws| ws.info())
}

/// Opens the sample workspace (Acme Analytics), creating it on first use.
#[tauri::command]
pub fn open_sample(app: AppHandle, session: State<'_, Session>) -> Result<WorkspaceInfo, Error> {
    crate::menu::open_sample_workspace(&app, &sample_workspace())?;
    let info = session.with(|ws| ws.info())?;
    session::announce_change(&app);
    Ok(info)
}
