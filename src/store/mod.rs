//! SQLite storage: opening (with refusal of foreign, damaged and newer files),
//! migrations, and one repository file per concept.

mod okr;
mod open;
mod product;
mod roadmap;
mod snapshot;

pub use open::{check, CheckReport, Workspace, APPLICATION_ID, SCHEMA_VERSION};

use rusqlite::Transaction;

use crate::error::{Error, ErrorCode, Result};

/// True when `table` has a row with this id.
fn exists(tx: &Transaction<'_>, table: &str, id: &str) -> Result<bool> {
    Ok(tx.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get(0))?)
}

fn not_found(kind: &str, id: &str) -> Error {
    Error {
        code: ErrorCode::NotFound,
        message: format!("There is no {kind} “{id}”."),
        record: Some(format!("{kind} \"{id}\"")),
        field: None,
    }
}

/// The next free id of the form `<prefix><n>`; generated once, then fixed forever.
fn next_id(tx: &Transaction<'_>, table: &str, prefix: &str) -> Result<String> {
    let mut n = tx.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0))? + 1;
    loop {
        let id = format!("{prefix}{n}");
        if !exists(tx, table, &id)? {
            return Ok(id);
        }
        n += 1;
    }
}
