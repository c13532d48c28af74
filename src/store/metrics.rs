//! KPIs and their measurements. A key result bound to a KPI gets a check-in from every
//! measurement recorded for the KPI (by hand, `lodestar measure` or a CSV import), in
//! the transaction that records the measurement.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;

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
