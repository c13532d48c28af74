//! `lodestar report weekly`, run as a process on a real file: the JSON shape of
//! docs/CLI.md and the Markdown status report, with figures worked by hand.

use std::process::Command;

fn lodestar(workspace: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lodestar")).arg("--workspace").arg(workspace).args(args).output().unwrap()
}

const DOC: &str = r##"{
  "format": "lodestar-workspace", "version": 1,
  "product": { "name": "Acme" },
  "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
  "objectives": [
    { "id": "o1", "title": "Make onboarding effortless", "cycle": "2027-Q1", "status": "active" },
    { "id": "o2", "title": "Grow **revenue** #1", "cycle": "2027-Q1", "status": "active" }
  ],
  "key_results": [
    { "id": "kr1", "objective": "o1", "title": "Raise 30-day retention", "kind": "increase", "unit": "%", "baseline": 20, "target": 30 },
    { "id": "kr2", "objective": "o1", "title": "Cut time-to-first-chart", "kind": "decrease", "unit": "min", "baseline": 10, "target": 5 },
    { "id": "kr3", "objective": "o2", "title": "Paid seats", "kind": "increase", "baseline": 0, "target": 100 }
  ],
  "checkins": [
    { "key_result": "kr1", "date": "2027-02-01", "value": 25, "confidence": 0.8 },
    { "key_result": "kr1", "date": "2027-02-12", "value": 26.2, "confidence": 0.5 },
    { "key_result": "kr2", "date": "2027-02-01", "value": 8, "confidence": 0.9 }
  ],
  "milestones": [
    { "id": "m1", "objective": "o1", "title": "Beta launch", "due": "2027-02-10", "done_on": "2027-02-11" },
    { "id": "m2", "objective": "o1", "title": "Pricing page", "due": "2027-02-03" },
    { "id": "m3", "objective": "o1", "title": "Public API", "due": "2027-02-20" }
  ],
  "lanes": [ { "id": "l1", "name": "Onboarding", "color": "#4f7cff" } ],
  "roadmap_items": [
    { "id": "r1", "lane": "l1", "title": "Guided setup", "start": "2027-01-04", "end": "2027-02-21", "kind": "feature", "status": "in_progress", "objectives": ["o1"] },
    { "id": "r2", "lane": "l1", "title": "SSO", "start": "2027-02-22", "end": "2027-03-12", "kind": "feature", "status": "planned" },
    { "id": "r3", "lane": "l1", "title": "Data export", "start": "2027-03-01", "end": "2027-04-10", "kind": "feature", "status": "planned", "objectives": ["o1"] }
  ],
  "baselines": [
    { "id": "b1", "name": "Q1 plan as approved", "saved_on": "2027-01-02",
      "items": [ { "item": "r1", "lane": "l1", "start": "2027-01-04", "end": "2027-02-12" } ] }
  ]
}"##;

fn setup(doc: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let file = dir.path().join("doc.json");
    std::fs::write(&file, doc).unwrap();
    let out = lodestar(&ws, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, ws)
}

fn close(v: &serde_json::Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|v| (v - expected).abs() < 1e-9)
}

