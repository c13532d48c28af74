//! Closing a cycle on a real workspace file: outcomes by progress on the end date, what
//! is carried (and what is not), the refusals, one transaction, and the undo that puts
//! everything back. Plus the two small goal edits: moving a key result, duplicating an
//! objective.
//!
//! The plan every test starts from (cycle 2027-Q1 = Jan 1 – Mar 31):
//!   o1 "Make onboarding effortless" (active)
//!      kr1 increase 40 → 46, check-ins 43 (Feb 1), 44.5 (Mar 31), 46 (Apr 10, after the end)
//!          progress on Mar 31 = (44.5 − 40) / (46 − 40) = 0.75
//!      kr2 decrease 45 → 15, check-in 15 (Mar 15): progress 1
//!      kr3 milestone kind, bound to m1 (done Mar 10) and m2 (not done): 1 of 2 = 0.5
//!      milestones m1 (done Mar 10), m2 (not done), m3 (done Apr 5, after the end)
//!      children o2 (1) and o3 (0.5)
//!      progress = (0.75 + 1 + 0.5 + 1 + 0.5) / 5 = 3.75 / 5 = 0.75 → missed
//!   o2 "Grow activation" (active, child of o1): kr4 at_least 100, check-in 120 → 1 → achieved
//!   o3 "Win the enterprise pilot" (active, child of o1): kr5 increase 0 → 10, check-in 5 → 0.5 → missed
//!   o4 "Cut churn" (dropped) — stays dropped
//!   o5 "Publish the API" (active, child of o4): no key results → undefined → missed
//!   o6 "Someday" (draft) — stays draft
//!   o7 "Expand to the EU" (active, in 2027-Q2) — untouched

use chrono::{DateTime, NaiveDate, Utc};
use lodestar::model::*;
use lodestar::views::cycle_close::CycleClose;
use lodestar::{ErrorCode, Workspace};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    "2027-04-02T10:00:00Z".parse().unwrap()
}

fn objective(title: &str, cycle: &str, parent: Option<&str>, status: ObjectiveStatus) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        description: Some(format!("Why: {title}")),
        cycle: Some(cycle.into()),
        parent: parent.map(str::to_string),
        category: Some(ObjectiveCategory::CustomerValue),
        owner: Some("Dana".into()),
        status,
        weight: Some(2.0),
        ambition: Ambition::Committed,
    }
}

fn kr(title: &str, kind: KeyResultKind, baseline: Option<f64>, target: Option<f64>) -> KeyResultInput {
    KeyResultInput { title: title.into(), kind, unit: Some("%".into()), baseline, target, weight: Some(1.0), kpi: None }
}

fn checkin(kr: &str, d: &str, value: f64) -> CheckIn {
    CheckIn { key_result: kr.into(), date: date(d), value, confidence: Some(0.6), note: None }
}

fn milestone(objective: &str, title: &str, due: &str) -> MilestoneInput {
    MilestoneInput { objective: Some(objective.into()), title: title.into(), due: date(due), roadmap_item: None }
}

