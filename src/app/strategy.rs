use crate::error::Result;
use crate::model::{Product, ProductField, Revision};
#[allow(unused_imports)]
use crate::store::product::*;
use crate::store::Workspace;
#[allow(unused_imports)]
use crate::store::*;
use crate::views::{StrategyView, WorkspaceInfo};
use chrono::{DateTime, Utc};
use rusqlite::params;

impl Workspace {
    pub fn product(&self) -> Result<Product> {
        Ok(read_product(&self.conn)?)
    }

    /// Sets one product field and records the change as a revision. `value` is the
    /// user's text: trimmed, empty means "not set" (not allowed for the name).
    /// Returns false when the value did not change (nothing is written).
    pub fn set_product_field(&mut self, field: ProductField, value: Option<&str>, now: DateTime<Utc>) -> Result<bool> {
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let new = validate_field(field, value)?;
        self.write(|tx| {
            let old = read_product(tx)?;
            let changed = write_field(tx, &old, field, new.clone(), now)?;
            Ok(changed)
        })
    }

    /// The revisions of one product field (or all when `None`), newest first.
    pub fn product_revisions(&self, field: Option<ProductField>) -> Result<Vec<Revision>> {
        let mut stmt = self.conn.prepare(
            "SELECT field, old_value, new_value, changed_at, reason FROM revisions
             WHERE entity = 'product' AND (?1 IS NULL OR field = ?1) ORDER BY id DESC",
        )?;
        let rows = stmt.query_map(params![field.map(|f| f.as_str())], |r| {
            Ok(Revision { field: r.get(0)?, old_value: r.get(1)?, new_value: r.get(2)?, changed_at: r.get(3)?, reason: r.get(4)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Workspace {
    pub fn info(&self) -> Result<WorkspaceInfo> {
        Ok(WorkspaceInfo { path: self.path().display().to_string(), product_name: self.product()?.name, is_empty: self.is_empty()? })
    }

    pub fn strategy_view(&self) -> Result<StrategyView> {
        Ok(StrategyView { product: self.product()?, revisions: self.product_revisions(None)? })
    }
}