#[test]
fn the_weekly_review_as_json_has_the_documented_shape_and_figures() {
    let (_dir, ws) = setup(DOC);
    let out = lodestar(&ws, &["report", "weekly", "--as-of", "2027-02-15", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["as_of"], "2027-02-15");
    assert_eq!(r["week"], serde_json::json!({ "from": "2027-02-09", "to": "2027-02-15" }));

    // o1: kr1 (26.2 − 20) / 10 = 0.62, kr2 (10 − 8) / 5 = 0.4: 0.51 now; on 8 Feb kr1 was
    // 0.5: 0.45; change 0.06. Expected 45/89 = 0.5056, so ahead; lowest confidence 0.5: on track.
    let o1 = &r["progress"][0];
    assert_eq!(o1["objective"], "o1");
    assert!(close(&o1["progress"], 0.51) && close(&o1["change"], 0.06), "{o1}");
    assert_eq!(o1["health"], "on_track");
    // o2: no check-in, 0 both days; 0.5056 behind: off track.
    assert_eq!(r["progress"][1], serde_json::json!({ "objective": "o2", "progress": 0.0, "change": 0.0, "health": "off_track" }));

    // kr3 never checked in (first), kr2 last on 1 Feb; kr1 was checked in on 12 Feb.
    assert_eq!(
        r["checkins_due"],
        serde_json::json!([{ "key_result": "kr3", "last_checkin": null }, { "key_result": "kr2", "last_checkin": "2027-02-01" }])
    );
    assert_eq!(r["confidence_drops"], serde_json::json!([{ "key_result": "kr1", "from": 0.8, "to": 0.5 }]));
    assert_eq!(r["milestones_done"], serde_json::json!(["m1"]));
    assert_eq!(r["milestones_overdue"], serde_json::json!(["m2"]));
    assert_eq!(r["milestones_next"], serde_json::json!(["m3"]));
    // SSO starts 22 Feb, Data export 1 Mar (as_of + 14); Guided setup started in January.
    assert_eq!(r["items_next"], serde_json::json!(["r2", "r3"]));
    // Guided setup ends 21 Feb, 12 Feb in the baseline: 9 days.
    assert_eq!(r["baseline"], "b1");
    assert_eq!(r["slips"], serde_json::json!([{ "item": "r1", "days": 9 }]));
    // Data export ends 10 Apr, after Q1 which o1 is in: one conflict.
    assert_eq!(r["problems"], serde_json::json!({ "objectives": ["o2"], "conflicts": 1 }));
}

#[test]
fn the_weekly_review_as_markdown_is_a_status_report_with_titles() {
    let (_dir, ws) = setup(DOC);
    let out = lodestar(&ws, &["report", "weekly", "--as-of", "2027-02-15", "--markdown"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = "\
# Acme — weekly review, 9–15 Feb 2027

## Progress

- Make onboarding effortless — 51 % (+6 pts this week), on track
- Grow \\*\\*revenue\\*\\* \\#1 — 0 % (no change this week), off track
- Check-in due: Paid seats (never checked in)
- Check-in due: Cut time-to-first-chart (last 1 Feb)
- Confidence down: Raise 30-day retention, 80 % → 50 %

## Plans

- Milestone done: Beta launch (done 11 Feb)
- Milestone overdue: Pricing page (due 3 Feb)
- Milestone next: Public API (due 20 Feb)
- Starting 22 Feb: SSO (until 12 Mar)
- Starting 1 Mar: Data export (until 10 Apr)
- Guided setup ends 9 days later than in 'Q1 plan as approved'

## Problems

- Off track: Grow \\*\\*revenue\\*\\* \\#1
- 1 conflict on the roadmap
";
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    // Without a flag, the text is the same report.
    let plain = lodestar(&ws, &["report", "weekly", "--as-of", "2027-02-15"]);
    assert_eq!(String::from_utf8(plain.stdout).unwrap(), expected);
}

#[test]
fn an_empty_week_says_so_in_each_section() {
    let (_dir, ws) = setup(r#"{ "format": "lodestar-workspace", "version": 1, "product": { "name": "Acme" } }"#);
    let out = lodestar(&ws, &["report", "weekly", "--as-of", "2027-01-03", "--markdown"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "# Acme — weekly review, 28 Dec 2026 – 3 Jan 2027\n\n## Progress\n\nNo open objectives this week.\n\n## Plans\n\nNothing due.\n\n## Problems\n\nNo goals at risk and no roadmap conflicts.\n"
    );
    let json = lodestar(&ws, &["report", "weekly", "--as-of", "2027-01-03", "--json"]);
    let r: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(r["baseline"], serde_json::Value::Null);
    assert_eq!(r["slips"], serde_json::json!([]));
    // --json and --markdown exclude each other: bad usage.
    assert_eq!(lodestar(&ws, &["report", "weekly", "--json", "--markdown"]).status.code(), Some(2));
}

/// The worked example of docs/COMPUTATIONS.md ("The weekly review"), as it describes it.
const WORKED_EXAMPLE: &str = r##"{ "format": "lodestar-workspace", "version": 1, "product": { "name": "Acme" },
  "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" }, { "id": "2027-Q2", "start": "2027-04-01", "end": "2027-06-30" } ],
  "objectives": [
    { "id": "o0", "title": "Win mid-market teams", "cycle": "2027-Q1", "status": "active" },
    { "id": "o1", "title": "Make onboarding effortless", "cycle": "2027-Q1", "parent": "o0", "weight": 2, "status": "active" },
    { "id": "o2", "title": "Make managers use Acme weekly", "cycle": "2027-Q1", "parent": "o0", "status": "active" },
    { "id": "o3", "title": "Launch in Germany", "cycle": "2027-Q2", "status": "draft" }
  ],
  "key_results": [
    { "id": "kr1", "objective": "o1", "title": "Raise 30-day retention", "kind": "increase", "unit": "%", "baseline": 20, "target": 30 },
    { "id": "kr2", "objective": "o1", "title": "Keep uptime above 99.5%", "kind": "at_least", "unit": "%", "baseline": 99, "target": 99.5 },
    { "id": "kr3", "objective": "o2", "title": "Dashboard load", "kind": "decrease", "unit": "s", "baseline": 3.2, "target": 2.2 },
    { "id": "kr4", "objective": "o2", "title": "Manager features", "kind": "milestone", "baseline": 0, "target": 1 }
  ],
  "checkins": [
    { "key_result": "kr1", "date": "2027-01-15", "value": 22, "confidence": 0.8 },
    { "key_result": "kr1", "date": "2027-02-01", "value": 25, "confidence": 0.7 },
    { "key_result": "kr2", "date": "2027-02-01", "value": 99.6, "confidence": 0.4 },
    { "key_result": "kr3", "date": "2027-02-10", "value": 3.0, "confidence": 0.6 }
  ],
  "milestones": [
    { "id": "m1", "objective": "o2", "title": "M1", "due": "2027-01-31", "done_on": "2027-01-28" },
    { "id": "m2", "objective": "o2", "title": "Beta to 20 managers", "due": "2027-02-28" },
    { "id": "m3", "objective": "o2", "title": "M3", "due": "2027-03-15" },
    { "id": "m4", "objective": "o2", "title": "M4", "due": "2027-04-05" }
  ],
  "key_result_milestones": [
    { "key_result": "kr4", "milestone": "m1" }, { "key_result": "kr4", "milestone": "m2" },
    { "key_result": "kr4", "milestone": "m3" }, { "key_result": "kr4", "milestone": "m4" }
  ],
  "lanes": [ { "id": "l1", "name": "Onboarding", "color": "#4f7cff" }, { "id": "l2", "name": "Platform", "color": "#22aa88" } ],
  "roadmap_items": [
    { "id": "r1", "lane": "l1", "title": "Guided setup", "start": "2027-01-04", "end": "2027-02-12", "kind": "feature", "status": "in_progress", "objectives": ["o1"] },
    { "id": "r2", "lane": "l1", "title": "Usage dashboard for managers", "start": "2027-02-12", "end": "2027-04-09", "kind": "feature", "status": "planned", "objectives": ["o2"], "depends_on": ["r1"] },
    { "id": "r3", "lane": "l2", "title": "Faster queries", "start": "2027-01-18", "end": "2027-03-12", "kind": "tech_debt", "status": "in_progress", "objectives": ["o2"] },
    { "id": "r4", "lane": "l2", "title": "Pricing page test", "start": "2027-03-01", "end": "2027-03-14", "kind": "growth", "status": "planned" },
    { "id": "r5", "lane": "l2", "title": "Legacy export", "start": "2027-01-04", "end": "2027-01-29", "kind": "reliability", "status": "dropped" },
    { "id": "r6", "lane": "l1", "title": "Onboarding interviews", "start": "2027-01-04", "end": "2027-01-15", "kind": "discovery", "status": "done", "objectives": ["o1"] }
  ],
  "baselines": [ { "id": "b1", "name": "Q1 plan as approved", "saved_on": "2027-01-02", "items": [
    { "item": "r1", "lane": "l1", "start": "2027-01-04", "end": "2027-02-05" },
    { "item": "r2", "lane": "l1", "start": "2027-02-08", "end": "2027-03-26" },
    { "item": "r3", "lane": "l2", "start": "2027-01-18", "end": "2027-03-12" } ] } ]
}"##;

#[test]
fn the_worked_example_of_the_docs_gives_the_documented_review() {
    let (_dir, ws) = setup(WORKED_EXAMPLE);
    let out = lodestar(&ws, &["report", "weekly", "--as-of", "2027-02-15", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // On 8 Feb kr3 had no check-in (0), so o2 was (0 + 0.25) / 2 = 0.125 and o0
    // (2 × 0.75 + 0.125) / 3 = 0.5417; now o0 0.575, o1 0.75, o2 (0.2 + 0.25) / 2 = 0.225.
    let expected = [("o0", 0.575, 0.575 - 1.625 / 3.0, "on_track"), ("o1", 0.75, 0.0, "at_risk"), ("o2", 0.225, 0.1, "off_track")];
    for (p, (id, progress, change, health)) in r["progress"].as_array().unwrap().iter().zip(expected) {
        assert_eq!(p["objective"], id);
        assert!(close(&p["progress"], progress) && close(&p["change"], change), "{p}");
        assert_eq!(p["health"], health);
    }
    assert_eq!(r["progress"].as_array().unwrap().len(), 3);
    assert_eq!(
        r["checkins_due"],
        serde_json::json!([{ "key_result": "kr1", "last_checkin": "2027-02-01" }, { "key_result": "kr2", "last_checkin": "2027-02-01" }])
    );
    assert_eq!(r["confidence_drops"], serde_json::json!([]));
    assert_eq!(r["milestones_done"], serde_json::json!([]));
    assert_eq!(r["milestones_overdue"], serde_json::json!([]));
    assert_eq!(r["milestones_next"], serde_json::json!(["m2"]));
    assert_eq!(r["items_next"], serde_json::json!(["r4"]));
    assert_eq!(r["baseline"], "b1");
    assert_eq!(r["slips"], serde_json::json!([{ "item": "r2", "days": 14 }, { "item": "r1", "days": 7 }]));
    assert_eq!(r["problems"], serde_json::json!({ "objectives": ["o1", "o2"], "conflicts": 3 }));

    // The status report printed in docs/CLI.md.
    let md = lodestar(&ws, &["report", "weekly", "--as-of", "2027-02-15", "--markdown"]);
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/CLI.md")).unwrap();
    let start = docs.find("```markdown\n# Acme — weekly review").expect("the example in docs/CLI.md") + "```markdown\n".len();
    let end = start + docs[start..].find("```").unwrap();
    assert_eq!(String::from_utf8(md.stdout).unwrap(), &docs[start..end]);
}
