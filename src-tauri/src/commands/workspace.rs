use std::sync::atomic::{AtomicBool, Ordering};

use lodestar::views::WorkspaceInfo;
use lodestar::workspace_path::sample_workspace;
use lodestar::Error;
use tauri::{AppHandle, State};

use crate::session::{self, Session};

static FIRST_CALL_SEEN: AtomicBool = AtomicBool::new(false);

/// The open workspace. The UI's first call: with `LODESTAR_STARTUP_PROBE` set, its
/// arrival time is printed for `scripts/bench-startup`.
#[tauri::command]
pub fn workspace_info(session: State<'_, Session>) -> Result<WorkspaceInfo, Error> {
    if !FIRST_CALL_SEEN.swap(true, Ordering::Relaxed) && std::env::var_os("LODESTAR_STARTUP_PROBE").is_some() {
        let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        println!("lodestar-first-ipc-epoch-ms={ms}");
    }
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
