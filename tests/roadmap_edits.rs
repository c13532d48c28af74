//! Roadmap edits on a real workspace file: every edit is one transaction that returns
//! its inverse, refused edits change nothing, and undo/redo (`EditHistory`) walks a
//! session's edits back and forth. The property at the heart of it: applying an edit
//! and then its inverse gives back exactly the export the user had before.

mod common;

use chrono::NaiveDate;
use common::*;
use lodestar::edit_history::EditHistory;
use lodestar::interchange::Document;
use lodestar::model::*;
use lodestar::{ErrorCode, Workspace};
use proptest::prelude::*;
use serde_json::json;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A small product: two goals in Q1 2027, three lanes (the third empty), five items
/// with dependencies r1 ← r2 ← r3, r2/r3 ← r4, one unscheduled idea, and records that
/// point at r2 (milestone, experiment, feedback, two baselines, a decision).
fn small_doc() -> serde_json::Value {
    let item = |id: &str, lane: &str, start: Option<&str>, end: Option<&str>, kind: &str, goals: &[&str], deps: &[&str]| {
        json!({ "id": id, "lane": lane, "title": format!("Item {id}"), "start": start, "end": end, "kind": kind,
                "status": if start.is_some() { "planned" } else { "idea" }, "objectives": goals, "depends_on": deps })
    };
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "cycles": [ { "id": "2027-Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
        "objectives": [
            { "id": "o1", "title": "Make onboarding effortless", "cycle": "2027-Q1", "status": "active" },
            { "id": "o2", "title": "Grow mobile", "cycle": "2027-Q1", "status": "active" }
        ],
        "lanes": [
            { "id": "l1", "name": "Onboarding", "color": "#0072B2" },
            { "id": "l2", "name": "Mobile" },
            { "id": "l3", "name": "Later" }
        ],
        "roadmap_items": [
            item("r1", "l1", Some("2027-01-04"), Some("2027-01-15"), "feature", &["o1"], &[]),
            item("r2", "l1", Some("2027-01-18"), Some("2027-02-05"), "feature", &["o1", "o2"], &["r1"]),
            item("r3", "l2", Some("2027-02-08"), Some("2027-02-26"), "tech_debt", &[], &["r2"]),
            item("r4", "l2", Some("2027-03-01"), Some("2027-03-10"), "growth", &["o2"], &["r2", "r3"]),
            item("r5", "l2", None, None, "discovery", &[], &[])
        ],
        "milestones": [
            { "id": "m1", "objective": "o1", "title": "Checklist live", "due": "2027-02-05", "roadmap_item": "r2" },
            { "id": "m2", "objective": "o2", "title": "Growth push", "due": "2027-03-10", "roadmap_item": "r4" }
        ],
        "baselines": [
            { "id": "b1", "name": "Q1 plan", "saved_on": "2027-01-02", "items": [
                { "item": "r1", "lane": "l1", "start": "2027-01-04", "end": "2027-01-15" },
                { "item": "r2", "lane": "l1", "start": "2027-01-18", "end": "2027-01-29" },
                { "item": "r3", "lane": "l2", "start": "2027-02-01", "end": "2027-02-19" } ] },
            { "id": "b2", "name": "Replan", "saved_on": "2027-01-20", "items": [
                { "item": "r2", "lane": "l1", "start": "2027-01-18", "end": "2027-02-05" },
                { "item": "r4", "lane": "l2", "start": "2027-03-01", "end": "2027-03-10" } ] }
        ],
        "themes": [ { "id": "t1", "name": "Setup is confusing" } ],
        "feedback": [
            { "id": "f1", "date": "2027-01-10", "source": "interview", "text": "Setup took a week.",
              "themes": ["t1"], "roadmap_items": ["r1", "r2", "r4"] },
            { "id": "f2", "date": "2027-01-11", "source": "support", "text": "Where do I start?",
              "themes": [], "roadmap_items": ["r2"] }
        ],
        "experiments": [
            { "id": "e1", "title": "Checklist vs. wizard", "status": "running", "objective": "o1", "roadmap_item": "r2" }
        ],
        "decisions": [
            { "id": "d1", "date": "2027-01-05", "title": "Defer SSO", "links": ["r2"] }
        ]
    })
}

fn small_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("roadmap.lodestar")).unwrap();
    import_value(&mut ws, &small_doc()).unwrap();
    (dir, ws)
}

fn export(ws: &Workspace) -> Document {
    ws.export_document().unwrap()
}

fn item<'a>(doc: &'a Document, id: &str) -> &'a RoadmapItem {
    doc.roadmap_items.iter().find(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"))
}

fn dates(doc: &Document, id: &str) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let i = item(doc, id);
    (i.start, i.end)
}

fn lane_ids(doc: &Document) -> Vec<&str> {
    doc.lanes.iter().map(|l| l.id.as_str()).collect()
}

