//! The goal signal and the outcome from the command line, as a real process on a real
//! file: `report roadmap --json` lists each item's goal progress and health as of a
//! date, and `report okrs --json` each objective's ambition and outcome.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{json, Value};

/// Q1 2027 (Jan 1 – Mar 31, 89 days). o1 (aspirational) has kr1 (0 → 100, weight 3)
/// and kr2 (0 → 10, weight 1); o2 (committed) has kr3 (0 → 100).
/// r1 serves kr1 and kr2, r2 serves kr3 and o1, r3 serves o1 and o2 (objectives
/// only), r4 serves nothing.
fn doc() -> Value {
    let it = |id: &str, goals: &[&str], krs: &[&str]| {
        json!({ "id": id, "lane": "l1", "title": format!("Item {id}"), "start": "2027-01-04", "end": "2027-02-26",
                "kind": "feature", "status": "planned", "objectives": goals, "key_results": krs })
    };
    let kr = |id: &str, o: &str, target: f64, weight: f64| {
        json!({ "id": id, "objective": o, "title": format!("KR {id}"), "kind": "increase", "unit": "%",
                "baseline": 0.0, "target": target, "weight": weight })
    };
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
        "objectives": [
            { "id": "o1", "title": "Retention", "cycle": "2027-Q1", "status": "active" },
            { "id": "o2", "title": "Reliability", "cycle": "2027-Q1", "status": "active", "ambition": "committed" }
        ],
        "key_results": [ kr("kr1", "o1", 100.0, 3.0), kr("kr2", "o1", 10.0, 1.0), kr("kr3", "o2", 100.0, 1.0) ],
        "checkins": [
            { "key_result": "kr1", "date": "2027-02-01", "value": 40.0 },
            { "key_result": "kr2", "date": "2027-02-01", "value": 8.0 },
            { "key_result": "kr3", "date": "2027-02-01", "value": 10.0 },
            { "key_result": "kr1", "date": "2027-03-31", "value": 65.0 },
            { "key_result": "kr2", "date": "2027-03-31", "value": 10.0 },
            { "key_result": "kr3", "date": "2027-03-31", "value": 90.0 }
        ],
        "lanes": [ { "id": "l1", "name": "Onboarding" } ],
        "roadmap_items": [ it("r4", &[], &[]), it("r1", &[], &["kr1", "kr2"]), it("r3", &["o1", "o2"], &[]), it("r2", &["o1"], &["kr3"]) ]
    })
}

