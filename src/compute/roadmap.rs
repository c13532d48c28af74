//! Roadmap figures (docs/COMPUTATIONS.md): conflicts, why-coverage and allocation by kind.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::compute::okr::{weighted_mean, Health, ObjectiveFigures};
use crate::model::{Cycle, ItemKind, ItemStatus, KeyResult, Milestone, Objective, RoadmapItem};

/// A scheduling problem worth a PM's attention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Conflict {
    /// The item ends after the end of the cycle of an objective it serves.
    PastObjectiveDeadline { item: String, objective: String },
    /// The item starts on or before the end of an item it depends on.
    StartsBeforeDependencyEnds { item: String, depends_on: String },
    /// The milestone is due after its objective's cycle ends.
    MilestoneAfterCycle { milestone: String, objective: String },
}

/// Each kind's share of item-days in a date range; every kind present, 0 when absent.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Allocation {
    pub feature: f64,
    pub discovery: f64,
    pub tech_debt: f64,
    pub reliability: f64,
    pub growth: f64,
}

/// Key result id → the id of its objective.
pub fn objective_of_key_result(key_results: &[KeyResult]) -> HashMap<&str, &str> {
    key_results.iter().map(|k| (k.id.as_str(), k.objective.as_str())).collect()
}

/// The objectives an item serves: those it links, then those of the key results it
/// serves, each once (an item linking an objective and one of its key results serves
/// that objective once).
pub fn served_objectives<'a>(item: &'a RoadmapItem, kr_objective: &HashMap<&str, &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::with_capacity(item.objectives.len() + item.key_results.len());
    let via_krs = item.key_results.iter().filter_map(|k| kr_objective.get(k.as_str()).copied());
    for o in item.objectives.iter().map(String::as_str).chain(via_krs) {
        if !out.contains(&o) {
            out.push(o);
        }
    }
    out
}

/// Whether the item serves a goal: an objective, or a key result (hence its objective).
pub fn serves_a_goal(item: &RoadmapItem) -> bool {
    !item.objectives.is_empty() || !item.key_results.is_empty()
}

/// Every conflict, each once, ordered by kind, then by id (then by the other id).
/// An item serving a key result serves that key result's objective.
pub fn conflicts(
    items: &[RoadmapItem],
    objectives: &[Objective],
    key_results: &[KeyResult],
    cycles: &[Cycle],
    milestones: &[Milestone],
) -> Vec<Conflict> {
    let kr_objective = objective_of_key_result(key_results);
    let cycle_end: HashMap<&str, NaiveDate> = cycles.iter().map(|c| (c.id.as_str(), c.end)).collect();
    let deadline: HashMap<&str, NaiveDate> =
        objectives.iter().filter_map(|o| o.cycle.as_deref().and_then(|c| cycle_end.get(c)).map(|end| (o.id.as_str(), *end))).collect();
    let item_end: HashMap<&str, NaiveDate> = items.iter().filter_map(|i| i.end.map(|e| (i.id.as_str(), e))).collect();

    let mut out = Vec::new();
    for item in items {
        let Some(end) = item.end else { continue };
        for o in served_objectives(item, &kr_objective) {
            if deadline.get(o).is_some_and(|d| end > *d) {
                out.push(Conflict::PastObjectiveDeadline { item: item.id.clone(), objective: o.to_string() });
            }
        }
    }
    for item in items {
        let Some(start) = item.start else { continue };
        for dep in &item.depends_on {
            if item_end.get(dep.as_str()).is_some_and(|e| start <= *e) {
                out.push(Conflict::StartsBeforeDependencyEnds { item: item.id.clone(), depends_on: dep.clone() });
            }
        }
    }
    for m in milestones {
        if let Some(o) = &m.objective {
            if deadline.get(o.as_str()).is_some_and(|d| m.due > *d) {
                out.push(Conflict::MilestoneAfterCycle { milestone: m.id.clone(), objective: o.clone() });
            }
        }
    }
    // The enum's derived order is: kind (declaration order), then its fields in order.
    out.sort();
    out.dedup();
    out
}

