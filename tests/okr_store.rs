//! Goals and OKRs on a real workspace file: validated edits with field-level errors,
//! revisions (with adjustment reasons), check-ins, milestones, and the OKR view.

use chrono::{DateTime, NaiveDate, Utc};
use lodestar::compute::okr::Health;
use lodestar::compute::smart::SmartCriterion;
use lodestar::model::*;
use lodestar::{ErrorCode, Workspace};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn now() -> DateTime<Utc> {
    "2027-02-15T10:00:00Z".parse().unwrap()
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("okrs.lodestar")).unwrap();
    ws.create_cycle(&Cycle { id: "2027-Q1".into(), start: date("2027-01-01"), end: date("2027-03-31") }).unwrap();
    ws.create_cycle(&Cycle { id: "2027-Q2".into(), start: date("2027-04-01"), end: date("2027-06-30") }).unwrap();
    (dir, ws)
}

fn objective(title: &str, cycle: Option<&str>, parent: Option<&str>) -> ObjectiveInput {
    ObjectiveInput {
        title: title.into(),
        description: None,
        cycle: cycle.map(str::to_string),
        parent: parent.map(str::to_string),
        category: Some(ObjectiveCategory::CustomerValue),
        owner: Some("Dana".into()),
        status: ObjectiveStatus::Active,
        weight: None,
        ambition: Default::default(),
    }
}

fn key_result(title: &str, kind: KeyResultKind, baseline: Option<f64>, target: Option<f64>) -> KeyResultInput {
    KeyResultInput { title: title.into(), kind, unit: Some("%".into()), baseline, target, weight: None, kpi: None }
}

#[test]
fn an_objective_with_two_key_results_and_a_check_in_shows_its_figures() {
    let (_dir, mut ws) = workspace();
    let o = ws.create_objective(&objective("Make onboarding effortless", Some("2027-Q1"), None), now()).unwrap();
    let k1 = ws
        .create_key_result(
            &o,
            &key_result("Raise 30-day retention from 40% to 46%", KeyResultKind::Increase, Some(40.0), Some(46.0)),
            now(),
        )
        .unwrap();
    ws.create_key_result(&o, &key_result("Cut setup time from 45 to 15 min", KeyResultKind::Decrease, Some(45.0), Some(15.0)), now())
        .unwrap();
    ws.add_checkin(&CheckIn { key_result: k1.clone(), date: date("2027-02-01"), value: 43.0, confidence: Some(0.8), note: None }).unwrap();

    let view = ws.okr_view(Some("2027-Q1"), date("2027-02-15")).unwrap();
    let card = &view.objectives[0];
    assert_eq!(card.key_results.len(), 2);
    let kr = &card.figures.key_results[0];
    assert_eq!(kr.current, Some(43.0));
    assert!((kr.progress.unwrap() - 0.5).abs() < 1e-9);
    // (0.5 + 0) / 2 against an expected 45/89: a gap of 0.256 is off track.
    assert!((card.figures.progress.unwrap() - 0.25).abs() < 1e-9);
    assert_eq!(card.figures.health, Some(Health::OffTrack));

    // Reopening the file gives the same figures.
    let path = ws.path().to_path_buf();
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.okr_view(Some("2027-Q1"), date("2027-02-15")).unwrap().objectives[0].figures, card.figures);
}

#[test]
fn invalid_goal_input_is_refused_at_its_field_and_nothing_is_written() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    let cases = [
        (objective("  ", Some("2027-Q1"), None), "title"),
        (objective("Grow", Some("2099-Q9"), None), "cycle"),
        (objective("Grow", Some("2027-Q1"), Some("nope")), "parent"),
        (ObjectiveInput { weight: Some(-1.0), ..objective("Grow", None, None) }, "weight"),
    ];
    for (input, field) in cases {
        let e = ws.create_objective(&input, now()).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)), "{e}");
    }
    assert_eq!(ws.export_document().unwrap(), before);

    let o = ws.create_objective(&objective("Grow", Some("2027-Q1"), None), now()).unwrap();
    let bad_krs = [
        (key_result("Same", KeyResultKind::Increase, Some(40.0), Some(40.0)), "target"),
        (key_result("Same", KeyResultKind::Decrease, Some(40.0), Some(40.0)), "target"),
        (key_result("Wrong way", KeyResultKind::Increase, Some(40.0), Some(30.0)), "target"),
        (key_result("Inf", KeyResultKind::Increase, Some(f64::INFINITY), Some(30.0)), "baseline"),
        (key_result("NaN", KeyResultKind::AtLeast, None, Some(f64::NAN)), "target"),
        (KeyResultInput { kpi: Some("k-missing".into()), ..key_result("K", KeyResultKind::AtLeast, None, Some(1.0)) }, "kpi"),
    ];
    for (input, field) in bad_krs {
        let e = ws.create_key_result(&o, &input, now()).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)), "{e}");
    }
    // At least / at most may keep a value where it is.
    ws.create_key_result(&o, &key_result("Keep NPS", KeyResultKind::AtLeast, Some(40.0), Some(40.0)), now()).unwrap();
}

