//! Opening a workspace file. A file is inspected read-only first; only a healthy
//! Lodestar workspace of a known schema version is ever opened for writing, so a
//! foreign, damaged or newer file is left byte-for-byte as it was.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::backup::{back_up, BackupKind};
use super::schema::{migrations, APPLICATION_ID, SCHEMA_VERSION};
use crate::error::{Error, ErrorCode, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open workspace: one SQLite file the user owns.
pub struct Workspace {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// A member copy of a team space: its writes are recorded to be shared.
    pub(crate) shared: bool,
    /// The last whole read of the file, for the views (`Workspace::document`).
    pub(crate) cached: super::DocumentCache,
}

/// What `lodestar check` reports about a healthy file.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub schema_version: i64,
}

impl Workspace {
    /// Opens the workspace at `path`, creating a new one when no file (or an empty
    /// file) is there. Refuses foreign, damaged and newer files without writing to them.
    pub fn open(path: &Path) -> Result<Workspace> {
        let fresh = match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => return Err(Error::new(ErrorCode::Io, format!("{} is a folder, not a workspace file.", path.display()))),
            Ok(m) => m.len() == 0,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => return Err(Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", path.display()))),
        };
        if fresh {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| Error::new(ErrorCode::Io, format!("Cannot create {}: {e}", dir.display())))?;
            }
        } else {
            inspect(path)?;
        }
        let mut conn = Connection::open(path).map_err(|e| describe(path, e.into()))?;
        // A file whose creation was interrupted is empty once SQLite rolled back its journal.
        let fresh = fresh || conn.query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0)).map_err(|e| describe(path, e.into()))? == 0;
        if fresh {
            // Before WAL mode, so the mark lands in the file itself, not only in its log:
            // another process (or the next launch after a crash) must see it in the header.
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        configure(&conn)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        // Before an upgrade, keep the file as this schema had it (a file whose creation
        // was interrupted, version 0, holds nothing to keep).
        if !fresh && version > 0 && version < SCHEMA_VERSION {
            back_up(&conn, path, BackupKind::PreMigration, chrono::Utc::now()).map_err(|e| {
                Error::new(e.code, format!("{} was not upgraded to this version of Lodestar: {}", path.display(), e.message))
            })?;
        }
        migrations().to_latest(&mut conn).map_err(|e| Error::internal(format!("Could not upgrade {}: {e}", path.display())))?;
        if fresh {
            conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")?;
        }
        let shared = crate::team::on_open(&conn)?;
        Ok(Workspace { conn, path: path.to_path_buf(), shared, cached: Default::default() })
    }

    /// Opens an existing workspace; a missing or empty file is an error rather than a
    /// new workspace, so reading commands never create one.
    pub fn open_existing(path: &Path) -> Result<Workspace> {
        if !path.exists() {
            return Err(Error::new(ErrorCode::NotFound, format!("There is no workspace at {}.", path.display())));
        }
        refuse_empty(path)?;
        Self::open(path)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Checks a workspace file without changing it: integrity and schema version.
pub fn check(path: &Path) -> Result<CheckReport> {
    if !path.exists() {
        return Err(Error::new(ErrorCode::NotFound, format!("There is no workspace at {}.", path.display())));
    }
    refuse_empty(path)?;
    inspect(path)
}

/// A 0-byte file becomes a new workspace only when opened to write (File ▸ Open,
/// `import`, `demo`); checking or reading it says so instead of creating one.
fn refuse_empty(path: &Path) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Err(Error::new(
            ErrorCode::NotAWorkspace,
            format!(
                "{} is an empty file (0 bytes), not a workspace yet; opening it in Lodestar makes it a new workspace. \
                 The file was not changed.",
                path.display()
            ),
        ));
    }
    Ok(())
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // WAL keeps readers and the writer apart; FULL makes every acknowledged edit durable.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Read-only inspection of an existing, non-empty file.
pub(crate) fn inspect(path: &Path) -> Result<CheckReport> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", path.display())))?;
    if header.len() < 100 || &header[..16] != SQLITE_MAGIC {
        let hint = match header.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => " It looks like a JSON file: use File ▸ Import JSON… (or `lodestar import`) instead.",
            _ => "",
        };
        return Err(Error::new(
            ErrorCode::NotAWorkspace,
            format!("{} is not a Lodestar workspace: it is not a SQLite database.{hint} The file was not changed.", path.display()),
        ));
    }
    let foreign = || {
        Error::new(
            ErrorCode::NotAWorkspace,
            format!("{} is not a Lodestar workspace: it is another program's SQLite database. The file was not changed.", path.display()),
        )
    };
    let header_app_id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    // With a log beside the file, the header may not have caught up with it yet; the
    // connection below reads both, so it has the last word.
    let has_log = ["-wal", "-journal"].iter().any(|s| std::fs::metadata(sibling(path, s)).is_ok_and(|m| m.len() > 0));
    if header_app_id != APPLICATION_ID && !has_log {
        return Err(foreign());
    }
    check_not_truncated(path, &header)?;

    let facts = match open_read_only(path).and_then(|conn| read_facts(&conn)) {
        // A writer that died (crash, kill) leaves its log for the next connection to
        // recover, which a read-only connection may not do: read a private copy instead.
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) && has_log => read_facts_of_copy(path),
        other => other.map_err(Error::from),
    }
    .map_err(|e| describe(path, e))?;
    if facts.pages == 0 {
        // Its creation was interrupted (a crash before the first commit): nothing in it yet.
        return Ok(CheckReport { schema_version: 0 });
    }
    if facts.application_id != APPLICATION_ID {
        return Err(foreign());
    }
    let version = facts.user_version;
    if version > SCHEMA_VERSION {
        return Err(Error::new(
            ErrorCode::NewerVersion,
            format!(
                "{} was written by a newer version of Lodestar (schema {version}; this version reads up to {SCHEMA_VERSION}). \
                 Update Lodestar to open it. The file was not changed.",
                path.display()
            ),
        ));
    }
    let problems = facts.problems;
    if problems.len() != 1 || problems[0] != "ok" {
        return Err(damaged(path, &problems.into_iter().take(3).collect::<Vec<_>>().join("; ")));
    }
    Ok(CheckReport { schema_version: version })
}

