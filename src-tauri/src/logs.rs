//! The app's log: unexpected errors (code `internal`, `io`, `damaged`) and panics, with
//! everything they say, in `lodestar.log` in the platform's log folder (Tauri's
//! `app_log_dir()`: `~/.local/share/dev.lodestar.desktop/logs` on Linux), also echoed on
//! stderr. One line at start-up says where it is. `LODESTAR_LOG=debug` adds a line per
//! command that failed for the user's input, and the commands' spans.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Manager};
use tracing::Level;
use tracing_subscriber::fmt::writer::MakeWriterExt;

/// Past this size, the log is moved to `lodestar.log.1` at start-up (one old log kept).
const MAX_BYTES: u64 = 5 * 1024 * 1024;
pub const FILE_NAME: &str = "lodestar.log";

/// Starts logging to the app's log folder (stderr only when it cannot be written), and
/// logs every panic with where it happened and its backtrace.
pub fn start(app: &AppHandle) {
    let level = std::env::var("LODESTAR_LOG").ok().and_then(|l| l.parse::<Level>().ok()).unwrap_or(Level::INFO);
    let dir = app.path().app_log_dir();
    let opened = dir.as_ref().map_err(|e| e.to_string()).and_then(|d| open(d).map_err(|e| format!("{}: {e}", d.display())));
    let builder = tracing_subscriber::fmt().with_max_level(level).with_ansi(false).with_target(false);
    let installed = match &opened {
        Ok((file, _)) => builder.with_writer(Mutex::new(file.try_clone().expect("a log file handle")).and(std::io::stderr)).try_init(),
        Err(_) => builder.with_writer(std::io::stderr).try_init(),
    };
    if installed.is_err() {
        return; // already set (a second start in tests)
    }
    log_panics();
    match opened {
        Ok((_, path)) => tracing::info!("Lodestar {} started; this log is {}", env!("CARGO_PKG_VERSION"), path.display()),
        Err(e) => {
            tracing::warn!("Lodestar {} started; the log file could not be opened ({e}), logging to stderr only", env!("CARGO_PKG_VERSION"))
        }
    }
}

/// Opens (appending) the log file in `dir`, creating the folder, after moving a log that
/// grew past [`MAX_BYTES`] aside.
pub fn open(dir: &Path) -> std::io::Result<(File, PathBuf)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_BYTES) {
        std::fs::rename(&path, dir.join(format!("{FILE_NAME}.1")))?;
    }
    let file = OpenOptions::new().create(true).append(true).open(&path)?;
    Ok((file, path))
}

/// Every panic is logged (message, place, backtrace) before the default hook runs; a
/// panic inside a command is then caught and answered as the `internal` error.
fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::force_capture();
        let payload = info.payload();
        let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        tracing::error!("panic at {place}: {}\n{backtrace}", message.unwrap_or("(no message)"));
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_is_appended_to_and_moved_aside_once_it_is_large() {
        let dir = std::env::temp_dir().join(format!("lodestar-logs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (mut file, path) = open(&dir.join("logs")).expect("the log folder is created");
        std::io::Write::write_all(&mut file, b"first run\n").unwrap();
        drop(file);
        let (mut file, _) = open(&dir.join("logs")).unwrap();
        std::io::Write::write_all(&mut file, b"second run\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first run\nsecond run\n", "a new start appends");

        std::fs::write(&path, vec![b'x'; MAX_BYTES as usize + 1]).unwrap();
        let (_, path) = open(&dir.join("logs")).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "a large log starts afresh");
        assert!(dir.join("logs").join(format!("{FILE_NAME}.1")).exists(), "the previous one is kept beside it");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
