//! The backlog: the ranking report and the Backlog view. Score edits are roadmap edits
//! (`RoadmapEdit::SetScores`), so they undo and redo like every other item edit.

use crate::compute::backlog::{ice_score, in_backlog, median, rank, rice_score, ScoreBy};
use crate::error::Result;
use crate::store::Workspace;
use crate::views::backlog::*;

impl Workspace {
    /// `lodestar report backlog`: the backlog ranked by RICE or ICE.
    pub fn backlog_report(&self, by: ScoreBy) -> Result<BacklogReport> {
        let doc = self.document()?;
        Ok(BacklogReport { by, items: rank(&doc.roadmap_items, by) })
    }

    /// Every backlog item with its prioritization fields and both scores, ranked by `by`.
    pub fn backlog_view(&self, by: ScoreBy) -> Result<BacklogView> {
        let doc = self.document()?;
        let ranking = rank(&doc.roadmap_items, by);
        let place = |id: &str| ranking.iter().position(|r| r.id == id).map(|p| p as u32 + 1);
        let mut items: Vec<BacklogEntry> = doc
            .roadmap_items
            .iter()
            .filter(|i| in_backlog(i))
            .map(|i| {
                let rice = i.rice.as_ref();
                BacklogEntry {
                    id: i.id.clone(),
                    title: i.title.clone(),
                    lane: i.lane.clone(),
                    kind: i.kind,
                    status: i.status,
                    start: i.start,
                    end: i.end,
                    no_goal: !crate::compute::roadmap::serves_a_goal(i),
                    rice: i.rice.clone(),
                    ice: i.ice.clone(),
                    moscow: i.moscow,
                    urgent: i.urgent,
                    important: i.important,
                    rice_score: rice.and_then(rice_score),
                    ice_score: i.ice.as_ref().and_then(ice_score),
                    rank: place(&i.id),
                    value: rice.map(|r| r.reach * r.impact * r.confidence).filter(|v| v.is_finite()),
                    effort: rice.map(|r| r.effort),
                }
            })
            .collect();
        // Ranked items first in their order, then the unscored by title, then id.
        items.sort_by(|a, b| match (a.rank, b.rank) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.title.cmp(&b.title).then_with(|| a.id.cmp(&b.id)),
        });
        let values: Vec<f64> = items.iter().filter_map(|i| i.value).collect();
        let efforts: Vec<f64> = items.iter().filter_map(|i| i.effort).collect();
        Ok(BacklogView { by, value_split: median(&values), effort_split: median(&efforts), items })
    }
}
