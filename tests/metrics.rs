//! KPIs and measurements: validated edits, a measurement becoming a check-in of every
//! key result bound to its KPI (by hand, `lodestar measure` and CSV import alike), and
//! the KPI chart with the bound key results' targets.

mod common;

use chrono::NaiveDate;
use common::*;
use lodestar::interchange::csv::CsvImport;
use lodestar::model::{CheckIn, KpiCategory, KpiInput};
use lodestar::{ErrorCode, Workspace};
use serde_json::{json, Value};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// kr1 and kr2 are bound to k1 (kr2 in a cycle starting in February); kr3 is not bound.
fn doc() -> Value {
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "cycles": [
            { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" },
            { "id": "late", "start": "2027-02-01", "end": "2027-03-31" }
        ],
        "objectives": [
            { "id": "o1", "title": "Retention", "cycle": "2027-Q1", "status": "active" },
            { "id": "o2", "title": "Later", "cycle": "late", "status": "active" }
        ],
        "key_results": [
            { "id": "kr1", "objective": "o1", "title": "Raise 30-day retention", "kind": "increase", "unit": "%",
              "baseline": 40, "target": 46, "kpi": "k1" },
            { "id": "kr2", "objective": "o2", "title": "Keep retention up", "kind": "at_least", "baseline": 40, "target": 42,
              "kpi": "k1" },
            { "id": "kr3", "objective": "o1", "title": "Unbound", "kind": "increase", "baseline": 1, "target": 2 }
        ],
        "checkins": [ { "key_result": "kr1", "date": "2027-01-20", "value": 41, "confidence": 0.7, "note": "drip live" } ],
        "kpis": [
            { "id": "k1", "name": "30-day retention", "category": "retention", "unit": "%", "higher_is_better": true },
            { "id": "k2", "name": "Cycle time", "category": "delivery", "unit": "days", "higher_is_better": false }
        ],
        "measurements": [ { "kpi": "k1", "date": "2027-01-15", "value": 41.0 } ]
    })
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("m.lodestar")).unwrap();
    import_value(&mut ws, &doc()).unwrap();
    (dir, ws)
}

fn checkins(ws: &Workspace, kr: &str) -> Vec<CheckIn> {
    ws.export_document().unwrap().checkins.into_iter().filter(|c| c.key_result == kr).collect()
}

#[test]
fn a_measurement_checks_in_every_bound_key_result_with_its_date_and_value() {
    let (_dir, mut ws) = workspace();
    let outcome = ws.add_measurement("k1", date("2027-02-10"), 43.5).unwrap();
    assert_eq!(outcome.checked_in, ["kr1", "kr2"]);
    let kr1 = checkins(&ws, "kr1");
    assert_eq!(kr1.len(), 2);
    let new = &kr1[1];
    assert_eq!((new.date, new.value, new.note.as_deref()), (date("2027-02-10"), 43.5, None));
    // The team's last stated confidence carries over (health reads the latest one).
    assert_eq!(new.confidence, Some(0.7));
    let kr2 = checkins(&ws, "kr2");
    assert_eq!((kr2.len(), kr2[0].value, kr2[0].confidence), (1, 43.5, None));
    assert!(checkins(&ws, "kr3").is_empty());
    // The OKR figures move with it: 40 → 46, current 43.5.
    let report = ws.okr_report(date("2027-02-15"), None).unwrap();
    let kr = &report.objectives[0].key_results[0];
    assert_eq!(kr.current, Some(43.5));
    assert!((kr.progress.unwrap() - 3.5 / 6.0).abs() < 1e-12);
}

#[test]
fn a_second_measurement_on_a_day_replaces_that_days_check_in_value() {
    let (_dir, mut ws) = workspace();
    ws.add_checkin(&CheckIn {
        key_result: "kr1".into(),
        date: date("2027-02-10"),
        value: 42.0,
        confidence: Some(0.4),
        note: Some("by hand".into()),
    })
    .unwrap();
    ws.add_measurement("k1", date("2027-02-10"), 43.0).unwrap();
    ws.add_measurement("k1", date("2027-02-10"), 44.0).unwrap();
    let kr1 = checkins(&ws, "kr1");
    assert_eq!(kr1.len(), 2, "one check-in per day: {kr1:?}");
    assert_eq!((kr1[1].value, kr1[1].confidence, kr1[1].note.as_deref()), (44.0, Some(0.4), Some("by hand")));
    // Both measurements stay in the KPI's series.
    assert_eq!(ws.kpi_chart("k1").unwrap().measurements.len(), 3);
}