#[test]
fn a_parent_in_another_cycle_or_a_loop_in_the_tree_is_refused() {
    let (_dir, mut ws) = workspace();
    let q1 = ws.create_objective(&objective("Company Q1", Some("2027-Q1"), None), now()).unwrap();
    let e = ws.create_objective(&objective("Team Q2", Some("2027-Q2"), Some(&q1)), now()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("parent"));
    assert!(e.message.contains("2027-Q1"), "{e}");

    let child = ws.create_objective(&objective("Team Q1", Some("2027-Q1"), Some(&q1)), now()).unwrap();
    let grandchild = ws.create_objective(&objective("Person Q1", Some("2027-Q1"), Some(&child)), now()).unwrap();
    let e = ws.update_objective(&q1, &objective("Company Q1", Some("2027-Q1"), Some(&grandchild)), None, now()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("parent"));
    let e = ws.update_objective(&q1, &objective("Company Q1", Some("2027-Q1"), Some(&q1)), None, now()).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("parent"));
}

#[test]
fn check_ins_are_validated_against_range_and_cycle() {
    let (_dir, mut ws) = workspace();
    let o = ws.create_objective(&objective("Grow", Some("2027-Q1"), None), now()).unwrap();
    let kr = ws.create_key_result(&o, &key_result("Retention", KeyResultKind::Increase, Some(40.0), Some(46.0)), now()).unwrap();
    let c = |d: &str, value: f64, confidence: Option<f64>| CheckIn { key_result: kr.clone(), date: date(d), value, confidence, note: None };
    assert_eq!(ws.add_checkin(&c("2027-02-01", 42.0, Some(1.5))).unwrap_err().field.as_deref(), Some("confidence"));
    assert_eq!(ws.add_checkin(&c("2027-02-01", 42.0, Some(-0.1))).unwrap_err().field.as_deref(), Some("confidence"));
    assert_eq!(ws.add_checkin(&c("2027-02-01", f64::NAN, None)).unwrap_err().field.as_deref(), Some("value"));
    assert_eq!(ws.add_checkin(&c("2026-12-31", 42.0, None)).unwrap_err().field.as_deref(), Some("date"));
    let e = ws
        .add_checkin(&CheckIn { key_result: "kr-missing".into(), date: date("2027-02-01"), value: 1.0, confidence: None, note: None })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    assert!(ws.export_document().unwrap().checkins.is_empty());
    ws.add_checkin(&c("2027-01-01", 41.0, Some(0.0))).unwrap();
    ws.add_checkin(&c("2027-02-01", 42.0, Some(1.0))).unwrap();
    assert_eq!(ws.export_document().unwrap().checkins.len(), 2);
}

#[test]
fn every_change_to_a_goal_is_a_revision_and_an_adjustment_keeps_its_reason() {
    let (_dir, mut ws) = workspace();
    let o = ws.create_objective(&objective("Grow retention", Some("2027-Q1"), None), now()).unwrap();
    let kr = ws.create_key_result(&o, &key_result("Retention", KeyResultKind::Increase, Some(40.0), Some(46.0)), now()).unwrap();
    ws.update_key_result(
        &kr,
        &key_result("Retention", KeyResultKind::Increase, Some(40.0), Some(44.0)),
        Some("Churn data was wrong"),
        now(),
    )
    .unwrap();
    ws.update_objective(
        &o,
        &ObjectiveInput { owner: Some("Sam".into()), ..objective("Grow retention", Some("2027-Q1"), None) },
        None,
        now(),
    )
    .unwrap();
    // Saving the same values again records nothing.
    ws.update_objective(
        &o,
        &ObjectiveInput { owner: Some("Sam".into()), ..objective("Grow retention", Some("2027-Q1"), None) },
        None,
        now(),
    )
    .unwrap();

    let history = ws.history().unwrap();
    let fields: Vec<(&str, &str)> = history.entries.iter().map(|e| (e.entity.as_str(), e.revision.field.as_str())).collect();
    assert_eq!(fields, [("objective", "owner"), ("key_result", "target"), ("key_result", "created"), ("objective", "created")]);
    let target = &history.entries[1].revision;
    assert_eq!((target.old_value.as_deref(), target.new_value.as_deref()), (Some("46.0"), Some("44.0")));
    assert_eq!(target.reason.as_deref(), Some("Churn data was wrong"));
    assert_eq!(history.entries[1].entity_title, "Retention");

    let view = ws.okr_view(Some("2027-Q1"), date("2027-02-15")).unwrap();
    assert_eq!(view.objectives[0].adjusted.as_deref(), Some("Churn data was wrong"));
}

