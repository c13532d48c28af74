//! Prioritization (docs/COMPUTATIONS.md "Prioritization"): RICE and ICE scores, the backlog
//! (not done or dropped), the ranking with its ties, score edits with undo, and
//! `lodestar report backlog` with the exact JSON shape of docs/CLI.md.

mod common;

use common::*;
use lodestar::compute::backlog::ScoreBy;
use lodestar::edit_history::EditHistory;
use lodestar::model::{Ice, ItemScores, Moscow, Rice, RoadmapEdit};
use lodestar::{ErrorCode, Workspace};
use serde_json::{json, Value};

fn item(id: &str, title: &str, status: &str, rice: Option<[f64; 4]>, ice: Option<[f64; 3]>) -> Value {
    let mut v = json!({ "id": id, "lane": "l1", "title": title, "kind": "feature", "status": status });
    if let Some([reach, impact, confidence, effort]) = rice {
        v["rice"] = json!({ "reach": reach, "impact": impact, "confidence": confidence, "effort": effort });
    }
    if let Some([impact, confidence, ease]) = ice {
        v["ice"] = json!({ "impact": impact, "confidence": confidence, "ease": ease });
    }
    v
}

/// r1 is the format's example (RICE 640, ICE 240); r2 and r3 tie it on RICE; r4 and
/// r5 are done and dropped; r6 has only ICE; r7 ranks last; r8 has no scores.
fn doc() -> Value {
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "lanes": [ { "id": "l1", "name": "Onboarding" } ],
        "roadmap_items": [
            item("r1", "Guided setup", "planned", Some([1200.0, 2.0, 0.8, 3.0]), Some([8.0, 6.0, 5.0])),
            item("r3", "Alpha", "in_progress", Some([320.0, 2.0, 1.0, 1.0]), None),
            item("r2", "Alpha", "idea", Some([640.0, 1.0, 1.0, 1.0]), Some([2.0, 3.0, 4.0])),
            item("r4", "Finished", "done", Some([10000.0, 3.0, 1.0, 1.0]), Some([10.0, 10.0, 10.0])),
            item("r5", "Abandoned", "dropped", Some([10000.0, 3.0, 1.0, 1.0]), Some([10.0, 10.0, 10.0])),
            item("r6", "Only ICE", "planned", None, Some([10.0, 10.0, 9.0])),
            item("r7", "Small", "planned", Some([100.0, 0.5, 0.5, 2.0]), None),
            item("r8", "Unscored", "idea", None, None)
        ]
    })
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("b.lodestar")).unwrap();
    import_value(&mut ws, &doc()).unwrap();
    (dir, ws)
}

fn ranking(ws: &Workspace, by: ScoreBy) -> Vec<(String, f64)> {
    ws.backlog_report(by).unwrap().items.into_iter().map(|r| (r.id, r.score)).collect()
}

fn pairs(v: &[(&str, f64)]) -> Vec<(String, f64)> {
    v.iter().map(|(id, s)| (id.to_string(), *s)).collect()
}

#[test]
fn rice_ranks_the_backlog_with_ties_by_title_then_id_and_leaves_out_the_rest() {
    let (_dir, ws) = workspace();
    // 1200 × 2 × 0.8 ÷ 3 = 640 (the format's worked example); 640 × 1 × 1 ÷ 1 and
    // 320 × 2 × 1 ÷ 1 tie it: "Alpha" (r2, then r3) before "Guided setup".
    // 100 × 0.5 × 0.5 ÷ 2 = 12.5. Done, dropped and unscored items are left out.
    assert_eq!(ranking(&ws, ScoreBy::Rice), pairs(&[("r2", 640.0), ("r3", 640.0), ("r1", 640.0), ("r7", 12.5)]));
}

#[test]
fn ice_ranks_by_impact_times_confidence_times_ease() {
    let (_dir, ws) = workspace();
    // 10 × 10 × 9 = 900; 8 × 6 × 5 = 240; 2 × 3 × 4 = 24. r4 (done) would score 1000.
    assert_eq!(ranking(&ws, ScoreBy::Ice), pairs(&[("r6", 900.0), ("r1", 240.0), ("r2", 24.0)]));
}

#[test]
fn the_backlog_view_lists_every_open_item_with_both_scores_unrounded() {
    let (_dir, mut ws) = workspace();
    // A score that is not round: 1000 × 1 × 0.7 ÷ 3.
    let edit = RoadmapEdit::SetScores {
        item: "r7".into(),
        scores: ItemScores {
            rice: Some(Rice { reach: 1000.0, impact: 1.0, confidence: 0.7, effort: 3.0 }),
            ice: None,
            moscow: Some(Moscow::Could),
            urgent: Some(true),
            important: Some(false),
        },
    };
    ws.apply_roadmap_edit(&edit).unwrap();
    let view = ws.backlog_view(ScoreBy::Rice).unwrap();
    let ids: Vec<&str> = view.items.iter().map(|i| i.id.as_str()).collect();
    // Ranked first (r7 now 233.33…), then the unscored by title: "Only ICE", "Unscored".
    assert_eq!(ids, ["r2", "r3", "r1", "r7", "r6", "r8"]);
    let r7 = &view.items[3];
    assert_eq!(r7.rice_score, Some(1000.0 * 1.0 * 0.7 / 3.0));
    assert_eq!(r7.rank, Some(4));
    assert_eq!((r7.moscow, r7.urgent, r7.important), (Some(Moscow::Could), Some(true), Some(false)));
    let r1 = &view.items[2];
    assert_eq!((r1.rice_score, r1.ice_score), (Some(640.0), Some(240.0)));
    // The value/effort matrix: value = reach × impact × confidence, effort = RICE effort.
    assert_eq!((r1.value, r1.effort), (Some(1920.0), Some(3.0)));
    let r6 = &view.items[4];
    assert_eq!((r6.rice_score, r6.ice_score, r6.rank), (None, Some(900.0), None));
    assert!(view.value_split.is_some() && view.effort_split.is_some());
}

