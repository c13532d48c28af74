//! The product: name, vision, strategy, lifecycle stage, each with a revision history.
//! The Strategy view and the workspace's summary.

use crate::error::Error;
use crate::error::Result;
use crate::model::*;
use crate::model::{Product, ProductField, Revision};
use crate::rules::MAX_PRODUCT_NAME_CHARS;
use crate::store::product::*;
use crate::store::Workspace;
use crate::views::{StrategyView, WorkspaceInfo};
use chrono::{DateTime, Utc};

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
        crate::store::product::revisions(&self.conn, field)
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
            if name.chars().count() > MAX_PRODUCT_NAME_CHARS {
                return Err(Error::invalid(
                    "product",
                    "name",
                    format!("The product name is too long: at most {MAX_PRODUCT_NAME_CHARS} characters."),
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
