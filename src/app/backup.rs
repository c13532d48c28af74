//! Backups: taking one, the daily one, and restoring the workspace from one.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::error::{Error, ErrorCode, Result};
use crate::store::{self, list_backups, Backup, BackupKind};
use crate::Workspace;

impl Workspace {
    /// Takes a backup of the workspace now.
    pub fn back_up(&self, kind: BackupKind, now: DateTime<Utc>) -> Result<Backup> {
        store::back_up(&self.conn, self.path(), kind, now)
    }

    /// Takes the daily backup when none was taken on `now`'s (UTC) day. The app calls
    /// this on open and every hour. An empty workspace is not backed up.
    pub fn backup_if_due(&self, now: DateTime<Utc>) -> Result<Option<Backup>> {
        let today = now.date_naive();
        let done = list_backups(self.path())?.iter().any(|b| b.kind == BackupKind::Daily && b.taken_at.date_naive() == today);
        if done || self.is_empty()? {
            return Ok(None);
        }
        self.back_up(BackupKind::Daily, now).map(Some)
    }

    /// Replaces the workspace's contents with those of `backup`, after checking that it
    /// is a healthy Lodestar workspace this version can read, and after backing up the
    /// current contents (kind [`BackupKind::PreRestore`]). The copy is one SQLite
    /// transaction: other programs see the old contents or the new, never a mix.
    /// Returns the backup of the replaced contents.
    pub fn restore_from(&mut self, backup: &Path, now: DateTime<Utc>) -> Result<Backup> {
        if std::fs::canonicalize(backup).ok() == std::fs::canonicalize(self.path()).ok() {
            return Err(Error::new(ErrorCode::Invalid, format!("{} is the open workspace itself; pick a backup.", backup.display())));
        }
        if store::inspect(backup)?.schema_version == 0 {
            return Err(Error::new(ErrorCode::NotAWorkspace, format!("{} holds no workspace yet; pick another backup.", backup.display())));
        }
        let source = store::open_read_only(backup)
            .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read the backup {}: {}", backup.display(), Error::from(e).message)))?;
        let saved = self.back_up(BackupKind::PreRestore, now)?;
        // The copy writes pages, not rows: nothing SQLite counts as this connection's change.
        self.cached.forget();
        if !store::copy_whole(&source, &mut self.conn)? {
            return Err(Error::new(
                ErrorCode::Io,
                "The workspace is being changed by another program (another Lodestar window or command); try again.",
            ));
        }
        // A backup from an older schema is upgraded like any older file.
        store::migrations()
            .to_latest(&mut self.conn)
            .map_err(|e| Error::internal(format!("Could not upgrade the restored {}: {e}", self.path().display())))?;
        Ok(saved)
    }
}
