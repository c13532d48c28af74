//! `lodestar report roadmap [--from D] [--to D] [--json]` as a real process on a real
//! file: the JSON shape of docs/CLI.md, the range options, and the exit statuses.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{json, Value};

/// Q1 2027: r2 starts the day r1 ends (a dependency conflict), r3 runs past the end of
/// its goal's cycle, m1 is due after it, r4 is dropped, r5 serves no goal.
fn doc() -> Value {
    let it = |id: &str, start: &str, end: &str, kind: &str, status: &str, goals: &[&str], deps: &[&str]| {
        json!({ "id": id, "lane": "l1", "title": format!("Item {id}"), "start": start, "end": end, "kind": kind,
                "status": status, "objectives": goals, "depends_on": deps })
    };
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
        "objectives": [ { "id": "o1", "title": "Retention", "cycle": "2027-Q1", "status": "active" } ],
        "lanes": [ { "id": "l1", "name": "Onboarding" } ],
        "roadmap_items": [
            it("r1", "2027-01-01", "2027-01-10", "feature", "done", &["o1"], &[]),
            it("r2", "2027-01-10", "2027-01-19", "tech_debt", "in_progress", &["o1"], &["r1"]),
            it("r3", "2027-03-22", "2027-04-10", "reliability", "planned", &["o1"], &[]),
            it("r4", "2027-01-01", "2027-12-31", "growth", "dropped", &[], &[]),
            it("r5", "2027-02-01", "2027-02-10", "discovery", "idea", &[], &[])
        ],
        "milestones": [ { "id": "m1", "objective": "o1", "title": "Late", "due": "2027-04-02" } ]
    })
}

fn workspace(dir: &Path, doc: &Value) -> PathBuf {
    let ws = dir.join("roadmap.lodestar");
    let file = dir.join("doc.json");
    std::fs::write(&file, serde_json::to_string_pretty(doc).unwrap()).unwrap();
    let out = run_cli(&ws, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    ws
}

fn report(ws: &Path, args: &[&str]) -> Value {
    let mut all = vec!["report", "roadmap", "--json"];
    all.extend_from_slice(args);
    let out = run_cli(ws, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn the_json_report_has_the_shape_of_cli_md() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &doc());
    let r = report(&ws, &[]);
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["allocation", "conflicts", "coverage", "items"], "{r}");
    // Four items are not dropped; three of them serve a goal.
    assert_eq!(r["coverage"], 0.75);
    assert_eq!(
        r["conflicts"],
        json!([
            { "kind": "past_objective_deadline", "item": "r3", "objective": "o1" },
            { "kind": "starts_before_dependency_ends", "item": "r2", "depends_on": "r1" },
            { "kind": "milestone_after_cycle", "milestone": "m1", "objective": "o1" }
        ])
    );
    // Default range Jan 1 – Apr 10 (the dropped r4 does not stretch it):
    // r1 10 days, r2 10, r3 20, r5 10 = 50 item-days.
    assert_eq!(r["allocation"], json!({ "feature": 0.2, "discovery": 0.2, "tech_debt": 0.2, "reliability": 0.4, "growth": 0.0 }));
}

#[test]
fn from_and_to_change_the_allocation_range_only() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &doc());
    let whole = report(&ws, &[]);
    // Jan 6 – Jan 15: r1 Jan 6–10 (5 days), r2 Jan 10–15 (6 days).
    let part = report(&ws, &["--from", "2027-01-06", "--to", "2027-01-15"]);
    let a = &part["allocation"];
    assert!((a["feature"].as_f64().unwrap() - 5.0 / 11.0).abs() < 1e-12, "{a}");
    assert!((a["tech_debt"].as_f64().unwrap() - 6.0 / 11.0).abs() < 1e-12, "{a}");
    assert_eq!((a["discovery"].as_f64(), a["reliability"].as_f64(), a["growth"].as_f64()), (Some(0.0), Some(0.0), Some(0.0)));
    assert_eq!((&part["coverage"], &part["conflicts"]), (&whole["coverage"], &whole["conflicts"]));
    // Only --to: from the earliest start. Only --from: to the latest end.
    assert_eq!(report(&ws, &["--to", "2027-01-05"])["allocation"]["feature"], 1.0);
    assert_eq!(report(&ws, &["--from", "2027-04-01"])["allocation"]["reliability"], 1.0);
    // A range with no item-days: every kind still there, at 0.
    let empty = report(&ws, &["--from", "2030-01-01", "--to", "2030-12-31"]);
    assert_eq!(empty["allocation"], json!({ "feature": 0.0, "discovery": 0.0, "tech_debt": 0.0, "reliability": 0.0, "growth": 0.0 }));
}

#[test]
fn an_empty_roadmap_reports_null_coverage_no_conflicts_and_zero_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &json!({ "format": "lodestar-workspace", "version": 1, "product": { "name": "Acme" } }));
    let r = report(&ws, &[]);
    assert_eq!(r["coverage"], Value::Null);
    assert_eq!(r["conflicts"], json!([]));
    assert_eq!(r["allocation"], json!({ "feature": 0.0, "discovery": 0.0, "tech_debt": 0.0, "reliability": 0.0, "growth": 0.0 }));
}

#[test]
fn the_text_report_names_coverage_allocation_and_each_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &doc());
    let out = run_cli(&ws, &["report", "roadmap"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Why coverage: 75%"), "{text}");
    assert!(text.contains("reliability") && text.contains("40%"), "{text}");
    assert!(text.contains("Conflicts: 3"), "{text}");
    assert!(text.contains("r2 starts before r1"), "{text}");
    assert!(text.contains("milestone m1"), "{text}");
}

#[test]
fn a_date_that_is_not_a_date_is_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &doc());
    for args in [["--from", "2027-13-01"], ["--to", "tomorrow"], ["--from", "2027-02-30"]] {
        let mut all = vec!["report", "roadmap", "--json"];
        all.extend_from_slice(&args);
        let out = run_cli(&ws, &all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
        assert!(stderr(&out).contains(args[0]), "the message should name the option: {}", stderr(&out));
    }
}

#[test]
fn a_range_that_ends_before_it_starts_is_a_user_error() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path(), &doc());
    let out = run_cli(&ws, &["report", "roadmap", "--from", "2027-03-01", "--to", "2027-02-01"]);
    let line = assert_user_error(&out);
    assert!(line.contains("2027-02-01") && line.contains("before it starts"), "{line}");
}

#[test]
fn a_missing_workspace_is_a_user_error_and_is_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("missing.lodestar");
    let line = assert_user_error(&run_cli(&ws, &["report", "roadmap", "--json"]));
    assert!(line.contains("missing.lodestar"), "{line}");
    assert!(!ws.exists());
}
