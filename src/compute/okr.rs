//! Key-result and objective figures as of a date: current value, progress, expected
//! progress, health, forecast, grade, and rollup up the alignment tree.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::{Ambition, CheckIn, Cycle, KeyResult, KeyResultKind, KeyResultMilestone, Milestone, Objective, ObjectiveStatus};

/// Health gaps are compared with this slack so that a gap of exactly 0.10 or 0.25,
/// computed in binary floating point (e.g. 0.45 - 0.35 = 0.10000000000000003), counts
/// as the threshold it equals on paper.
const EPSILON: f64 = 1e-9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Health {
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Achieved,
    Missed,
    Dropped,
}

impl Health {
    /// Rank from most to least severe (0 = most): missed, off_track, at_risk, on_track,
    /// achieved, not_started, dropped — the order a roadmap item's goal health uses.
    pub fn severity_rank(self) -> u8 {
        match self {
            Health::Missed => 0,
            Health::OffTrack => 1,
            Health::AtRisk => 2,
            Health::OnTrack => 3,
            Health::Achieved => 4,
            Health::NotStarted => 5,
            Health::Dropped => 6,
        }
    }
}

/// How an objective ended, judged by its grade against its ambition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Outcome {
    Success,
    Progress,
    Miss,
}

/// The outcome of an objective (docs/COMPUTATIONS.md, "Ambition and outcome"): defined
/// once `as_of` is after its cycle's end or its status is achieved or missed, from its
/// one-decimal grade. The grade is compared in tenths (an integer) so that 0.7 stored as
/// 0.69999… still counts as 0.7.
pub fn outcome(
    ambition: Ambition,
    status: ObjectiveStatus,
    cycle: Option<&Cycle>,
    as_of: NaiveDate,
    grade: Option<f64>,
) -> Option<Outcome> {
    let closed = cycle.is_some_and(|c| as_of > c.end) || matches!(status, ObjectiveStatus::Achieved | ObjectiveStatus::Missed);
    if !closed {
        return None;
    }
    let tenths = (grade? * 10.0).round() as i64;
    Some(match ambition {
        Ambition::Aspirational if tenths >= 7 => Outcome::Success,
        Ambition::Aspirational if tenths >= 4 => Outcome::Progress,
        Ambition::Aspirational => Outcome::Miss,
        Ambition::Committed if tenths >= 10 => Outcome::Success,
        Ambition::Committed => Outcome::Miss,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyResultFigures {
    pub id: String,
    pub current: Option<f64>,
    pub progress: Option<f64>,
    pub confidence: Option<f64>,
    pub forecast_value: Option<f64>,
    pub forecast_progress: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ObjectiveFigures {
    pub id: String,
    pub title: String,
    pub cycle: Option<String>,
    pub parent: Option<String>,
    pub progress: Option<f64>,
    pub expected: Option<f64>,
    pub health: Option<Health>,
    pub forecast_progress: Option<f64>,
    pub grade: Option<f64>,
    pub key_results: Vec<KeyResultFigures>,
    /// Committed or aspirational (a stretch).
    pub ambition: Ambition,
    /// Success, progress or miss once the cycle is over (or the objective achieved or
    /// missed); null before, or without a grade.
    pub outcome: Option<Outcome>,
}

/// Everything the OKR figures are computed from.
#[derive(Debug, Clone, Copy)]
pub struct OkrData<'a> {
    pub cycles: &'a [Cycle],
    pub objectives: &'a [Objective],
    pub key_results: &'a [KeyResult],
    pub checkins: &'a [CheckIn],
    pub milestones: &'a [Milestone],
    pub key_result_milestones: &'a [KeyResultMilestone],
}

/// The data indexed for repeated queries: check-ins per key result sorted by date
/// (stable, so the later-written of two same-day check-ins counts as the latest).
struct Index<'a> {
    cycles: HashMap<&'a str, &'a Cycle>,
    objectives: HashMap<&'a str, &'a Objective>,
    key_results_of: HashMap<&'a str, Vec<&'a KeyResult>>,
    children_of: HashMap<&'a str, Vec<&'a Objective>>,
    checkins_of: HashMap<&'a str, Vec<&'a CheckIn>>,
    milestones_of: HashMap<&'a str, Vec<&'a Milestone>>,
}

impl<'a> Index<'a> {
    fn new(d: &OkrData<'a>) -> Self {
        let mut key_results_of: HashMap<&str, Vec<&KeyResult>> = HashMap::new();
        for kr in d.key_results {
            key_results_of.entry(kr.objective.as_str()).or_default().push(kr);
        }
        let mut children_of: HashMap<&str, Vec<&Objective>> = HashMap::new();
        for o in d.objectives {
            if let Some(p) = &o.parent {
                children_of.entry(p.as_str()).or_default().push(o);
            }
        }
        let mut checkins_of: HashMap<&str, Vec<&CheckIn>> = HashMap::new();
        for c in d.checkins {
            checkins_of.entry(c.key_result.as_str()).or_default().push(c);
        }
        for list in checkins_of.values_mut() {
            list.sort_by_key(|c| c.date);
        }
        let milestone_by_id: HashMap<&str, &Milestone> = d.milestones.iter().map(|m| (m.id.as_str(), m)).collect();
        let mut milestones_of: HashMap<&str, Vec<&Milestone>> = HashMap::new();
        for b in d.key_result_milestones {
            if let Some(m) = milestone_by_id.get(b.milestone.as_str()) {
                milestones_of.entry(b.key_result.as_str()).or_default().push(m);
            }
        }
        Index {
            cycles: d.cycles.iter().map(|c| (c.id.as_str(), c)).collect(),
            objectives: d.objectives.iter().map(|o| (o.id.as_str(), o)).collect(),
            key_results_of,
            children_of,
            checkins_of,
            milestones_of,
        }
    }

    fn cycle_of(&self, o: &Objective) -> Option<&'a Cycle> {
        o.cycle.as_deref().and_then(|c| self.cycles.get(c).copied())
    }

    /// Check-ins of a key result on or before `as_of`, oldest first.
    fn checkins_until(&self, kr: &str, as_of: NaiveDate) -> &[&'a CheckIn] {
        let all = self.checkins_of.get(kr).map(Vec::as_slice).unwrap_or(&[]);
        &all[..all.partition_point(|c| c.date <= as_of)]
    }
}

/// The progress of a value for a key result of this kind, in [0, 1]; `None` when
/// the key result lacks what its kind needs (a baseline or a target).
pub fn progress_of_value(kind: KeyResultKind, baseline: Option<f64>, target: Option<f64>, value: f64) -> Option<f64> {
    match kind {
        KeyResultKind::Increase | KeyResultKind::Decrease => {
            let (b, t) = (baseline?, target?);
            if t == b {
                return None;
            }
            Some(((value - b) / (t - b)).clamp(0.0, 1.0))
        }
        KeyResultKind::AtLeast => Some(if value >= target? { 1.0 } else { 0.0 }),
        KeyResultKind::AtMost => Some(if value <= target? { 1.0 } else { 0.0 }),
        KeyResultKind::Milestone => Some(if value >= 1.0 { 1.0 } else { 0.0 }),
    }
}

/// The value a key result starts from: its baseline (0 for a milestone key result without one).
fn start_value(kr: &KeyResult) -> Option<f64> {
    match kr.kind {
        KeyResultKind::Milestone => Some(kr.baseline.unwrap_or(0.0)),
        _ => kr.baseline,
    }
}

fn key_result_current(ix: &Index<'_>, kr: &KeyResult, as_of: NaiveDate) -> Option<f64> {
    ix.checkins_until(&kr.id, as_of).last().map(|c| c.value).or_else(|| start_value(kr))
}

fn key_result_progress(ix: &Index<'_>, kr: &KeyResult, as_of: NaiveDate) -> Option<f64> {
    if kr.kind == KeyResultKind::Milestone {
        if let Some(bound) = ix.milestones_of.get(kr.id.as_str()).filter(|b| !b.is_empty()) {
            let done = bound.iter().filter(|m| m.done_on.is_some_and(|d| d <= as_of)).count();
            return Some(done as f64 / bound.len() as f64);
        }
    }
    progress_of_value(kr.kind, kr.baseline, kr.target, key_result_current(ix, kr, as_of)?)
}

/// Least-squares line of value against day number, evaluated on the cycle's end day.
/// Points: the baseline on the cycle's start day, and every check-in up to `as_of`.
fn key_result_forecast(ix: &Index<'_>, kr: &KeyResult, cycle: &Cycle, as_of: NaiveDate) -> Option<f64> {
    if kr.kind == KeyResultKind::Milestone && ix.milestones_of.get(kr.id.as_str()).is_some_and(|b| !b.is_empty()) {
        return None; // progress comes from milestones, not values
    }
    let day = |d: NaiveDate| (d - cycle.start).num_days() as f64;
    let mut points: Vec<(f64, f64)> = Vec::new();
    if let Some(b) = start_value(kr) {
        points.push((0.0, b));
    }
    points.extend(ix.checkins_until(&kr.id, as_of).iter().map(|c| (day(c.date), c.value)));
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    if sxx == 0.0 {
        return None; // all points on one day: no trend
    }
    let sxy: f64 = points.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let value = mean_y + sxy / sxx * (day(cycle.end) - mean_x);
    value.is_finite().then_some(value)
}

/// Weighted mean of the `(weight, value)` pairs; `None` when there are none or all weigh 0.
pub(crate) fn weighted_mean(parts: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut sum, mut weights, mut any) = (0.0, 0.0, false);
    for (w, v) in parts {
        sum += w * v;
        weights += w;
        any = true;
    }
    (any && weights > 0.0).then(|| sum / weights)
}