#[test]
fn a_measurement_before_a_key_results_cycle_starts_gives_it_no_check_in() {
    let (_dir, mut ws) = workspace();
    let outcome = ws.add_measurement("k1", date("2027-01-25"), 42.0).unwrap();
    assert_eq!(outcome.checked_in, ["kr1"], "kr2's cycle starts in February");
    assert!(checkins(&ws, "kr2").is_empty());
}

#[test]
fn bad_measurements_and_kpis_are_refused_at_their_field_and_write_nothing() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    let e = ws.add_measurement("k1", date("2027-02-10"), f64::INFINITY).unwrap_err();
    assert_eq!((e.code, e.field.as_deref(), e.record.as_deref()), (ErrorCode::Invalid, Some("value"), Some("KPI \"k1\"")));
    assert_eq!(ws.add_measurement("k9", date("2027-02-10"), 1.0).unwrap_err().code, ErrorCode::NotFound);
    let kpi = |name: &str, unit: Option<&str>| KpiInput {
        name: name.into(),
        category: KpiCategory::Usage,
        unit: unit.map(str::to_string),
        higher_is_better: Some(true),
    };
    assert_eq!(ws.create_kpi(&kpi("  ", None)).unwrap_err().field.as_deref(), Some("name"));
    assert_eq!(ws.create_kpi(&kpi("ok", Some(&"x".repeat(41)))).unwrap_err().field.as_deref(), Some("unit"));
    assert_eq!(ws.update_kpi("k1", &kpi("", None)).unwrap_err().record.as_deref(), Some("KPI \"k1\""));
    assert_eq!(ws.update_kpi("k9", &kpi("ok", None)).unwrap_err().code, ErrorCode::NotFound);
    let e = ws.bind_key_result_kpi("kr3", Some("k9"), now()).unwrap_err();
    assert_eq!((e.field.as_deref(), e.record.as_deref()), (Some("kpi"), Some("key result \"kr3\"")));
    assert_eq!(ws.export_document().unwrap(), before);
}

