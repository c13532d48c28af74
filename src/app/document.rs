//! The whole workspace at once: replace it with a validated document (import), read it
//! back as a document (export), and tell whether it holds anything yet.

use crate::error::Result;
use crate::interchange::{validate, Document};
use crate::model::*;
use crate::store::product::{read_product, replace_product};
use crate::store::snapshot::*;
use crate::store::Workspace;
use chrono::{DateTime, Utc};
use std::sync::Arc;

impl Workspace {
    /// Replaces everything in the workspace with `doc`, all or nothing. The document is
    /// validated first; product field changes are recorded as revisions.
    pub fn import_document(&mut self, doc: &Document, now: DateTime<Utc>) -> Result<()> {
        validate(doc)?;
        self.write(|tx| {
            clear_records(tx)?;
            replace_product(tx, &doc.product, now)?;
            insert_records(tx, doc)?;
            Ok(())
        })
    }

    /// The whole workspace as a format-v1 document, records in the order they were written.
    pub fn export_document(&self) -> Result<Document> {
        read_document(&self.conn)
    }

    /// The whole workspace for reading, shared with the views' earlier requests while the
    /// file has not changed (a new read otherwise).
    pub fn document(&self) -> Result<Arc<Document>> {
        self.cached.get(&self.conn)
    }

    /// True when the workspace holds no records and an untouched product.
    pub fn is_empty(&self) -> Result<bool> {
        let product = read_product(&self.conn)?;
        if product != Product::default() {
            return Ok(false);
        }
        Ok(!has_records(&self.conn)?)
    }
}
