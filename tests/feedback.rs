//! Feedback (docs/COMPUTATIONS.md "Feedback"): themes counted and sorted, their roadmap
//! items, merge/rename/tag/link edits, the inbox and trend, the feedback behind an item,
//! and `lodestar report feedback` with the exact JSON shape of docs/CLI.md.

mod common;

use chrono::NaiveDate;
use common::*;
use lodestar::model::{FeedbackInput, FeedbackSource};
use lodestar::views::feedback::FeedbackFilter;
use lodestar::{ErrorCode, Workspace};
use serde_json::{json, Value};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Themes: t1 "Setup is confusing" (3 records), t2 "Mobile is slow" (2), t3 "Alerts" (2),
/// t4 "Pricing" (0). Ties sort by name: "Alerts" before "Mobile is slow".
fn doc() -> Value {
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "lanes": [ { "id": "l1", "name": "Onboarding" } ],
        "roadmap_items": [
            { "id": "r1", "lane": "l1", "title": "Guided setup", "kind": "feature", "status": "planned" },
            { "id": "r2", "lane": "l1", "title": "Mobile speed", "kind": "reliability", "status": "planned" },
            { "id": "r10", "lane": "l1", "title": "Knowledge base", "kind": "growth", "status": "idea" }
        ],
        "themes": [
            { "id": "t1", "name": "Setup is confusing" },
            { "id": "t2", "name": "Mobile is slow" },
            { "id": "t3", "name": "Alerts" },
            { "id": "t4", "name": "Pricing" }
        ],
        "feedback": [
            { "id": "f1", "date": "2027-01-10", "source": "interview", "customer": "Northwind",
              "text": "Took us a week to connect our data.", "themes": ["t1"], "roadmap_items": ["r1"] },
            { "id": "f2", "date": "2027-01-20", "source": "support", "customer": "Contoso",
              "text": "Which connector do I pick?", "themes": ["t1", "t2"], "roadmap_items": ["r10", "r1"] },
            { "id": "f3", "date": "2027-02-02", "source": "review", "text": "Dashboards are slow on my phone.",
              "themes": ["t2"], "roadmap_items": ["r2"] },
            { "id": "f4", "date": "2027-03-15", "source": "survey", "customer": "Tailspin",
              "text": "Tell me when a number moves.", "themes": ["t3"] },
            { "id": "f5", "date": "2027-03-20", "source": "sales", "text": "Slack alerts please.", "themes": ["t3", "t1"] },
            { "id": "f6", "date": "2027-03-21", "source": "other", "text": "Untriaged note." }
        ]
    })
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("f.lodestar")).unwrap();
    import_value(&mut ws, &doc()).unwrap();
    (dir, ws)
}

fn expected_report() -> Value {
    json!({ "themes": [
        { "id": "t1", "name": "Setup is confusing", "count": 3, "roadmap_items": ["r1", "r10"] },
        { "id": "t3", "name": "Alerts", "count": 2, "roadmap_items": [] },
        { "id": "t2", "name": "Mobile is slow", "count": 2, "roadmap_items": ["r1", "r10", "r2"] },
        { "id": "t4", "name": "Pricing", "count": 0, "roadmap_items": [] }
    ] })
}

#[test]
fn themes_count_their_records_sort_by_count_then_name_and_list_items_by_id() {
    let (_dir, ws) = workspace();
    let report = serde_json::to_value(ws.feedback_report().unwrap()).unwrap();
    assert_eq!(report, expected_report());
}

