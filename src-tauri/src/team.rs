//! Team spaces in the window: the server password (the OS keyring where there is one,
//! else memory for the session; never the workspace file) and, for an open workspace
//! that is shared, a sync worker and a listener.
//!
//! The worker has its own connection to the workspace file (SQLite in WAL mode), so the
//! window's commands never wait for the network. It syncs when a command left changes
//! waiting, when another member pushed (the listener's LISTEN/NOTIFY connection wakes
//! it), when asked ("Sync now"), and, while the server is away, again with a growing
//! pause. A workspace that is not shared has no worker and opens no connection.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use lodestar::team::{SyncReport, TeamStatus};
use lodestar::{Error, ErrorCode, Workspace};
use tauri::{AppHandle, Emitter, Manager};

use crate::session::{self, Session};

/// Event carrying the open workspace's team status (`TeamStatus`, or null when it is not
/// shared) whenever it may have changed.
pub const TEAM_STATUS: &str = "team-status";

/// Event sent after a sync applied other members' changes (`TeamSyncReport`): the UI reloads
/// what it shows.
pub const TEAM_CHANGES_APPLIED: &str = "team-changes-applied";

/// The keyring's service name under which passwords are kept, one per server address.
const KEYRING_SERVICE: &str = "Lodestar team server";

/// The first and the longest pause before trying an unreachable server again.
const FIRST_RETRY: Duration = Duration::from_secs(2);
const LONGEST_RETRY: Duration = Duration::from_secs(60);

/// How often the listener looks at its stop flag while it waits (no traffic: the wait is
/// on the open connection's socket).
const STOP_CHECK: Duration = Duration::from_millis(500);

#[derive(Default)]
pub struct Team {
    worker: Mutex<Option<Worker>>,
    /// Passwords by server address (without password): given in this session, or read
    /// from the keyring once (`None`: the keyring had none or there is no keyring).
    passwords: Arc<Mutex<HashMap<String, Option<String>>>>,
}

/// The sync worker and listener of one shared workspace file.
struct Worker {
    path: PathBuf,
    nudge: Sender<Nudge>,
    stop: Arc<AtomicBool>,
}