/// Where two exports differ (JSON paths and values), for readable failures.
fn diff(a: &Document, b: &Document) -> String {
    fn walk(path: String, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
        use serde_json::Value::*;
        match (a, b) {
            (Object(x), Object(y)) => {
                for (k, v) in x {
                    walk(format!("{path}.{k}"), v, y.get(k).unwrap_or(&Null), out);
                }
            }
            (Array(x), Array(y)) if x.len() == y.len() => {
                for (i, (v, w)) in x.iter().zip(y).enumerate() {
                    walk(format!("{path}[{i}]"), v, w, out);
                }
            }
            _ if a != b => out.push(format!("{path}: {a} ≠ {b}")),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(String::new(), &serde_json::to_value(a).unwrap(), &serde_json::to_value(b).unwrap(), &mut out);
    out.truncate(6);
    out.join("; ")
}

/// Applies an edit, checks that its inverse restores the exact previous export, and
/// applies it again; returns the inverse.
fn apply_checked(ws: &mut Workspace, edit: &RoadmapEdit) -> RoadmapEdit {
    let before = export(ws);
    let inverse = ws.apply_roadmap_edit(edit).unwrap_or_else(|e| panic!("{edit:?} refused: {e}"));
    let after = export(ws);
    let forward = ws.apply_roadmap_edit(&inverse).unwrap_or_else(|e| panic!("inverse {inverse:?} refused: {e}"));
    let restored = export(ws);
    assert!(restored == before, "the inverse of {edit:?} did not restore the previous export: {}", diff(&before, &restored));
    ws.apply_roadmap_edit(&forward).unwrap_or_else(|e| panic!("re-applying {forward:?} refused: {e}"));
    let again = export(ws);
    assert!(again == after, "the inverse of the inverse of {edit:?} did not give the edited state back: {}", diff(&after, &again));
    inverse
}

/// Asserts that an edit is refused as invalid at `field` and leaves the file as it was.
fn assert_refused(ws: &mut Workspace, edit: &RoadmapEdit, field: &str) -> String {
    let before = export(ws);
    let e = ws.apply_roadmap_edit(edit).expect_err(&format!("{edit:?} should be refused"));
    assert_eq!(e.code, ErrorCode::Invalid, "{edit:?}: {e}");
    assert_eq!(e.field.as_deref(), Some(field), "{edit:?}: {e}");
    assert_eq!(export(ws), before, "a refused {edit:?} changed the workspace");
    e.message
}

fn new_item(id: &str, lane: &str, start: &str, end: &str) -> RoadmapItem {
    RoadmapItem {
        id: id.into(),
        lane: lane.into(),
        title: "Self-serve SSO".into(),
        start: Some(date(start)),
        end: Some(date(end)),
        kind: ItemKind::Feature,
        status: ItemStatus::Planned,
        horizon: None,
        objectives: vec!["o1".into()],
        depends_on: vec!["r1".into()],
        expected_impact: Some("+2 pts activation".into()),
        tradeoff: None,
        rice: Some(Rice { reach: 100.0, impact: 2.0, confidence: 0.5, effort: 1.0 }),
        ice: Some(Ice { impact: 5.0, confidence: 5.0, ease: 5.0 }),
        moscow: Some(Moscow::Should),
        urgent: None,
        important: Some(true),
        key_results: vec![],
        external_key: None,
    }
}

// ---- moves, resizes and dates ---------------------------------------------------------

#[test]
fn moving_an_item_shifts_both_dates_by_the_same_days_and_survives_reopening() {
    let (dir, mut ws) = small_workspace();
    let inverse = apply_checked(&mut ws, &RoadmapEdit::MoveItem { item: "r2".into(), days: 3, lane: None });
    assert_eq!(inverse, RoadmapEdit::MoveItem { item: "r2".into(), days: -3, lane: None });
    assert_eq!(dates(&export(&ws), "r2"), (Some(date("2027-01-21")), Some(date("2027-02-08"))));

    ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "r2".into(), days: -10, lane: None }).unwrap();
    drop(ws);
    let ws = Workspace::open(&dir.path().join("roadmap.lodestar")).unwrap();
    let doc = export(&ws);
    assert_eq!(dates(&doc, "r2"), (Some(date("2027-01-11")), Some(date("2027-01-29"))));
    assert_eq!(item(&doc, "r2").lane, "l1");
}

#[test]
fn moving_an_item_into_another_lane_changes_lane_and_dates_in_one_edit() {
    let (_dir, mut ws) = small_workspace();
    let inverse = apply_checked(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: -2, lane: Some("l3".into()) });
    assert_eq!(inverse, RoadmapEdit::MoveItem { item: "r1".into(), days: 2, lane: Some("l1".into()) });
    let doc = export(&ws);
    assert_eq!(item(&doc, "r1").lane, "l3");
    assert_eq!(dates(&doc, "r1"), (Some(date("2027-01-02")), Some(date("2027-01-13"))));

    // Naming the lane it is already in is a plain move; an unknown lane moves nothing.
    let inverse = apply_checked(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: 1, lane: Some("l3".into()) });
    assert_eq!(inverse, RoadmapEdit::MoveItem { item: "r1".into(), days: -1, lane: None });
    let before = export(&ws);
    let e = ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "r1".into(), days: 5, lane: Some("nope".into()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(export(&ws), before);
}

