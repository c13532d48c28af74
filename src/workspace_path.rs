//! Where workspaces live by default, and which one the app opened last.
//! Shared by the app and the CLI so both mean the same file by "the default workspace".

use std::path::{Path, PathBuf};

/// Environment variable that overrides the workspace the app opens (used by tests).
pub const WORKSPACE_ENV: &str = "LODESTAR_WORKSPACE";

/// The file extension of workspace files.
pub const EXTENSION: &str = "lodestar";

/// `<platform data dir>/lodestar`, e.g. `~/.local/share/lodestar` on Linux.
pub fn data_dir() -> PathBuf {
    dirs::data_dir().unwrap_or_else(std::env::temp_dir).join("lodestar")
}

/// The default workspace: `<data dir>/workspace.lodestar`.
pub fn default_workspace() -> PathBuf {
    data_dir().join(format!("workspace.{EXTENSION}"))
}

/// Where the sample workspace ("Acme Analytics") is written when the user asks for it.
pub fn sample_workspace() -> PathBuf {
    data_dir().join(format!("sample.{EXTENSION}"))
}

fn last_opened_record() -> PathBuf {
    data_dir().join("last-workspace")
}

/// The workspace to open at start: `LODESTAR_WORKSPACE`, else the last one opened
/// (if it still exists), else the default.
pub fn startup_workspace() -> PathBuf {
    if let Some(p) = std::env::var_os(WORKSPACE_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    std::fs::read_to_string(last_opened_record())
        .ok()
        .map(|s| PathBuf::from(s.trim_end()))
        .filter(|p| p.is_file())
        .unwrap_or_else(default_workspace)
}

/// Remembers `path` as the last opened workspace. Not done when the env override is
/// in force, so tests never change what the user's app opens next.
pub fn remember_last_opened(path: &Path) -> std::io::Result<()> {
    if std::env::var_os(WORKSPACE_ENV).is_some_and(|p| !p.is_empty()) {
        return Ok(());
    }
    std::fs::create_dir_all(data_dir())?;
    std::fs::write(last_opened_record(), path.to_string_lossy().as_bytes())
}