enum Nudge {
    /// A command ran in the window: sync if it left changes waiting.
    AfterCommand,
    /// Another member pushed, or the listener reconnected: pull.
    TeamPushed,
    /// "Sync now": sync and answer.
    SyncNow(Sender<lodestar::Result<SyncReport>>),
    Stop,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Team {
    /// The password for `server`: this session's, else the keyring's, else none (then the
    /// core tries `PGPASSWORD` and the password file, as libpq does).
    fn password(&self, server: &str) -> Option<String> {
        password_for(&self.passwords, server)
    }

    /// Keeps the password given for `server` for this session and in the keyring when
    /// there is one; a blank one is not kept.
    pub fn remember_password(&self, server: &str, password: Option<&str>) {
        let Some(password) = password.filter(|p| !p.is_empty()) else { return };
        lock(&self.passwords).insert(server.to_string(), Some(password.to_string()));
        match keyring::Entry::new(KEYRING_SERVICE, server).and_then(|e| e.set_password(password)) {
            Ok(()) => tracing::info!(server, "team password kept in the keyring"),
            Err(e) => tracing::info!(server, "no keyring ({e}); the team password is kept for this session only"),
        }
    }

    fn forget_password(&self, server: &str) {
        lock(&self.passwords).remove(server);
        if let Ok(entry) = keyring::Entry::new(KEYRING_SERVICE, server) {
            let _ = entry.delete_credential();
        }
    }

    fn nudge(&self, what: Nudge) -> bool {
        lock(&self.worker).as_ref().is_some_and(|w| w.nudge.send(what).is_ok())
    }

    fn stop_worker(&self) {
        if let Some(worker) = lock(&self.worker).take() {
            worker.stop.store(true, Ordering::SeqCst);
            let _ = worker.nudge.send(Nudge::Stop);
        }
    }
}

fn password_for(passwords: &Mutex<HashMap<String, Option<String>>>, server: &str) -> Option<String> {
    if let Some(known) = lock(passwords).get(server) {
        return known.clone();
    }
    // Read once: the keyring is a D-Bus call, and may not exist at all.
    let stored = keyring::Entry::new(KEYRING_SERVICE, server).and_then(|e| e.get_password()).ok();
    lock(passwords).insert(server.to_string(), stored.clone());
    stored
}

/// The password written in a server address (`postgresql://role:secret@host/db`), which
/// the core does not keep in the workspace: the worker needs it for later syncs.
pub fn password_in_url(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?']).next()?;
    let userinfo = authority.rsplit_once('@')?.0;
    let secret = userinfo.split_once(':')?.1;
    Some(percent_decode(secret))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = || std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex()) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// After each command of the window: the worker syncs if it left changes waiting.
pub fn after_command(app: &AppHandle) {
    if let Some(team) = app.try_state::<Team>() {
        team.nudge(Nudge::AfterCommand);
    }
}

/// The open workspace's status, told to the UI.
pub fn announce_status(app: &AppHandle) {
    let status = app.state::<Session>().with(|ws| ws.team_status()).ok().flatten();
    let _ = app.emit(TEAM_STATUS, status);
}

/// Starts, keeps or stops the worker to match the open workspace: one for a shared
/// workspace, none otherwise. Called whenever a workspace was opened, shared, joined or left.
pub fn follow_open_workspace(app: &AppHandle) {
    let Some(team) = app.try_state::<Team>() else { return };
    let opened = app.state::<Session>().with(|ws| Ok((ws.path().to_path_buf(), ws.team_status()?)));
    match opened {
        Ok((path, Some(status))) => {
            let same = lock(&team.worker).as_ref().is_some_and(|w| w.path == path);
            if !same {
                team.stop_worker();
                let worker = start_worker(app, &path, &status.server, team.passwords.clone());
                *lock(&team.worker) = Some(worker);
            }
        }
        _ => team.stop_worker(),
    }
    announce_status(app);
}

fn start_worker(app: &AppHandle, path: &Path, server: &str, passwords: Arc<Mutex<HashMap<String, Option<String>>>>) -> Worker {
    let (nudge, nudges) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    {
        let (app, path, server, passwords, stop) = (app.clone(), path.to_path_buf(), server.to_string(), passwords.clone(), stop.clone());
        std::thread::Builder::new()
            .name("team-sync".into())
            .spawn(move || sync_loop(&app, &path, &server, &passwords, &nudges, &stop))
            .expect("a thread starts");
    }
    {
        let (path, server, nudge, stop) = (path.to_path_buf(), server.to_string(), nudge.clone(), stop.clone());
        std::thread::Builder::new()
            .name("team-listen".into())
            .spawn(move || listen_loop(&path, &server, &passwords, &nudge, &stop))
            .expect("a thread starts");
    }
    Worker { path: path.to_path_buf(), nudge, stop }
}

fn pending_changes(ws: &Workspace) -> i64 {
    ws.team_status().ok().flatten().map(|s| s.pending).unwrap_or(0)
}

/// The worker: waits for a reason to sync, syncs on its own connection, tells the UI.
fn sync_loop(
    app: &AppHandle,
    path: &Path,
    server: &str,
    passwords: &Mutex<HashMap<String, Option<String>>>,
    nudges: &Receiver<Nudge>,
    stop: &AtomicBool,
) {
    let mut ws = match Workspace::open(path) {
        Ok(ws) => ws,
        Err(e) => {
            tracing::error!(code = ?e.code, "the team sync could not open {}: {}", path.display(), e.message);
            return;
        }
    };
    // Due at once: what others pushed while this copy was closed.
    let mut due = true;
    let mut retry: Option<Duration> = None;
    loop {
        let mut answer: Option<Sender<lodestar::Result<SyncReport>>> = None;
        if !due {
            let next = match retry {
                Some(pause) => nudges.recv_timeout(pause),
                None => nudges.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(Nudge::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Nudge::AfterCommand) => due = pending_changes(&ws) > 0,
                Ok(Nudge::TeamPushed) | Err(RecvTimeoutError::Timeout) => due = true,
                Ok(Nudge::SyncNow(reply)) => {
                    answer = Some(reply);
                    due = true;
                }
            }
            // Nudges that came meanwhile are served by the same sync.
            while let Ok(more) = nudges.try_recv() {
                match more {
                    Nudge::Stop => return,
                    Nudge::SyncNow(reply) => {
                        answer = Some(reply);
                        due = true;
                    }
                    Nudge::TeamPushed => due = true,
                    Nudge::AfterCommand => {}
                }
            }
        }
        if stop.load(Ordering::SeqCst) {
            return;
        }
        if !due {
            continue;
        }
        due = false;
        if retry.is_some() {
            // While offline the sidebar counts the changes waiting as they are made.
            let _ = app.emit(TEAM_STATUS, ws.team_status().ok().flatten());
        }
        let result = ws.team_sync(password_for(passwords, server).as_deref());
        if stop.load(Ordering::SeqCst) {
            return;
        }
        retry = match &result {
            Ok(_) => None,
            Err(e) if e.code == ErrorCode::Offline => Some(retry.map_or(FIRST_RETRY, |r| (r * 2).min(LONGEST_RETRY))),
            // Refused, or a local problem: trying again alone would not help; the next edit,
            // push or "Sync now" will.
            Err(_) => None,
        };
        match &result {
            Ok(report) => {
                tracing::debug!(pushed = report.pushed, pulled = report.pulled, "team sync");
                if report.pulled > 0 || !report.set_aside.is_empty() {
                    session::retitle(app);
                    let _ = app.emit(TEAM_CHANGES_APPLIED, report.clone());
                }
                // Written here while it synced: push those too.
                due = pending_changes(&ws) > 0;
            }
            Err(e) => tracing::info!(code = ?e.code, "team sync failed: {}", e.message),
        }
        let _ = app.emit(TEAM_STATUS, ws.team_status().ok().flatten());
        if let Some(reply) = answer {
            let _ = reply.send(result);
        }
    }
}

/// The listener: one LISTEN connection to the space, which wakes the worker when another
/// member pushed; reconnects with a growing pause when the server goes away.
fn listen_loop(path: &Path, server: &str, passwords: &Mutex<HashMap<String, Option<String>>>, nudge: &Sender<Nudge>, stop: &AtomicBool) {
    let mut pause = FIRST_RETRY;
    let mut was_away = false;
    while !stop.load(Ordering::SeqCst) {
        let listening = Workspace::open(path).and_then(|ws| ws.team_listener(password_for(passwords, server).as_deref()));
        match listening {
            Ok(mut listener) => {
                pause = FIRST_RETRY;
                if was_away {
                    // Pushes made while nobody listened, and this copy's waiting changes.
                    let _ = nudge.send(Nudge::TeamPushed);
                }
                while !stop.load(Ordering::SeqCst) {
                    match listener.wait(STOP_CHECK) {
                        Ok(true) => {
                            if nudge.send(Nudge::TeamPushed).is_err() {
                                return;
                            }
                        }
                        Ok(false) => {}
                        Err(e) => {
                            tracing::info!(code = ?e.code, "the team listener lost the server: {}", e.message);
                            // The worker finds out and says so in the sidebar.
                            let _ = nudge.send(Nudge::TeamPushed);
                            break;
                        }
                    }
                }
            }
            Err(e) => tracing::debug!(code = ?e.code, "the team listener could not connect: {}", e.message),
        }
        was_away = true;
        let mut slept = Duration::ZERO;
        while slept < pause && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(STOP_CHECK);
            slept += STOP_CHECK;
        }
        pause = (pause * 2).min(LONGEST_RETRY);
    }
}