fn plan() -> (tempfile::TempDir, Workspace) {
    use KeyResultKind as K;
    use ObjectiveStatus as S;
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("close.lodestar")).unwrap();
    for (id, start, end) in [
        ("2026-Q4", "2026-10-01", "2026-12-31"),
        ("2027-Q1", "2027-01-01", "2027-03-31"),
        ("2027-Q2", "2027-04-01", "2027-06-30"),
        ("2027-Q3", "2027-07-01", "2027-09-30"),
    ] {
        ws.create_cycle(&Cycle { id: id.into(), start: date(start), end: date(end) }).unwrap();
    }
    let q1 = "2027-Q1";
    let o1 = ws.create_objective(&objective("Make onboarding effortless", q1, None, S::Active), now()).unwrap();
    let o2 = ws.create_objective(&objective("Grow activation", q1, Some(&o1), S::Active), now()).unwrap();
    let o3 = ws.create_objective(&objective("Win the enterprise pilot", q1, Some(&o1), S::Active), now()).unwrap();
    let o4 = ws.create_objective(&objective("Cut churn", q1, None, S::Dropped), now()).unwrap();
    let o5 = ws.create_objective(&objective("Publish the API", q1, Some(&o4), S::Active), now()).unwrap();
    let o6 = ws.create_objective(&objective("Someday", q1, None, S::Draft), now()).unwrap();
    let o7 = ws.create_objective(&objective("Expand to the EU", "2027-Q2", None, S::Active), now()).unwrap();
    assert_eq!([o1.as_str(), &o2, &o3, &o4, &o5, &o6, &o7], ["o1", "o2", "o3", "o4", "o5", "o6", "o7"]);

    let kr1 = ws.create_key_result("o1", &kr("Raise 30-day retention", K::Increase, Some(40.0), Some(46.0)), now()).unwrap();
    let kr2 = ws.create_key_result("o1", &kr("Cut setup time", K::Decrease, Some(45.0), Some(15.0)), now()).unwrap();
    let kr3 = ws.create_key_result("o1", &kr("Ship the guided setup", K::Milestone, None, None), now()).unwrap();
    let kr4 = ws.create_key_result("o2", &kr("Keep weekly actives", K::AtLeast, None, Some(100.0)), now()).unwrap();
    let kr5 = ws.create_key_result("o3", &kr("Pilot seats", K::Increase, Some(0.0), Some(10.0)), now()).unwrap();
    assert_eq!([kr1.as_str(), &kr2, &kr3, &kr4, &kr5], ["kr1", "kr2", "kr3", "kr4", "kr5"]);
    for c in [
        checkin("kr1", "2027-02-01", 43.0),
        checkin("kr1", "2027-03-31", 44.5),
        checkin("kr1", "2027-04-10", 46.0),
        checkin("kr2", "2027-03-15", 15.0),
        checkin("kr4", "2027-03-20", 120.0),
        checkin("kr5", "2027-03-01", 5.0),
    ] {
        ws.add_checkin(&c).unwrap();
    }
    let m1 = ws.create_milestone(&milestone("o1", "Design review", "2027-03-01")).unwrap();
    let m2 = ws.create_milestone(&milestone("o1", "Beta to ten teams", "2027-03-25")).unwrap();
    let m3 = ws.create_milestone(&milestone("o1", "Launch post", "2027-03-30")).unwrap();
    assert_eq!([m1.as_str(), &m2, &m3], ["m1", "m2", "m3"]);
    ws.set_milestone_done("m1", Some(date("2027-03-10"))).unwrap();
    ws.set_milestone_done("m3", Some(date("2027-04-05"))).unwrap();
    ws.bind_milestone("kr3", "m1", true).unwrap();
    ws.bind_milestone("kr3", "m2", true).unwrap();
    (dir, ws)
}

fn status(ws: &Workspace, id: &str) -> ObjectiveStatus {
    ws.export_document().unwrap().objectives.iter().find(|o| o.id == id).unwrap().status
}

fn close(ws: &mut Workspace) -> CycleClose {
    ws.close_cycle("2027-Q1", Some("2027-Q2"), date("2027-04-01"), false, now()).unwrap().close
}

#[test]
fn active_objectives_become_achieved_or_missed_by_progress_on_the_end_date_and_other_statuses_stay() {
    let (_dir, mut ws) = plan();
    let closed = close(&mut ws);
    let outcomes: Vec<(&str, Option<f64>, ObjectiveStatus)> =
        closed.objectives.iter().map(|o| (o.id.as_str(), o.progress, o.becomes)).collect();
    use ObjectiveStatus as S;
    // o1 = 0.75 (the Apr 10 check-in of kr1 is after the end and does not count),
    // o2 = 1, o3 = 0.5, o5 undefined (no key results): missed too.
    assert_eq!(
        outcomes,
        vec![("o1", Some(0.75), S::Missed), ("o2", Some(1.0), S::Achieved), ("o3", Some(0.5), S::Missed), ("o5", None, S::Missed)]
    );
    for (id, s) in [
        ("o1", S::Missed),
        ("o2", S::Achieved),
        ("o3", S::Missed),
        ("o4", S::Dropped),
        ("o5", S::Missed),
        ("o6", S::Draft),
        ("o7", S::Active),
    ] {
        assert_eq!(status(&ws, id), s, "{id}");
    }
}