#[test]
fn an_item_without_dates_cannot_be_moved_or_resized() {
    let (_dir, mut ws) = small_workspace();
    assert_refused(&mut ws, &RoadmapEdit::MoveItem { item: "r5".into(), days: 1, lane: None }, "start");
    assert_refused(&mut ws, &RoadmapEdit::ResizeItem { item: "r5".into(), edge: Edge::End, days: 1 }, "start");
    let e = ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "ghost".into(), days: 1, lane: None }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn resizing_moves_one_edge_only() {
    let (_dir, mut ws) = small_workspace();
    apply_checked(&mut ws, &RoadmapEdit::ResizeItem { item: "r1".into(), edge: Edge::End, days: 4 });
    assert_eq!(dates(&export(&ws), "r1"), (Some(date("2027-01-04")), Some(date("2027-01-19"))));
    apply_checked(&mut ws, &RoadmapEdit::ResizeItem { item: "r1".into(), edge: Edge::Start, days: 2 });
    assert_eq!(dates(&export(&ws), "r1"), (Some(date("2027-01-06")), Some(date("2027-01-19"))));
    // Down to a single day is fine: dates are inclusive.
    apply_checked(&mut ws, &RoadmapEdit::ResizeItem { item: "r1".into(), edge: Edge::End, days: -13 });
    assert_eq!(dates(&export(&ws), "r1"), (Some(date("2027-01-06")), Some(date("2027-01-06"))));
}

#[test]
fn a_resize_that_would_end_before_the_start_is_refused_at_the_dragged_edge_and_changes_nothing() {
    let (_dir, mut ws) = small_workspace();
    // r1 lasts 12 days (Jan 4–15).
    let msg = assert_refused(&mut ws, &RoadmapEdit::ResizeItem { item: "r1".into(), edge: Edge::End, days: -12 }, "end");
    assert!(msg.contains("at least one day"), "{msg}");
    assert_refused(&mut ws, &RoadmapEdit::ResizeItem { item: "r1".into(), edge: Edge::Start, days: 12 }, "start");
}

#[test]
fn setting_dates_needs_both_or_neither_and_an_end_on_or_after_the_start() {
    let (_dir, mut ws) = small_workspace();
    apply_checked(
        &mut ws,
        &RoadmapEdit::SetItemDates { item: "r5".into(), start: Some(date("2027-03-01")), end: Some(date("2027-03-01")) },
    );
    assert_eq!(dates(&export(&ws), "r5"), (Some(date("2027-03-01")), Some(date("2027-03-01"))));
    // Back to an unscheduled idea, and its inverse gives the dates back.
    let inverse = apply_checked(&mut ws, &RoadmapEdit::SetItemDates { item: "r5".into(), start: None, end: None });
    assert_eq!(inverse, RoadmapEdit::SetItemDates { item: "r5".into(), start: Some(date("2027-03-01")), end: Some(date("2027-03-01")) });

    let msg = assert_refused(
        &mut ws,
        &RoadmapEdit::SetItemDates { item: "r1".into(), start: Some(date("2027-02-10")), end: Some(date("2027-02-09")) },
        "end",
    );
    assert!(msg.contains("2027-02-09") && msg.contains("2027-02-10"), "{msg}");
    assert_refused(&mut ws, &RoadmapEdit::SetItemDates { item: "r1".into(), start: Some(date("2027-02-10")), end: None }, "end");
    assert_refused(&mut ws, &RoadmapEdit::SetItemDates { item: "r1".into(), start: None, end: Some(date("2027-02-10")) }, "start");
}

// ---- lanes order, goals, dependencies, horizon ---------------------------------------

#[test]
fn reordering_lanes_must_list_every_lane_exactly_once() {
    let (_dir, mut ws) = small_workspace();
    let inverse = apply_checked(&mut ws, &RoadmapEdit::ReorderLanes { order: vec!["l3".into(), "l1".into(), "l2".into()] });
    assert_eq!(inverse, RoadmapEdit::ReorderLanes { order: vec!["l1".into(), "l2".into(), "l3".into()] });
    assert_eq!(lane_ids(&export(&ws)), ["l3", "l1", "l2"]);

    for order in [vec!["l1", "l2"], vec!["l1", "l2", "l3", "l3"], vec!["l1", "l2", "l2"], vec!["l1", "l2", "l9"], vec![]] {
        let order: Vec<String> = order.into_iter().map(String::from).collect();
        let msg = assert_refused(&mut ws, &RoadmapEdit::ReorderLanes { order }, "order");
        assert!(msg.contains("every lane exactly once"), "{msg}");
    }
}