/// "Sync now": the worker syncs at once and answers.
pub fn sync_now(app: &AppHandle) -> lodestar::Result<SyncReport> {
    let team = app.state::<Team>();
    let (reply, answer) = mpsc::channel();
    if !team.nudge(Nudge::SyncNow(reply)) {
        follow_open_workspace(app);
        let (reply, again) = mpsc::channel();
        if !team.nudge(Nudge::SyncNow(reply)) {
            return Err(Error::new(ErrorCode::Invalid, "This workspace is not shared with a team: use File ▸ Share with Team… first."));
        }
        return again.recv().unwrap_or_else(|_| Err(Error::internal("The team sync stopped before it answered.")));
    }
    answer.recv().unwrap_or_else(|_| Err(Error::internal("The team sync stopped before it answered.")))
}

/// The open workspace's server address and a connection of its own, for the calls that
/// go to the server (members): the window's commands do not wait for them.
fn own_connection(app: &AppHandle) -> lodestar::Result<(Workspace, Option<String>)> {
    let (path, status) = app.state::<Session>().with(|ws| Ok((ws.path().to_path_buf(), ws.team_status()?)))?;
    let password = status.and_then(|s| app.state::<Team>().password(&s.server));
    Ok((Workspace::open(&path)?, password))
}

pub fn members(app: &AppHandle) -> lodestar::Result<Vec<lodestar::team::Member>> {
    let (ws, password) = own_connection(app)?;
    ws.team_members(password.as_deref())
}

