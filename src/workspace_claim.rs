//! An app window's claim on a workspace file. While one Lodestar window has a workspace
//! open, a second window in another process is refused with a message instead of editing
//! the same plan in parallel (the single-instance plugin usually prevents a second
//! process, but not where there is no desktop session bus).
//!
//! The claim is an advisory lock (`flock`) on a small file in the user's runtime
//! directory, named after the workspace's full path: nothing is written beside the
//! user's file, and the operating system releases the lock when the process ends, even
//! on a crash, so a stale lock file never blocks anyone. The lock is not taken on the
//! workspace file itself because closing any other descriptor of an SQLite file drops
//! SQLite's own locks on it. The CLI takes no claim: scripted writes are short and wait
//! out SQLite's busy timeout.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorCode, Result};

#[derive(Debug)]
pub struct WorkspaceClaim {
    workspace: PathBuf,
    _lock: File,
}

impl WorkspaceClaim {
    /// Claims `workspace` for this process, or says that another window has it.
    pub fn claim(workspace: &Path) -> Result<WorkspaceClaim> {
        let key = full_path(workspace);
        let dir = lock_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot create {} to mark open workspaces: {e}", dir.display())))?;
        let lock_path = dir.join(format!("{:016x}.lock", fnv1a(key.as_os_str().as_encoded_bytes())));
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot create {}: {e}", lock_path.display())))?;
        match lock.try_lock() {
            Ok(()) => Ok(WorkspaceClaim { workspace: key, _lock: lock }),
            Err(TryLockError::WouldBlock) => Err(Error::new(
                ErrorCode::Io,
                format!(
                    "{} is already open in another Lodestar window. Switch to that window, or close it and try again; \
                     the file was not changed.",
                    workspace.display()
                ),
            )),
            Err(TryLockError::Error(e)) => Err(Error::new(ErrorCode::Io, format!("Cannot lock {}: {e}", lock_path.display()))),
        }
    }

    /// True when this claim is for `workspace` (the same file, however it is spelled).
    pub fn is_for(&self, workspace: &Path) -> bool {
        self.workspace == full_path(workspace)
    }
}

/// The workspace's absolute, resolved path; for a file not created yet, its resolved
/// folder and its name.
fn full_path(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => {
            let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            parent.canonicalize().map(|p| p.join(name)).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn lock_dir() -> PathBuf {
    dirs::runtime_dir().unwrap_or_else(std::env::temp_dir).join("lodestar-open-workspaces")
}

/// FNV-1a: a stable name for a path, the same in every Lodestar version and process.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}