/// The share of roadmap items (status not dropped) linked to at least one objective,
/// directly or through a key result it serves; `None` when there is no such item.
pub fn why_coverage(items: &[RoadmapItem]) -> Option<f64> {
    let live: Vec<&RoadmapItem> = items.iter().filter(|i| i.status != ItemStatus::Dropped).collect();
    if live.is_empty() {
        return None;
    }
    // Key results always belong to an objective (refused otherwise), so serving one
    // serves its objective.
    Some(live.iter().filter(|i| serves_a_goal(i)).count() as f64 / live.len() as f64)
}

/// The goal signal of one roadmap item as of a date (docs/COMPUTATIONS.md).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct GoalSignal {
    pub id: String,
    /// Weighted mean progress of its key results; else the mean progress of its
    /// objectives; null when it serves neither (or none has a progress).
    pub goal_progress: Option<f64>,
    /// The most severe health among the objectives it serves (directly or through a
    /// key result); null when none has a health.
    pub goal_health: Option<Health>,
}

/// The goal signal of every item, in the order of `items`, from the OKR figures
/// computed once for all objectives (`okr_figures`) — one pass, no per-item query.
pub fn goal_signals(items: &[RoadmapItem], key_results: &[KeyResult], figures: &[ObjectiveFigures]) -> Vec<GoalSignal> {
    let objective: HashMap<&str, &ObjectiveFigures> = figures.iter().map(|f| (f.id.as_str(), f)).collect();
    let kr_objective = objective_of_key_result(key_results);
    let kr_weight: HashMap<&str, f64> = key_results.iter().map(|k| (k.id.as_str(), k.weight.unwrap_or(1.0))).collect();
    let kr_progress: HashMap<&str, f64> =
        figures.iter().flat_map(|f| &f.key_results).filter_map(|k| Some((k.id.as_str(), k.progress?))).collect();
    items
        .iter()
        .map(|item| {
            let goal_progress = if item.key_results.is_empty() {
                // Unweighted mean of the objectives' defined progress.
                let defined = item.objectives.iter().filter_map(|o| objective.get(o.as_str())?.progress);
                weighted_mean(defined.map(|p| (1.0, p)))
            } else {
                // Linked key results without a progress (no baseline or target) are left
                // out of the mean; with none left the signal is undefined rather than
                // falling back to the objectives, since the item names what it moves.
                let parts = item.key_results.iter().filter_map(|k| Some((*kr_weight.get(k.as_str())?, *kr_progress.get(k.as_str())?)));
                weighted_mean(parts)
            };
            let goal_health = served_objectives(item, &kr_objective)
                .into_iter()
                .filter_map(|o| objective.get(o)?.health)
                .min_by_key(|h| h.severity_rank());
            GoalSignal { id: item.id.clone(), goal_progress, goal_health }
        })
        .collect()
}

/// The default allocation range: the earliest start to the latest end of the items
/// that count (not dropped, dated).
pub fn default_range(items: &[RoadmapItem]) -> Option<(NaiveDate, NaiveDate)> {
    let dated = items.iter().filter(|i| i.status != ItemStatus::Dropped).filter_map(|i| Some((i.start?, i.end?)));
    date_span(dated.flat_map(|(start, end)| [start, end]))
}

/// The whole plan on the timeline: its first to its last day over every date an item
/// (dropped ones included: they are drawn) or a milestone has.
pub fn plan_span(items: &[RoadmapItem], milestones: &[Milestone]) -> Option<(NaiveDate, NaiveDate)> {
    let item_days = items.iter().flat_map(|i| [i.start, i.end]).flatten();
    date_span(item_days.chain(milestones.iter().map(|m| m.due)))
}

/// The earliest and the latest of `days` (none when there are none).
fn date_span(days: impl IntoIterator<Item = NaiveDate>) -> Option<(NaiveDate, NaiveDate)> {
    days.into_iter().fold(None, |span, d| match span {
        None => Some((d, d)),
        Some((first, last)) => Some((first.min(d), last.max(d))),
    })
}

