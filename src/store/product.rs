//! The product row (name, vision, strategy, lifecycle stage) and its revisions.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::{Product, ProductField, Revision};

pub(crate) fn read_product(conn: &rusqlite::Connection) -> rusqlite::Result<Product> {
    conn.query_row("SELECT name, vision, strategy, lifecycle_stage FROM product WHERE singleton = 1", [], |r| {
        Ok(Product { name: r.get(0)?, vision: r.get(1)?, strategy: r.get(2)?, lifecycle_stage: r.get(3)? })
    })
    .optional()
    .map(|p| p.unwrap_or_default())
}

pub(crate) fn current_text(p: &Product, field: ProductField) -> Option<String> {
    match field {
        ProductField::Name => Some(p.name.clone()),
        ProductField::Vision => p.vision.clone(),
        ProductField::Strategy => p.strategy.clone(),
        ProductField::LifecycleStage => p.lifecycle_stage.map(|s| s.as_str().to_string()),
    }
}

/// Writes one (already validated) field and its revision when it changed.
pub(crate) fn write_field(
    tx: &Transaction<'_>,
    old: &Product,
    field: ProductField,
    new: Option<String>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let before = current_text(old, field);
    if before == new {
        return Ok(false);
    }
    // The column name comes from the enum, never from user text.
    let sql = format!("UPDATE product SET {} = ?1 WHERE singleton = 1", field.as_str());
    tx.execute(&sql, params![new])?;
    tx.execute(
        "INSERT INTO revisions (entity, entity_id, field, old_value, new_value, changed_at)
         VALUES ('product', '', ?1, ?2, ?3, ?4)",
        params![field.as_str(), before, new, now.to_rfc3339_opts(SecondsFormat::Secs, true)],
    )?;
    Ok(true)
}

/// Replaces the whole product inside an import, recording a revision per changed field.
pub(crate) fn replace_product(tx: &Transaction<'_>, new: &Product, now: DateTime<Utc>) -> Result<()> {
    let old = read_product(tx)?;
    for field in ProductField::ALL {
        write_field(tx, &old, *field, current_text(new, *field), now)?;
    }
    Ok(())
}

/// The revisions of one product field (or all when `None`), newest first.
pub(crate) fn revisions(conn: &rusqlite::Connection, field: Option<ProductField>) -> Result<Vec<Revision>> {
    let mut stmt = conn.prepare(
        "SELECT field, old_value, new_value, changed_at, reason, author FROM revisions
         WHERE entity = 'product' AND (?1 IS NULL OR field = ?1) ORDER BY id DESC",
    )?;
    let rows = stmt.query_map(params![field.map(|f| f.as_str())], |r| {
        Ok(Revision {
            field: r.get(0)?,
            old_value: r.get(1)?,
            new_value: r.get(2)?,
            changed_at: r.get(3)?,
            reason: r.get(4)?,
            author: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
