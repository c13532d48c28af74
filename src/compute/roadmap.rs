//! Roadmap figures (docs/COMPUTATIONS.md): conflicts, why-coverage and allocation by kind.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::{Cycle, ItemKind, ItemStatus, Milestone, Objective, RoadmapItem};

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

/// Every conflict, each once, ordered by kind, then by id (then by the other id).
pub fn conflicts(items: &[RoadmapItem], objectives: &[Objective], cycles: &[Cycle], milestones: &[Milestone]) -> Vec<Conflict> {
    let cycle_end: HashMap<&str, NaiveDate> = cycles.iter().map(|c| (c.id.as_str(), c.end)).collect();
    let deadline: HashMap<&str, NaiveDate> =
        objectives.iter().filter_map(|o| o.cycle.as_deref().and_then(|c| cycle_end.get(c)).map(|end| (o.id.as_str(), *end))).collect();
    let item_end: HashMap<&str, NaiveDate> = items.iter().filter_map(|i| i.end.map(|e| (i.id.as_str(), e))).collect();

    let mut out = Vec::new();
    for item in items {
        let Some(end) = item.end else { continue };
        for o in &item.objectives {
            if deadline.get(o.as_str()).is_some_and(|d| end > *d) {
                out.push(Conflict::PastObjectiveDeadline { item: item.id.clone(), objective: o.clone() });
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

/// The share of roadmap items (status not dropped) linked to at least one objective;
/// `None` when there is no such item.
pub fn why_coverage(items: &[RoadmapItem]) -> Option<f64> {
    let live: Vec<&RoadmapItem> = items.iter().filter(|i| i.status != ItemStatus::Dropped).collect();
    if live.is_empty() {
        return None;
    }
    Some(live.iter().filter(|i| !i.objectives.is_empty()).count() as f64 / live.len() as f64)
}

/// The default allocation range: the earliest start to the latest end of the items
/// that count (not dropped, dated).
pub fn default_range(items: &[RoadmapItem]) -> Option<(NaiveDate, NaiveDate)> {
    let dated = items.iter().filter(|i| i.status != ItemStatus::Dropped).filter_map(|i| Some((i.start?, i.end?)));
    dated.fold(None, |acc, (s, e)| match acc {
        None => Some((s, e)),
        Some((a, b)) => Some((a.min(s), b.max(e))),
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
            id: id.into(),
            lane: "l1".into(),
            title: id.into(),
            start: Some(date(start)),
            end: Some(date(end)),
            kind,
            status,
            horizon: None,
            objectives: objectives.iter().map(|s| s.to_string()).collect(),
            depends_on: deps.iter().map(|s| s.to_string()).collect(),
            expected_impact: None,
            tradeoff: None,
            rice: None,
            ice: None,
            moscow: None,
            urgent: None,
            important: None,
            key_results: vec![],
            external_key: None,
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
        let found = conflicts(&items, &objectives, &cycles, &milestones);
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
