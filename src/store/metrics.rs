//! Tables of KPIs and measurements, and what check-ins a measurement gives.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::KpiInput;
use crate::views::metrics::MeasurementPoint;

/// Adds one measurement of `kpi`; its row id.
pub(crate) fn insert_measurement(tx: &Transaction<'_>, kpi: &str, date: NaiveDate, value: f64) -> Result<i64> {
    tx.execute("INSERT INTO measurements (kpi, date, value) VALUES (?1, ?2, ?3)", params![kpi, date, value])?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn insert_kpi(tx: &Transaction<'_>, id: &str, name: &str, input: &KpiInput, unit: Option<&str>) -> Result<()> {
    tx.execute(
        "INSERT INTO kpis (id, name, category, unit, higher_is_better) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, name, input.category, unit, input.higher_is_better],
    )?;
    Ok(())
}

/// False when there is no such KPI.
pub(crate) fn update_kpi(tx: &Transaction<'_>, id: &str, name: &str, input: &KpiInput, unit: Option<&str>) -> Result<bool> {
    let n = tx.execute(
        "UPDATE kpis SET name = ?2, category = ?3, unit = ?4, higher_is_better = ?5 WHERE id = ?1",
        params![id, name, input.category, unit, input.higher_is_better],
    )?;
    Ok(n > 0)
}

/// False when there is no such measurement.
pub(crate) fn delete_measurement(tx: &Transaction<'_>, id: i64) -> Result<bool> {
    Ok(tx.execute("DELETE FROM measurements WHERE id = ?1", [id])? > 0)
}

/// Measurements (of one KPI or all) with their ids, by date then as recorded.
pub(crate) fn measurement_points(conn: &rusqlite::Connection, kpi: Option<&str>) -> Result<Vec<(String, MeasurementPoint)>> {
    let mut stmt = conn.prepare("SELECT kpi, id, date, value FROM measurements WHERE ?1 IS NULL OR kpi = ?1 ORDER BY date, id")?;
    let rows = stmt.query_map([kpi], |r| Ok((r.get(0)?, MeasurementPoint { id: r.get(1)?, date: r.get(2)?, value: r.get(3)? })))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The key results bound to `kpi`, in the order they were written, with the start of
/// their objective's cycle (when it has one).
pub(crate) fn bound_key_results(tx: &Transaction<'_>, kpi: &str) -> Result<Vec<(String, Option<NaiveDate>)>> {
    let mut stmt = tx.prepare(
        "SELECT k.id, c.start FROM key_results k
         LEFT JOIN objectives o ON o.id = k.objective LEFT JOIN cycles c ON c.id = o.cycle
         WHERE k.kpi = ?1 ORDER BY k.rowid",
    )?;
    let bound = stmt
        .query_map([kpi], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<NaiveDate>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(bound)
}

/// The latest check-in of a key result on `date`, when there is one.
pub(crate) fn checkin_on(tx: &Transaction<'_>, key_result: &str, date: NaiveDate) -> Result<Option<i64>> {
    Ok(tx
        .query_row("SELECT id FROM checkins WHERE key_result = ?1 AND date = ?2 ORDER BY id DESC LIMIT 1", params![key_result, date], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(crate) fn set_checkin_value(tx: &Transaction<'_>, id: i64, value: f64) -> Result<()> {
    tx.execute("UPDATE checkins SET value = ?2 WHERE id = ?1", params![id, value])?;
    Ok(())
}

/// The confidence of the latest check-in of a key result on or before `date`.
pub(crate) fn confidence_as_of(tx: &Transaction<'_>, key_result: &str, date: NaiveDate) -> Result<Option<f64>> {
    Ok(tx
        .query_row(
            "SELECT confidence FROM checkins WHERE key_result = ?1 AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1",
            params![key_result, date],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}