#[test]
fn pivots_are_recorded_with_their_kind() {
    let (_dir, mut ws) = workspace();
    ws.record_pivot(date("2027-02-01"), PivotKind::Channel, "From sales-led to self-serve").unwrap();
    assert_eq!(ws.record_pivot(date("2027-02-01"), PivotKind::Customer, "  ").unwrap_err().field.as_deref(), Some("description"));
    let pivots = ws.history().unwrap().pivots;
    assert_eq!(pivots.len(), 1);
    assert_eq!(pivots[0].kind, PivotKind::Channel);
}

#[test]
fn finishing_bound_milestones_moves_a_milestone_key_result() {
    let (_dir, mut ws) = workspace();
    let o = ws.create_objective(&objective("Retention plan", Some("2027-Q1"), None), now()).unwrap();
    let kr = ws.create_key_result(&o, &key_result("Ship the plan", KeyResultKind::Milestone, None, None), now()).unwrap();
    let plain = ws.create_key_result(&o, &key_result("Retention", KeyResultKind::Increase, Some(40.0), Some(46.0)), now()).unwrap();
    let m = |t: &str| MilestoneInput { objective: Some(o.clone()), title: t.into(), due: date("2027-02-28"), roadmap_item: None };
    let m1 = ws.create_milestone(&m("Drip campaign")).unwrap();
    let m2 = ws.create_milestone(&m("KB articles")).unwrap();
    ws.bind_milestone(&kr, &m1, true).unwrap();
    ws.bind_milestone(&kr, &m2, true).unwrap();
    assert_eq!(ws.bind_milestone(&plain, &m1, true).unwrap_err().field.as_deref(), Some("kind"));
    ws.set_milestone_done(&m1, Some(date("2027-02-10"))).unwrap();

    let view = ws.okr_view(None, date("2027-02-15")).unwrap();
    let card = &view.objectives[0];
    assert_eq!(card.figures.key_results[0].progress, Some(0.5));
    assert_eq!(card.milestones.iter().filter(|m| m.done).count(), 1);
    // Seen from before it was done, the milestone is not done.
    let earlier = ws.okr_view(None, date("2027-02-01")).unwrap();
    assert_eq!(earlier.objectives[0].figures.key_results[0].progress, Some(0.0));
    // Overdue: due Feb 28, not done, looked at in March.
    let later = ws.okr_view(None, date("2027-03-05")).unwrap();
    assert!(later.objectives[0].milestones.iter().any(|m| m.overdue && m.milestone.id == m2));
}

#[test]
fn the_smart_check_says_what_is_missing() {
    let (_dir, mut ws) = workspace();
    let vague = ws.create_objective(&ObjectiveInput { category: None, ..objective("Improve onboarding", None, None) }, now()).unwrap();
    let view = ws.okr_view(None, date("2027-02-15")).unwrap();
    let all: Vec<_> = view.all_objectives.iter().map(|o| o.id.clone()).collect();
    assert!(all.contains(&vague));
    // An objective without a cycle is not in any cycle's view; check it directly.
    let doc = ws.export_document().unwrap();
    let o = &doc.objectives[0];
    let findings = lodestar::compute::smart::check_objective(o, None, &[], 0);
    // Measured through aligned children instead, it needs no key results of its own.
    let with_children = lodestar::compute::smart::check_objective(o, None, &[], 2);
    assert!(!with_children.iter().any(|f| f.message.contains("no key result")));
    assert!(findings.iter().any(|f| f.message.contains("no key result")));
    assert!(findings.iter().any(|f| f.message.contains("“improve”")));
    let criteria: Vec<SmartCriterion> = findings.iter().map(|f| f.criterion).collect();
    assert!(criteria.contains(&SmartCriterion::Specific));
    assert!(criteria.contains(&SmartCriterion::Relevant));
    assert!(criteria.contains(&SmartCriterion::TimeBound));
    assert!(findings.iter().all(|f| f.message.ends_with('.')));

    let o = ws.create_objective(&objective("Retention", Some("2027-Q1"), None), now()).unwrap();
    let kr = ws
        .create_key_result(
            &o,
            &KeyResultInput { unit: None, ..key_result("Retention", KeyResultKind::Increase, Some(40.0), Some(80.0)) },
            now(),
        )
        .unwrap();
    // Two points a month apart, +1 pt: the target needs ~0.8 pt a day, far more than twice the pace.
    for (d, v) in [("2027-01-01", 40.0), ("2027-02-01", 41.0)] {
        ws.add_checkin(&CheckIn { key_result: kr.clone(), date: date(d), value: v, confidence: None, note: None }).unwrap();
    }
    let view = ws.okr_view(Some("2027-Q1"), date("2027-02-01")).unwrap();
    let card = view.objectives.iter().find(|c| c.objective.id == o).unwrap();
    let kr_findings: Vec<SmartCriterion> = card.key_results[0].smart.iter().map(|f| f.criterion).collect();
    assert!(kr_findings.contains(&SmartCriterion::Measurable), "{kr_findings:?}"); // no unit
    assert!(kr_findings.contains(&SmartCriterion::Achievable), "{kr_findings:?}");
}