#[test]
fn report_feedback_json_has_the_exact_shape_of_cli_md_and_text_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let file = dir.path().join("doc.json");
    std::fs::write(&file, doc().to_string()).unwrap();
    assert!(run_cli(&ws, &["import", file.to_str().unwrap()]).status.success());
    let out = run_cli(&ws, &["report", "feedback", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(serde_json::from_str::<Value>(&stdout(&out)).unwrap(), expected_report());

    let out = run_cli(&ws, &["report", "feedback"]);
    let text = stdout(&out);
    let setup = text.find("Setup is confusing").unwrap();
    let alerts = text.find("Alerts").unwrap();
    let mobile = text.find("Mobile is slow").unwrap();
    assert!(setup < alerts && alerts < mobile, "{text}");
    assert!(text.contains("r1, r10"), "{text}");
    // A workspace that does not exist is a user error, not a new empty file.
    let missing = dir.path().join("missing.lodestar");
    assert_user_error(&run_cli(&missing, &["report", "feedback", "--json"]));
    assert!(!missing.exists());
}

fn input(text: &str, themes: &[&str], items: &[&str]) -> FeedbackInput {
    FeedbackInput {
        date: date("2027-04-02"),
        source: FeedbackSource::Interview,
        customer: Some("  Litware ".into()),
        text: text.into(),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        roadmap_items: items.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn feedback_is_created_updated_and_deleted_with_its_themes_and_items() {
    let (_dir, mut ws) = workspace();
    let id = ws.create_feedback(&input("  The second dashboard was hard.  ", &["t1"], &["r1"])).unwrap();
    assert_eq!(id, "f7");
    let inbox = ws.feedback_inbox(&FeedbackFilter::default()).unwrap();
    let first = &inbox.feedback[0];
    assert_eq!(
        (first.id.as_str(), first.text.as_str(), first.customer.as_deref()),
        ("f7", "The second dashboard was hard.", Some("Litware"))
    );
    assert_eq!(first.themes[0].name, "Setup is confusing");
    assert_eq!(first.roadmap_items[0].title, "Guided setup");
    assert_eq!(inbox.total, 7);

    ws.update_feedback(&id, &input("Hard second dashboard.", &["t2", "t3"], &[])).unwrap();
    let doc = ws.export_document().unwrap();
    let f = doc.feedback.iter().find(|f| f.id == id).unwrap();
    assert_eq!((f.themes.clone(), f.roadmap_items.len()), (vec!["t2".to_string(), "t3".to_string()], 0));

    ws.delete_feedback(&id).unwrap();
    assert_eq!(ws.delete_feedback(&id).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(serde_json::to_value(ws.feedback_report().unwrap()).unwrap(), expected_report());
}

#[test]
fn invalid_feedback_is_refused_at_its_field_and_writes_nothing() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    for (bad, field) in [
        (input("   ", &[], &[]), "text"),
        (input("ok", &["t9"], &[]), "themes"),
        (input("ok", &["t1", "t1"], &[]), "themes"),
        (input("ok", &[], &["r9"]), "roadmap_items"),
    ] {
        let e = ws.create_feedback(&bad).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)), "{e:?}");
        assert!(e.record.as_deref().unwrap().contains("feedback"));
        let e = ws.update_feedback("f1", &bad).unwrap_err();
        assert_eq!(e.record.as_deref(), Some("feedback \"f1\""));
    }
    assert_eq!(ws.export_document().unwrap(), before);
}