#[test]
fn score_edits_are_validated_at_their_field_and_undo_like_other_item_edits() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    let bad = |rice: Option<Rice>, ice: Option<Ice>| RoadmapEdit::SetScores {
        item: "r1".into(),
        scores: ItemScores { rice, ice, moscow: None, urgent: None, important: None },
    };
    let cases = [
        (bad(Some(Rice { reach: 10.0, impact: 1.0, confidence: 1.5, effort: 1.0 }), None), "rice.confidence"),
        (bad(Some(Rice { reach: 10.0, impact: 1.0, confidence: 0.5, effort: 0.0 }), None), "rice.effort"),
        (bad(Some(Rice { reach: f64::NAN, impact: 1.0, confidence: 0.5, effort: 1.0 }), None), "rice.reach"),
        (bad(None, Some(Ice { impact: 11.0, confidence: 5.0, ease: 5.0 })), "ice.impact"),
        (bad(None, Some(Ice { impact: 5.0, confidence: 5.0, ease: 0.0 })), "ice.ease"),
    ];
    for (edit, field) in cases {
        let e = ws.apply_roadmap_edit(&edit).unwrap_err();
        assert_eq!(e.code, ErrorCode::Invalid);
        assert_eq!(e.field.as_deref(), Some(field));
        assert!(e.record.as_deref().unwrap().contains("r1"), "{e:?}");
    }
    assert_eq!(ws.export_document().unwrap(), before, "a refused edit writes nothing");
    let missing = RoadmapEdit::SetScores {
        item: "nope".into(),
        scores: ItemScores { rice: None, ice: None, moscow: None, urgent: None, important: None },
    };
    assert_eq!(ws.apply_roadmap_edit(&missing).unwrap_err().code, ErrorCode::NotFound);

    // An Eisenhower move is an edit of urgent/important; undo puts everything back.
    let mut history = EditHistory::default();
    let move_ = RoadmapEdit::SetScores {
        item: "r1".into(),
        scores: ItemScores {
            rice: Some(Rice { reach: 1200.0, impact: 2.0, confidence: 0.8, effort: 3.0 }),
            ice: Some(Ice { impact: 8.0, confidence: 6.0, ease: 5.0 }),
            moscow: Some(Moscow::Must),
            urgent: Some(true),
            important: Some(true),
        },
    };
    let state = history.apply(&mut ws, &move_).unwrap();
    assert_eq!(state.undo.as_deref(), Some("score change"));
    let r1 = ws.backlog_view(ScoreBy::Rice).unwrap().items.into_iter().find(|i| i.id == "r1").unwrap();
    assert_eq!((r1.urgent, r1.important, r1.moscow), (Some(true), Some(true), Some(Moscow::Must)));
    history.undo(&mut ws).unwrap();
    assert_eq!(ws.export_document().unwrap(), before);
    history.redo(&mut ws).unwrap();
    let r1 = ws.export_document().unwrap().roadmap_items.into_iter().find(|i| i.id == "r1").unwrap();
    assert_eq!((r1.urgent, r1.important), (Some(true), Some(true)));
}

fn cli_workspace(dir: &std::path::Path) -> std::path::PathBuf {
    let ws = dir.join("w.lodestar");
    let file = dir.join("doc.json");
    std::fs::write(&file, doc().to_string()).unwrap();
    let out = run_cli(&ws, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    ws
}

#[test]
fn report_backlog_json_has_the_exact_shape_of_cli_md() {
    let dir = tempfile::tempdir().unwrap();
    let ws = cli_workspace(dir.path());
    let out = run_cli(&ws, &["report", "backlog", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report,
        json!({ "by": "rice", "items": [
            { "id": "r2", "score": 640.0 }, { "id": "r3", "score": 640.0 },
            { "id": "r1", "score": 640.0 }, { "id": "r7", "score": 12.5 } ] })
    );
    let out = run_cli(&ws, &["report", "backlog", "--by", "ice", "--json"]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report,
        json!({ "by": "ice", "items": [ { "id": "r6", "score": 900.0 }, { "id": "r1", "score": 240.0 }, { "id": "r2", "score": 24.0 } ] })
    );
}

#[test]
fn report_backlog_prints_a_readable_ranking_without_json() {
    let dir = tempfile::tempdir().unwrap();
    let ws = cli_workspace(dir.path());
    let out = run_cli(&ws, &["report", "backlog"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Backlog by RICE"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = |id: &str| lines.iter().position(|l| l.split_whitespace().nth(1) == Some(id)).unwrap_or_else(|| panic!("{id} in {text}"));
    assert!(at("r2") < at("r3") && at("r3") < at("r1") && at("r1") < at("r7"), "{text}");
    assert!(text.contains("Guided setup") && text.contains("640"), "{text}");
    assert!(text.contains("Without RICE scores: r6, r8"), "{text}");
    assert!(!text.contains("r4") && !text.contains("r5"), "done and dropped items are not in the backlog: {text}");
    // A bad --by is bad usage.
    assert_eq!(run_cli(&ws, &["report", "backlog", "--by", "moscow"]).status.code(), Some(2));
}

#[test]
fn an_empty_backlog_reports_no_items() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("empty.lodestar");
    Workspace::open(&ws).unwrap();
    let out = run_cli(&ws, &["report", "backlog", "--json"]);
    assert_eq!(serde_json::from_str::<Value>(&stdout(&out)).unwrap(), json!({ "by": "rice", "items": [] }));
}
