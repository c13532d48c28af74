//! Tables of KPIs and measurements. A key result bound to a KPI gets a check-in from
//! every measurement recorded for the KPI ([`checkins_from_measurement`]), in the
//! transaction that records the measurement.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::model::KpiInput;
use crate::views::metrics::MeasurementPoint;

/// Gives every key result bound to `kpi` a check-in of this date and value, inside the
/// caller's transaction, and returns the key results checked in.
///
/// - A check-in of that key result on that date already exists: its value is replaced
///   (the latest one of that day, when there are several); its confidence and note stay.
///   A measurement of a day is the day's figure, so recording it twice does not add
///   two points.
/// - Otherwise a check-in is added. It carries the confidence of the key result's latest
///   check-in on or before that date, so an automated measurement does not wipe the
///   team's stated confidence (which health reads); no note.
/// - A date before the start of the key result's cycle gives no check-in (a check-in
///   there is refused by hand too); the measurement is still recorded.
///
/// A JSON import (`lodestar import`) carries its own check-ins and derives none.
pub(crate) fn checkins_from_measurement(tx: &Transaction<'_>, kpi: &str, date: NaiveDate, value: f64) -> Result<Vec<String>> {
    let mut stmt = tx.prepare(
        "SELECT k.id, c.start FROM key_results k
         LEFT JOIN objectives o ON o.id = k.objective LEFT JOIN cycles c ON c.id = o.cycle
         WHERE k.kpi = ?1 ORDER BY k.rowid",
    )?;
    let bound = stmt
        .query_map([kpi], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<NaiveDate>>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (kr, start) in bound {
        if start.is_some_and(|s| date < s) {
            continue;
        }
        let same_day: Option<i64> = tx
            .query_row("SELECT id FROM checkins WHERE key_result = ?1 AND date = ?2 ORDER BY id DESC LIMIT 1", params![kr, date], |r| {
                r.get(0)
            })
            .optional()?;
        match same_day {
            Some(id) => {
                tx.execute("UPDATE checkins SET value = ?2 WHERE id = ?1", params![id, value])?;
            }
            None => {
                let confidence: Option<f64> = tx
                    .query_row(
                        "SELECT confidence FROM checkins WHERE key_result = ?1 AND date <= ?2 ORDER BY date DESC, id DESC LIMIT 1",
                        params![kr, date],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten();
                tx.execute(
                    "INSERT INTO checkins (key_result, date, value, confidence, note) VALUES (?1, ?2, ?3, ?4, NULL)",
                    params![kr, date, value, confidence],
                )?;
            }
        }
        out.push(kr);
    }
    Ok(out)
}

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
