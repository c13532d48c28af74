//! SQLite storage: opening (with refusal of foreign, damaged and newer files),
//! migrations, and one repository file per concept.

pub(crate) mod backlog;
pub(crate) mod backup;
pub(crate) mod dashboard;
pub(crate) mod decisions;
pub(crate) mod experiments;
pub(crate) mod feedback;
pub(crate) mod metrics;
pub(crate) mod okr;
pub(crate) mod open;
pub(crate) mod product;
pub(crate) mod roadmap;
pub(crate) mod schema;
pub(crate) mod search;
pub(crate) mod snapshot;
pub(crate) mod sql_types;

pub(crate) use backup::{back_up, copy_whole};
pub use backup::{backups_dir, list_backups, Backup, BackupKind, BACKUPS_FOLDER};
pub(crate) use metrics::checkins_from_measurement;
pub use open::{check, CheckReport, Workspace};
pub(crate) use open::{inspect, open_read_only};
pub(crate) use schema::migrations;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use rusqlite::Transaction;

use crate::error::{Error, ErrorCode, Result};

/// True when `table` has a row with this id.
pub(crate) fn exists(tx: &Transaction<'_>, table: &str, id: &str) -> Result<bool> {
    Ok(tx.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))?)
}

pub(crate) fn not_found(kind: &str, id: &str) -> Error {
    Error {
        code: ErrorCode::NotFound,
        message: format!("There is no {kind} “{id}”."),
        record: Some(format!("{kind} \"{id}\"")),
        field: None,
    }
}

/// The next free id of the form `<prefix><n>`; generated once, then fixed forever.
pub(crate) fn next_id(tx: &Transaction<'_>, table: &str, prefix: &str) -> Result<String> {
    let mut n = tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? + 1;
    loop {
        let id = format!("{prefix}{n}");
        if !exists(tx, table, &id)? {
            return Ok(id);
        }
        n += 1;
    }
}

/// The longest name or title a record takes, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// A required one-line text (a name or title): trimmed, not empty, not too long.
pub(crate) fn required_name(record: &str, field: &str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(record, field, format!("The {field} cannot be empty.")));
    }
    if t.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(record, field, format!("The {field} is too long: at most {MAX_NAME_CHARS} characters.")));
    }
    Ok(t.to_string())
}

/// An optional text: trimmed, and absent when blank.
pub(crate) fn optional_text(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// A reference to a record of `table` that must exist, else an error at `field`.
pub(crate) fn reference(tx: &Transaction<'_>, record: &str, field: &str, table: &str, kind: &str, id: Option<&str>) -> Result<()> {
    match id {
        Some(id) if !exists(tx, table, id)? => Err(Error::invalid(record, field, format!("There is no {kind} “{id}”."))),
        _ => Ok(()),
    }
}

/// A list of references that must exist, each once.
pub(crate) fn references(tx: &Transaction<'_>, record: &str, field: &str, table: &str, kind: &str, ids: &[String]) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        reference(tx, record, field, table, kind, Some(id))?;
        if !seen.insert(id.as_str()) {
            return Err(Error::invalid(record, field, format!("“{id}” is listed twice.")));
        }
    }
    Ok(())
}