pub fn change_member(app: &AppHandle, role: &str, add: bool) -> lodestar::Result<Vec<lodestar::team::Member>> {
    let (ws, password) = own_connection(app)?;
    ws.team_change_member(role.trim(), add, password.as_deref())?;
    ws.team_members(password.as_deref())
}

/// Shares the open workspace as a new space and starts syncing it.
pub fn share(app: &AppHandle, server_url: &str, space: &str, password: Option<&str>) -> lodestar::Result<TeamStatus> {
    let password = password.filter(|p| !p.is_empty()).map(str::to_string).or_else(|| password_in_url(server_url));
    let status = app.state::<Session>().with(|ws| ws.team_share(server_url, space, password.as_deref()))?;
    app.state::<Team>().remember_password(&status.server, password.as_deref());
    follow_open_workspace(app);
    Ok(status)
}

/// Joins a space: fills the open workspace when it is empty (and not shared), else a new
/// workspace file the user names first. `None` when the user cancelled that.
pub fn join(app: &AppHandle, server_url: &str, space: &str, password: Option<&str>) -> lodestar::Result<Option<TeamStatus>> {
    // Refused before any file is made: an address that is not one, a blank space.
    lodestar::team::Server::parse(server_url)?;
    if space.trim().is_empty() {
        return Err(Error::invalid("team", "space", "Name the space to join, as its owner shared it."));
    }
    let password = password.filter(|p| !p.is_empty()).map(str::to_string).or_else(|| password_in_url(server_url));
    let session = app.state::<Session>();
    let fills_open_one = session.with(|ws| Ok(ws.team_status()?.is_none() && ws.is_empty()?)).unwrap_or(false);
    if !fills_open_one {
        let suggested = format!("{}.{}", crate::menu::safe_file_name(space.trim()), lodestar::workspace_path::EXTENSION);
        let Some(path) = crate::menu::new_workspace_path(app, "Save the team's plan as", &suggested)? else {
            return Ok(None);
        };
        session::open(app, &path)?;
        session::announce_change(app);
    }
    let status = session.with(|ws| ws.team_join(server_url, space, password.as_deref()))?;
    app.state::<Team>().remember_password(&status.server, password.as_deref());
    session::announce_change(app);
    follow_open_workspace(app);
    Ok(Some(status))
}

/// A password typed after the server refused the one it had: kept, then a sync.
pub fn set_password(app: &AppHandle, password: &str) -> lodestar::Result<()> {
    let status = app
        .state::<Session>()
        .with(|ws| ws.team_status())?
        .ok_or_else(|| Error::invalid("team", "password", "This workspace is not shared."))?;
    app.state::<Team>().remember_password(&status.server, Some(password));
    app.state::<Team>().nudge(Nudge::TeamPushed);
    Ok(())
}

/// Leaves the space: the worker stops first (its connection records changes too), the
/// file keeps everything, and the password is forgotten.
pub fn leave(app: &AppHandle) -> lodestar::Result<()> {
    let team = app.state::<Team>();
    team.stop_worker();
    let server = app.state::<Session>().with(|ws| ws.team_status())?.map(|s| s.server);
    let left = app.state::<Session>().with(|ws| ws.team_leave());
    if left.is_ok() {
        if let Some(server) = server {
            team.forget_password(&server);
        }
    }
    follow_open_workspace(app);
    left
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_written_in_the_server_address_is_found_and_decoded() {
        assert_eq!(password_in_url("postgresql://alice:s%40cret@db.example.com:5432/plans").as_deref(), Some("s@cret"));
        assert_eq!(password_in_url("postgres://bob:b@127.0.0.1/plans?sslmode=disable").as_deref(), Some("b"));
    }

    #[test]
    fn an_address_without_a_password_has_none() {
        assert_eq!(password_in_url("postgresql://alice@db.example.com:5432/plans"), None);
        assert_eq!(password_in_url("postgresql://db.example.com/plans"), None);
        assert_eq!(password_in_url("not an address"), None);
    }
}
