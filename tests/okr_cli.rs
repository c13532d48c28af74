//! `lodestar checkin` and `lodestar report okrs`, run as processes on real files.

use std::process::Command;

fn lodestar(workspace: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lodestar")).arg("--workspace").arg(workspace).args(args).output().unwrap()
}

const DOC: &str = r#"{
  "format": "lodestar-workspace", "version": 1,
  "product": { "name": "Acme" },
  "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
  "objectives": [
    { "id": "o1", "title": "Make onboarding effortless", "cycle": "2027-Q1", "status": "active" },
    { "id": "o2", "title": "Onboarding team", "cycle": "2027-Q1", "parent": "o1", "status": "active", "weight": 1 }
  ],
  "key_results": [
    { "id": "kr1", "objective": "o2", "title": "Raise 30-day retention", "kind": "increase", "unit": "%",
      "baseline": 20, "target": 30 }
  ],
  "checkins": [ { "key_result": "kr1", "date": "2027-01-15", "value": 22, "confidence": 0.8 } ]
}"#;

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let doc = dir.path().join("doc.json");
    std::fs::write(&doc, DOC).unwrap();
    assert!(lodestar(&ws, &["import", doc.to_str().unwrap()]).status.success());
    (dir, ws)
}

#[test]
fn a_check_in_from_the_command_line_moves_the_report() {
    let (_dir, ws) = setup();
    let out = lodestar(&ws, &["checkin", "kr1", "25", "--date", "2027-02-01", "--confidence", "0.7", "--note", "drip live"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let out = lodestar(&ws, &["report", "okrs", "--as-of", "2027-02-15", "--json"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["as_of"], "2027-02-15");
    let o1 = &report["objectives"][0];
    let o2 = &report["objectives"][1];
    assert_eq!(o1["id"], "o1");
    // o1 has no key results: its progress is its only child's (rollup).
    assert_eq!(o1["progress"], 0.5);
    assert_eq!(o2["key_results"][0]["current"], 25.0);
    assert_eq!(o2["key_results"][0]["confidence"], 0.7);
    assert!((o2["expected"].as_f64().unwrap() - 45.0 / 89.0).abs() < 1e-12);
    assert_eq!(o2["health"], "on_track");
    assert_eq!(o2["grade"], 0.5);
    // Every key of the docs/CLI.md shape is present, null where undefined.
    for key in ["id", "title", "cycle", "parent", "progress", "expected", "health", "forecast_progress", "grade", "key_results"] {
        assert!(o1.get(key).is_some(), "missing {key}");
    }
    for key in ["id", "current", "progress", "confidence", "forecast_value", "forecast_progress"] {
        assert!(o2["key_results"][0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(o1["parent"], serde_json::Value::Null);
    assert_eq!(o2["parent"], "o1");
}

#[test]
fn a_bad_check_in_exits_1_naming_the_field_and_changes_nothing() {
    let (_dir, ws) = setup();
    let before = lodestar(&ws, &["export", "json"]).stdout;
    let out = lodestar(&ws, &["checkin", "kr1", "25", "--date", "2027-02-01", "--confidence", "1.5"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("confidence") && err.contains("kr1"), "{err}");
    assert_eq!(err.trim().lines().count(), 1);
    let out = lodestar(&ws, &["checkin", "nope", "25"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lodestar(&ws, &["export", "json"]).stdout, before);
    // Not a number, or a malformed date: bad usage.
    assert_eq!(lodestar(&ws, &["checkin", "kr1", "lots"]).status.code(), Some(2));
    assert_eq!(lodestar(&ws, &["report", "okrs", "--as-of", "15/02/2027"]).status.code(), Some(2));
}

#[test]
fn the_report_filters_by_cycle_and_prints_a_table_without_json() {
    let (_dir, ws) = setup();
    let out = lodestar(&ws, &["report", "okrs", "--as-of", "2027-02-15", "--cycle", "2027-Q1"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("Make onboarding effortless") && table.contains("kr1"), "{table}");
    let out = lodestar(&ws, &["report", "okrs", "--cycle", "2031-Q4"]);
    assert_eq!(out.status.code(), Some(1));
}
