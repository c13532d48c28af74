use crate::compute::roadmap::{allocation, conflicts, default_range, why_coverage};
use crate::error::{Error, Result};
use crate::layout::{layout, LayoutInput, LayoutRequest};
use crate::model::*;
use crate::store::roadmap::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::roadmap::*;
use chrono::NaiveDate;
use std::collections::HashMap;

impl Workspace {
    /// Applies one roadmap edit in one transaction and returns the edit that undoes it.
    pub fn apply_roadmap_edit(&mut self, edit: &RoadmapEdit) -> Result<RoadmapEdit> {
        self.write(|tx| apply(tx, edit))
    }

    /// Saves today's dated items as a named baseline and returns its id.
    pub fn save_baseline(&mut self, name: &str, today: NaiveDate) -> Result<String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("baseline", "name", "Name the baseline, e.g. “Q1 plan as approved”."));
        }
        self.write(|tx| {
            let id = next_id(tx, "baselines", "b")?;
            insert_baseline_of_dated_items(tx, &id, name, today)?;
            Ok(id)
        })
    }

    pub fn delete_baseline(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !crate::store::delete(tx, "baselines", id)? {
                return Err(not_found("baseline", id));
            }
            Ok(())
        })
    }

    /// `lodestar report roadmap`: coverage, conflicts, and allocation inside `[from, to]`
    /// (default: the earliest start to the latest end).
    pub fn roadmap_report(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<RoadmapReport> {
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                // As in the view: an inverted range is a mistake, not an empty allocation.
                return Err(Error::invalid("roadmap", "to", format!("The range ends ({t}) before it starts ({f}).")));
            }
        }
        let doc = self.export_document()?;
        let items = &doc.roadmap_items;
        let range = default_range(items);
        let from = from.or(range.map(|r| r.0));
        let to = to.or(range.map(|r| r.1));
        let allocation = match (from, to) {
            (Some(f), Some(t)) => allocation(items, f, t),
            _ => allocation(items, NaiveDate::MIN, NaiveDate::MIN),
        };
        Ok(RoadmapReport {
            coverage: why_coverage(items),
            conflicts: conflicts(items, &doc.objectives, &doc.cycles, &doc.milestones),
            allocation,
        })
    }

    /// The Roadmap view for a range, zoom and filters, as of `today`.
    pub fn roadmap_view(&self, req: &LayoutRequest, today: NaiveDate, history: EditState) -> Result<RoadmapView> {
        if req.to < req.from {
            return Err(Error::invalid("roadmap", "to", "The range ends before it starts."));
        }
        let doc = self.export_document()?;
        let all_conflicts = conflicts(&doc.roadmap_items, &doc.objectives, &doc.cycles, &doc.milestones);
        let baseline = match &req.baseline {
            Some(id) => Some(doc.baselines.iter().find(|b| &b.id == id).ok_or_else(|| not_found("baseline", id))?),
            None => None,
        };
        let geometry = layout(
            &LayoutInput {
                lanes: &doc.lanes,
                items: &doc.roadmap_items,
                milestones: &doc.milestones,
                conflicts: &all_conflicts,
                baseline: baseline.map(|b| b.items.as_slice()),
                today,
            },
            req,
        );
        Ok(RoadmapView {
            geometry,
            lanes: doc.lanes.clone(),
            objectives: objective_refs(&doc),
            baselines: doc
                .baselines
                .iter()
                .map(|b| BaselineSummary { id: b.id.clone(), name: b.name.clone(), saved_on: b.saved_on, items: b.items.len() as u32 })
                .collect(),
            slips: baseline.map(|b| slips(&doc, b)).unwrap_or_default(),
            conflict_count: all_conflicts.len() as u32,
            coverage: why_coverage(&doc.roadmap_items),
            allocation: allocation(&doc.roadmap_items, req.from, req.to),
            unscheduled: doc.roadmap_items.iter().filter(|i| i.start.is_none()).count() as u32,
            history,
        })
    }

    /// Every conflict with the sentence that explains it.
    pub fn roadmap_conflicts(&self) -> Result<Vec<ConflictNote>> {
        let doc = self.export_document()?;
        let names = Names::new(&doc);
        Ok(conflicts(&doc.roadmap_items, &doc.objectives, &doc.cycles, &doc.milestones).iter().map(|c| explain(&names, c)).collect())
    }

    /// One item with its *why*, for the side panel.
    pub fn roadmap_item_detail(&self, id: &str) -> Result<ItemDetail> {
        let doc = self.export_document()?;
        let item = doc.roadmap_items.iter().find(|i| i.id == id).ok_or_else(|| not_found("roadmap item", id))?;
        let refs = objective_refs(&doc);
        let names = Names::new(&doc);
        let titles: HashMap<&str, &str> = doc.roadmap_items.iter().map(|i| (i.id.as_str(), i.title.as_str())).collect();
        let item_ref = |id: &str| ItemRef { id: id.to_string(), title: titles.get(id).unwrap_or(&"").to_string() };
        Ok(ItemDetail {
            objectives: refs.into_iter().filter(|o| item.objectives.contains(&o.id)).collect(),
            feedback_count: doc.feedback.iter().filter(|f| f.roadmap_items.iter().any(|r| r == id)).count() as u32,
            feedback: {
                let themes: HashMap<&str, &str> = doc.themes.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect();
                let mut list: Vec<_> = doc
                    .feedback
                    .iter()
                    .filter(|f| f.roadmap_items.iter().any(|r| r == id))
                    .map(|f| super::feedback::entry(f, &themes, &titles))
                    .collect();
                list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
                list
            },
            milestones: doc.milestones.iter().filter(|m| m.roadmap_item.as_deref() == Some(id)).cloned().collect(),
            conflicts: conflicts(&doc.roadmap_items, &doc.objectives, &doc.cycles, &doc.milestones)
                .iter()
                .filter(|c| involves(c, id))
                .map(|c| explain(&names, c))
                .collect(),
            depends_on: item.depends_on.iter().map(|d| item_ref(d)).collect(),
            dependents: doc.roadmap_items.iter().filter(|i| i.depends_on.iter().any(|d| d == id)).map(|i| item_ref(&i.id)).collect(),
            item: item.clone(),
        })
    }

    /// Every item still to do (not done, not dropped), for the now–next–later board.
    pub fn roadmap_board(&self) -> Result<Vec<BoardCard>> {
        let doc = self.export_document()?;
        Ok(doc
            .roadmap_items
            .iter()
            .filter(|i| !matches!(i.status, ItemStatus::Done | ItemStatus::Dropped))
            .map(|i| BoardCard {
                id: i.id.clone(),
                title: i.title.clone(),
                lane: i.lane.clone(),
                kind: i.kind,
                status: i.status,
                horizon: i.horizon,
                start: i.start,
                end: i.end,
                no_goal: i.objectives.is_empty(),
            })
            .collect())
    }
}