#[test]
fn missed_objectives_are_carried_with_their_fields_and_a_parent_only_when_the_parent_was_carried() {
    let (_dir, mut ws) = plan();
    let closed = close(&mut ws);
    let carried: Vec<(&str, &str, Option<&str>)> =
        closed.objectives.iter().filter_map(|o| o.carried.as_ref().map(|c| (o.id.as_str(), c.id.as_str(), c.parent.as_deref()))).collect();
    // o2 was achieved: not carried. o3's parent o1 was carried → parent o8; o5's parent o4 was not → none.
    assert_eq!(carried, vec![("o1", "o8", None), ("o3", "o9", Some("o8")), ("o5", "o10", None)]);

    let doc = ws.export_document().unwrap();
    let o8 = doc.objectives.iter().find(|o| o.id == "o8").unwrap();
    assert_eq!(
        *o8,
        Objective {
            id: "o8".into(),
            title: "Make onboarding effortless".into(),
            description: Some("Why: Make onboarding effortless".into()),
            cycle: Some("2027-Q2".into()),
            parent: None,
            category: Some(ObjectiveCategory::CustomerValue),
            owner: Some("Dana".into()),
            status: ObjectiveStatus::Active,
            weight: Some(2.0),
            ambition: Ambition::Committed,
            carried_from: Some("o1".into()),
        }
    );
    let o9 = doc.objectives.iter().find(|o| o.id == "o9").unwrap();
    assert_eq!((o9.parent.as_deref(), o9.carried_from.as_deref(), o9.cycle.as_deref()), (Some("o8"), Some("o3"), Some("2027-Q2")));
    let o10 = doc.objectives.iter().find(|o| o.id == "o10").unwrap();
    assert_eq!((o10.parent.as_deref(), o10.carried_from.as_deref()), (None, Some("o5")));
    assert_eq!(doc.objectives.len(), 10, "three copies, nothing else");

    // The card of the copy says where it came from.
    let view = ws.okr_view(Some("2027-Q2"), date("2027-04-02")).unwrap();
    let card = view.objectives.iter().find(|c| c.objective.id == "o8").unwrap();
    let from = card.carried_from.as_ref().unwrap();
    assert_eq!((from.id.as_str(), from.title.as_str(), from.cycle.as_deref()), ("o1", "Make onboarding effortless", Some("2027-Q1")));

    // The history of both objectives lists the carry-over.
    let history = ws.history().unwrap();
    let of = |id: &str, field: &str| {
        history.entries.iter().find(|e| e.entity_id == id && e.revision.field == field).map(|e| e.revision.new_value.clone().unwrap())
    };
    assert_eq!(of("o8", "carried_from").as_deref(), Some("Make onboarding effortless (o1, 2027-Q1)"));
    assert_eq!(of("o1", "carried_to").as_deref(), Some("Make onboarding effortless (o8, 2027-Q2)"));
    assert_eq!(of("o1", "status").as_deref(), Some("missed"));
}

#[test]
fn key_results_below_one_are_copied_with_the_value_on_the_end_date_as_baseline_and_without_check_ins() {
    let (_dir, mut ws) = plan();
    let closed = close(&mut ws);
    let o1 = &closed.objectives[0];
    let c = o1.carried.as_ref().unwrap();
    // kr1 (0.75) and kr3 (0.5) are copied; kr2 (at 1) stays behind.
    let krs: Vec<(&str, &str, Option<f64>)> = c.key_results.iter().map(|k| (k.from.as_str(), k.id.as_str(), k.baseline)).collect();
    // kr1's new baseline: its value on Mar 31 = 44.5 (not the Apr 10 value 46).
    // kr3 (milestone kind) has no check-in and no baseline: its current value is the
    // milestone kind's start value, 0 (not done), which becomes the copy's baseline.
    assert_eq!(krs, vec![("kr1", "kr6", Some(44.5)), ("kr3", "kr7", Some(0.0))]);
    assert_eq!(c.key_results_left, vec!["kr2".to_string()]);

    let doc = ws.export_document().unwrap();
    let kr6 = doc.key_results.iter().find(|k| k.id == "kr6").unwrap();
    assert_eq!(
        *kr6,
        KeyResult {
            id: "kr6".into(),
            objective: "o8".into(),
            title: "Raise 30-day retention".into(),
            kind: KeyResultKind::Increase,
            unit: Some("%".into()),
            baseline: Some(44.5),
            target: Some(46.0),
            weight: Some(1.0),
            kpi: None,
        }
    );
    // o3's kr5 (0.5) → kr8 with baseline 5.
    assert_eq!(doc.key_results.iter().find(|k| k.id == "kr8").map(|k| (k.objective.as_str(), k.baseline)), Some(("o9", Some(5.0))));
    assert_eq!(doc.key_results.len(), 8);
    // No check-in of any copy.
    assert!(doc.checkins.iter().all(|c| ["kr1", "kr2", "kr4", "kr5"].contains(&c.key_result.as_str())));
    assert_eq!(doc.checkins.len(), 6);
    // The copy starts over: (44.5 − 44.5) / (46 − 44.5) = 0 on the first day of Q2.
    let view = ws.okr_view(Some("2027-Q2"), date("2027-04-01")).unwrap();
    let card = view.objectives.iter().find(|c| c.objective.id == "o8").unwrap();
    assert_eq!(card.figures.key_results[0].progress, Some(0.0));
}

