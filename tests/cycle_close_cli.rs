//! `lodestar cycle close`, run as a process on real files, with the worked example of
//! docs/COMPUTATIONS.md ("Closing a cycle").

use std::process::Command;

fn lodestar(workspace: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lodestar")).arg("--workspace").arg(workspace).args(args).output().unwrap()
}

/// The worked example: on 2027-03-31
///   o1 = mean(kr1 (25 − 20) / (30 − 20) = 0.5, kr2 99.6 ≥ 99.5 = 1) = 0.75
///   o2 = mean(kr3 (3.2 − 3.0) / (3.2 − 2.2) = 0.2, kr4 1 of 4 milestones = 0.25) = 0.225
///   o0 = (2 × 0.75 + 1 × 0.225) / 3 = 0.575
const DOC: &str = r#"{
  "format": "lodestar-workspace", "version": 1,
  "product": { "name": "Acme" },
  "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" },
              { "id": "2027-Q2", "start": "2027-04-01", "end": "2027-06-30" } ],
  "objectives": [
    { "id": "o0", "title": "Win mid-market teams", "cycle": "2027-Q1", "status": "active" },
    { "id": "o1", "title": "Make onboarding effortless", "cycle": "2027-Q1", "parent": "o0", "status": "active", "weight": 2 },
    { "id": "o2", "title": "Make managers use Acme weekly", "cycle": "2027-Q1", "parent": "o0", "status": "active" },
    { "id": "o3", "title": "Launch in Germany", "cycle": "2027-Q2", "status": "draft" }
  ],
  "key_results": [
    { "id": "kr1", "objective": "o1", "title": "Raise 30-day retention", "kind": "increase", "unit": "%", "baseline": 20, "target": 30 },
    { "id": "kr2", "objective": "o1", "title": "Keep uptime", "kind": "at_least", "unit": "%", "baseline": 99, "target": 99.5 },
    { "id": "kr3", "objective": "o2", "title": "Cut dashboard load time", "kind": "decrease", "unit": "s", "baseline": 3.2, "target": 2.2 },
    { "id": "kr4", "objective": "o2", "title": "Ship the manager digest", "kind": "milestone" }
  ],
  "checkins": [
    { "key_result": "kr1", "date": "2027-01-15", "value": 22, "confidence": 0.8 },
    { "key_result": "kr1", "date": "2027-02-01", "value": 25, "confidence": 0.7 },
    { "key_result": "kr2", "date": "2027-02-01", "value": 99.6, "confidence": 0.4 },
    { "key_result": "kr3", "date": "2027-02-10", "value": 3.0, "confidence": 0.6 }
  ],
  "milestones": [
    { "id": "m1", "objective": "o2", "title": "Digest design", "due": "2027-01-31", "done_on": "2027-01-28" },
    { "id": "m2", "objective": "o2", "title": "Digest beta", "due": "2027-02-28" },
    { "id": "m3", "objective": "o2", "title": "Digest for all", "due": "2027-03-15" },
    { "id": "m4", "objective": "o2", "title": "Digest in the app", "due": "2027-04-05" }
  ],
  "key_result_milestones": [
    { "key_result": "kr4", "milestone": "m1" }, { "key_result": "kr4", "milestone": "m2" },
    { "key_result": "kr4", "milestone": "m3" }, { "key_result": "kr4", "milestone": "m4" }
  ]
}"#;

fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let doc = dir.path().join("doc.json");
    std::fs::write(&doc, DOC).unwrap();
    let out = lodestar(&ws, &["import", doc.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (dir, ws)
}

fn export(dir: &tempfile::TempDir, ws: &std::path::Path) -> serde_json::Value {
    let out_file = dir.path().join("out.json");
    let out = lodestar(ws, &["export", "json", "--out", out_file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&std::fs::read_to_string(out_file).unwrap()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn closing_the_worked_example_prints_one_line_per_carried_objective() {
    let (dir, ws) = setup();
    let out = lodestar(&ws, &["cycle", "close", "2027-Q1", "--carry-to", "2027-Q2", "--as-of", "2027-04-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // None of o0 (0.575), o1 (0.75), o2 (0.225) is at 1: all three are missed and carried;
    // four objectives exist, so the new ids start at o5.
    assert_eq!(String::from_utf8_lossy(&out.stdout), "carried o0 -> o5\ncarried o1 -> o6\ncarried o2 -> o7\n");

    let doc = export(&dir, &ws);
    let obj = |id: &str| doc["objectives"].as_array().unwrap().iter().find(|o| o["id"] == id).unwrap().clone();
    for id in ["o0", "o1", "o2"] {
        assert_eq!(obj(id)["status"], "missed", "{id}");
    }
    assert_eq!(obj("o3")["status"], "draft");
    assert_eq!(
        (obj("o5")["parent"].clone(), obj("o6")["parent"].clone(), obj("o7")["parent"].clone()),
        (serde_json::Value::Null, "o5".into(), "o5".into())
    );
    assert_eq!(
        (obj("o6")["carried_from"].clone(), obj("o6")["cycle"].clone(), obj("o6")["status"].clone()),
        ("o1".into(), "2027-Q2".into(), "active".into())
    );
    assert_eq!(obj("o6")["weight"], 2.0);
    let krs: Vec<(String, String, serde_json::Value, serde_json::Value)> = doc["key_results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| ["o6", "o7"].contains(&k["objective"].as_str().unwrap()))
        .map(|k| (k["id"].as_str().unwrap().into(), k["title"].as_str().unwrap().into(), k["baseline"].clone(), k["target"].clone()))
        .collect();
    // kr1 → baseline 25 (its value on 03-31), target 30; kr2 (at 1) not copied;
    // kr3 → baseline 3.0, target 2.2; kr4 (milestone kind, no check-in) → baseline 0.
    assert_eq!(
        krs,
        vec![
            ("kr5".into(), "Raise 30-day retention".into(), 25.0.into(), 30.0.into()),
            ("kr6".into(), "Cut dashboard load time".into(), 3.0.into(), 2.2.into()),
            ("kr7".into(), "Ship the manager digest".into(), 0.0.into(), serde_json::Value::Null),
        ]
    );
    // m1 was done: m2, m3, m4 are copied to o7 as m5, m6, m7, bound to kr4's copy kr7.
    let ms: Vec<(&str, &str)> = doc["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["objective"] == "o7")
        .map(|m| (m["id"].as_str().unwrap(), m["title"].as_str().unwrap()))
        .collect();
    assert_eq!(ms, vec![("m5", "Digest beta"), ("m6", "Digest for all"), ("m7", "Digest in the app")]);
    let binds: Vec<(&str, &str)> = doc["key_result_milestones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["key_result"] == "kr7")
        .map(|b| (b["key_result"].as_str().unwrap(), b["milestone"].as_str().unwrap()))
        .collect();
    assert_eq!(binds, vec![("kr7", "m5"), ("kr7", "m6"), ("kr7", "m7")]);
    assert_eq!(doc["checkins"].as_array().unwrap().len(), 4, "no check-in copied");
}

#[test]
fn refusals_exit_1_with_one_line_and_change_nothing() {
    let (dir, ws) = setup();
    let before = export(&dir, &ws);
    let cases: [(&[&str], &str); 4] = [
        (&["cycle", "close", "2027-Q1", "--as-of", "2027-03-31"], "2027-04-01"),
        (&["cycle", "close", "2027-Q1", "--carry-to", "2027-Q9", "--as-of", "2027-04-01"], "no cycle “2027-Q9”"),
        (&["cycle", "close", "2027-Q2", "--carry-to", "2027-Q1", "--force"], "already closed"),
        (&["cycle", "close", "2027-Q7", "--as-of", "2027-04-01"], "2027-Q7"),
    ];
    for (args, says) in cases {
        let out = lodestar(&ws, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("lodestar: ") && err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
        assert_eq!(export(&dir, &ws), before, "{args:?}");
    }
    // A next cycle that does not start after the closed one is refused too.
    let out = lodestar(&ws, &["cycle", "close", "2027-Q1", "--carry-to", "2027-Q1", "--as-of", "2027-04-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("starts on 2027-01-01"), "{}", stderr(&out));

    // Forced before the end, then closed again: refused as already closed.
    let out = lodestar(&ws, &["cycle", "close", "2027-Q1", "--as-of", "2027-03-01", "--force"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing carried without --carry-to");
    let out = lodestar(&ws, &["cycle", "close", "2027-Q1", "--as-of", "2027-04-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("already closed"), "{}", stderr(&out));
}
