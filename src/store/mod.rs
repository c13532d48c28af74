//! SQLite storage: opening (with refusal of foreign, damaged and newer files), the
//! schema and its migrations, backups, and one table module per concept — plain
//! functions that read and write rows over a `&Connection` or inside the caller's
//! `&Transaction`. No rules of the domain live here (they are `crate::rules`, checked
//! by the application layer `crate::app` before it writes); transactions are opened
//! and committed only by `Workspace::write` there.

pub(crate) mod backup;
pub(crate) mod decisions;
pub(crate) mod document_cache;
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
pub(crate) use document_cache::DocumentCache;
pub use open::{check, CheckReport, Workspace};
pub(crate) use open::{inspect, open_read_only};
pub(crate) use schema::migrations;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

use rusqlite::{OptionalExtension, Transaction};

use crate::error::{Error, ErrorCode, Result};

/// True when `table` has a row with this id.
pub(crate) fn exists(conn: &rusqlite::Connection, table: &str, id: &str) -> Result<bool> {
    Ok(conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))?)
}

pub(crate) fn not_found(kind: &str, id: &str) -> Error {
    Error {
        code: ErrorCode::NotFound,
        message: format!("There is no {kind} “{id}”."),
        record: Some(format!("{kind} \"{id}\"")),
        field: None,
    }
}

/// The next free id of the form `<prefix><n>`; generated once, then fixed forever. In a
/// team space, `<prefix><n>-<copy>`: two members adding at once must not pick one id.
pub(crate) fn next_id(tx: &Transaction<'_>, table: &str, prefix: &str) -> Result<String> {
    let mut n = tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? + 1;
    let copy: Option<String> = tx.query_row("SELECT '-' || substr(replica, 1, 6) FROM team_link", [], |r| r.get(0)).optional()?;
    let copy = copy.unwrap_or_default();
    loop {
        let id = format!("{prefix}{n}{copy}");
        if !exists(tx, table, &id)? {
            return Ok(id);
        }
        n += 1;
    }
}

/// Deletes the row of `table` with this id; false when there was none.
pub(crate) fn delete(tx: &Transaction<'_>, table: &str, id: &str) -> Result<bool> {
    Ok(tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])? > 0)
}

/// An ordered link table: rows `(owner, other, position)`, the owner's links in order.
pub(crate) struct LinkTable {
    pub table: &'static str,
    pub owner: &'static str,
    pub other: &'static str,
}

impl LinkTable {
    /// Links `owner` to `other`, after its other links; false when they were linked already.
    pub(crate) fn append(&self, tx: &Transaction<'_>, owner: &str, other: &str) -> Result<bool> {
        let LinkTable { table, owner: o, other: t } = self;
        let sql = format!(
            "INSERT OR IGNORE INTO {table} ({o}, {t}, position)
             VALUES (?1, ?2, (SELECT COALESCE(MAX(position) + 1, 0) FROM {table} WHERE {o} = ?1))"
        );
        Ok(tx.execute(&sql, [owner, other])? > 0)
    }

    /// Removes the link; false when there was none.
    pub(crate) fn remove(&self, tx: &Transaction<'_>, owner: &str, other: &str) -> Result<bool> {
        let LinkTable { table, owner: o, other: t } = self;
        Ok(tx.execute(&format!("DELETE FROM {table} WHERE {o} = ?1 AND {t} = ?2"), [owner, other])? > 0)
    }
}
