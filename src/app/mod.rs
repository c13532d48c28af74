//! The application layer: every use case of Lodestar (edit the roadmap, check in,
//! import a CSV file, export a picture, …) is one method on [`Workspace`] here, one
//! module per area. A use case checks the domain rules (`crate::rules`), reads and
//! writes through the store's table functions (`crate::store`), and computes with
//! `crate::compute`. The app shell and the CLI reach a workspace only through these
//! methods; `interchange` and `render` are pure and hand bytes back and forth.

mod backlog;
mod backup;
mod calendar;
mod csv;
mod cycle_close;
mod dashboard;
mod decisions;
mod document;
mod experiments;
mod feedback;
mod goal_edits;
mod metrics;
mod okr;
mod picture;
mod review;
mod roadmap;
mod search;
mod strategy;

pub use picture::{Picture, PictureFormat};

use rusqlite::{Transaction, TransactionBehavior};

use crate::error::{Error, Result};
use crate::store;
use crate::Workspace;

impl Workspace {
    /// Runs the write `f` as one transaction: it either fully happens or not at all.
    ///
    /// Every edit of a workspace goes through here — the one place where a change is
    /// opened, committed or rolled back. In a team space, the changes it made (recorded
    /// by `team::capture`) are stamped here with one clock reading: one edit. Only opening (migrations) and
    /// [`Workspace::restore_from`] (the whole file replaced by a backup) write otherwise.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        // IMMEDIATE takes the write lock up front, so a second writer waits out the busy
        // timeout; a deferred one would read first and then fail without waiting.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        if self.shared {
            crate::team::stamp(&tx)?;
        }
        tx.commit()?;
        Ok(out)
    }
}

/// A reference to a record of `table` that must exist, else an error at `field`.
pub(crate) fn reference(tx: &Transaction<'_>, record: &str, field: &str, table: &str, kind: &str, id: Option<&str>) -> Result<()> {
    match id {
        Some(id) if !store::exists(tx, table, id)? => Err(Error::invalid(record, field, format!("There is no {kind} “{id}”."))),
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
