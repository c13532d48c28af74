//! The workspace the window is showing, and the few shell actions around it
//! (open, title, error dialogs, telling the UI that the workspace changed).

use std::any::Any;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use lodestar::edit_history::EditHistory;
use lodestar::interchange::csv::CsvImport;
use lodestar::workspace_claim::WorkspaceClaim;
use lodestar::{Error, ErrorCode, Workspace};
use tauri::{AppHandle, Emitter, Manager, WebviewWindow};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

/// Event sent to the UI after the open workspace was replaced or reloaded.
pub const WORKSPACE_CHANGED: &str = "workspace-changed";

/// The open workspace, the undo history of its roadmap edits in this session, and this
/// window's claim on the file (declared last: released after the connection closes).
struct Open {
    workspace: Workspace,
    history: EditHistory,
    claim: WorkspaceClaim,
}

#[derive(Default)]
pub struct Session {
    open: Mutex<Option<Open>>,
    /// The last workspace that could not be opened, and why (told to the UI while none
    /// is open; "Try again" opens it again).
    refused: Mutex<Option<(PathBuf, Error)>>,
    /// A CSV file picked for import (what it holds, its text), waiting for the user to
    /// confirm its preview.
    pending_csv: Mutex<Option<(CsvImport, String)>>,
}

impl Session {
    /// Runs `f` on the open workspace; an error when none could be opened.
    pub fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> lodestar::Result<T>) -> lodestar::Result<T> {
        self.with_history(|ws, _| f(ws))
    }

    /// Runs `f` on the open workspace and its edit history. A panic inside `f` is caught,
    /// logged and answered as the `internal` error; the workspace stays open for the next
    /// command (a lock left poisoned by it is taken back, see [`lock`]).
    pub fn with_history<T>(&self, f: impl FnOnce(&mut Workspace, &mut EditHistory) -> lodestar::Result<T>) -> lodestar::Result<T> {
        let mut guard = lock(&self.open);
        match guard.as_mut() {
            Some(open) => {
                let (workspace, history) = (&mut open.workspace, &mut open.history);
                // The workspace is SQLite: a write cut short by the panic is rolled back with
                // its transaction, so what is left is what was saved before.
                std::panic::catch_unwind(AssertUnwindSafe(|| f(workspace, history))).unwrap_or_else(|panic| {
                    let what = panic_message(panic.as_ref());
                    tracing::error!(panic = what, "a command panicked; the workspace stays open");
                    Err(Error::internal(format!("Lodestar hit an internal error and cancelled this action: {what}")))
                })
            }
            None => Err(lock(&self.refused).as_ref().map(|(_, e)| e.clone()).unwrap_or_else(|| {
                Error::new(ErrorCode::NotFound, "No workspace is open. Use File ▸ New, Open… or Open sample workspace.")
            })),
        }
    }

    /// The workspace that was last refused, to try again.
    pub fn refused_path(&self) -> Option<PathBuf> {
        lock(&self.refused).as_ref().map(|(p, _)| p.clone())
    }

    /// Closes and reopens the workspace's connection (history and claim kept), so that
    /// SQLite takes its file locks again; see `after_file_dialog`.
    fn reconnect(&self) -> lodestar::Result<()> {
        let mut guard = lock(&self.open);
        let Some(Open { workspace, history, claim }) = guard.take() else {
            return Ok(());
        };
        let path = workspace.path().to_path_buf();
        // Closed first: a new connection beside the old one would reuse the locks SQLite
        // believes this process still holds instead of taking them again.
        drop(workspace);
        match Workspace::open(&path) {
            Ok(workspace) => {
                *guard = Some(Open { workspace, history, claim });
                Ok(())
            }
            Err(e) => {
                *lock(&self.refused) = Some((path, e.clone()));
                Err(e)
            }
        }
    }

    /// Keeps the text of a CSV file picked for import until its preview is confirmed.
    pub fn set_pending_csv(&self, text: Option<(CsvImport, String)>) {
        *lock(&self.pending_csv) = text;
    }

    /// The CSV import waiting for the user, left waiting (its mapping may change again).
    pub fn pending_csv(&self) -> Option<(CsvImport, String)> {
        lock(&self.pending_csv).clone()
    }

    pub fn is_open(&self) -> bool {
        lock(&self.open).is_some()
    }

    fn replace(&self, workspace: Workspace, claim: WorkspaceClaim) {
        *lock(&self.open) = Some(Open { workspace, history: EditHistory::default(), claim });
    }

    /// This window's claim on `path`: the one it holds when `path` is already open here
    /// (reopening it), else a new one, refused when another window has the file.
    fn claim(&self, path: &Path) -> lodestar::Result<WorkspaceClaim> {
        let mut guard = lock(&self.open);
        if guard.as_ref().is_some_and(|open| open.claim.is_for(path)) {
            if let Some(open) = guard.take() {
                return Ok(open.claim);
            }
        }
        drop(guard);
        WorkspaceClaim::claim(path)
    }
}