#[test]
fn kpis_are_created_edited_and_deleted_and_binding_is_recorded() {
    let (_dir, mut ws) = workspace();
    let id = ws
        .create_kpi(&KpiInput {
            name: " NPS ".into(),
            category: KpiCategory::Satisfaction,
            unit: Some(" pts ".into()),
            higher_is_better: Some(true),
        })
        .unwrap();
    assert_eq!(id, "k3");
    ws.update_kpi(
        &id,
        &KpiInput { name: "Net Promoter Score".into(), category: KpiCategory::Satisfaction, unit: None, higher_is_better: Some(false) },
    )
    .unwrap();
    let k = ws.export_document().unwrap().kpis.into_iter().find(|k| k.id == id).unwrap();
    assert_eq!((k.name.as_str(), k.unit, k.higher_is_better), ("Net Promoter Score", None, Some(false)));

    ws.bind_key_result_kpi("kr3", Some(&id), now()).unwrap();
    assert_eq!(ws.add_measurement(&id, date("2027-02-01"), 35.0).unwrap().checked_in, ["kr3"]);
    let history = ws.history().unwrap();
    assert!(history
        .entries
        .iter()
        .any(|e| e.entity_id == "kr3" && e.revision.field == "kpi" && e.revision.new_value.as_deref() == Some("k3")));

    let m = ws.add_measurement(&id, date("2027-02-08"), 36.0).unwrap();
    ws.delete_measurement(m.id).unwrap();
    assert_eq!(ws.delete_measurement(m.id).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(ws.kpi_chart(&id).unwrap().measurements.len(), 1);

    // Deleting the KPI deletes its measurements and unbinds the key result; check-ins stay.
    ws.delete_kpi(&id).unwrap();
    let doc = ws.export_document().unwrap();
    assert!(doc.measurements.iter().all(|m| m.kpi != id));
    assert_eq!(doc.key_results.iter().find(|k| k.id == "kr3").unwrap().kpi, None);
    assert_eq!(checkins(&ws, "kr3").len(), 2);
}

#[test]
fn the_kpi_chart_has_the_series_and_the_bound_targets_and_the_list_has_latest_values() {
    let (_dir, mut ws) = workspace();
    ws.add_measurement("k1", date("2027-03-01"), 44.0).unwrap();
    ws.add_measurement("k1", date("2027-02-01"), 42.0).unwrap();
    let chart = ws.kpi_chart("k1").unwrap();
    let series: Vec<(NaiveDate, f64)> = chart.measurements.iter().map(|m| (m.date, m.value)).collect();
    assert_eq!(series, [(date("2027-01-15"), 41.0), (date("2027-02-01"), 42.0), (date("2027-03-01"), 44.0)]);
    let kr1 = &chart.key_results[0];
    assert_eq!((kr1.id.as_str(), kr1.baseline, kr1.target), ("kr1", Some(40.0), Some(46.0)));
    assert_eq!((kr1.cycle_start, kr1.cycle_end), (Some(date("2027-01-01")), Some(date("2027-03-31"))));
    assert_eq!(kr1.objective_title, "Retention");
    assert_eq!(chart.key_results.len(), 2);
    assert_eq!(ws.kpi_chart("k9").unwrap_err().code, ErrorCode::NotFound);

    let view = ws.metrics_view().unwrap();
    let k1 = &view.kpis[0];
    assert_eq!((k1.latest.as_ref().unwrap().value, k1.previous.as_ref().unwrap().value, k1.measurements), (44.0, 42.0, 3));
    assert_eq!(k1.bound_key_results, ["kr1", "kr2"]);
    assert_eq!(view.kpis[1].latest, None);
}

#[test]
fn a_csv_import_of_measurements_checks_in_bound_key_results_in_the_same_import() {
    let (_dir, mut ws) = workspace();
    ws.import_csv(CsvImport::Measurements, "kpi,date,value\nk1,2027-02-10,43\n30-day retention,2027-02-17,44\nk2,2027-02-17,8\n", None)
        .unwrap();
    let kr1: Vec<(NaiveDate, f64)> = checkins(&ws, "kr1").iter().map(|c| (c.date, c.value)).collect();
    assert_eq!(kr1, [(date("2027-01-20"), 41.0), (date("2027-02-10"), 43.0), (date("2027-02-17"), 44.0)]);
    assert_eq!(checkins(&ws, "kr2").len(), 2);
    // A refused file records neither measurements nor check-ins.
    let before = ws.export_document().unwrap();
    assert!(ws.import_csv(CsvImport::Measurements, "kpi,date,value\nk1,2027-02-24,45\nk1,2027-02-25,lots\n", None).is_err());
    assert_eq!(ws.export_document().unwrap(), before);
}

#[test]
fn lodestar_measure_records_a_value_and_the_bound_check_ins() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let file = dir.path().join("doc.json");
    std::fs::write(&file, doc().to_string()).unwrap();
    assert!(run_cli(&ws, &["import", file.to_str().unwrap()]).status.success());
    let out = run_cli(&ws, &["measure", "k1", "43.5", "--date", "2027-02-10"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kr1"), "{}", stdout(&out));
    let out = run_cli(&ws, &["report", "okrs", "--as-of", "2027-02-15", "--json"]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["objectives"][0]["key_results"][0]["current"], 43.5);

    let before = stdout(&run_cli(&ws, &["export", "json"]));
    let err = assert_user_error(&run_cli(&ws, &["measure", "k9", "1"]));
    assert!(err.contains("k9"), "{err}");
    assert_eq!(run_cli(&ws, &["measure", "k1", "lots"]).status.code(), Some(2));
    assert_eq!(run_cli(&ws, &["measure", "k1", "1", "--date", "10/02/2027"]).status.code(), Some(2));
    assert_eq!(stdout(&run_cli(&ws, &["export", "json"])), before);
}
