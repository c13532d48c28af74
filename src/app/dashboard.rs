//! The Home dashboard, assembled from the figures the other views compute.

use super::okr::okr_data;
use crate::compute::feedback::theme_counts;
use crate::compute::okr::{health, okr_figures, Health};
use crate::compute::roadmap::{allocation, default_range, why_coverage};
use crate::error::Result;
use crate::model::*;
use crate::store::Workspace;
use crate::views::dashboard::*;
use chrono::NaiveDate;
use std::collections::HashMap;

impl Workspace {
    pub fn dashboard(&self, as_of: NaiveDate) -> Result<DashboardView> {
        let doc = self.document()?;
        // The cycle shown: the one containing `as_of`, else the latest (as in the OKRs view).
        let cycle = doc.cycles.iter().find(|c| c.start <= as_of && as_of <= c.end).or_else(|| doc.cycles.iter().max_by_key(|c| c.end));
        let figures = okr_figures(&okr_data(&doc), as_of);
        let in_cycle: Vec<(&Objective, _)> =
            doc.objectives.iter().zip(figures).filter(|(o, _)| o.cycle.as_deref() == cycle.map(|c| c.id.as_str())).collect();

        let all =
            [Health::NotStarted, Health::OnTrack, Health::AtRisk, Health::OffTrack, Health::Achieved, Health::Missed, Health::Dropped];
        let health_counts = all
            .iter()
            .map(|h| HealthCount { health: *h, count: in_cycle.iter().filter(|(_, f)| f.health == Some(*h)).count() as u32 })
            .collect();

        let titles: HashMap<&str, &str> = doc.key_results.iter().map(|k| (k.id.as_str(), k.title.as_str())).collect();
        let mut at_risk = Vec::new();
        for (o, f) in &in_cycle {
            if let Some(h @ (Health::AtRisk | Health::OffTrack)) = f.health {
                at_risk.push(AtRisk {
                    kind: AtRiskKind::Objective,
                    id: o.id.clone(),
                    title: o.title.clone(),
                    objective: o.id.clone(),
                    health: h,
                    progress: f.progress,
                    confidence: None,
                });
            }
            // A key result read with the objective's rule on its own progress and confidence.
            for k in &f.key_results {
                if let Some(h @ (Health::AtRisk | Health::OffTrack)) = health(o.status, cycle, as_of, k.progress, k.confidence) {
                    at_risk.push(AtRisk {
                        kind: AtRiskKind::KeyResult,
                        id: k.id.clone(),
                        title: titles.get(k.id.as_str()).unwrap_or(&"").to_string(),
                        objective: o.id.clone(),
                        health: h,
                        progress: k.progress,
                        confidence: k.confidence,
                    });
                }
            }
        }

        let objective_titles: HashMap<&str, &str> = doc.objectives.iter().map(|o| (o.id.as_str(), o.title.as_str())).collect();
        let open_milestones = || doc.milestones.iter().filter(|m| m.done_on.is_none_or(|d| d > as_of));
        let mut upcoming: Vec<&Milestone> = open_milestones().filter(|m| m.due >= as_of).collect();
        upcoming.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
        let upcoming_milestones = upcoming
            .into_iter()
            .take(UPCOMING)
            .map(|m| UpcomingMilestone {
                id: m.id.clone(),
                title: m.title.clone(),
                due: m.due,
                objective: m.objective.clone(),
                objective_title: m.objective.as_deref().and_then(|o| objective_titles.get(o)).map(|t| t.to_string()),
                roadmap_item: m.roadmap_item.clone(),
            })
            .collect();

        let items = &doc.roadmap_items;
        let allocation = match default_range(items) {
            Some((from, to)) => allocation(items, from, to),
            None => allocation(items, NaiveDate::MIN, NaiveDate::MIN),
        };

        Ok(DashboardView {
            as_of,
            product_name: doc.product.name.clone(),
            vision: doc.product.vision.clone(),
            lifecycle_stage: doc.product.lifecycle_stage,
            cycle: cycle.map(|c| c.id.clone()),
            health_counts,
            objectives: in_cycle
                .iter()
                .map(|(o, f)| DashboardObjective {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    parent: o.parent.clone(),
                    progress: f.progress,
                    expected: f.expected,
                    health: f.health,
                })
                .collect(),
            at_risk,
            overdue_milestones: open_milestones().filter(|m| m.due < as_of).count() as u32,
            upcoming_milestones,
            coverage: why_coverage(items),
            allocation,
            top_themes: theme_counts(&doc.themes, &doc.feedback).into_iter().filter(|t| t.count > 0).take(TOP_THEMES).collect(),
            running_experiments: doc
                .experiments
                .iter()
                .filter(|e| e.status == ExperimentStatus::Running)
                .map(|e| RunningExperiment {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    objective: e.objective.clone(),
                    roadmap_item: e.roadmap_item.clone(),
                })
                .collect(),
        })
    }
}

/// How many upcoming milestones and top themes the dashboard lists.
const UPCOMING: usize = 5;
const TOP_THEMES: usize = 5;