/// What inspection reads from the file's header and pages.
struct Facts {
    application_id: i32,
    user_version: i64,
    pages: i64,
    problems: Vec<String>,
}

fn read_facts(conn: &Connection) -> rusqlite::Result<Facts> {
    let application_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let user_version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let pages = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
    // A newer schema is reported as such, not as damage its checks might find.
    if user_version > SCHEMA_VERSION || application_id != APPLICATION_ID {
        return Ok(Facts { application_id, user_version, pages, problems: vec!["ok".into()] });
    }
    let problems = conn.prepare("PRAGMA quick_check")?.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Facts { application_id, user_version, pages, problems })
}

/// Reads the facts from a copy of the file and its log (or rollback journal) in a
/// private temporary folder, where SQLite may recover it without touching the user's files.
fn read_facts_of_copy(path: &Path) -> Result<Facts> {
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("lodestar-check-{}-{stamp}", std::process::id()));
    let copy = dir.join("copy.lodestar");
    let result = (|| -> Result<Facts> {
        std::fs::create_dir_all(&dir)?;
        std::fs::copy(path, &copy)?;
        for suffix in ["-wal", "-journal"] {
            if sibling(path, suffix).exists() {
                std::fs::copy(sibling(path, suffix), sibling(&copy, suffix))?;
            }
        }
        let conn = Connection::open_with_flags(&copy, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        Ok(read_facts(&conn)?)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// The file SQLite keeps beside `path`, e.g. its `-wal` log.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Opens a file for reading without leaving anything beside it. A read-only SQLite
/// connection to a file in WAL mode would create a `-wal` and a `-shm` file next to it
/// (and leave them there). When no `-wal`, `-shm` or `-journal` is there, the file alone
/// holds the whole workspace, so it is opened as immutable: read as is, creating nothing.
/// Otherwise (a Lodestar window has it open, or a write was interrupted) SQLite reads
/// the file together with its log, as usual.
pub(crate) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let beside = |suffix: &str| sibling(path, suffix).exists();
    let absolute = std::path::absolute(path).ok();
    match absolute.as_deref().and_then(Path::to_str) {
        Some(text) if !beside("-wal") && !beside("-shm") && !beside("-journal") => {
            Connection::open_with_flags(immutable_uri(text), flags | OpenFlags::SQLITE_OPEN_URI)
                .or_else(|_| Connection::open_with_flags(path, flags))
        }
        _ => Connection::open_with_flags(path, flags),
    }
}

/// `file:/the/absolute/path?immutable=1` (`file:/C:/…` on Windows), every byte outside
/// the plain set percent-encoded.
fn immutable_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut uri = String::from(if path.starts_with('/') { "file:" } else { "file:/" });
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// The header says how many pages the file holds; a shorter file lost its tail.
fn check_not_truncated(path: &Path, header: &[u8]) -> Result<()> {
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536u64,
        n => n as u64,
    };
    let pages = u32::from_be_bytes([header[28], header[29], header[30], header[31]]) as u64;
    let change_counter = &header[24..28];
    let valid_for = &header[92..96];
    let len = std::fs::metadata(path)?.len();
    // The page count is only trustworthy when written by the same change (SQLite ≥ 3.7).
    if change_counter == valid_for && pages > 0 && len < pages * page_size {
        return Err(damaged(path, &format!("the file is {len} bytes but should hold {} bytes; it was cut short", pages * page_size)));
    }
    Ok(())
}

fn damaged(path: &Path, detail: &str) -> Error {
    // SQLite's reports span lines ("*** in database main ***\nTree 27 page 27: …"); the
    // message is shown on one line (CLI, dialogs), so keep the findings, one after another.
    let detail = detail.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("***")).collect::<Vec<_>>().join("; ");
    Error::new(
        ErrorCode::Damaged,
        format!(
            "{} is a damaged Lodestar workspace ({detail}). It was not opened and not changed; restore it from a backup.",
            path.display()
        ),
    )
}

/// Names the file in storage errors met while opening it.
fn describe(path: &Path, e: Error) -> Error {
    match e.code {
        ErrorCode::Damaged => damaged(path, &e.message),
        ErrorCode::NotAWorkspace => {
            Error::new(ErrorCode::NotAWorkspace, format!("{} is not a Lodestar workspace. The file was not changed.", path.display()))
        }
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_version_is_the_number_of_migrations() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
        let v: i64 = ws.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }
}
