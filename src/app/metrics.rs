//! KPIs and their measurements. A key result bound to a KPI gets a check-in from every
//! measurement recorded for the KPI (by hand, `lodestar measure` or a CSV import), in
//! the transaction that records the measurement.

use crate::error::{Error, Result};
use crate::model::*;
use crate::rules::{optional_text, required_name};
use crate::store;
use crate::store::exists;
use crate::store::{next_id, not_found, Workspace};
use crate::views::metrics::*;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Transaction;

impl Workspace {
    /// Creates a KPI and returns its generated id.
    pub fn create_kpi(&mut self, input: &KpiInput) -> Result<String> {
        self.write(|tx| {
            let (name, unit) = validate_kpi("KPI", input)?;
            let id = next_id(tx, "kpis", "k")?;
            store::metrics::insert_kpi(tx, &id, &name, input, unit.as_deref())?;
            Ok(id)
        })
    }

    pub fn update_kpi(&mut self, id: &str, input: &KpiInput) -> Result<()> {
        self.write(|tx| {
            let (name, unit) = validate_kpi(&format!("KPI \"{id}\""), input)?;
            if !store::metrics::update_kpi(tx, id, &name, input, unit.as_deref())? {
                return Err(not_found("KPI", id));
            }
            Ok(())
        })
    }

    /// Deletes a KPI with its measurements; key results bound to it become unbound
    /// (their check-ins stay).
    pub fn delete_kpi(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !store::delete(tx, "kpis", id)? {
                return Err(not_found("KPI", id));
            }
            Ok(())
        })
    }

    /// Records a measurement, and a check-in of the same date and value for every key
    /// result bound to the KPI (see `checkins_from_measurement`), all in one transaction.
    pub fn add_measurement(&mut self, kpi: &str, date: NaiveDate, value: f64) -> Result<MeasurementOutcome> {
        self.write(|tx| {
            if !exists(tx, "kpis", kpi)? {
                return Err(not_found("KPI", kpi));
            }
            if !value.is_finite() {
                return Err(Error::invalid(format!("KPI \"{kpi}\""), "value", "The value must be a finite number."));
            }
            let id = store::metrics::insert_measurement(tx, kpi, date, value)?;
            let checked_in = checkins_from_measurement(tx, kpi, date, value)?;
            Ok(MeasurementOutcome { id, checked_in })
        })
    }

    /// Deletes one measurement. Check-ins it gave bound key results stay: they are
    /// the key results' own history now, and can be corrected there.
    pub fn delete_measurement(&mut self, id: i64) -> Result<()> {
        self.write(|tx| {
            if !store::metrics::delete_measurement(tx, id)? {
                return Err(not_found("measurement", &id.to_string()));
            }
            Ok(())
        })
    }

    /// Binds a key result to a KPI (or unbinds it with `None`), recorded in its history.
    /// Existing measurements are not replayed: only new ones become check-ins.
    pub fn bind_key_result_kpi(&mut self, key_result: &str, kpi: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = store::okr::key_result_kpi(tx, key_result)?.ok_or_else(|| not_found("key result", key_result))?;
            if let Some(k) = kpi {
                if !exists(tx, "kpis", k)? {
                    return Err(Error::invalid(format!("key result \"{key_result}\""), "kpi", format!("There is no KPI “{k}”.")));
                }
            }
            if old.as_deref() == kpi {
                return Ok(());
            }
            store::okr::set_key_result_kpi(tx, key_result, kpi)?;
            store::okr::record(tx, "key_result", key_result, "kpi", old, kpi.map(str::to_string), None, now)?;
            Ok(())
        })
    }

    /// Every KPI with its latest values and bound key results.
    pub fn metrics_view(&self) -> Result<MetricsView> {
        let doc = self.document()?;
        let points = self.measurement_points(None)?;
        let kpis = doc
            .kpis
            .iter()
            .map(|k| {
                let mine: Vec<&MeasurementPoint> = points.iter().filter(|(kpi, _)| kpi == &k.id).map(|(_, p)| p).collect();
                KpiCard {
                    kpi: k.clone(),
                    latest: mine.last().map(|p| (*p).clone()),
                    previous: mine.len().checked_sub(2).map(|i| mine[i].clone()),
                    measurements: mine.len() as u32,
                    bound_key_results: doc.key_results.iter().filter(|kr| kr.kpi.as_ref() == Some(&k.id)).map(|kr| kr.id.clone()).collect(),
                }
            })
            .collect();
        Ok(MetricsView {
            kpis,
            key_results: doc
                .key_results
                .iter()
                .map(|kr| KeyResultRef { id: kr.id.clone(), title: kr.title.clone(), objective: kr.objective.clone(), kpi: kr.kpi.clone() })
                .collect(),
        })
    }

    /// One KPI's chart: its measurements over time and the key results bound to it.
    pub fn kpi_chart(&self, id: &str) -> Result<KpiChart> {
        let doc = self.document()?;
        let kpi = doc.kpis.iter().find(|k| k.id == id).ok_or_else(|| not_found("KPI", id))?.clone();
        let measurements = self.measurement_points(Some(id))?.into_iter().map(|(_, p)| p).collect();
        let key_results = doc
            .key_results
            .iter()
            .filter(|kr| kr.kpi.as_deref() == Some(id))
            .map(|kr| {
                let objective = doc.objectives.iter().find(|o| o.id == kr.objective);
                let cycle = objective.and_then(|o| o.cycle.as_deref()).and_then(|c| doc.cycles.iter().find(|x| x.id == c));
                BoundKeyResult {
                    id: kr.id.clone(),
                    title: kr.title.clone(),
                    objective: kr.objective.clone(),
                    objective_title: objective.map(|o| o.title.clone()).unwrap_or_default(),
                    kind: kr.kind,
                    unit: kr.unit.clone(),
                    baseline: kr.baseline,
                    target: kr.target,
                    cycle: cycle.map(|c| c.id.clone()),
                    cycle_start: cycle.map(|c| c.start),
                    cycle_end: cycle.map(|c| c.end),
                }
            })
            .collect();
        Ok(KpiChart { kpi, measurements, key_results })
    }

    /// Measurements (of one KPI or all) with their ids, by date then as recorded.
    fn measurement_points(&self, kpi: Option<&str>) -> Result<Vec<(String, MeasurementPoint)>> {
        store::metrics::measurement_points(&self.conn, kpi)
    }
}

fn validate_kpi(rec: &str, input: &KpiInput) -> Result<(String, Option<String>)> {
    let name = required_name(rec, "name", &input.name)?;
    let unit = optional_text(&input.unit);
    if unit.as_deref().is_some_and(|u| u.chars().count() > 40) {
        return Err(Error::invalid(rec, "unit", "The unit is too long: at most 40 characters (e.g. %, k$, days)."));
    }
    Ok((name, unit))
}

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
pub(super) fn checkins_from_measurement(tx: &Transaction<'_>, kpi: &str, date: NaiveDate, value: f64) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (kr, start) in store::metrics::bound_key_results(tx, kpi)? {
        if start.is_some_and(|s| date < s) {
            continue;
        }
        match store::metrics::checkin_on(tx, &kr, date)? {
            Some(id) => store::metrics::set_checkin_value(tx, id, value)?,
            None => {
                let confidence = store::metrics::confidence_as_of(tx, &kr, date)?;
                store::okr::insert_checkin(tx, &CheckIn { key_result: kr.clone(), date, value, confidence, note: None })?;
            }
        }
        out.push(kr);
    }
    Ok(out)
}