/// Takes a lock even when a panic poisoned it: the session's state is only ever replaced
/// whole, and a panic inside a command is caught before it can leave a half-made change
/// (`Session::with_history`), so what the lock guards is still sound.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a caught panic said.
fn panic_message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// Opens `path` (creating a new workspace there when nothing is) and makes it current.
pub fn open(app: &AppHandle, path: &Path) -> lodestar::Result<()> {
    let session = app.state::<Session>();
    // Claimed before opening, so a file another window has open is not even read here.
    let opened = session.claim(path).and_then(|claim| Ok((Workspace::open(path)?, claim)));
    *lock(&session.refused) = opened.as_ref().err().map(|e| (path.to_path_buf(), e.clone()));
    let (ws, claim) = opened?;
    session.replace(ws, claim);
    if let Err(e) = lodestar::workspace_path::remember_last_opened(path) {
        tracing::warn!("could not remember the last workspace: {e}");
    }
    // A shared workspace syncs from now on; the one it replaced stops.
    crate::team::follow_open_workspace(app);
    Ok(())
}

/// Sets the window title to the product name, and tells the UI to reload.
pub fn announce_change(app: &AppHandle) {
    retitle(app);
    crate::team::after_command(app);
    match app.state::<Session>().with(|ws| ws.info()) {
        Ok(info) => {
            let _ = app.emit(WORKSPACE_CHANGED, info);
        }
        Err(e) => tracing::error!(code = ?e.code, "could not read the workspace after it changed: {}", e.message),
    }
}

pub fn retitle(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        refresh_title(app, &window);
    }
}

pub fn refresh_title(app: &AppHandle, window: &WebviewWindow) {
    let title = match app.state::<Session>().with(|ws| ws.product()) {
        Ok(p) => format!("{} — Lodestar", p.name),
        Err(_) => "Lodestar".to_string(),
    };
    let _ = window.set_title(&title);
}

/// A native error dialog; blocks the calling thread, so never call it on the main thread
/// from a menu handler (use a spawned thread there).
pub fn show_error(app: &AppHandle, title: &str, e: &Error) {
    tracing::error!(code = ?e.code, record = ?e.record, field = ?e.field, "{title}: {}", e.message);
    app.dialog().message(e.one_line()).title(title).kind(MessageDialogKind::Error).show(|_| {});
}

/// Brings the main window to the front (a second launch of the app lands here).
pub fn focus_main_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Takes the daily backup of the open workspace now if due, then checks again every
/// hour for as long as the app runs. A failed backup is logged, never shown: it must
/// not interrupt work, and the next hour tries again.
pub fn start_daily_backups(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || loop {
        match app.state::<Session>().with(|ws| ws.backup_if_due(chrono::Utc::now())) {
            Ok(Some(b)) => tracing::info!("daily backup written to {}", b.path.display()),
            Ok(None) => {}
            Err(_) if !app.state::<Session>().is_open() => {} // no workspace open
            Err(e) => tracing::error!(code = ?e.code, "daily backup failed: {}", e.message),
        }
        std::thread::sleep(std::time::Duration::from_secs(60 * 60));
    });
}

/// Native file dialogs (GTK) read the first bytes of the files they list to guess their
/// type — the open workspace and its `-shm` included (seen with strace: opened with
/// O_NOATIME, then closed). Closing any descriptor of a file drops every POSIX lock
/// this process holds on it, SQLite's too, so another process (the CLI) could then take
/// itself for the only user, checkpoint and delete the log this window still writes to.
/// After each dialog the connection is reopened, which takes the locks again.
pub fn after_file_dialog(app: &AppHandle) {
    if let Err(e) = app.state::<Session>().reconnect() {
        show_error(app, "The workspace could not be reopened", &e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A session with a new workspace open in a fresh folder.
    fn open_session(name: &str) -> (Session, PathBuf) {
        let dir = std::env::temp_dir().join(format!("lodestar-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plan.lodestar");
        let session = Session::default();
        let claim = WorkspaceClaim::claim(&path).expect("a new file is free");
        session.replace(Workspace::open(&path).expect("a new workspace"), claim);
        (session, dir)
    }

    #[test]
    fn a_panic_inside_a_command_is_answered_as_internal_and_the_next_command_works() {
        let (session, dir) = open_session("panic");
        let answer: lodestar::Result<()> = session.with(|_| panic!("a bug in the core"));
        let error = answer.expect_err("the panic is an error, not a crash");
        assert_eq!(error.code, ErrorCode::Internal);
        assert!(error.message.contains("a bug in the core"), "the message says what happened: {}", error.message);
        let info = session.with(|ws| ws.info()).expect("the workspace is still open and answers");
        assert!(info.path.ends_with("plan.lodestar"));
        drop(session);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_lock_poisoned_by_a_panic_elsewhere_does_not_close_the_workspace() {
        let (session, dir) = open_session("poison");
        std::thread::scope(|s| {
            let _ = s
                .spawn(|| {
                    let _guard = session.open.lock();
                    panic!("a panic while the workspace is held");
                })
                .join();
        });
        assert!(session.open.is_poisoned());
        assert!(session.is_open());
        session.with(|ws| ws.info()).expect("commands still reach the workspace, not \"lock poisoned\"");
        drop(session);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
