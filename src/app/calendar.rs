//! The plan's dates as a calendar file (`lodestar export calendar`, File ▸ Export
//! Calendar…): milestones and scheduled roadmap items, all-day events.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;
use crate::interchange::ics::{calendar, CalendarEvent};
use crate::model::date_range::check_range;
use crate::model::ItemStatus;
use crate::Workspace;

impl Workspace {
    /// The iCalendar text of every milestone due in `from..=to` and every scheduled item
    /// overlapping it (no bound: all of them).
    pub fn export_calendar(&self, from: Option<NaiveDate>, to: Option<NaiveDate>, now: DateTime<Utc>) -> Result<String> {
        if let (Some(f), Some(t)) = (from, to) {
            check_range("calendar", f, t)?;
        }
        let within = |start: NaiveDate, end: NaiveDate| from.is_none_or(|f| end >= f) && to.is_none_or(|t| start <= t);
        let doc = self.document()?;
        let plan_id: Option<String> = self.conn.query_row("SELECT uid FROM product", [], |r| r.get(0))?;
        let lane_name = |id: &str| doc.lanes.iter().find(|l| l.id == id).map(|l| l.name.clone()).unwrap_or_default();
        let objective_title =
            |id: &str| doc.objectives.iter().find(|o| o.id == id).map(|o| o.title.clone()).unwrap_or_else(|| id.to_string());
        let mut events = Vec::new();
        for m in doc.milestones.iter().filter(|m| within(m.due, m.due)) {
            let mut lines = Vec::new();
            if let Some(o) = &m.objective {
                lines.push(format!("Milestone of the objective “{}”", objective_title(o)));
            }
            if let Some(item) = m.roadmap_item.as_deref().and_then(|r| doc.roadmap_items.iter().find(|i| i.id == r)) {
                lines.push(format!("Roadmap item: {}", item.title));
            }
            if let Some(done) = m.done_on {
                lines.push(format!("Done on {done}"));
            }
            events.push(CalendarEvent {
                kind: "milestone",
                id: m.id.clone(),
                title: format!("Milestone: {}", m.title),
                start: m.due,
                end: m.due,
                description: lines.join("\n"),
                categories: vec!["Milestone".into()],
                cancelled: false,
            });
        }
        for r in &doc.roadmap_items {
            let (Some(start), Some(end)) = (r.start, r.end) else { continue };
            if !within(start, end) {
                continue;
            }
            let mut lines = vec![format!("Lane: {}", lane_name(&r.lane)), format!("Status: {}", r.status.as_str().replace('_', " "))];
            if !r.objectives.is_empty() {
                lines.push(format!("Why: {}", r.objectives.iter().map(|o| objective_title(o)).collect::<Vec<_>>().join("; ")));
            }
            if let Some(i) = &r.expected_impact {
                lines.push(format!("Expected impact: {i}"));
            }
            if let Some(t) = &r.tradeoff {
                lines.push(format!("Trade-off: {t}"));
            }
            events.push(CalendarEvent {
                kind: "item",
                id: r.id.clone(),
                title: r.title.clone(),
                start,
                end,
                description: lines.join("\n"),
                categories: vec!["Roadmap".into(), lane_name(&r.lane)],
                cancelled: r.status == ItemStatus::Dropped,
            });
        }
        let name = super::picture::roadmap_title(&doc.product.name);
        Ok(calendar(&name, plan_id.as_deref().unwrap_or_default(), &events, now))
    }
}