/// Objective progress as of a date: the weighted mean over its key results and child
/// objectives that have a progress. Memoised per objective; loops (refused on input)
/// are cut rather than followed.
fn objective_progress<'a>(ix: &Index<'a>, id: &'a str, as_of: NaiveDate, memo: &mut HashMap<&'a str, Option<f64>>) -> Option<f64> {
    if let Some(p) = memo.get(id) {
        return *p;
    }
    memo.insert(id, None); // guards against a parent loop
    let krs = ix.key_results_of.get(id).map(Vec::as_slice).unwrap_or(&[]);
    let mut parts: Vec<(f64, f64)> =
        krs.iter().filter_map(|kr| key_result_progress(ix, kr, as_of).map(|p| (kr.weight.unwrap_or(1.0), p))).collect();
    for child in ix.children_of.get(id).map(Vec::as_slice).unwrap_or(&[]) {
        if let Some(p) = objective_progress(ix, &child.id, as_of, memo) {
            parts.push((child.weight.unwrap_or(1.0), p));
        }
    }
    let p = weighted_mean(parts.into_iter());
    memo.insert(id, p);
    p
}

/// Forecast progress of an objective: weighted mean of what exists among its key
/// results' and children's forecast progress.
fn objective_forecast<'a>(
    ix: &Index<'a>,
    id: &'a str,
    kr_forecasts: &HashMap<&str, Option<f64>>,
    memo: &mut HashMap<&'a str, Option<f64>>,
) -> Option<f64> {
    if let Some(p) = memo.get(id) {
        return *p;
    }
    memo.insert(id, None);
    let krs = ix.key_results_of.get(id).map(Vec::as_slice).unwrap_or(&[]);
    let mut parts: Vec<(f64, f64)> =
        krs.iter().filter_map(|kr| kr_forecasts.get(kr.id.as_str()).copied().flatten().map(|p| (kr.weight.unwrap_or(1.0), p))).collect();
    for child in ix.children_of.get(id).map(Vec::as_slice).unwrap_or(&[]) {
        if let Some(p) = objective_forecast(ix, &child.id, kr_forecasts, memo) {
            parts.push((child.weight.unwrap_or(1.0), p));
        }
    }
    let p = weighted_mean(parts.into_iter());
    memo.insert(id, p);
    p
}