/// Each kind's share of item-days inside `[from, to]` (inclusive): for each item not
/// dropped, the days of its span inside the range.
pub fn allocation(items: &[RoadmapItem], from: NaiveDate, to: NaiveDate) -> Allocation {
    let mut days: HashMap<ItemKind, i64> = HashMap::new();
    for item in items.iter().filter(|i| i.status != ItemStatus::Dropped) {
        let (Some(start), Some(end)) = (item.start, item.end) else { continue };
        let overlap = (end.min(to) - start.max(from)).num_days() + 1;
        if overlap > 0 {
            *days.entry(item.kind).or_default() += overlap;
        }
    }
    let total: i64 = days.values().sum();
    let share = |k: ItemKind| if total > 0 { *days.get(&k).unwrap_or(&0) as f64 / total as f64 } else { 0.0 };
    Allocation {
        feature: share(ItemKind::Feature),
        discovery: share(ItemKind::Discovery),
        tech_debt: share(ItemKind::TechDebt),
        reliability: share(ItemKind::Reliability),
        growth: share(ItemKind::Growth),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn item(id: &str, kind: ItemKind, status: ItemStatus, start: &str, end: &str, objectives: &[&str], deps: &[&str]) -> RoadmapItem {
        RoadmapItem {
            start: Some(date(start)),
            end: Some(date(end)),
            kind,
            status,
            objectives: objectives.iter().map(|s| s.to_string()).collect(),
            depends_on: deps.iter().map(|s| s.to_string()).collect(),
            ..RoadmapItem::new(id, "l1", id)
        }
    }

    fn objective(id: &str, cycle: &str) -> Objective {
        Objective {
            id: id.into(),
            title: id.into(),
            description: None,
            cycle: Some(cycle.into()),
            parent: None,
            category: None,
            owner: None,
            status: crate::model::ObjectiveStatus::Active,
            weight: None,
            ambition: Default::default(),
            carried_from: None,
        }
    }

    #[test]
    fn conflicts_come_once_in_the_order_of_kinds_then_ids() {
        use ItemKind::*;
        use ItemStatus::*;
        let cycles = [Cycle { id: "Q1".into(), start: date("2027-01-01"), end: date("2027-03-31") }];
        let objectives = [objective("o1", "Q1"), objective("o2", "Q1")];
        let items = [
            item("r2", Feature, Planned, "2027-02-12", "2027-04-10", &["o2", "o1"], &["r1"]),
            item("r1", Feature, Planned, "2027-01-04", "2027-02-12", &["o1"], &[]),
            item("r3", Growth, Planned, "2027-02-13", "2027-03-31", &["o1"], &["r1"]), // starts the day after: fine
        ];
        let milestones = [Milestone {
            id: "m1".into(),
            objective: Some("o1".into()),
            title: "m".into(),
            due: date("2027-04-01"),
            done_on: None,
            roadmap_item: None,
        }];
        let found = conflicts(&items, &objectives, &[], &cycles, &milestones);
        assert_eq!(
            found,
            vec![
                Conflict::PastObjectiveDeadline { item: "r2".into(), objective: "o1".into() },
                Conflict::PastObjectiveDeadline { item: "r2".into(), objective: "o2".into() },
                Conflict::StartsBeforeDependencyEnds { item: "r2".into(), depends_on: "r1".into() },
                Conflict::MilestoneAfterCycle { milestone: "m1".into(), objective: "o1".into() },
            ]
        );
        let json = serde_json::to_value(&found[2]).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "starts_before_dependency_ends", "item": "r2", "depends_on": "r1"}));
    }

    fn kr(id: &str, objective: &str, weight: Option<f64>) -> KeyResult {
        KeyResult {
            id: id.into(),
            objective: objective.into(),
            title: id.into(),
            kind: crate::model::KeyResultKind::Increase,
            unit: None,
            baseline: Some(0.0),
            target: Some(1.0),
            weight,
            kpi: None,
        }
    }

    /// (objective id, progress, health, [(key result, progress)]).
    type FigureRow<'a> = (&'a str, Option<f64>, Option<Health>, &'a [(&'a str, Option<f64>)]);

    /// Objective figures by hand.
    fn figures(rows: &[FigureRow<'_>]) -> Vec<ObjectiveFigures> {
        rows.iter()
            .map(|(id, progress, health, krs)| ObjectiveFigures {
                id: id.to_string(),
                title: id.to_string(),
                cycle: Some("Q1".into()),
                parent: None,
                progress: *progress,
                expected: None,
                health: *health,
                forecast_progress: None,
                grade: None,
                key_results: krs
                    .iter()
                    .map(|(k, p)| crate::compute::okr::KeyResultFigures {
                        id: k.to_string(),
                        current: None,
                        progress: *p,
                        confidence: None,
                        forecast_value: None,
                        forecast_progress: None,
                    })
                    .collect(),
                ambition: Default::default(),
                outcome: None,
            })
            .collect()
    }

    fn serving(id: &str, objectives: &[&str], key_results: &[&str]) -> RoadmapItem {
        RoadmapItem {
            key_results: key_results.iter().map(|s| s.to_string()).collect(),
            ..item(id, ItemKind::Feature, ItemStatus::Planned, "2027-01-04", "2027-02-12", objectives, &[])
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn goal_progress_is_the_weighted_mean_of_key_results_else_the_mean_of_objectives() {
        use Health::*;
        let krs = [kr("k1", "o1", Some(2.0)), kr("k2", "o2", None), kr("k3", "o1", None)];
        let figs = figures(&[
            ("o1", Some(0.3), Some(OnTrack), &[("k1", Some(0.5)), ("k3", None)]),
            ("o2", Some(0.8), Some(AtRisk), &[("k2", Some(0.8))]),
            ("o3", None, None, &[]),
            ("o4", Some(0.9), Some(OnTrack), &[]),
        ]);
        let items = [
            // k1 (weight 2, 0.5) and k2 (weight 1, 0.8): (2 × 0.5 + 1 × 0.8) / 3 = 0.6;
            // the linked objective o4 (0.9) does not count when key results are linked.
            serving("a", &["o4"], &["k1", "k2"]),
            // Objectives only, unweighted, o3 (no progress) skipped: (0.3 + 0.9) / 2 = 0.6.
            serving("b", &["o1", "o3", "o4"], &[]),
            // Neither: undefined.
            serving("c", &[], &[]),
            // Only an objective without progress: undefined.
            serving("d", &["o3"], &[]),
            // Only a key result without progress: undefined.
            serving("e", &[], &["k3"]),
        ];
        let s = goal_signals(&items, &krs, &figs);
        assert!(close(s[0].goal_progress, 0.6), "{:?}", s[0]);
        assert!(close(s[1].goal_progress, 0.6), "{:?}", s[1]);
        assert_eq!((s[2].goal_progress, s[2].goal_health), (None, None));
        assert_eq!((s[3].goal_progress, s[3].goal_health), (None, None));
        assert_eq!(s[4].goal_progress, None);
        assert_eq!(s[4].goal_health, Some(OnTrack)); // k3's objective o1
        assert_eq!(s.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn goal_health_is_the_most_severe_of_the_objectives_served_undefined_skipped() {
        use Health::*;
        let krs = [kr("k-off", "o-off", None), kr("k-missed", "o-missed", None)];
        let figs = figures(&[
            ("o-on", Some(0.5), Some(OnTrack), &[]),
            ("o-off", Some(0.1), Some(OffTrack), &[("k-off", Some(0.1))]),
            ("o-missed", Some(0.2), Some(Missed), &[("k-missed", Some(0.2))]),
            ("o-none", None, None, &[]),
            ("o-achieved", Some(1.0), Some(Achieved), &[]),
            ("o-later", Some(0.0), Some(NotStarted), &[]),
            ("o-dropped", Some(0.0), Some(Dropped), &[]),
            ("o-risk", Some(0.3), Some(AtRisk), &[]),
        ]);
        let items = [
            serving("a", &["o-on", "o-none"], &["k-off"]), // on_track vs off_track (through k-off): off_track
            serving("b", &["o-risk", "o-off"], &["k-missed"]), // missed beats everything
            serving("c", &["o-dropped", "o-later", "o-achieved"], &[]), // achieved, then not_started, then dropped
            serving("d", &["o-dropped", "o-later"], &[]),
            serving("e", &["o-none"], &[]), // only undefined: undefined
            serving("f", &["o-on", "o-risk"], &[]),
        ];
        let h: Vec<Option<Health>> = goal_signals(&items, &krs, &figs).into_iter().map(|s| s.goal_health).collect();
        assert_eq!(h, [Some(OffTrack), Some(Missed), Some(Achieved), Some(NotStarted), None, Some(AtRisk)]);
    }

    #[test]
    fn an_item_serving_a_key_result_serves_its_objective_for_coverage_and_deadlines() {
        use ItemKind::*;
        use ItemStatus::*;
        let cycles = [
            Cycle { id: "Q1".into(), start: date("2027-01-01"), end: date("2027-03-31") },
            Cycle { id: "Q2".into(), start: date("2027-04-01"), end: date("2027-06-30") },
        ];
        let objectives = [objective("o1", "Q1"), objective("o2", "Q1"), objective("o3", "Q2")];
        let krs = [kr("k1", "o1", None), kr("k2", "o2", None), kr("k3", "o3", None)];
        let late = |id: &str, objectives: &[&str], key_results: &[&str]| RoadmapItem {
            key_results: key_results.iter().map(|s| s.to_string()).collect(),
            ..item(id, Feature, Planned, "2027-03-01", "2027-04-10", objectives, &[])
        };
        let items = [
            late("r1", &["o1"], &["k1"]),   // o1 directly and through k1: one conflict, not two
            late("r2", &[], &["k2", "k3"]), // o2 through k2 (Q1 ends Mar 31); o3's Q2 is fine
            late("r3", &[], &[]),
        ];
        assert_eq!(
            conflicts(&items, &objectives, &krs, &cycles, &[]),
            vec![
                Conflict::PastObjectiveDeadline { item: "r1".into(), objective: "o1".into() },
                Conflict::PastObjectiveDeadline { item: "r2".into(), objective: "o2".into() },
            ]
        );
        // r1 and r2 serve a goal (r2 only through key results), r3 none: 2 of 3.
        assert!(close(why_coverage(&items), 2.0 / 3.0));
        let kr_objective = objective_of_key_result(&krs);
        assert_eq!(served_objectives(&items[0], &kr_objective), ["o1"]);
        assert_eq!(served_objectives(&items[1], &kr_objective), ["o2", "o3"]);
    }

    #[test]
    fn coverage_counts_items_that_are_not_dropped() {
        use ItemKind::*;
        use ItemStatus::*;
        let items = [
            item("a", Feature, Planned, "2027-01-01", "2027-01-10", &["o1"], &[]),
            item("b", Feature, Done, "2027-01-01", "2027-01-10", &[], &[]),
            item("c", Feature, Dropped, "2027-01-01", "2027-01-10", &[], &[]),
        ];
        assert_eq!(why_coverage(&items), Some(0.5));
        assert_eq!(why_coverage(&items[2..]), None);
    }

    #[test]
    fn allocation_counts_item_days_inside_the_range() {
        use ItemKind::*;
        use ItemStatus::*;
        let items = [
            item("a", Feature, Planned, "2027-01-01", "2027-01-10", &[], &[]), // 10 days
            item("b", TechDebt, Planned, "2027-01-06", "2027-01-15", &[], &[]), // 10 days
            item("c", Growth, Dropped, "2027-01-01", "2027-01-31", &[], &[]),  // dropped: not counted
        ];
        let (from, to) = default_range(&items).unwrap();
        assert_eq!((from, to), (date("2027-01-01"), date("2027-01-15")));
        let all = allocation(&items, from, to);
        assert_eq!((all.feature, all.tech_debt, all.growth, all.discovery), (0.5, 0.5, 0.0, 0.0));
        // Only Jan 6–10: 5 days each.
        let part = allocation(&items, date("2027-01-06"), date("2027-01-10"));
        assert_eq!((part.feature, part.tech_debt), (0.5, 0.5));
        let later = allocation(&items, date("2027-01-11"), date("2027-01-20"));
        assert_eq!((later.feature, later.tech_debt), (0.0, 1.0));
        let none = allocation(&items, date("2028-01-01"), date("2028-01-02"));
        assert_eq!(none.feature + none.tech_debt + none.growth + none.discovery + none.reliability, 0.0);
    }
}
