//! The weekly review (docs/COMPUTATIONS.md): the week's progress and its change,
//! check-ins due, confidence drops, milestones, items starting next, slips against the
//! latest baseline and problems — from the OKR and roadmap figures computed elsewhere.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};

use crate::compute::okr::{okr_figures, Health, OkrData};
use crate::compute::roadmap::conflicts;
use crate::model::{Baseline, CheckIn, ItemStatus, KeyResultKind, Milestone, ObjectiveStatus, RoadmapItem};
use crate::views::review::*;

/// Everything the weekly review is computed from.
#[derive(Debug, Clone, Copy)]
pub struct ReviewData<'a> {
    pub okr: OkrData<'a>,
    pub items: &'a [RoadmapItem],
    pub baselines: &'a [Baseline],
}

/// How far ahead "next" looks: `as_of + 1` … `as_of + 14`.
const NEXT_DAYS: u64 = 14;

fn minus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(NaiveDate::MIN)
}

fn plus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

/// The latest baseline saved on or before `as_of` (of two saved the same day, the later listed).
pub fn latest_baseline(baselines: &[Baseline], as_of: NaiveDate) -> Option<&Baseline> {
    baselines.iter().filter(|b| b.saved_on <= as_of).max_by_key(|b| b.saved_on)
}

pub fn weekly_review(data: &ReviewData<'_>, as_of: NaiveDate) -> WeeklyReview {
    let okr = &data.okr;
    let week = Week { from: minus(as_of, 6), to: as_of };
    let in_week = |d: NaiveDate| week.from <= d && d <= week.to;
    let next_from = plus(as_of, 1);
    let next_to = plus(as_of, NEXT_DAYS);
    let in_next = |d: NaiveDate| next_from <= d && d <= next_to;

    // Open objectives: active, in a cycle that contains `as_of`.
    let cycles: HashMap<&str, _> = okr.cycles.iter().map(|c| (c.id.as_str(), c)).collect();
    let open: HashSet<&str> = okr
        .objectives
        .iter()
        .filter(|o| o.status == ObjectiveStatus::Active)
        .filter(|o| o.cycle.as_deref().and_then(|c| cycles.get(c)).is_some_and(|c| c.start <= as_of && as_of <= c.end))
        .map(|o| o.id.as_str())
        .collect();

    // Progress and health on `as_of`, progress a week before: the OKR figures, twice.
    let now = okr_figures(okr, as_of);
    let before: HashMap<String, Option<f64>> = okr_figures(okr, minus(as_of, 7)).into_iter().map(|f| (f.id, f.progress)).collect();
    let mut progress: Vec<ObjectiveChange> = now
        .iter()
        .filter(|f| open.contains(f.id.as_str()))
        .map(|f| {
            let earlier = before.get(&f.id).copied().flatten();
            ObjectiveChange {
                objective: f.id.clone(),
                progress: f.progress,
                change: f.progress.zip(earlier).map(|(p, e)| p - e),
                health: f.health,
            }
        })
        .collect();
    progress.sort_by(|a, b| a.objective.cmp(&b.objective));

    // Check-ins per key result up to `as_of`, oldest first (stable: the later written
    // of two same-day check-ins is the latest, as in the OKR figures).
    let mut checkins_of: HashMap<&str, Vec<&CheckIn>> = HashMap::new();
    for c in okr.checkins.iter().filter(|c| c.date <= as_of) {
        checkins_of.entry(c.key_result.as_str()).or_default().push(c);
    }
    for list in checkins_of.values_mut() {
        list.sort_by_key(|c| c.date);
    }
    let milestone_ids: HashSet<&str> = okr.milestones.iter().map(|m| m.id.as_str()).collect();
    let bound: HashSet<&str> =
        okr.key_result_milestones.iter().filter(|b| milestone_ids.contains(b.milestone.as_str())).map(|b| b.key_result.as_str()).collect();

    let mut checkins_due = Vec::new();
    let mut confidence_drops = Vec::new();
    for kr in okr.key_results.iter().filter(|k| open.contains(k.objective.as_str())) {
        let list = checkins_of.get(kr.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let latest = list.last();
        let milestone_bound = kr.kind == KeyResultKind::Milestone && bound.contains(kr.id.as_str());
        if !milestone_bound && !list.iter().any(|c| in_week(c.date)) {
            checkins_due.push(CheckinDue { key_result: kr.id.clone(), last_checkin: latest.map(|c| c.date) });
        }
        if let Some(latest) = latest.filter(|c| in_week(c.date)) {
            let prior = list.iter().rev().find(|c| c.date < latest.date);
            if let (Some(from), Some(to)) = (prior.and_then(|c| c.confidence), latest.confidence) {
                if to < from {
                    confidence_drops.push(ConfidenceDrop { key_result: kr.id.clone(), from, to });
                }
            }
        }
    }
    // Option orders None first: never checked in comes first, then the oldest.
    checkins_due.sort_by(|a, b| a.last_checkin.cmp(&b.last_checkin).then_with(|| a.key_result.cmp(&b.key_result)));
    confidence_drops.sort_by(|a, b| a.key_result.cmp(&b.key_result));

    let done_by = |m: &Milestone| m.done_on.is_some_and(|d| d <= as_of);
    let milestones = |keep: &dyn Fn(&Milestone) -> bool| {
        let mut list: Vec<&Milestone> = okr.milestones.iter().filter(|m| keep(m)).collect();
        list.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
        list.into_iter().map(|m| m.id.clone()).collect::<Vec<_>>()
    };
    let milestones_done = milestones(&|m| m.done_on.is_some_and(in_week));
    let milestones_overdue = milestones(&|m| m.due < as_of && !done_by(m));
    let milestones_next = milestones(&|m| !done_by(m) && in_next(m.due));

    let mut next_items: Vec<(&NaiveDate, &str)> = data
        .items
        .iter()
        .filter(|i| !matches!(i.status, ItemStatus::Done | ItemStatus::Dropped))
        .filter_map(|i| i.start.as_ref().filter(|s| in_next(**s)).map(|s| (s, i.id.as_str())))
        .collect();
    next_items.sort();
    let items_next = next_items.into_iter().map(|(_, id)| id.to_string()).collect();

    let baseline = latest_baseline(data.baselines, as_of);
    let ends: HashMap<&str, NaiveDate> = data.items.iter().filter_map(|i| i.end.map(|e| (i.id.as_str(), e))).collect();
    let mut slips: Vec<WeeklySlip> = baseline
        .map(|b| b.items.as_slice())
        .unwrap_or(&[])
        .iter()
        .filter_map(|b| {
            let days = (*ends.get(b.item.as_str())? - b.end).num_days();
            (days > 0).then(|| WeeklySlip { item: b.item.clone(), days })
        })
        .collect();
    slips.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| a.item.cmp(&b.item)));

    let problems = WeeklyProblems {
        objectives: progress
            .iter()
            .filter(|p| matches!(p.health, Some(Health::AtRisk | Health::OffTrack)))
            .map(|p| p.objective.clone())
            .collect(),
        conflicts: conflicts(data.items, okr.objectives, okr.key_results, okr.cycles, okr.milestones).len() as u32,
    };

    WeeklyReview {
        as_of,
        week,
        progress,
        checkins_due,
        confidence_drops,
        milestones_done,
        milestones_overdue,
        milestones_next,
        items_next,
        baseline: baseline.map(|b| b.id.clone()),
        slips,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BaselineItem, Cycle, KeyResult, KeyResultMilestone, Objective};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cycles() -> Vec<Cycle> {
        vec![
            Cycle { id: "Q1".into(), start: date("2027-01-01"), end: date("2027-03-31") },
            Cycle { id: "Q2".into(), start: date("2027-04-01"), end: date("2027-06-30") },
        ]
    }

    fn objective(id: &str, cycle: &str, status: ObjectiveStatus) -> Objective {
        Objective {
            id: id.into(),
            title: id.into(),
            description: None,
            cycle: Some(cycle.into()),
            parent: None,
            category: None,
            owner: None,
            status,
            weight: None,
            ambition: Default::default(),
            carried_from: None,
        }
    }

    fn kr(id: &str, objective: &str, kind: KeyResultKind, baseline: Option<f64>, target: f64) -> KeyResult {
        KeyResult {
            id: id.into(),
            objective: objective.into(),
            title: id.into(),
            kind,
            unit: None,
            baseline,
            target: Some(target),
            weight: None,
            kpi: None,
        }
    }

    fn increase(id: &str, objective: &str, target: f64) -> KeyResult {
        kr(id, objective, KeyResultKind::Increase, Some(0.0), target)
    }

    fn checkin(kr: &str, d: &str, value: f64, confidence: Option<f64>) -> CheckIn {
        CheckIn { key_result: kr.into(), date: date(d), value, confidence, note: None }
    }

    fn milestone(id: &str, due: &str, done: Option<&str>) -> Milestone {
        Milestone { id: id.into(), objective: None, title: id.into(), due: date(due), done_on: done.map(date), roadmap_item: None }
    }

    fn item(id: &str, status: ItemStatus, start: Option<&str>, end: Option<&str>) -> RoadmapItem {
        RoadmapItem { start: start.map(date), end: end.map(date), status, ..RoadmapItem::new(id, "l1", id) }
    }

    fn baseline(id: &str, saved_on: &str, ends: &[(&str, &str)]) -> Baseline {
        Baseline {
            id: id.into(),
            name: id.into(),
            saved_on: date(saved_on),
            items: ends
                .iter()
                .map(|(item, end)| BaselineItem { item: item.to_string(), lane: "l1".into(), start: date("2027-01-04"), end: date(end) })
                .collect(),
        }
    }

    #[derive(Default)]
    struct World {
        objectives: Vec<Objective>,
        key_results: Vec<KeyResult>,
        checkins: Vec<CheckIn>,
        milestones: Vec<Milestone>,
        bindings: Vec<KeyResultMilestone>,
        items: Vec<RoadmapItem>,
        baselines: Vec<Baseline>,
    }

    impl World {
        fn review(&self, as_of: &str) -> WeeklyReview {
            let cycles = cycles();
            let okr = OkrData {
                cycles: &cycles,
                objectives: &self.objectives,
                key_results: &self.key_results,
                checkins: &self.checkins,
                milestones: &self.milestones,
                key_result_milestones: &self.bindings,
            };
            weekly_review(&ReviewData { okr, items: &self.items, baselines: &self.baselines }, date(as_of))
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn the_week_is_the_seven_days_ending_on_as_of() {
        let r = World::default().review("2027-03-01");
        // 1 Mar back 6 days across February's 28: 23, 24, 25, 26, 27, 28 Feb, 1 Mar.
        assert_eq!(r.week, Week { from: date("2027-02-23"), to: date("2027-03-01") });
        assert_eq!(r.as_of, date("2027-03-01"));
        assert!(r.progress.is_empty() && r.checkins_due.is_empty() && r.slips.is_empty());
        assert_eq!(r.baseline, None);
        assert_eq!(r.problems, WeeklyProblems { objectives: vec![], conflicts: 0 });
    }

    #[test]
    fn progress_lists_open_objectives_with_the_change_over_the_week() {
        use ObjectiveStatus::*;
        let w = World {
            objectives: vec![
                objective("o7", "Q1", Active),
                objective("o1", "Q1", Active),
                objective("o2", "Q1", Active),
                objective("o3", "Q1", Active),
                objective("o4", "Q1", Draft),  // not active: not open
                objective("o5", "Q2", Active), // its cycle has not started: not open
                objective("o6", "Q1", Active),
                objective("o8", "Q1", Achieved), // not active: not open
            ],
            key_results: vec![
                increase("kr1", "o1", 100.0),
                increase("kr2", "o2", 10.0),
                increase("kr4", "o2", 10.0),
                increase("kr6", "o6", 100.0),
                kr("kr7", "o7", KeyResultKind::AtLeast, None, 5.0),
                increase("kr5", "o4", 10.0),
                increase("kr9", "o5", 10.0),
            ],
            checkins: vec![
                checkin("kr1", "2027-02-01", 50.0, Some(0.8)),
                checkin("kr1", "2027-02-12", 62.0, Some(0.5)),
                checkin("kr2", "2027-01-20", 2.0, Some(0.9)),
                checkin("kr6", "2027-02-10", 40.0, None),
                checkin("kr7", "2027-02-14", 6.0, None),
            ],
            ..Default::default()
        };
        let r = w.review("2027-02-15");
        // Expected progress on 15 Feb in Q1: 45 / 89 = 0.5056.
        let ids: Vec<&str> = r.progress.iter().map(|p| p.objective.as_str()).collect();
        assert_eq!(ids, ["o1", "o2", "o3", "o6", "o7"]); // by id; o4, o5, o8 are not open
        let p = |id: &str| r.progress.iter().find(|p| p.objective == id).unwrap();
        // o1: 62/100 now, 50/100 on 8 Feb: +0.12; gap 0.5056 − 0.62 < 0.10, lowest confidence 0.5 (not below): on track.
        assert!(close(p("o1").progress, 0.62) && close(p("o1").change, 0.12));
        assert_eq!(p("o1").health, Some(Health::OnTrack));
        // o2: (2/10 + 0) / 2 = 0.1 now and a week ago: change 0; gap 0.4056 > 0.25: off track.
        assert!(close(p("o2").progress, 0.1) && close(p("o2").change, 0.0));
        assert_eq!(p("o2").health, Some(Health::OffTrack));
        // o3 has no key results: no progress, so no change and no health.
        assert_eq!((p("o3").progress, p("o3").change, p("o3").health), (None, None, None));
        // o6: 0.4 now, 0 (the baseline) on 8 Feb: +0.4; gap 0.1056: at risk.
        assert!(close(p("o6").progress, 0.4) && close(p("o6").change, 0.4));
        assert_eq!(p("o6").health, Some(Health::AtRisk));
        // o7: 6 ≥ 5 now; on 8 Feb no check-in and no baseline: progress undefined, so is the change.
        assert!(close(p("o7").progress, 1.0));
        assert_eq!(p("o7").change, None);
        assert_eq!(r.problems.objectives, ["o2", "o6"]);
    }

    #[test]
    fn checkins_due_and_confidence_drops_follow_this_weeks_check_ins() {
        use ObjectiveStatus::*;
        let mut key_results: Vec<KeyResult> =
            ["ka", "kb", "kc", "kd", "ke", "kf", "ki", "kj", "kk", "kl"].iter().map(|k| increase(k, "o1", 10.0)).collect();
        key_results.push(kr("kg", "o1", KeyResultKind::Milestone, None, 1.0)); // bound to m1
        key_results.push(kr("kh", "o1", KeyResultKind::Milestone, None, 1.0)); // not bound
        key_results.push(increase("km", "o2", 10.0)); // of a draft objective
        let w = World {
            objectives: vec![objective("o1", "Q1", Active), objective("o2", "Q1", Draft)],
            key_results,
            checkins: vec![
                checkin("ka", "2027-02-08", 1.0, Some(0.7)), // the day before the week
                checkin("kd", "2027-01-25", 1.0, Some(0.8)),
                checkin("kd", "2027-02-09", 1.0, Some(0.6)), // the week's first day: 0.8 → 0.6
                checkin("ke", "2027-02-01", 1.0, Some(0.5)),
                checkin("ke", "2027-02-15", 1.0, Some(0.9)), // a rise
                checkin("kf", "2027-01-10", 1.0, None),
                checkin("kf", "2027-02-16", 1.0, None), // after as_of: not counted
                checkin("ki", "2027-02-01", 1.0, Some(0.9)),
                checkin("ki", "2027-02-12", 1.0, None), // no confidence now: no drop
                checkin("kj", "2027-02-01", 1.0, None),
                checkin("kj", "2027-02-12", 1.0, Some(0.4)), // none before: no drop
                checkin("kk", "2027-02-14", 1.0, Some(0.3)),
                checkin("kk", "2027-02-03", 1.0, Some(0.9)),
                checkin("kk", "2027-02-10", 1.0, Some(0.6)), // the latest before 14 Feb: 0.6 → 0.3
                checkin("kl", "2027-01-20", 1.0, Some(0.9)),
                checkin("kl", "2027-02-05", 1.0, Some(0.2)), // a drop, but before the week
            ],
            milestones: vec![milestone("m1", "2027-03-01", None)],
            bindings: vec![KeyResultMilestone { key_result: "kg".into(), milestone: "m1".into() }],
            ..Default::default()
        };
        let r = w.review("2027-02-15");
        let due: Vec<(&str, Option<NaiveDate>)> = r.checkins_due.iter().map(|d| (d.key_result.as_str(), d.last_checkin)).collect();
        assert_eq!(
            due,
            [
                ("kb", None), // never checked in: first, by id
                ("kc", None),
                ("kh", None), // a milestone key result not bound to milestones is checked in by hand
                ("kf", Some(date("2027-01-10"))),
                ("kl", Some(date("2027-02-05"))),
                ("ka", Some(date("2027-02-08"))),
            ]
        );
        assert_eq!(
            r.confidence_drops,
            [
                ConfidenceDrop { key_result: "kd".into(), from: 0.8, to: 0.6 },
                ConfidenceDrop { key_result: "kk".into(), from: 0.6, to: 0.3 },
            ]
        );
    }

    #[test]
    fn milestones_are_done_this_week_overdue_or_next_in_two_weeks() {
        let w = World {
            milestones: vec![
                milestone("m1", "2027-02-01", Some("2027-02-10")), // done this week
                milestone("m2", "2027-02-20", Some("2027-02-09")), // done on the week's first day, early
                milestone("m3", "2027-02-01", Some("2027-02-08")), // done the week before
                milestone("m4", "2027-02-14", None),               // overdue
                milestone("m5", "2027-02-10", Some("2027-02-16")), // done after as_of: overdue on 15 Feb
                milestone("m6", "2027-02-15", None),               // due today: neither overdue nor next
                milestone("m7", "2027-02-16", None),               // next (as_of + 1)
                milestone("m8", "2027-03-01", None),               // next (as_of + 14)
                milestone("m9", "2027-03-02", None),               // beyond the two weeks
                milestone("m10", "2027-02-16", None),              // next, same day as m7: by id
            ],
            ..Default::default()
        };
        let r = w.review("2027-02-15");
        assert_eq!(r.milestones_done, ["m1", "m2"]); // by due: 1 Feb, 20 Feb
        assert_eq!(r.milestones_overdue, ["m5", "m4"]); // due 10 Feb, 14 Feb
        assert_eq!(r.milestones_next, ["m10", "m7", "m8"]);
    }

    #[test]
    fn items_next_start_in_the_next_two_weeks_and_are_not_done_or_dropped() {
        use ItemStatus::*;
        let w = World {
            items: vec![
                item("r2", InProgress, Some("2027-03-01"), Some("2027-03-10")), // as_of + 14
                item("r1", Planned, Some("2027-02-16"), Some("2027-03-10")),    // as_of + 1
                item("r3", Idea, Some("2027-02-20"), Some("2027-03-10")),
                item("r4", Done, Some("2027-02-18"), Some("2027-03-10")),
                item("r5", Dropped, Some("2027-02-18"), Some("2027-03-10")),
                item("r6", Planned, Some("2027-02-15"), Some("2027-03-10")), // starts today: not next
                item("r7", Planned, Some("2027-03-02"), Some("2027-03-10")), // as_of + 15
                item("r8", Idea, None, None),
                item("r9", Planned, Some("2027-02-16"), Some("2027-02-20")),
            ],
            ..Default::default()
        };
        assert_eq!(w.review("2027-02-15").items_next, ["r1", "r9", "r3", "r2"]);
    }

    #[test]
    fn slips_compare_ends_with_the_latest_baseline_saved_by_as_of() {
        use ItemStatus::*;
        let w = World {
            items: vec![
                item("r1", Planned, Some("2027-02-01"), Some("2027-03-06")),
                item("r2", Planned, Some("2027-02-01"), Some("2027-02-12")),
                item("r3", Planned, Some("2027-02-01"), Some("2027-02-28")),
                item("r4", Planned, Some("2027-02-01"), Some("2027-03-03")), // not in the baseline
                item("r5", Idea, None, None),                                // unscheduled since
                item("r6", Planned, Some("2027-02-01"), Some("2027-02-12")),
            ],
            baselines: vec![
                baseline("b1", "2027-02-01", &[("r1", "2027-02-20"), ("r2", "2027-02-10")]),
                baseline(
                    "b2",
                    "2027-02-10",
                    &[
                        ("r1", "2027-02-25"),
                        ("r2", "2027-02-10"),
                        ("r3", "2027-03-01"),
                        ("r5", "2027-02-10"),
                        ("r6", "2027-02-10"),
                        ("gone", "2027-01-01"),
                    ],
                ),
                baseline("b3", "2027-02-20", &[("r1", "2027-01-01")]), // saved after as_of
            ],
            ..Default::default()
        };
        let r = w.review("2027-02-15");
        assert_eq!(r.baseline.as_deref(), Some("b2"));
        // r1: 6 Mar − 25 Feb = 9 days; r2 and r6: 12 − 10 Feb = 2 days (by id); r3 ends earlier.
        let slips: Vec<(&str, i64)> = r.slips.iter().map(|s| (s.item.as_str(), s.days)).collect();
        assert_eq!(slips, [("r1", 9), ("r2", 2), ("r6", 2)]);
        // On 5 Feb the latest is b1: r1 6 Mar − 20 Feb = 14 days, r2 2 days.
        let early = w.review("2027-02-05");
        assert_eq!(early.baseline.as_deref(), Some("b1"));
        assert_eq!(early.slips, [WeeklySlip { item: "r1".into(), days: 14 }, WeeklySlip { item: "r2".into(), days: 2 }]);
        // Before any baseline: none, no slips.
        let before = w.review("2027-01-31");
        assert_eq!((before.baseline, before.slips), (None, vec![]));
    }

    #[test]
    fn problems_count_the_roadmaps_conflicts() {
        use ItemStatus::*;
        let mut r1 = item("r1", Planned, Some("2027-02-01"), Some("2027-04-02")); // ends after Q1, which o1 is in
        r1.objectives = vec!["o1".into()];
        let mut r2 = item("r2", Planned, Some("2027-03-15"), Some("2027-03-20")); // starts before r1 ends
        r2.depends_on = vec!["r1".into()];
        let w = World { objectives: vec![objective("o1", "Q1", ObjectiveStatus::Active)], items: vec![r1, r2], ..Default::default() };
        assert_eq!(w.review("2027-02-15").problems.conflicts, 2);
    }
}