/// Expected progress by `as_of`: the elapsed share of the cycle, in [0, 1].
pub fn expected_progress(cycle: &Cycle, as_of: NaiveDate) -> f64 {
    let total = (cycle.end - cycle.start).num_days();
    if total <= 0 {
        return if as_of >= cycle.start { 1.0 } else { 0.0 };
    }
    ((as_of - cycle.start).num_days() as f64 / total as f64).clamp(0.0, 1.0)
}

/// Health from the gap between expected and actual progress (docs/COMPUTATIONS.md).
pub fn health(
    status: ObjectiveStatus,
    cycle: Option<&Cycle>,
    as_of: NaiveDate,
    progress: Option<f64>,
    lowest_confidence: Option<f64>,
) -> Option<Health> {
    match status {
        ObjectiveStatus::Achieved => return Some(Health::Achieved),
        ObjectiveStatus::Missed => return Some(Health::Missed),
        ObjectiveStatus::Dropped => return Some(Health::Dropped),
        ObjectiveStatus::Draft | ObjectiveStatus::Active => {}
    }
    let cycle = cycle?;
    if as_of < cycle.start {
        return Some(Health::NotStarted);
    }
    let gap = expected_progress(cycle, as_of) - progress?;
    Some(if gap <= 0.10 + EPSILON {
        if lowest_confidence.is_some_and(|c| c < 0.5) {
            Health::AtRisk
        } else {
            Health::OnTrack
        }
    } else if gap <= 0.25 + EPSILON {
        Health::AtRisk
    } else {
        Health::OffTrack
    })
}

