//! The weekly review: the report (`report weekly --json`), the Review view with the
//! names a person reads, and the Markdown status report both the CLI and the app copy.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;

use super::okr::{key_result_card, okr_data};
use crate::compute::okr::okr_figures;
use crate::compute::review::{weekly_review, ReviewData};
use crate::error::Result;
use crate::interchange::Document;
use crate::render::markdown::weekly_markdown;
use crate::store::Workspace;
use crate::views::review::*;

fn review_of(doc: &Document, as_of: NaiveDate) -> WeeklyReview {
    weekly_review(&ReviewData { okr: okr_data(doc), items: &doc.roadmap_items, baselines: &doc.baselines }, as_of)
}

impl Workspace {
    /// The weekly review of the 7 days ending on `as_of` (docs/COMPUTATIONS.md).
    pub fn weekly_review(&self, as_of: NaiveDate) -> Result<WeeklyReview> {
        Ok(review_of(&*self.document()?, as_of))
    }

    /// The Review view: the weekly review with titles, dates and what the check-in form needs.
    pub fn review_view(&self, as_of: NaiveDate) -> Result<ReviewView> {
        let doc = self.document()?;
        let review = review_of(&doc, as_of);

        let objectives = doc
            .objectives
            .iter()
            .filter(|o| review.progress.iter().any(|p| p.objective == o.id))
            .map(|o| ReviewObjective { id: o.id.clone(), title: o.title.clone() })
            .collect();

        let named: BTreeSet<&str> = review
            .checkins_due
            .iter()
            .map(|d| d.key_result.as_str())
            .chain(review.confidence_drops.iter().map(|d| d.key_result.as_str()))
            .collect();
        let figures: HashMap<String, _> =
            okr_figures(&okr_data(&doc), as_of).into_iter().flat_map(|o| o.key_results).map(|k| (k.id.clone(), k)).collect();
        let key_results = doc
            .key_results
            .iter()
            .filter(|k| named.contains(k.id.as_str()))
            .filter_map(|kr| {
                let objective = doc.objectives.iter().find(|o| o.id == kr.objective)?;
                let cycle = objective.cycle.as_deref().and_then(|c| doc.cycles.iter().find(|x| x.id == c));
                Some(ReviewKeyResult {
                    id: kr.id.clone(),
                    title: kr.title.clone(),
                    objective_title: objective.title.clone(),
                    card: key_result_card(&doc, kr, cycle, as_of),
                    figures: figures.get(&kr.id)?.clone(),
                })
            })
            .collect();

        let milestone_ids: BTreeSet<&str> = [&review.milestones_done, &review.milestones_overdue, &review.milestones_next]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let milestones = doc.milestones.iter().filter(|m| milestone_ids.contains(m.id.as_str())).cloned().collect();
        let item_ids: BTreeSet<&str> =
            review.items_next.iter().map(String::as_str).chain(review.slips.iter().map(|s| s.item.as_str())).collect();
        let items = doc
            .roadmap_items
            .iter()
            .filter(|i| item_ids.contains(i.id.as_str()))
            .map(|i| ReviewItem { id: i.id.clone(), title: i.title.clone(), status: i.status, start: i.start, end: i.end })
            .collect();
        let baseline_name = review.baseline.as_deref().and_then(|b| doc.baselines.iter().find(|x| x.id == b)).map(|b| b.name.clone());

        Ok(ReviewView {
            summary: summary(&review),
            is_empty: doc.objectives.is_empty() && doc.roadmap_items.is_empty() && doc.milestones.is_empty(),
            product_name: doc.product.name.clone(),
            review,
            objectives,
            key_results,
            milestones,
            items,
            baseline_name,
        })
    }

    /// The weekly review as a Markdown status report (`report weekly --markdown`, and
    /// what the app's "Copy status report" puts on the clipboard).
    pub fn weekly_status_report(&self, as_of: NaiveDate) -> Result<String> {
        Ok(weekly_markdown(&self.review_view(as_of)?))
    }
}