fn workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("signal.lodestar");
    let file = dir.join("doc.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc()).unwrap()).unwrap();
    let out = run_cli(&ws, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    ws
}

fn json_of(ws: &Path, args: &[&str]) -> Value {
    let out = run_cli(ws, args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[test]
fn report_roadmap_lists_each_items_goal_signal_by_id_as_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let r = json_of(&ws, &["report", "roadmap", "--json", "--as-of", "2027-02-15"]);
    let items = r["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["r1", "r2", "r3", "r4"]);
    for i in items {
        assert_eq!(i.as_object().unwrap().len(), 3, "{i}");
    }
    // As of Feb 15: kr1 40/100 = 0.4, kr2 8/10 = 0.8, kr3 10/100 = 0.1.
    // o1 = (3 × 0.4 + 1 × 0.8) / 4 = 0.5; o2 = 0.1.
    // Expected by Feb 15: 45/89 = 0.5056. o1's gap 0.0056: on_track; o2's 0.4056: off_track.
    // r1: (3 × 0.4 + 1 × 0.8) / 4 = 0.5, health of o1.
    assert!(close(&items[0]["goal_progress"], 0.5), "{}", items[0]);
    assert_eq!(items[0]["goal_health"], "on_track");
    // r2: its key result kr3 only (0.1); health: the worse of o1 and o2 (kr3's objective).
    assert!(close(&items[1]["goal_progress"], 0.1), "{}", items[1]);
    assert_eq!(items[1]["goal_health"], "off_track");
    // r3: objectives only, unweighted: (0.5 + 0.1) / 2 = 0.3.
    assert!(close(&items[2]["goal_progress"], 0.3), "{}", items[2]);
    assert_eq!(items[2]["goal_health"], "off_track");
    // r4 serves nothing.
    assert_eq!(items[3], json!({ "id": "r4", "goal_progress": null, "goal_health": null }));
    // Three of four items serve a goal; r1 only through key results.
    assert_eq!(r["coverage"], 0.75);

    // Before the cycle: progress from the baselines (0), health not started.
    let early = json_of(&ws, &["report", "roadmap", "--json", "--as-of", "2026-12-15"]);
    assert_eq!(early["items"][0], json!({ "id": "r1", "goal_progress": 0.0, "goal_health": "not_started" }));
}

#[test]
fn report_okrs_gives_each_objective_its_ambition_and_after_the_cycle_its_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let during = json_of(&ws, &["report", "okrs", "--json", "--as-of", "2027-02-15"]);
    assert_eq!(during["objectives"][0]["ambition"], "aspirational");
    assert_eq!(during["objectives"][1]["ambition"], "committed");
    assert_eq!(during["objectives"][0]["outcome"], Value::Null);
    assert_eq!(during["objectives"][1]["outcome"], Value::Null);

    let after = json_of(&ws, &["report", "okrs", "--json", "--as-of", "2027-04-02"]);
    // o1 on Mar 31: kr1 0.65, kr2 1.0: (3 × 0.65 + 1.0) / 4 = 0.7375, grade 0.7 —
    // an aspirational objective at 0.7 is a success.
    assert_eq!(after["objectives"][0]["grade"], 0.7);
    assert_eq!(after["objectives"][0]["outcome"], "success");
    // o2 on Mar 31: kr3 0.9, grade 0.9 — a committed objective short of 1.0 is a miss.
    assert_eq!(after["objectives"][1]["grade"], 0.9);
    assert_eq!(after["objectives"][1]["outcome"], "miss");

    // The table says it too.
    let out = run_cli(&ws, &["report", "okrs", "--as-of", "2027-04-02"]);
    let text = stdout(&out);
    assert!(text.contains("    aspirational, outcome: success\n"), "{text}");
    assert!(text.contains("    committed, outcome: miss\n"), "{text}");
}

#[test]
fn the_text_report_lists_the_items_serving_a_measured_goal() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let out = run_cli(&ws, &["report", "roadmap", "--as-of", "2027-02-15"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Goal signal (3 of 4 items serve a measured goal)"), "{text}");
    assert!(text.contains("  r1                     50%  on track\n"), "{text}");
    assert!(text.contains("  r2                     10%  off track\n"), "{text}");
    assert!(!text.contains("  r4 "), "{text}");
}

/// The Roadmap view's bars carry the same signal, and "Goals at risk" keeps only the
/// items whose goals are at risk, off track or missed.
#[test]
fn the_roadmap_view_draws_the_signal_on_its_bars_and_filters_goals_at_risk() {
    use lodestar::layout::{LayoutRequest, Zoom};
    use lodestar::store::Workspace;
    use lodestar::views::roadmap::EditState;
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_existing(&workspace(dir.path())).unwrap();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let req = LayoutRequest::new(day("2027-01-01"), day("2027-03-31"), Zoom::Month);
    let view = ws.roadmap_view(&req, day("2027-02-15"), EditState::default()).unwrap();
    let bar = |id: &str| view.geometry.bars.iter().find(|b| b.item == id).unwrap().clone();
    let report = json_of(&ws_path(dir.path()), &["report", "roadmap", "--json", "--as-of", "2027-02-15"]);
    for (i, id) in ["r1", "r2", "r3", "r4"].iter().enumerate() {
        let b = bar(id);
        assert_eq!(serde_json::to_value(b.goal_progress).unwrap(), report["items"][i]["goal_progress"], "{id}");
        assert_eq!(serde_json::to_value(b.goal_health).unwrap(), report["items"][i]["goal_health"], "{id}");
    }
    assert!(!bar("r1").no_goal, "serving key results is serving a goal");
    assert!(bar("r4").no_goal);
    // r2 and r3 are off track (through o2); r1 is on track, r4 has no goal.
    let risky =
        ws.roadmap_view(&LayoutRequest { goals_at_risk: Some(true), ..req.clone() }, day("2027-02-15"), EditState::default()).unwrap();
    let mut shown: Vec<&str> = risky.geometry.bars.iter().map(|b| b.item.as_str()).collect();
    shown.sort();
    assert_eq!(shown, ["r2", "r3"]);
    // The goal filter counts an item serving one of the objective's key results: r1
    // serves o1 through kr1 and kr2, r2 directly, r3 directly; r4 nothing.
    let o1 =
        ws.roadmap_view(&LayoutRequest { objective: Some("o1".into()), ..req.clone() }, day("2027-02-15"), EditState::default()).unwrap();
    let mut shown: Vec<&str> = o1.geometry.bars.iter().map(|b| b.item.as_str()).collect();
    shown.sort();
    assert_eq!(shown, ["r1", "r2", "r3"]);
    let o2 = ws.roadmap_view(&LayoutRequest { objective: Some("o2".into()), ..req }, day("2027-02-15"), EditState::default()).unwrap();
    let mut shown: Vec<&str> = o2.geometry.bars.iter().map(|b| b.item.as_str()).collect();
    shown.sort();
    assert_eq!(shown, ["r2", "r3"], "r2 serves o2 through kr3");
}

fn ws_path(dir: &Path) -> PathBuf {
    dir.join("signal.lodestar")
}

/// The item panel's goals: the key results it serves with their figures, and the key
/// results it could serve, grouped by objective.
#[test]
fn the_item_panel_gets_each_served_key_result_with_its_figures() {
    use lodestar::store::Workspace;
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_existing(&workspace(dir.path())).unwrap();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let g = ws.roadmap_item_goals("r2", day("2027-02-15")).unwrap();
    assert_eq!(g.signal.id, "r2");
    assert!((g.signal.goal_progress.unwrap() - 0.1).abs() < 1e-9);
    assert_eq!(g.key_results.len(), 1);
    let kr = &g.key_results[0];
    assert_eq!((kr.id.as_str(), kr.objective.as_str(), kr.objective_title.as_str()), ("kr3", "o2", "Reliability"));
    assert!((kr.progress.unwrap() - 0.1).abs() < 1e-9); // 10 / 100
    assert_eq!(serde_json::to_value(kr.health).unwrap(), "off_track");
    assert_eq!(kr.deadline, Some(day("2027-03-31")));
    assert_eq!(kr.unit.as_deref(), Some("%"));
    // Points (day 0, 0) and (day 31, 10): the line reaches 10 / 31 × 89 = 28.71 on Mar 31.
    assert!((kr.forecast_value.unwrap() - 890.0 / 31.0).abs() < 1e-9, "{:?}", kr.forecast_value);
    assert!((kr.forecast_progress.unwrap() - 8.9 / 31.0).abs() < 1e-9);
    let choices: Vec<(&str, &str)> = g.choices.iter().map(|c| (c.objective.as_str(), c.id.as_str())).collect();
    assert_eq!(choices, [("o1", "kr1"), ("o1", "kr2"), ("o2", "kr3")]);
    assert_eq!(ws.roadmap_item_goals("nope", day("2027-02-15")).unwrap_err().code, lodestar::error::ErrorCode::NotFound);
}
