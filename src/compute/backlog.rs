//! Prioritization figures (docs/COMPUTATIONS.md "Prioritization"): the backlog, RICE and
//! ICE scores, and the ranking by either.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{Ice, ItemStatus, Rice, RoadmapItem};

/// Which score a ranking sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ScoreBy {
    #[default]
    Rice,
    Ice,
}

/// One place of a ranking: `lodestar report backlog --json` prints exactly these.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RankedItem {
    pub id: String,
    pub score: f64,
}

/// The backlog is every roadmap item whose status is not `done` or `dropped`.
pub fn in_backlog(item: &RoadmapItem) -> bool {
    !matches!(item.status, ItemStatus::Done | ItemStatus::Dropped)
}

/// RICE = reach × impact × confidence ÷ effort. `None` when effort is not > 0 or a
/// figure is not finite (stored scores never are; this keeps odd input from ranking).
pub fn rice_score(r: &Rice) -> Option<f64> {
    let score = r.reach * r.impact * r.confidence / r.effort;
    (r.effort > 0.0 && score.is_finite()).then_some(score)
}

/// ICE = impact × confidence × ease (each 1–10).
pub fn ice_score(i: &Ice) -> Option<f64> {
    let score = i.impact * i.confidence * i.ease;
    score.is_finite().then_some(score)
}

/// An item's score of the chosen kind; `None` when it has no such scores.
pub fn score(item: &RoadmapItem, by: ScoreBy) -> Option<f64> {
    match by {
        ScoreBy::Rice => item.rice.as_ref().and_then(rice_score),
        ScoreBy::Ice => item.ice.as_ref().and_then(ice_score),
    }
}

/// The backlog ranked by a score: descending, ties by title, then by id. Items without
/// the chosen scores are left out. Titles compare as stored, character by character
/// (no case folding), so the order is the same on every machine.
pub fn rank(items: &[RoadmapItem], by: ScoreBy) -> Vec<RankedItem> {
    let mut scored: Vec<(&RoadmapItem, f64)> =
        items.iter().filter(|i| in_backlog(i)).filter_map(|i| score(i, by).map(|s| (i, s))).collect();
    scored.sort_by(|(a, sa), (b, sb)| {
        sb.partial_cmp(sa).unwrap_or(Ordering::Equal).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
    });
    scored.into_iter().map(|(i, s)| RankedItem { id: i.id.clone(), score: s }).collect()
}

/// The median of some values (the split of a value/effort matrix); `None` when empty.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worked_examples_of_the_format() {
        let rice = Rice { reach: 1200.0, impact: 2.0, confidence: 0.8, effort: 3.0 };
        assert!((rice_score(&rice).unwrap() - 640.0).abs() < 1e-9);
        assert_eq!(ice_score(&Ice { impact: 8.0, confidence: 6.0, ease: 5.0 }), Some(240.0));
        assert_eq!(rice_score(&Rice { effort: 0.0, ..rice }), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
