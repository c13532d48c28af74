//! Backups of a workspace, taken with SQLite's online backup API (a consistent copy
//! even while the app writes), into a `backups` folder beside the workspace file, so
//! they travel with it and a user can find them without knowing where the app keeps
//! its data. Named `<stem>.<UTC time>.<kind>.lodestar`: each is itself a workspace.
//!
//! Kinds and how many are kept per workspace: one a day while in use (7), one before
//! each schema upgrade (3), one of the current contents before a restore (3).

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::Backup as SqliteBackup;
use rusqlite::Connection;
use serde::Serialize;

use crate::error::{Error, ErrorCode, Result};

/// Name of the folder beside the workspace file.
pub const BACKUPS_FOLDER: &str = "backups";

const STAMP: &str = "%Y-%m-%dT%H%M%SZ";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Taken once a day while the workspace is in use.
    Daily,
    /// Taken just before a newer Lodestar upgrades the file's schema.
    PreMigration,
    /// The contents a restore replaced, so a restore can itself be undone.
    PreRestore,
}

impl BackupKind {
    const ALL: [BackupKind; 3] = [BackupKind::Daily, BackupKind::PreMigration, BackupKind::PreRestore];

    fn as_str(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::PreMigration => "pre-migration",
            BackupKind::PreRestore => "pre-restore",
        }
    }

    /// How many backups of this kind are kept; older ones are deleted.
    pub fn kept(self) -> usize {
        match self {
            BackupKind::Daily => 7,
            BackupKind::PreMigration | BackupKind::PreRestore => 3,
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub kind: BackupKind,
    pub size: u64,
}

/// The folder holding the backups of `workspace`.
pub fn backups_dir(workspace: &Path) -> PathBuf {
    match workspace.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.join(BACKUPS_FOLDER),
        None => PathBuf::from(BACKUPS_FOLDER),
    }
}

fn stem(workspace: &Path) -> String {
    workspace.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "workspace".into())
}

/// The backups of `workspace`, newest first. A missing folder means none.
pub fn list_backups(workspace: &Path) -> Result<Vec<Backup>> {
    let dir = backups_dir(workspace);
    let prefix = format!("{}.", stem(workspace));
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", dir.display()))),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Other workspaces' backups share the folder; their names do not parse here.
        let Some((taken_at, kind)) = name.strip_prefix(&prefix).and_then(parse_name) else { continue };
        let size = entry.metadata().map(|m| m.len()).unwrap_or(0);
        found.push(Backup { path: entry.path(), taken_at, kind, size });
    }
    found.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then_with(|| b.path.cmp(&a.path)));
    Ok(found)
}

/// `<stamp>.<kind>.lodestar` (optionally `<stamp>-<n>.…` when two fell in one second).
fn parse_name(rest: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let rest = rest.strip_suffix(".lodestar")?;
    let (stamp, kind) = rest.split_once('.')?;
    let kind = BackupKind::ALL.into_iter().find(|k| k.as_str() == kind)?;
    let stamp = stamp.rsplit_once('-').filter(|(s, n)| s.ends_with('Z') && n.parse::<u32>().is_ok()).map_or(stamp, |(s, _)| s);
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((at, kind))
}

/// Copies the database behind `conn` into a new backup of `workspace` and drops the
/// oldest ones of that kind beyond [`BackupKind::kept`].
pub(crate) fn back_up(conn: &Connection, workspace: &Path, kind: BackupKind, now: DateTime<Utc>) -> Result<Backup> {
    let dir = backups_dir(workspace);
    std::fs::create_dir_all(&dir).map_err(|e| Error::new(ErrorCode::Io, format!("Cannot create {}: {e}", dir.display())))?;
    let base = format!("{}.{}", stem(workspace), now.format(STAMP));
    let mut path = dir.join(format!("{base}.{}.lodestar", kind.as_str()));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.{}.lodestar", kind.as_str()));
        n += 1;
    }
    // Written under a temporary name and renamed: a half-written backup never looks like one.
    let tmp = dir.join(format!(".{}.partial", path.file_name().unwrap_or_default().to_string_lossy()));
    let result = (|| -> Result<()> {
        let _ = std::fs::remove_file(&tmp);
        let mut dst = Connection::open(&tmp)?;
        SqliteBackup::new(conn, &mut dst)?.run_to_completion(256, Duration::ZERO, None)?;
        // The copy inherits WAL mode; a backup is one self-contained file.
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        drop(dst);
        std::fs::rename(&tmp, &path)?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::new(ErrorCode::Io, format!("Could not back up {} to {}: {}", workspace.display(), dir.display(), e.message)));
    }
    prune(workspace, kind)?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(Backup { path, taken_at: now, kind, size })
}

fn prune(workspace: &Path, kind: BackupKind) -> Result<()> {
    for old in list_backups(workspace)?.into_iter().filter(|b| b.kind == kind).skip(kind.kept()) {
        let _ = std::fs::remove_file(&old.path);
    }
    Ok(())
}

/// Copies every page of `source` over the database behind `dest` in one SQLite
/// transaction: other programs see the old contents or the new, never a mix. False when
/// another connection holds the write lock.
pub(crate) fn copy_whole(source: &Connection, dest: &mut Connection) -> Result<bool> {
    let copy = SqliteBackup::new(source, dest)?;
    Ok(matches!(copy.step(-1)?, rusqlite::backup::StepResult::Done))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_parse_back_to_their_time_and_kind() {
        let at = DateTime::parse_from_rfc3339("2027-02-15T09:30:05Z").unwrap().with_timezone(&Utc);
        let name = format!("{}.{}.lodestar", at.format(STAMP), BackupKind::PreMigration.as_str());
        assert_eq!(parse_name(&name), Some((at, BackupKind::PreMigration)));
        let second = format!("{}-2.daily.lodestar", at.format(STAMP));
        assert_eq!(parse_name(&second), Some((at, BackupKind::Daily)));
        assert_eq!(parse_name("v2.2027-02-15T093005Z.daily.lodestar"), None);
        assert_eq!(parse_name("2027-02-15T093005Z.weekly.lodestar"), None);
    }
}