#[test]
fn milestones_not_done_by_the_end_date_are_copied_with_their_bindings_to_copied_key_results() {
    let (_dir, mut ws) = plan();
    let closed = close(&mut ws);
    let c = closed.objectives[0].carried.as_ref().unwrap();
    // m1 was done Mar 10: left. m2 not done and m3 done only on Apr 5: copied as m4, m5.
    let ms: Vec<(&str, &str)> = c.milestones.iter().map(|m| (m.from.as_str(), m.id.as_str())).collect();
    assert_eq!(ms, vec![("m2", "m4"), ("m3", "m5")]);
    let doc = ws.export_document().unwrap();
    let m4 = doc.milestones.iter().find(|m| m.id == "m4").unwrap();
    assert_eq!(
        *m4,
        Milestone {
            id: "m4".into(),
            objective: Some("o8".into()),
            title: "Beta to ten teams".into(),
            due: date("2027-03-25"),
            done_on: None,
            roadmap_item: None
        }
    );
    assert_eq!(doc.milestones.iter().find(|m| m.id == "m5").unwrap().done_on, None);
    // kr3 was bound to m1 and m2; its copy kr7 is bound to m2's copy m4 only.
    let bindings: Vec<(&str, &str)> =
        doc.key_result_milestones.iter().map(|b| (b.key_result.as_str(), b.milestone.as_str())).filter(|(k, _)| *k == "kr7").collect();
    assert_eq!(bindings, vec![("kr7", "m4")]);
}

#[test]
fn without_a_next_cycle_nothing_is_carried() {
    let (_dir, mut ws) = plan();
    let closed = ws.close_cycle("2027-Q1", None, date("2027-04-01"), false, now()).unwrap().close;
    assert!(closed.objectives.iter().all(|o| o.carried.is_none()));
    assert_eq!(ws.export_document().unwrap().objectives.len(), 7);
    assert_eq!(status(&ws, "o1"), ObjectiveStatus::Missed);
}