#[test]
fn linking_and_unlinking_a_goal_changes_the_items_why() {
    let (_dir, mut ws) = small_workspace();
    apply_checked(&mut ws, &RoadmapEdit::LinkObjective { item: "r3".into(), objective: "o1".into() });
    assert_eq!(item(&export(&ws), "r3").objectives, ["o1"]);
    apply_checked(&mut ws, &RoadmapEdit::LinkObjective { item: "r3".into(), objective: "o2".into() });
    assert_eq!(item(&export(&ws), "r3").objectives, ["o1", "o2"]);
    apply_checked(&mut ws, &RoadmapEdit::UnlinkObjective { item: "r3".into(), objective: "o1".into() });
    assert_eq!(item(&export(&ws), "r3").objectives, ["o2"]);

    assert_refused(&mut ws, &RoadmapEdit::LinkObjective { item: "r3".into(), objective: "o2".into() }, "objectives");
    assert_refused(&mut ws, &RoadmapEdit::UnlinkObjective { item: "r3".into(), objective: "o1".into() }, "objectives");
    let e = ws.apply_roadmap_edit(&RoadmapEdit::LinkObjective { item: "r3".into(), objective: "o9".into() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn unlinking_the_first_of_two_goals_and_undoing_it_keeps_the_goals_order() {
    let (_dir, mut ws) = small_workspace();
    // r2 serves [o1, o2]: undo must give [o1, o2] back, not [o2, o1].
    apply_checked(&mut ws, &RoadmapEdit::UnlinkObjective { item: "r2".into(), objective: "o1".into() });
    assert_eq!(item(&export(&ws), "r2").objectives, ["o2"]);
}

#[test]
fn adding_and_removing_a_dependency_and_undoing_keeps_the_dependency_order() {
    let (_dir, mut ws) = small_workspace();
    apply_checked(&mut ws, &RoadmapEdit::AddDependency { item: "r4".into(), depends_on: "r1".into() });
    assert_eq!(item(&export(&ws), "r4").depends_on, ["r2", "r3", "r1"]);
    // Removing the first of three, then undoing: the order is the user's.
    apply_checked(&mut ws, &RoadmapEdit::RemoveDependency { item: "r4".into(), depends_on: "r2".into() });
    assert_eq!(item(&export(&ws), "r4").depends_on, ["r3", "r1"]);

    assert_refused(&mut ws, &RoadmapEdit::AddDependency { item: "r4".into(), depends_on: "r3".into() }, "depends_on");
    assert_refused(&mut ws, &RoadmapEdit::AddDependency { item: "r4".into(), depends_on: "r4".into() }, "depends_on");
    assert_refused(&mut ws, &RoadmapEdit::RemoveDependency { item: "r1".into(), depends_on: "r4".into() }, "depends_on");
    let e = ws.apply_roadmap_edit(&RoadmapEdit::AddDependency { item: "r4".into(), depends_on: "nope".into() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn a_dependency_cycle_is_refused_with_a_message_naming_the_cycle() {
    let (_dir, mut ws) = small_workspace();
    // Direct: r2 depends on r1, so r1 cannot depend on r2.
    let msg = assert_refused(&mut ws, &RoadmapEdit::AddDependency { item: "r1".into(), depends_on: "r2".into() }, "depends_on");
    assert!(msg.contains("cycle"), "{msg}");
    assert!(msg.contains("r1 → r2 → r1") || msg.contains("r2 → r1 → r2"), "the message should name the cycle: {msg}");

    // Indirect: r4 → r3 → r2 → r1, so r1 cannot depend on r4.
    let msg = assert_refused(&mut ws, &RoadmapEdit::AddDependency { item: "r1".into(), depends_on: "r4".into() }, "depends_on");
    let named: Vec<&str> = msg.split(": ").last().unwrap().trim_end_matches('.').split(" → ").collect();
    assert!(named.len() >= 4 && named.first() == named.last(), "the message should walk the cycle round: {msg}");
    for id in ["r1", "r2", "r4"] {
        assert!(named.contains(&id), "{id} missing from the cycle in: {msg}");
    }
    // The same rule holds for a whole-item edit.
    let mut r1 = item(&export(&ws), "r1").clone();
    r1.depends_on = vec!["r3".into()];
    let msg = assert_refused(&mut ws, &RoadmapEdit::UpdateItem { item: r1 }, "depends_on");
    assert!(msg.contains("cycle") && msg.contains("r3"), "{msg}");
}

#[test]
fn setting_the_horizon_moves_the_card_on_the_board() {
    let (_dir, mut ws) = small_workspace();
    apply_checked(&mut ws, &RoadmapEdit::SetHorizon { item: "r5".into(), horizon: Some(Horizon::Later) });
    assert_eq!(item(&export(&ws), "r5").horizon, Some(Horizon::Later));
    let card = ws.roadmap_board().unwrap().into_iter().find(|c| c.id == "r5").unwrap();
    assert_eq!(card.horizon, Some(Horizon::Later));
    assert!(card.no_goal);
    apply_checked(&mut ws, &RoadmapEdit::SetHorizon { item: "r5".into(), horizon: None });
    assert_eq!(item(&export(&ws), "r5").horizon, None);
    // Finished work leaves the board.
    let mut done = item(&export(&ws), "r5").clone();
    done.status = ItemStatus::Done;
    apply_checked(&mut ws, &RoadmapEdit::UpdateItem { item: done });
    assert!(ws.roadmap_board().unwrap().iter().all(|c| c.id != "r5"));
}

// ---- create, update, delete, restore ---------------------------------------------------

#[test]
fn creating_an_item_with_an_empty_id_generates_one_and_stores_every_field() {
    let (_dir, mut ws) = small_workspace();
    let inverse = apply_checked(&mut ws, &RoadmapEdit::CreateItem { item: new_item("", "l3", "2027-03-15", "2027-03-31") });
    let RoadmapEdit::DeleteItem { item: id } = inverse else { panic!("the inverse of a create is a delete: {inverse:?}") };
    assert!(!id.is_empty());
    let doc = export(&ws);
    assert_eq!(doc.roadmap_items.last().unwrap().id, id, "a new item comes last in exports");
    assert_eq!(item(&doc, &id), &RoadmapItem { id: id.clone(), ..new_item("", "l3", "2027-03-15", "2027-03-31") });

    // A given id is kept; a taken id is refused.
    apply_checked(&mut ws, &RoadmapEdit::CreateItem { item: new_item("sso", "l1", "2027-03-15", "2027-03-31") });
    assert_eq!(item(&export(&ws), "sso").lane, "l1");
    assert_refused(&mut ws, &RoadmapEdit::CreateItem { item: new_item("r1", "l1", "2027-03-15", "2027-03-31") }, "id");
}

#[test]
fn creating_an_item_is_validated_like_an_import() {
    let (_dir, mut ws) = small_workspace();
    let base = || new_item("", "l1", "2027-03-01", "2027-03-31");
    let cases: Vec<(RoadmapItem, &str)> = vec![
        (RoadmapItem { lane: "nope".into(), ..base() }, "lane"),
        (RoadmapItem { title: "   ".into(), ..base() }, "title"),
        (new_item("", "l1", "2027-03-31", "2027-03-01"), "end"),
        (RoadmapItem { end: None, ..base() }, "end"),
        (RoadmapItem { start: None, ..base() }, "start"),
        (RoadmapItem { objectives: vec!["o9".into()], ..base() }, "objectives"),
        (RoadmapItem { depends_on: vec!["r9".into()], ..base() }, "depends_on"),
        (RoadmapItem { rice: Some(Rice { reach: 10.0, impact: 1.0, confidence: 1.5, effort: 1.0 }), ..base() }, "rice.confidence"),
        (RoadmapItem { rice: Some(Rice { reach: 10.0, impact: 1.0, confidence: 0.5, effort: 0.0 }), ..base() }, "rice.effort"),
        (RoadmapItem { rice: Some(Rice { reach: -1.0, impact: 1.0, confidence: 0.5, effort: 1.0 }), ..base() }, "rice.reach"),
        (RoadmapItem { ice: Some(Ice { impact: 11.0, confidence: 5.0, ease: 5.0 }), ..base() }, "ice.impact"),
        (RoadmapItem { ice: Some(Ice { impact: 5.0, confidence: 0.0, ease: 5.0 }), ..base() }, "ice.confidence"),
        (RoadmapItem { ice: Some(Ice { impact: 5.0, confidence: 5.0, ease: f64::NAN }), ..base() }, "ice.ease"),
    ];
    for (item, field) in cases {
        assert_refused(&mut ws, &RoadmapEdit::CreateItem { item }, field);
    }
}

#[test]
fn updating_an_item_replaces_its_fields_and_links_and_undo_gives_them_back() {
    let (_dir, mut ws) = small_workspace();
    let mut r3 = item(&export(&ws), "r3").clone();
    r3.title = "Query engine upgrade".into();
    r3.lane = "l3".into();
    r3.status = ItemStatus::InProgress;
    r3.objectives = vec!["o2".into(), "o1".into()];
    r3.depends_on = vec!["r1".into(), "r2".into()];
    r3.tradeoff = Some("freezes schema changes".into());
    let inverse = apply_checked(&mut ws, &RoadmapEdit::UpdateItem { item: r3.clone() });
    assert_eq!(item(&export(&ws), "r3"), &r3);
    let RoadmapEdit::UpdateItem { item: old } = inverse else { panic!() };
    assert_eq!(old, *item(&small_doc_document(), "r3"));

    assert_refused(&mut ws, &RoadmapEdit::UpdateItem { item: RoadmapItem { lane: "nope".into(), ..r3.clone() } }, "lane");
    let e = ws.apply_roadmap_edit(&RoadmapEdit::UpdateItem { item: RoadmapItem { id: "ghost".into(), ..r3 } }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

fn small_doc_document() -> Document {
    serde_json::from_value(small_doc()).unwrap()
}

#[test]
fn deleting_an_item_removes_what_pointed_at_it_and_restoring_brings_all_of_it_back_in_place() {
    let (_dir, mut ws) = small_workspace();
    let before = export(&ws);
    let inverse = ws.apply_roadmap_edit(&RoadmapEdit::DeleteItem { item: "r2".into() }).unwrap();

    let doc = export(&ws);
    assert!(doc.roadmap_items.iter().all(|i| i.id != "r2"));
    assert_eq!(item(&doc, "r3").depends_on, Vec::<String>::new());
    assert_eq!(item(&doc, "r4").depends_on, ["r3"]);
    let fb = |id: &str| doc.feedback.iter().find(|f| f.id == id).unwrap().roadmap_items.clone();
    assert_eq!((fb("f1"), fb("f2")), (vec!["r1".to_string(), "r4".to_string()], vec![]));
    assert_eq!(doc.milestones[0].roadmap_item, None);
    assert_eq!(doc.experiments[0].roadmap_item, None);
    assert_eq!(doc.baselines[0].items.iter().map(|b| b.item.as_str()).collect::<Vec<_>>(), ["r1", "r3"]);
    assert_eq!(doc.baselines[1].items.iter().map(|b| b.item.as_str()).collect::<Vec<_>>(), ["r4"]);

    let RoadmapEdit::RestoreItem { snapshot } = &inverse else { panic!("the inverse of a delete is a restore: {inverse:?}") };
    assert_eq!(snapshot.item, *item(&before, "r2"));
    ws.apply_roadmap_edit(&inverse).unwrap();
    let after = export(&ws);
    // Goals, dependencies both ways, feedback, milestone, experiment, baseline entries,
    // and its place among the items: the export is the one from before the deletion.
    assert_eq!(after.roadmap_items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["r1", "r2", "r3", "r4", "r5"]);
    assert_eq!(item(&after, "r2").objectives, ["o1", "o2"]);
    assert_eq!(item(&after, "r4").depends_on, ["r2", "r3"]);
    assert_eq!(after.baselines, before.baselines);
    assert!(after == before, "{}", diff(&before, &after));

    // Restoring twice is refused: the item exists again.
    assert_refused(&mut ws, &inverse, "id");
}

#[test]
fn a_deleted_item_that_others_depended_on_comes_back_even_after_other_edits_were_undone() {
    let (_dir, mut ws) = small_workspace();
    let mut history = EditHistory::default();
    let original = export(&ws);
    history.apply(&mut ws, &RoadmapEdit::DeleteItem { item: "r1".into() }).unwrap();
    history.apply(&mut ws, &RoadmapEdit::DeleteItem { item: "r3".into() }).unwrap();
    history.apply(&mut ws, &RoadmapEdit::MoveItem { item: "r4".into(), days: 7, lane: Some("l1".into()) }).unwrap();
    for _ in 0..3 {
        history.undo(&mut ws).unwrap();
    }
    let undone = export(&ws);
    assert!(undone == original, "{}", diff(&original, &undone));
}

// ---- lanes ----------------------------------------------------------------------------

#[test]
fn lanes_can_be_created_renamed_and_deleted_when_empty() {
    let (_dir, mut ws) = small_workspace();
    let inverse = apply_checked(
        &mut ws,
        &RoadmapEdit::CreateLane {
            lane: Lane { id: "".into(), name: "Platform".into(), color: Some("#009E73".into()) },
            position: Some(1),
        },
    );
    let RoadmapEdit::DeleteLane { lane: id } = inverse else { panic!("{inverse:?}") };
    assert!(!id.is_empty());
    assert_eq!(lane_ids(&export(&ws)), ["l1", id.as_str(), "l2", "l3"]);
    // Without a position (or past the end) it goes last.
    apply_checked(&mut ws, &RoadmapEdit::CreateLane { lane: Lane { id: "lx".into(), name: "X".into(), color: None }, position: Some(99) });
    assert_eq!(lane_ids(&export(&ws)).last(), Some(&"lx"));
    assert_refused(
        &mut ws,
        &RoadmapEdit::CreateLane { lane: Lane { id: "lx".into(), name: "Y".into(), color: None }, position: None },
        "id",
    );

    apply_checked(
        &mut ws,
        &RoadmapEdit::UpdateLane { lane: Lane { id: "l2".into(), name: "Mobile apps".into(), color: Some("#E69F00".into()) } },
    );
    let l2 = export(&ws).lanes.into_iter().find(|l| l.id == "l2").unwrap();
    assert_eq!((l2.name.as_str(), l2.color.as_deref()), ("Mobile apps", Some("#E69F00")));

    // Deleting a lane puts it back at the same place on undo.
    let inverse = apply_checked(&mut ws, &RoadmapEdit::DeleteLane { lane: "l3".into() });
    assert!(matches!(inverse, RoadmapEdit::CreateLane { position: Some(3), .. }), "{inverse:?}");
    assert!(!lane_ids(&export(&ws)).contains(&"l3"));
}

#[test]
fn a_lane_that_still_holds_items_cannot_be_deleted() {
    let (_dir, mut ws) = small_workspace();
    let msg = assert_refused(&mut ws, &RoadmapEdit::DeleteLane { lane: "l2".into() }, "items");
    assert!(msg.contains("3 items"), "{msg}");
    let e = ws.apply_roadmap_edit(&RoadmapEdit::DeleteLane { lane: "nope".into() }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn every_kind_of_edit_is_undone_by_its_inverse_to_the_exact_previous_export() {
    let (_dir, mut ws) = small_workspace();
    let edits = vec![
        RoadmapEdit::MoveItem { item: "r3".into(), days: 5, lane: Some("l1".into()) },
        RoadmapEdit::ResizeItem { item: "r4".into(), edge: Edge::Start, days: -3 },
        RoadmapEdit::SetItemDates { item: "r1".into(), start: None, end: None },
        RoadmapEdit::ReorderLanes { order: vec!["l2".into(), "l3".into(), "l1".into()] },
        RoadmapEdit::LinkObjective { item: "r5".into(), objective: "o2".into() },
        RoadmapEdit::UnlinkObjective { item: "r2".into(), objective: "o1".into() },
        RoadmapEdit::AddDependency { item: "r5".into(), depends_on: "r4".into() },
        RoadmapEdit::RemoveDependency { item: "r4".into(), depends_on: "r2".into() },
        RoadmapEdit::SetHorizon { item: "r2".into(), horizon: Some(Horizon::Next) },
        RoadmapEdit::CreateItem { item: new_item("", "l2", "2027-02-01", "2027-02-01") },
        RoadmapEdit::UpdateItem { item: RoadmapItem { title: "Renamed".into(), objectives: vec![], ..item(&export(&ws), "r2").clone() } },
        RoadmapEdit::DeleteItem { item: "r4".into() },
        RoadmapEdit::DeleteItem { item: "r1".into() },
        RoadmapEdit::CreateLane { lane: Lane { id: "".into(), name: "New".into(), color: None }, position: Some(0) },
        RoadmapEdit::UpdateLane { lane: Lane { id: "l1".into(), name: "Renamed".into(), color: None } },
        RoadmapEdit::DeleteLane { lane: "l3".into() },
    ];
    for edit in &edits {
        apply_checked(&mut ws, edit);
    }
}

// ---- undo and redo --------------------------------------------------------------------

#[test]
fn undo_and_redo_name_the_edit_and_walk_it_back_and_forth() {
    let (_dir, mut ws) = small_workspace();
    let original = export(&ws);
    let mut history = EditHistory::default();
    assert_eq!((history.state().undo, history.state().redo), (None, None));

    let s = history.apply(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: 2, lane: None }).unwrap();
    assert_eq!((s.undo.as_deref(), s.redo.as_deref()), (Some("move"), None));
    let s = history.apply(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: 2, lane: Some("l2".into()) }).unwrap();
    assert_eq!(s.undo.as_deref(), Some("move to another lane"));
    let s = history.apply(&mut ws, &RoadmapEdit::ResizeItem { item: "r2".into(), edge: Edge::End, days: 1 }).unwrap();
    assert_eq!(s.undo.as_deref(), Some("resize"));
    let after = export(&ws);

    let s = history.undo(&mut ws).unwrap();
    assert_eq!((s.undo.as_deref(), s.redo.as_deref()), (Some("move to another lane"), Some("resize")));
    let s = history.undo(&mut ws).unwrap();
    assert_eq!((s.undo.as_deref(), s.redo.as_deref()), (Some("move"), Some("move to another lane")));
    history.undo(&mut ws).unwrap();
    assert_eq!(export(&ws), original);
    let e = history.undo(&mut ws).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert_eq!(e.message, "Nothing to undo.");
    assert_eq!(export(&ws), original);

    for _ in 0..3 {
        history.redo(&mut ws).unwrap();
    }
    assert_eq!(export(&ws), after);
    let e = history.redo(&mut ws).unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (ErrorCode::NotFound, "Nothing to redo."));
}

#[test]
fn a_new_edit_after_an_undo_clears_redo() {
    let (_dir, mut ws) = small_workspace();
    let mut history = EditHistory::default();
    history.apply(&mut ws, &RoadmapEdit::SetHorizon { item: "r1".into(), horizon: Some(Horizon::Now) }).unwrap();
    history.apply(&mut ws, &RoadmapEdit::DeleteItem { item: "r5".into() }).unwrap();
    let s = history.undo(&mut ws).unwrap();
    assert_eq!((s.undo.as_deref(), s.redo.as_deref()), (Some("horizon change"), Some("deletion")));
    let s = history.apply(&mut ws, &RoadmapEdit::LinkObjective { item: "r5".into(), objective: "o1".into() }).unwrap();
    assert_eq!((s.undo.as_deref(), s.redo.as_deref()), (Some("goal link"), None));
    assert!(history.redo(&mut ws).is_err());
    // r5 is still there: the undone deletion cannot come back.
    assert!(export(&ws).roadmap_items.iter().any(|i| i.id == "r5"));
}

#[test]
fn a_refused_edit_is_not_recorded_in_the_history() {
    let (_dir, mut ws) = small_workspace();
    let mut history = EditHistory::default();
    history.apply(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: 1, lane: None }).unwrap();
    assert!(history.apply(&mut ws, &RoadmapEdit::AddDependency { item: "r1".into(), depends_on: "r2".into() }).is_err());
    assert_eq!(history.state().undo.as_deref(), Some("move"));
}

#[test]
fn edits_persist_after_reopening_but_undo_belongs_to_the_session() {
    let (dir, mut ws) = small_workspace();
    let mut history = EditHistory::default();
    history.apply(&mut ws, &RoadmapEdit::MoveItem { item: "r1".into(), days: 7, lane: None }).unwrap();
    history.apply(&mut ws, &RoadmapEdit::DeleteItem { item: "r5".into() }).unwrap();
    let edited = export(&ws);
    drop(ws);

    let mut ws = Workspace::open(&dir.path().join("roadmap.lodestar")).unwrap();
    assert_eq!(export(&ws), edited);
    assert_eq!(dates(&edited, "r1"), (Some(date("2027-01-11")), Some(date("2027-01-22"))));
    let mut fresh = EditHistory::default();
    assert_eq!(fresh.undo(&mut ws).unwrap_err().message, "Nothing to undo.");
    // The old session's history still works on the reopened file (same records).
    history.undo(&mut ws).unwrap();
    history.undo(&mut ws).unwrap();
    assert_eq!(export(&ws), small_doc_document_as_exported());
}

fn small_doc_document_as_exported() -> Document {
    let (_dir, ws) = small_workspace();
    export(&ws)
}

// ---- the property: random edits on the sample, all undone, all redone -----------------

/// Builds a plausible edit from the current state and four random numbers; some are
/// refused (a cycle, a goal already linked, a lane with items…), which must change nothing.
fn random_edit(doc: &Document, op: u8, a: usize, b: usize, days: i64) -> Option<RoadmapEdit> {
    let items = &doc.roadmap_items;
    let lanes = &doc.lanes;
    if items.is_empty() || lanes.is_empty() {
        return None;
    }
    let it = &items[a % items.len()];
    let other = &items[b % items.len()];
    let lane = &lanes[b % lanes.len()];
    let objective = &doc.objectives[b % doc.objectives.len()];
    let day0 = date("2027-01-01") + chrono::Duration::days((a % 200) as i64);
    Some(match op % 16 {
        0 | 15 => RoadmapEdit::MoveItem { item: it.id.clone(), days, lane: b.is_multiple_of(2).then(|| lane.id.clone()) },
        1 => RoadmapEdit::ResizeItem { item: it.id.clone(), edge: if b.is_multiple_of(2) { Edge::Start } else { Edge::End }, days },
        2 => RoadmapEdit::SetItemDates {
            item: it.id.clone(),
            start: (!b.is_multiple_of(5)).then_some(day0),
            end: (!b.is_multiple_of(5)).then_some(day0 + chrono::Duration::days(days.abs())),
        },
        3 => {
            let mut order: Vec<String> = lanes.iter().map(|l| l.id.clone()).collect();
            let n = order.len();
            order.rotate_left(b % n);
            order.swap(0, a % n);
            RoadmapEdit::ReorderLanes { order }
        }
        4 => RoadmapEdit::LinkObjective { item: it.id.clone(), objective: objective.id.clone() },
        5 => {
            let o = it.objectives.get(b % it.objectives.len().max(1))?;
            RoadmapEdit::UnlinkObjective { item: it.id.clone(), objective: o.clone() }
        }
        6 => RoadmapEdit::AddDependency { item: it.id.clone(), depends_on: other.id.clone() },
        7 => {
            let d = it.depends_on.get(b % it.depends_on.len().max(1))?;
            RoadmapEdit::RemoveDependency { item: it.id.clone(), depends_on: d.clone() }
        }
        8 => RoadmapEdit::SetHorizon {
            item: it.id.clone(),
            horizon: [None, Some(Horizon::Now), Some(Horizon::Next), Some(Horizon::Later)][b % 4],
        },
        9 => RoadmapEdit::CreateItem {
            item: RoadmapItem {
                start: Some(day0),
                end: Some(day0 + chrono::Duration::days(days.abs())),
                kind: ItemKind::Discovery,
                status: ItemStatus::Idea,
                objectives: vec![objective.id.clone()],
                depends_on: vec![other.id.clone()],
                ..RoadmapItem::new(String::new(), lane.id.clone(), format!("New {a}"))
            },
        },
        10 => {
            let mut changed = it.clone();
            changed.title = format!("{} (v{b})", it.title.trim());
            changed.lane = lane.id.clone();
            changed.objectives.reverse();
            changed.depends_on.reverse();
            changed.status = ItemStatus::InProgress;
            RoadmapEdit::UpdateItem { item: changed }
        }
        11 => RoadmapEdit::DeleteItem { item: it.id.clone() },
        12 => RoadmapEdit::CreateLane {
            lane: Lane { id: String::new(), name: format!("Lane {a}"), color: None },
            position: Some((b % 6) as u32),
        },
        13 => RoadmapEdit::UpdateLane {
            lane: Lane { id: lane.id.clone(), name: format!("{} {b}", lane.name), color: Some("#56B4E9".into()) },
        },
        _ => RoadmapEdit::DeleteLane { lane: lane.id.clone() },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 30, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_on_the_sample_are_all_undone_to_the_original_and_redone_to_the_edited_state(
        steps in prop::collection::vec((0u8..16, 0usize..1000, 0usize..1000, -20i64..20), 1..=8)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = sample_workspace(dir.path(), "sample.lodestar");
        let mut ws = Workspace::open(&path).unwrap();
        let original = export(&ws);
        let mut history = EditHistory::default();
        let mut applied = Vec::new();
        for (op, a, b, days) in steps {
            let before = export(&ws);
            let Some(edit) = random_edit(&before, op, a, b, days) else { continue };
            match history.apply(&mut ws, &edit) {
                Ok(_) => applied.push(edit),
                Err(e) => {
                    let now = export(&ws);
                    prop_assert!(now == before, "refused {:?} ({}) changed the workspace: {}", edit, e, diff(&before, &now));
                }
            }
        }
        let edited = export(&ws);
        for edit in applied.iter().rev() {
            history.undo(&mut ws).map_err(|e| TestCaseError::fail(format!("undo of {edit:?}: {e}")))?;
        }
        let undone = export(&ws);
        prop_assert!(undone == original, "undoing {:?} did not restore the original: {}", applied, diff(&original, &undone));
        prop_assert!(history.undo(&mut ws).is_err());
        for edit in &applied {
            history.redo(&mut ws).map_err(|e| TestCaseError::fail(format!("redo of {edit:?}: {e}")))?;
        }
        let redone = export(&ws);
        prop_assert!(redone == edited, "redoing {:?} did not give the edited state back: {}", applied, diff(&edited, &redone));
    }
}
