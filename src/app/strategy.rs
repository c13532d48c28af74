use crate::error::Error;
use crate::error::Result;
use crate::model::*;
use crate::model::{Product, ProductField, Revision};
use crate::store::product::*;
use crate::store::Workspace;
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

/// Checks a new value for a product field; the one place these rules live.
fn validate_field(field: ProductField, value: Option<&str>) -> Result<Option<String>> {
    match field {
        ProductField::Name => {
            let name =
                value.ok_or_else(|| Error::invalid("product", "name", "The product name cannot be empty: give the product a name."))?;
            if name.chars().count() > MAX_NAME_CHARS {
                return Err(Error::invalid(
                    "product",
                    "name",
                    format!("The product name is too long: at most {MAX_NAME_CHARS} characters."),
                ));
            }
            Ok(Some(name.to_string()))
        }
        ProductField::Vision | ProductField::Strategy => Ok(value.map(str::to_string)),
        ProductField::LifecycleStage => match value {
            None => Ok(None),
            Some(v) => v
                .parse::<LifecycleStage>()
                .map(|s| Some(s.as_str().to_string()))
                .map_err(|e| Error::invalid("product", "lifecycle_stage", format!("Unknown lifecycle stage: {e}."))),
        },
    }
}
