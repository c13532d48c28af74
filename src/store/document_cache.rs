//! The last whole read of a workspace, kept for as long as the file has not changed.
//! The views read the whole workspace on every request (the roadmap's conflicts, coverage
//! and goal signal need every item); at 10,000 items that read was most of the time the
//! roadmap took to answer, though between two requests the file rarely changes.

use std::sync::{Arc, Mutex};

use rusqlite::Connection;

use super::snapshot::read_document;
use crate::error::Result;
use crate::interchange::Document;

/// What tells that a file changed since it was read: SQLite's `data_version` moves when
/// another connection (another window, the CLI, a sync thread) commits, and the
/// connection's own total of changed rows moves with each of its own writes. The few
/// writes that change no row count (a backup copied over the file) call `forget`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    data_version: i64,
    own_changes: u64,
}

impl Stamp {
    fn of(conn: &Connection) -> Result<Stamp> {
        Ok(Stamp { data_version: conn.pragma_query_value(None, "data_version", |r| r.get(0))?, own_changes: conn.total_changes() })
    }
}

#[derive(Default)]
pub(crate) struct DocumentCache(Mutex<Option<(Stamp, Arc<Document>)>>);

impl DocumentCache {
    /// The whole workspace: the kept read while the file is unchanged, else a new read.
    pub(crate) fn get(&self, conn: &Connection) -> Result<Arc<Document>> {
        // The stamp before the read: a commit landing in between makes the next call read again.
        let stamp = Stamp::of(conn)?;
        let mut kept = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((at, doc)) = kept.as_ref() {
            if *at == stamp {
                return Ok(Arc::clone(doc));
            }
        }
        let doc = Arc::new(read_document(conn)?);
        *kept = Some((stamp, Arc::clone(&doc)));
        Ok(doc)
    }

    /// Drops the kept read (after a write SQLite does not count as changed rows).
    pub(crate) fn forget(&self) {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }
}