/// One line for the Home tile: what needs doing this week, leaving out what is zero.
fn summary(r: &WeeklyReview) -> String {
    let parts: Vec<String> = [
        (r.checkins_due.len(), "check-in due", "check-ins due"),
        (r.confidence_drops.len(), "confidence drop", "confidence drops"),
        (r.milestones_overdue.len(), "milestone overdue", "milestones overdue"),
        (r.milestones_next.len(), "milestone next", "milestones next"),
        (r.slips.len(), "slip", "slips"),
        (r.problems.objectives.len(), "goal at risk", "goals at risk"),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
    .collect();
    if parts.is_empty() {
        "All check-ins in, nothing due or slipping".to_string()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Product;
    use chrono::Utc;

    #[test]
    fn the_summary_names_what_needs_attention_and_leaves_out_zeros() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
        let mut doc = Document::new(Product { name: "Acme".into(), vision: None, strategy: None, lifecycle_stage: None });
        doc.cycles =
            vec![crate::model::Cycle { id: "Q1".into(), start: "2027-01-01".parse().unwrap(), end: "2027-03-31".parse().unwrap() }];
        ws.import_document(&doc, Utc::now()).unwrap();
        let day: NaiveDate = "2027-02-15".parse().unwrap();
        assert_eq!(ws.review_view(day).unwrap().summary, "All check-ins in, nothing due or slipping");
        let review = |due: usize, next: usize| WeeklyReview {
            checkins_due: (0..due).map(|i| CheckinDue { key_result: format!("kr{i}"), last_checkin: None }).collect(),
            milestones_next: (0..next).map(|i| format!("m{i}")).collect(),
            ..ws.weekly_review(day).unwrap()
        };
        assert_eq!(summary(&review(3, 2)), "3 check-ins due · 2 milestones next");
        assert_eq!(summary(&review(1, 0)), "1 check-in due");
    }

    #[test]
    fn each_key_result_card_carries_its_confidence_over_time() {
        use crate::model::{CheckIn, KeyResult, KeyResultKind, Objective, ObjectiveStatus};
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
        let mut doc = Document::new(Product { name: "Acme".into(), vision: None, strategy: None, lifecycle_stage: None });
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        doc.cycles = vec![crate::model::Cycle { id: "Q1".into(), start: d("2027-01-01"), end: d("2027-03-31") }];
        doc.objectives = vec![Objective {
            id: "o1".into(),
            title: "Make onboarding effortless".into(),
            description: None,
            cycle: Some("Q1".into()),
            parent: None,
            category: None,
            owner: None,
            status: ObjectiveStatus::Active,
            weight: None,
            ambition: Default::default(),
            carried_from: None,
        }];
        doc.key_results = vec![KeyResult {
            id: "kr1".into(),
            objective: "o1".into(),
            title: "Raise 30-day retention".into(),
            kind: KeyResultKind::Increase,
            unit: None,
            baseline: Some(20.0),
            target: Some(30.0),
            weight: None,
            kpi: None,
        }];
        let c =
            |date: &str, confidence: Option<f64>| CheckIn { key_result: "kr1".into(), date: d(date), value: 22.0, confidence, note: None };
        // Written out of order; one without a confidence; one after the day shown.
        doc.checkins = vec![c("2027-02-01", Some(0.5)), c("2027-01-15", Some(0.8)), c("2027-01-20", None), c("2027-03-01", Some(0.9))];
        ws.import_document(&doc, Utc::now()).unwrap();
        let view = ws.okr_view(None, d("2027-02-15")).unwrap();
        let points: Vec<(NaiveDate, f64)> = view.objectives[0].key_results[0].confidences.iter().map(|p| (p.date, p.confidence)).collect();
        assert_eq!(points, [(d("2027-01-15"), 0.8), (d("2027-02-01"), 0.5)]);
        // The Review view hands the same card to the check-in form of a due key result.
        let review = ws.review_view(d("2027-02-15")).unwrap();
        assert_eq!(review.review.checkins_due[0].last_checkin, Some(d("2027-02-01")));
        assert_eq!(review.key_results[0].card, view.objectives[0].key_results[0]);
        assert_eq!(review.key_results[0].objective_title, "Make onboarding effortless");
    }
}