#[test]
fn merging_themes_retags_every_record_once_and_deletes_the_merged_theme() {
    let (_dir, mut ws) = workspace();
    // f5 has both t3 and t1: it keeps one t1 tag.
    ws.merge_themes("t3", "t1").unwrap();
    let report = ws.feedback_report().unwrap();
    let names: Vec<(&str, u32)> = report.themes.iter().map(|t| (t.id.as_str(), t.count)).collect();
    assert_eq!(names, [("t1", 4), ("t2", 2), ("t4", 0)]);
    let doc = ws.export_document().unwrap();
    assert!(doc.themes.iter().all(|t| t.id != "t3"));
    assert_eq!(doc.feedback.iter().find(|f| f.id == "f4").unwrap().themes, ["t1"]);
    assert_eq!(doc.feedback.iter().find(|f| f.id == "f5").unwrap().themes, ["t1"]);

    let before = ws.export_document().unwrap();
    assert_eq!(ws.merge_themes("t2", "t2").unwrap_err().field.as_deref(), Some("into"));
    assert_eq!(ws.merge_themes("t2", "t99").unwrap_err().field.as_deref(), Some("into"));
    assert_eq!(ws.merge_themes("t99", "t2").unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(ws.export_document().unwrap(), before);
}

#[test]
fn themes_are_created_renamed_with_unique_names_and_tag_and_link_edits_are_idempotent() {
    let (_dir, mut ws) = workspace();
    let t = ws.create_theme(" Integrations ").unwrap();
    assert_eq!(t, "t5");
    let e = ws.create_theme("alerts").unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some("name")));
    assert_eq!(ws.create_theme("  ").unwrap_err().field.as_deref(), Some("name"));
    ws.rename_theme("t3", "Alerts and digests").unwrap();
    ws.rename_theme("t3", "ALERTS AND DIGESTS").unwrap(); // its own name, recased
    assert_eq!(ws.rename_theme("t3", "Pricing").unwrap_err().field.as_deref(), Some("name"));

    ws.tag_feedback("f6", &t, true).unwrap();
    ws.tag_feedback("f6", &t, true).unwrap();
    ws.link_feedback("f6", "r2", true).unwrap();
    ws.link_feedback("f6", "r2", true).unwrap();
    let report = ws.feedback_report().unwrap();
    let integrations = report.themes.iter().find(|x| x.id == t).unwrap();
    assert_eq!((integrations.count, integrations.roadmap_items.clone()), (1, vec!["r2".to_string()]));
    ws.link_feedback("f6", "r2", false).unwrap();
    ws.tag_feedback("f6", &t, false).unwrap();
    assert_eq!(ws.feedback_report().unwrap().themes.iter().find(|x| x.id == t).unwrap().count, 0);
    assert_eq!(ws.tag_feedback("f6", "t99", true).unwrap_err().field.as_deref(), Some("themes"));
    assert_eq!(ws.link_feedback("f6", "r99", true).unwrap_err().field.as_deref(), Some("roadmap_items"));
    assert_eq!(ws.tag_feedback("f99", "t1", true).unwrap_err().code, ErrorCode::NotFound);
    ws.delete_theme("t4").unwrap();
    assert!(ws.feedback_report().unwrap().themes.iter().all(|x| x.id != "t4"));
}

#[test]
fn the_inbox_filters_and_the_trend_counts_each_theme_per_month() {
    let (_dir, ws) = workspace();
    let all = ws.feedback_inbox(&FeedbackFilter::default()).unwrap();
    let ids: Vec<&str> = all.feedback.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["f6", "f5", "f4", "f3", "f2", "f1"], "newest first");
    let only = |filter: FeedbackFilter| -> Vec<String> { ws.feedback_inbox(&filter).unwrap().feedback.into_iter().map(|f| f.id).collect() };
    assert_eq!(only(FeedbackFilter { theme: Some("t2".into()), ..Default::default() }), ["f3", "f2"]);
    assert_eq!(only(FeedbackFilter { untagged: true, ..Default::default() }), ["f6"]);
    assert_eq!(only(FeedbackFilter { source: Some(FeedbackSource::Sales), ..Default::default() }), ["f5"]);
    assert_eq!(only(FeedbackFilter { query: Some("NORTHWIND".into()), ..Default::default() }), ["f1"]);
    assert_eq!(only(FeedbackFilter { roadmap_item: Some("r1".into()), ..Default::default() }), ["f2", "f1"]);

    let view = ws.themes_view().unwrap();
    assert_eq!(view.untagged, 1);
    assert_eq!(view.trend.months, ["2027-01", "2027-02", "2027-03"]);
    let series = |id: &str| view.trend.series.iter().find(|s| s.theme == id).unwrap().counts.clone();
    assert_eq!(series("t1"), [2, 0, 1]);
    assert_eq!(series("t2"), [1, 1, 0]);
    assert_eq!(series("t3"), [0, 0, 2]);
    assert_eq!(series("t4"), [0, 0, 0]);
    assert_eq!(view.trend.series[0].theme, "t1", "series follow the themes' order");
}

#[test]
fn a_roadmap_item_shows_the_feedback_behind_it() {
    let (_dir, ws) = workspace();
    let detail = ws.roadmap_item_detail("r1").unwrap();
    assert_eq!(detail.feedback_count, 2);
    let ids: Vec<&str> = detail.feedback.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["f2", "f1"]);
    assert_eq!(detail.feedback[0].themes.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(), ["Setup is confusing", "Mobile is slow"]);
    assert_eq!(ws.item_feedback("r2").unwrap()[0].id, "f3");
    assert_eq!(ws.item_feedback("r99").unwrap_err().code, ErrorCode::NotFound);
}