#[test]
fn a_close_is_refused_before_the_last_day_has_passed_unless_forced() {
    let (_dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    // Mar 31 is the last day: it has not passed yet.
    let e = ws.close_cycle("2027-Q1", Some("2027-Q2"), date("2027-03-31"), false, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Invalid);
    assert!(e.message.contains("2027-03-31") && e.message.contains("2027-04-01"), "{}", e.message);
    assert_eq!(ws.export_document().unwrap(), before);
    let forced = ws.close_cycle("2027-Q1", Some("2027-Q2"), date("2027-03-15"), true, now()).unwrap().close;
    // Forced early, progress is still read on the end date: o1 = 0.75.
    assert_eq!(forced.objectives[0].progress, Some(0.75));
}

#[test]
fn closing_a_closed_cycle_or_into_a_bad_next_cycle_is_refused() {
    let (_dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    for (next, field) in [("2026-Q4", "carry_to"), ("2027-Q1", "carry_to"), ("2099-Q1", "carry_to")] {
        let e = ws.close_cycle("2027-Q1", Some(next), date("2027-04-01"), false, now()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some(field), "{next}: {}", e.message);
        assert_eq!(ws.export_document().unwrap(), before, "{next}");
    }
    let e = ws.close_cycle("2099-Q9", None, date("2100-01-01"), false, now()).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    close(&mut ws);
    let e = ws.close_cycle("2027-Q1", Some("2027-Q2"), date("2027-04-01"), false, now()).unwrap_err();
    assert!(e.message.contains("already closed"), "{}", e.message);
    // 2027-Q3 has no objective at all: nothing active, so nothing to close.
    let e = ws.close_cycle("2027-Q3", None, date("2027-10-01"), false, now()).unwrap_err();
    assert!(e.message.contains("already closed"), "{}", e.message);
}

#[test]
fn the_preview_shows_exactly_what_the_close_does_and_writes_nothing() {
    let (dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    let history = ws.history().unwrap();
    let preview = ws.preview_cycle_close("2027-Q1", Some("2027-Q2"), date("2027-04-01"), false).unwrap();
    assert_eq!(ws.export_document().unwrap(), before);
    assert_eq!(ws.history().unwrap(), history);
    assert_eq!(preview.next_cycles, vec!["2027-Q2".to_string(), "2027-Q3".to_string()]);
    assert_eq!(preview.default_next.as_deref(), Some("2027-Q2"));
    let defaults = ws.cycle_close_defaults("2027-Q1", date("2027-04-01"), false).unwrap();
    assert_eq!(defaults, preview);
    let closed = close(&mut ws);
    assert_eq!(closed, preview);
    drop(dir);
}

#[test]
fn a_failure_part_way_leaves_nothing_written() {
    let (dir, ws) = plan();
    let before = ws.export_document().unwrap();
    drop(ws);
    let path = dir.path().join("close.lodestar");
    {
        // The copy of m3 fails: everything the close did before it must be rolled back.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER boom BEFORE INSERT ON milestones WHEN NEW.title = 'Launch post' AND NEW.objective = 'o8'
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .unwrap();
    }
    let mut ws = Workspace::open(&path).unwrap();
    let revisions = ws.history().unwrap().entries.len();
    assert!(ws.close_cycle("2027-Q1", Some("2027-Q2"), date("2027-04-01"), false, now()).is_err());
    assert_eq!(ws.export_document().unwrap(), before);
    assert_eq!(ws.history().unwrap().entries.len(), revisions);
}

#[test]
fn undoing_a_close_restores_the_workspace_exactly_and_redo_closes_again() {
    let (_dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    let history_before = ws.history().unwrap();
    let mut history = lodestar::edit_history::EditHistory::default();
    let edit = GoalEdit::CloseCycle { cycle: "2027-Q1".into(), carry_to: Some("2027-Q2".into()), as_of: date("2027-04-01"), force: false };
    let state = history.apply_goal_edit(&mut ws, &edit).unwrap();
    assert_eq!(state.undo.as_deref(), Some("cycle close"));
    let after = ws.export_document().unwrap();
    assert_ne!(after, before);
    history.undo(&mut ws).unwrap();
    assert_eq!(ws.export_document().unwrap(), before);
    assert_eq!(ws.history().unwrap(), history_before, "the close's revisions are gone too");
    history.redo(&mut ws).unwrap();
    assert_eq!(ws.export_document().unwrap(), after, "redo closes again with the same ids");
}

#[test]
fn a_key_result_moves_to_another_objective_with_its_check_ins_and_back_on_undo() {
    let (_dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    let mut history = lodestar::edit_history::EditHistory::default();
    history.apply_goal_edit(&mut ws, &GoalEdit::MoveKeyResult { key_result: "kr1".into(), objective: "o7".into() }).unwrap();
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.key_results.iter().find(|k| k.id == "kr1").unwrap().objective, "o7");
    // Its three check-ins follow: o7 (in Q2) now reads kr1's Apr 10 value 46 → progress 1 on Apr 30.
    assert_eq!(doc.checkins.iter().filter(|c| c.key_result == "kr1").count(), 3);
    let view = ws.okr_view(Some("2027-Q2"), date("2027-04-30")).unwrap();
    let card = view.objectives.iter().find(|c| c.objective.id == "o7").unwrap();
    assert_eq!(card.key_results.len(), 1);
    assert_eq!(card.figures.progress, Some(1.0));
    history.undo(&mut ws).unwrap();
    assert_eq!(ws.export_document().unwrap(), before);

    let e = ws.move_key_result("kr1", "o99", now()).unwrap_err();
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some("objective")));
    assert!(e.message.contains("o99"), "{}", e.message);
    assert_eq!(ws.export_document().unwrap(), before);
    assert_eq!(ws.move_key_result("kr99", "o1", now()).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn duplicating_an_objective_copies_its_fields_and_key_results_without_check_ins_and_undo_removes_it() {
    let (_dir, mut ws) = plan();
    let before = ws.export_document().unwrap();
    let history_before = ws.history().unwrap();
    let mut history = lodestar::edit_history::EditHistory::default();
    history.apply_goal_edit(&mut ws, &GoalEdit::DuplicateObjective { objective: "o1".into() }).unwrap();
    let doc = ws.export_document().unwrap();
    let copy = doc.objectives.iter().find(|o| o.id == "o8").unwrap();
    let o1 = doc.objectives.iter().find(|o| o.id == "o1").unwrap();
    assert_eq!(*copy, Objective { id: "o8".into(), title: "Make onboarding effortless (copy)".into(), ..o1.clone() });
    let copies: Vec<(&str, &str, Option<f64>)> =
        doc.key_results.iter().filter(|k| k.objective == "o8").map(|k| (k.id.as_str(), k.title.as_str(), k.baseline)).collect();
    assert_eq!(
        copies,
        vec![("kr6", "Raise 30-day retention", Some(40.0)), ("kr7", "Cut setup time", Some(45.0)), ("kr8", "Ship the guided setup", None)]
    );
    assert_eq!(doc.checkins.len(), 6, "no check-in copied");
    history.undo(&mut ws).unwrap();
    assert_eq!(ws.export_document().unwrap(), before);
    assert_eq!(ws.history().unwrap(), history_before);
    assert_eq!(ws.duplicate_objective("o99", now()).unwrap_err().code, ErrorCode::NotFound);
}