/// The lowest latest confidence among key results that have one (health uses it).
pub fn lowest_confidence(key_results: &[KeyResultFigures]) -> Option<f64> {
    key_results.iter().filter_map(|k| k.confidence).reduce(f64::min)
}

/// Rounds half up to one decimal. The slack keeps 0.35 (stored as 0.34999…) at 0.4.
pub fn grade_of(progress: f64) -> f64 {
    (progress * 10.0 + 0.5 + EPSILON).floor() / 10.0
}

/// Every objective's figures as of `as_of`, in the order of `data.objectives`.
pub fn okr_figures(data: &OkrData<'_>, as_of: NaiveDate) -> Vec<ObjectiveFigures> {
    let ix = Index::new(data);

    let mut kr_figures: HashMap<&str, KeyResultFigures> = HashMap::with_capacity(data.key_results.len());
    let mut kr_forecasts: HashMap<&str, Option<f64>> = HashMap::with_capacity(data.key_results.len());
    for kr in data.key_results {
        let cycle = ix.objectives.get(kr.objective.as_str()).and_then(|o| ix.cycle_of(o));
        let forecast_value = cycle.and_then(|c| key_result_forecast(&ix, kr, c, as_of));
        let forecast_progress = forecast_value.and_then(|v| progress_of_value(kr.kind, kr.baseline, kr.target, v));
        kr_forecasts.insert(kr.id.as_str(), forecast_progress);
        kr_figures.insert(
            kr.id.as_str(),
            KeyResultFigures {
                id: kr.id.clone(),
                current: key_result_current(&ix, kr, as_of),
                progress: key_result_progress(&ix, kr, as_of),
                confidence: ix.checkins_until(&kr.id, as_of).last().and_then(|c| c.confidence),
                forecast_value,
                forecast_progress,
            },
        );
    }

    let mut progress_now = HashMap::new();
    let mut forecast_memo = HashMap::new();
    // Grades of closed cycles need the progress on their end day.
    let mut progress_at: HashMap<NaiveDate, HashMap<&str, Option<f64>>> = HashMap::new();

    data.objectives
        .iter()
        .map(|o| {
            let cycle = ix.cycle_of(o);
            let progress = objective_progress(&ix, &o.id, as_of, &mut progress_now);
            let krs: Vec<KeyResultFigures> = ix
                .key_results_of
                .get(o.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .filter_map(|kr| kr_figures.get(kr.id.as_str()).cloned())
                .collect();
            let lowest_confidence = lowest_confidence(&krs);
            let grade = match cycle {
                Some(c) if c.end < as_of => objective_progress(&ix, &o.id, c.end, progress_at.entry(c.end).or_default()),
                _ => progress,
            }
            .map(grade_of);
            ObjectiveFigures {
                id: o.id.clone(),
                title: o.title.clone(),
                cycle: o.cycle.clone(),
                parent: o.parent.clone(),
                progress,
                expected: cycle.map(|c| expected_progress(c, as_of)),
                health: health(o.status, cycle, as_of, progress, lowest_confidence),
                forecast_progress: objective_forecast(&ix, &o.id, &kr_forecasts, &mut forecast_memo),
                grade,
                key_results: krs,
                ambition: o.ambition,
                outcome: outcome(o.ambition, o.status, cycle, as_of, grade),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn q1() -> Cycle {
        Cycle { id: "2027-Q1".into(), start: date("2027-01-01"), end: date("2027-03-31") }
    }

    fn objective(id: &str, parent: Option<&str>, weight: Option<f64>) -> Objective {
        Objective {
            id: id.into(),
            title: id.into(),
            description: None,
            cycle: Some("2027-Q1".into()),
            parent: parent.map(str::to_string),
            category: None,
            owner: None,
            status: ObjectiveStatus::Active,
            weight,
            ambition: Default::default(),
            carried_from: None,
        }
    }

    fn kr(id: &str, objective: &str, kind: KeyResultKind, baseline: f64, target: f64) -> KeyResult {
        KeyResult {
            id: id.into(),
            objective: objective.into(),
            title: id.into(),
            kind,
            unit: Some("%".into()),
            baseline: Some(baseline),
            target: Some(target),
            weight: None,
            kpi: None,
        }
    }

    fn checkin(kr: &str, d: &str, value: f64, confidence: Option<f64>) -> CheckIn {
        CheckIn { key_result: kr.into(), date: date(d), value, confidence, note: None }
    }

    fn figures(
        objectives: &[Objective],
        krs: &[KeyResult],
        checkins: &[CheckIn],
        milestones: &[Milestone],
        bindings: &[KeyResultMilestone],
        as_of: &str,
    ) -> Vec<ObjectiveFigures> {
        let cycles = [q1()];
        okr_figures(
            &OkrData { cycles: &cycles, objectives, key_results: krs, checkins, milestones, key_result_milestones: bindings },
            date(as_of),
        )
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_worked_example_gives_the_figures_by_hand() {
        let objectives = [objective("o1", None, None)];
        let krs = [kr("kr1", "o1", KeyResultKind::Increase, 20.0, 30.0), kr("kr2", "o1", KeyResultKind::AtLeast, 99.0, 99.5)];
        let checkins = [
            checkin("kr1", "2027-01-15", 22.0, Some(0.8)),
            checkin("kr1", "2027-02-01", 25.0, Some(0.7)),
            checkin("kr2", "2027-02-01", 99.6, Some(0.4)),
        ];
        let f = &figures(&objectives, &krs, &checkins, &[], &[], "2027-02-15")[0];
        let k1 = &f.key_results[0];
        assert_eq!(k1.current, Some(25.0));
        assert!(close(k1.progress.unwrap(), 0.5)); // (25 − 20) / (30 − 20)
        assert_eq!(k1.confidence, Some(0.7));
        // Points (day 0, 20), (14, 22), (31, 25): mean x 15, mean y 67/3; sxx 482, sxy 78.
        let expected_forecast = 67.0 / 3.0 + 78.0 / 482.0 * (89.0 - 15.0);
        assert!(close(k1.forecast_value.unwrap(), expected_forecast), "{:?}", k1.forecast_value);
        assert_eq!(k1.forecast_progress, Some(1.0));
        assert_eq!(f.key_results[1].progress, Some(1.0)); // 99.6 ≥ 99.5
        assert!(close(f.progress.unwrap(), 0.75));
        assert!(close(f.expected.unwrap(), 45.0 / 89.0)); // 0.5056, as in docs/CLI.md
                                                          // The gap is negative (ahead of plan) but one key result's confidence is 0.4.
        assert_eq!(f.health, Some(Health::AtRisk));
        assert_eq!(f.grade, Some(0.8)); // 0.75 rounds half up
    }

    #[test]
    fn health_follows_the_gap_between_expected_and_actual_progress() {
        let c = q1();
        let mid = date("2027-02-15"); // expected 45/89 ≈ 0.5056
        let e = expected_progress(&c, mid);
        let h = |p: f64| health(ObjectiveStatus::Active, Some(&c), mid, Some(p), None);
        assert_eq!(h(e - 0.10), Some(Health::OnTrack));
        assert_eq!(h(e - 0.11), Some(Health::AtRisk));
        assert_eq!(h(e - 0.25), Some(Health::AtRisk));
        assert_eq!(h(e - 0.26), Some(Health::OffTrack));
        assert_eq!(health(ObjectiveStatus::Active, Some(&c), date("2026-12-31"), Some(0.0), None), Some(Health::NotStarted));
        assert_eq!(health(ObjectiveStatus::Dropped, Some(&c), mid, Some(0.0), None), Some(Health::Dropped));
        assert_eq!(health(ObjectiveStatus::Achieved, Some(&c), mid, Some(0.0), None), Some(Health::Achieved));
        assert_eq!(health(ObjectiveStatus::Missed, Some(&c), mid, Some(1.0), None), Some(Health::Missed));
    }

    #[test]
    fn a_gap_of_exactly_ten_points_is_on_track_despite_floating_point() {
        // 0.45 − 0.35 is 0.10000000000000003 in binary floating point.
        let c = Cycle { id: "c".into(), start: date("2027-01-01"), end: date("2027-01-21") }; // 20 days
        let as_of = date("2027-01-10"); // 9/20 = 0.45
        assert_eq!(health(ObjectiveStatus::Active, Some(&c), as_of, Some(0.35), None), Some(Health::OnTrack));
    }

    #[test]
    fn decrease_key_results_progress_as_the_value_falls() {
        let objectives = [objective("o1", None, None)];
        let krs = [kr("kr1", "o1", KeyResultKind::Decrease, 3.2, 2.2)];
        let checkins = [checkin("kr1", "2027-02-01", 2.7, None)];
        let f = &figures(&objectives, &krs, &checkins, &[], &[], "2027-02-15")[0];
        assert!(close(f.key_results[0].progress.unwrap(), 0.5));
        assert_eq!(f.key_results[0].confidence, None);
    }

    #[test]
    fn check_ins_after_the_as_of_date_are_ignored() {
        let objectives = [objective("o1", None, None)];
        let krs = [kr("kr1", "o1", KeyResultKind::Increase, 0.0, 10.0)];
        let checkins = [checkin("kr1", "2027-01-10", 4.0, Some(0.9)), checkin("kr1", "2027-03-01", 9.0, Some(0.2))];
        let f = &figures(&objectives, &krs, &checkins, &[], &[], "2027-02-01")[0];
        assert_eq!(f.key_results[0].current, Some(4.0));
        assert_eq!(f.key_results[0].confidence, Some(0.9));
        let none = &figures(&objectives, &krs, &checkins, &[], &[], "2027-01-05")[0];
        assert_eq!(none.key_results[0].current, Some(0.0)); // the baseline
        assert_eq!(none.key_results[0].forecast_value, None); // only one point
    }

    #[test]
    fn a_milestone_key_result_bound_to_milestones_counts_those_done() {
        let objectives = [objective("o1", None, None)];
        let krs = [kr("kr1", "o1", KeyResultKind::Milestone, 0.0, 1.0)];
        let m = |id: &str, done: Option<&str>| Milestone {
            id: id.into(),
            objective: Some("o1".into()),
            title: id.into(),
            due: date("2027-03-01"),
            done_on: done.map(date),
            roadmap_item: None,
        };
        let milestones = [m("m1", Some("2027-01-20")), m("m2", Some("2027-02-20")), m("m3", None), m("m4", None)];
        let bindings: Vec<KeyResultMilestone> =
            milestones.iter().map(|x| KeyResultMilestone { key_result: "kr1".into(), milestone: x.id.clone() }).collect();
        // A check-in of 1 would mean "done" for an unbound milestone KR; bound, it is not used.
        let checkins = [checkin("kr1", "2027-01-05", 1.0, None)];
        let f = &figures(&objectives, &krs, &checkins, &milestones, &bindings, "2027-02-01")[0];
        assert_eq!(f.key_results[0].progress, Some(0.25));
        let later = &figures(&objectives, &krs, &checkins, &milestones, &bindings, "2027-03-01")[0];
        assert_eq!(later.key_results[0].progress, Some(0.5));
        let unbound = &figures(&objectives, &krs, &checkins, &[], &[], "2027-02-01")[0];
        assert_eq!(unbound.key_results[0].progress, Some(1.0));
    }

    #[test]
    fn an_objective_without_key_results_or_children_has_no_progress() {
        let objectives = [objective("o1", None, None)];
        let f = &figures(&objectives, &[], &[], &[], &[], "2027-02-15")[0];
        assert_eq!(f.progress, None);
        assert_eq!(f.grade, None);
        assert_eq!(f.health, None);
    }

    #[test]
    fn the_grade_of_a_closed_cycle_is_its_progress_on_the_last_day() {
        let objectives = [objective("o1", None, None)];
        let krs = [kr("kr1", "o1", KeyResultKind::Increase, 0.0, 100.0)];
        let checkins = [checkin("kr1", "2027-03-20", 65.0, None), checkin("kr1", "2027-04-10", 95.0, None)];
        let f = &figures(&objectives, &krs, &checkins, &[], &[], "2027-05-01")[0];
        assert_eq!(f.progress, Some(0.95));
        assert_eq!(f.grade, Some(0.7)); // 0.65 rounds half up
    }

    #[test]
    fn grades_round_half_up() {
        assert_eq!(grade_of(0.35), 0.4);
        assert_eq!(grade_of(0.349), 0.3);
        assert_eq!(grade_of(0.05), 0.1);
        assert_eq!(grade_of(1.0), 1.0);
        assert_eq!(grade_of(0.0), 0.0);
    }

    #[test]
    fn an_aspirational_outcome_is_success_from_0_7_progress_from_0_4() {
        let c = q1();
        let after = date("2027-04-01"); // the day after the cycle's end
        let o = |g: f64| outcome(Ambition::Aspirational, ObjectiveStatus::Active, Some(&c), after, Some(g));
        assert_eq!(o(1.0), Some(Outcome::Success));
        assert_eq!(o(0.7), Some(Outcome::Success));
        assert_eq!(o(0.6), Some(Outcome::Progress));
        assert_eq!(o(0.4), Some(Outcome::Progress));
        assert_eq!(o(0.3), Some(Outcome::Miss));
        assert_eq!(o(0.0), Some(Outcome::Miss));
        // 0.1 × 7 is 0.7000000000000001 and 0.7 − 0.1 × 3 is 0.39999999999999997 in
        // binary floating point: the one-decimal grade is still 0.7 and 0.4.
        assert_eq!(o(0.1 * 7.0), Some(Outcome::Success));
        assert_eq!(o(0.7 - 0.1 * 3.0), Some(Outcome::Progress));
        assert_eq!(outcome(Ambition::Aspirational, ObjectiveStatus::Active, Some(&c), after, None), None);
        // no grade
    }

    #[test]
    fn a_committed_outcome_is_success_only_at_1_0() {
        let c = q1();
        let after = date("2027-04-01");
        let o = |g: f64| outcome(Ambition::Committed, ObjectiveStatus::Active, Some(&c), after, Some(g));
        assert_eq!(o(1.0), Some(Outcome::Success));
        assert_eq!(o(0.9), Some(Outcome::Miss));
        assert_eq!(o(0.7), Some(Outcome::Miss));
        assert_eq!(o(0.0), Some(Outcome::Miss));
    }

    #[test]
    fn the_outcome_waits_for_the_cycle_end_unless_achieved_or_missed() {
        let c = q1();
        let o = |status, as_of: &str| outcome(Ambition::Aspirational, status, Some(&c), date(as_of), Some(0.8));
        assert_eq!(o(ObjectiveStatus::Active, "2027-02-15"), None);
        assert_eq!(o(ObjectiveStatus::Active, "2027-03-31"), None); // the last day is not after the end
        assert_eq!(o(ObjectiveStatus::Active, "2027-04-01"), Some(Outcome::Success));
        assert_eq!(o(ObjectiveStatus::Achieved, "2027-02-15"), Some(Outcome::Success));
        assert_eq!(o(ObjectiveStatus::Missed, "2027-02-15"), Some(Outcome::Success)); // judged by the grade
        assert_eq!(o(ObjectiveStatus::Dropped, "2027-02-15"), None);
        assert_eq!(outcome(Ambition::Aspirational, ObjectiveStatus::Active, None, date("2030-01-01"), Some(0.8)), None);
        // no cycle
    }

    #[test]
    fn figures_carry_the_ambition_and_the_outcome_from_the_grade() {
        let mut committed = objective("o2", None, None);
        committed.ambition = Ambition::Committed;
        let objectives = [objective("o1", None, None), committed];
        let krs = [kr("kr1", "o1", KeyResultKind::Increase, 0.0, 100.0), kr("kr2", "o2", KeyResultKind::Increase, 0.0, 100.0)];
        // 65 on the cycle's last day: progress 0.65, grade 0.7 (half up).
        let checkins = [checkin("kr1", "2027-03-20", 65.0, None), checkin("kr2", "2027-03-20", 65.0, None)];
        let f = figures(&objectives, &krs, &checkins, &[], &[], "2027-04-05");
        assert_eq!((f[0].grade, f[0].ambition, f[0].outcome), (Some(0.7), Ambition::Aspirational, Some(Outcome::Success)));
        assert_eq!((f[1].grade, f[1].ambition, f[1].outcome), (Some(0.7), Ambition::Committed, Some(Outcome::Miss)));
        let open = figures(&objectives, &krs, &checkins, &[], &[], "2027-03-25");
        assert_eq!(open[0].outcome, None);
    }

    #[test]
    fn severity_runs_from_missed_to_dropped() {
        use Health::*;
        let order = [Missed, OffTrack, AtRisk, OnTrack, Achieved, NotStarted, Dropped];
        for pair in order.windows(2) {
            assert!(pair[0].severity_rank() < pair[1].severity_rank(), "{pair:?}");
        }
    }

    proptest! {
        #[test]
        fn progress_is_always_between_0_and_1(
            kind in prop::sample::select(vec![KeyResultKind::Increase, KeyResultKind::Decrease, KeyResultKind::AtLeast, KeyResultKind::AtMost, KeyResultKind::Milestone]),
            baseline in -1e6f64..1e6, target in -1e6f64..1e6, value in -1e7f64..1e7,
        ) {
            if let Some(p) = progress_of_value(kind, Some(baseline), Some(target), value) {
                prop_assert!((0.0..=1.0).contains(&p));
            }
        }

        #[test]
        fn increase_progress_never_falls_when_the_value_rises(
            baseline in -1e4f64..1e4, delta in 0.001f64..1e4, a in -2e4f64..2e4, step in 0.0f64..1e4,
        ) {
            let target = baseline + delta;
            let low = progress_of_value(KeyResultKind::Increase, Some(baseline), Some(target), a).unwrap();
            let high = progress_of_value(KeyResultKind::Increase, Some(baseline), Some(target), a + step).unwrap();
            prop_assert!(high >= low);
        }

        #[test]
        fn rollup_is_the_weighted_mean_of_children_and_key_results(
            v1 in 0.0f64..100.0, v2 in 0.0f64..100.0, w1 in 0.1f64..5.0, w2 in 0.1f64..5.0,
        ) {
            let objectives = [objective("parent", None, None), objective("a", Some("parent"), Some(w1)), objective("b", Some("parent"), Some(w2))];
            let krs = [kr("ka", "a", KeyResultKind::Increase, 0.0, 100.0), kr("kb", "b", KeyResultKind::Increase, 0.0, 100.0)];
            let checkins = [checkin("ka", "2027-02-01", v1, None), checkin("kb", "2027-02-01", v2, None)];
            let f = figures(&objectives, &krs, &checkins, &[], &[], "2027-02-15");
            let expected = (w1 * v1 / 100.0 + w2 * v2 / 100.0) / (w1 + w2);
            prop_assert!((f[0].progress.unwrap() - expected).abs() < 1e-9);
        }

        #[test]
        fn grades_are_tenths_between_0_and_1(p in 0.0f64..=1.0) {
            let g = grade_of(p);
            prop_assert!((0.0..=1.0).contains(&g));
            prop_assert!(((g * 10.0) - (g * 10.0).round()).abs() < 1e-9);
            prop_assert!((g - p).abs() <= 0.05 + 1e-9);
        }
    }
}
