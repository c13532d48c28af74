//! Roadmap geometry, computed once from (items, lanes, date range, zoom) and drawn the
//! same way by the screen and the exporters: the time axis, lane rows with overlapping
//! items packed into sub-rows, bars, milestone diamonds, dependency arrows, the today
//! line, conflict markers and baseline ghosts. Coordinates are pixels; x = 0 is the
//! first day of the range, y = 0 the top of the first lane (axis and lane headers are
//! drawn beside this area).

mod axis;
mod colour;
mod label;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use axis::{Tick, Zoom};
pub use colour::{default_lane_colour, rgba, text_colour};
pub use label::{bar_label, BarLabel, BADGE_ROOM, BAR_FONT_SIZE, BAR_FONT_WEIGHT, BAR_PADDING, CHECK_WIDTH};

use crate::compute::okr::Health;
use crate::compute::roadmap::{serves_a_goal, Conflict};
use crate::model::{BaselineItem, ItemKind, ItemStatus, Lane, Milestone, RoadmapItem};

pub const ROW_HEIGHT: f64 = 32.0;
pub const BAR_HEIGHT: f64 = 22.0;
/// Bars narrower than this are widened so they stay visible and draggable.
pub const MIN_BAR_WIDTH: f64 = 3.0;

/// What to lay out: the range, the zoom, and which lanes/items to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct LayoutRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zoom: Zoom,
    /// Only these lanes, in the workspace's lane order (all when absent).
    pub lanes: Option<Vec<String>>,
    pub kinds: Option<Vec<ItemKind>>,
    pub statuses: Option<Vec<ItemStatus>>,
    /// Only items serving this objective.
    pub objective: Option<String>,
    /// Draw this baseline's bars as ghosts behind today's.
    pub baseline: Option<String>,
    /// Only items whose goals are at risk, off track or missed (the roadmap view
    /// applies it: the layout itself does not know the goals' health).
    #[serde(default)]
    #[ts(optional)]
    pub goals_at_risk: Option<bool>,
}

impl LayoutRequest {
    /// Everything in `[from, to]` at `zoom`: no filter, no baseline.
    pub fn new(from: NaiveDate, to: NaiveDate, zoom: Zoom) -> LayoutRequest {
        LayoutRequest { from, to, zoom, lanes: None, kinds: None, statuses: None, objective: None, baseline: None, goals_at_risk: None }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoadmapGeometry {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub zoom: Zoom,
    pub px_per_day: f64,
    pub width: f64,
    pub height: f64,
    /// Two rows of ticks: `axis_top` (e.g. quarters) over `axis_bottom` (e.g. months).
    pub axis_top: Vec<Tick>,
    pub axis_bottom: Vec<Tick>,
    /// Weekend spans (week zoom only), as (x, width).
    pub weekends: Vec<(f64, f64)>,
    pub lanes: Vec<LaneRow>,
    /// Bars overlapping the range, lane by lane, sub-row by sub-row.
    pub bars: Vec<Bar>,
    pub milestones: Vec<Diamond>,
    pub arrows: Vec<Arrow>,
    pub ghosts: Vec<Ghost>,
    /// x of today's line when today is in the range.
    pub today: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LaneRow {
    pub id: String,
    pub name: String,
    pub colour: String,
    pub y: f64,
    pub height: f64,
    /// Sub-rows needed so that no two items overlap.
    pub rows: u32,
    /// Items in the lane (after filters), dated or not, in range or not.
    pub item_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Bar {
    pub item: String,
    pub lane: String,
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub kind: ItemKind,
    pub status: ItemStatus,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub row: u32,
    pub fill: String,
    pub text: String,
    /// Serves no objective (directly or through a key result): the "why" is missing.
    pub no_goal: bool,
    /// The goal signal as of the view's date: the progress of the goals it serves
    /// (the bar's thin line) and their most severe health (the line's colour); null
    /// when it serves none. The roadmap view fills them; pictures leave them empty.
    pub goal_progress: Option<f64>,
    pub goal_health: Option<Health>,
    /// How many conflicts this item is part of (as the item, or as what another
    /// depends on); their sentences come with the item's detail.
    pub conflicts: u32,
    /// The title as the bar shows it (whole, cut with "…", or empty), fitted to the
    /// bar's part inside the range by `bar_label`: the screen draws it verbatim and the
    /// pictures draw the same text.
    pub label: String,
    /// Left edge of the label (its baseline 4.2 px below the bar's middle).
    pub label_x: f64,
    /// Left edge of a done item's check mark, when the bar has room for it.
    pub check_x: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Diamond {
    pub milestone: String,
    pub label: String,
    pub due: NaiveDate,
    pub done: bool,
    /// Centre of the diamond.
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Arrow {
    /// The item depended on (the arrow starts at its end)…
    pub from: String,
    /// …and the dependent item (the arrow ends at its start).
    pub to: String,
    /// Polyline with right-angle elbows, drawn with rounded corners.
    pub points: Vec<(f64, f64)>,
    /// The dependent starts on or before the other ends.
    pub violated: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Ghost {
    pub item: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Today's end minus the baseline's end (positive: slipped later).
    #[ts(type = "number")]
    pub slip_days: i64,
}

/// Everything the layout reads.
pub struct LayoutInput<'a> {
    pub lanes: &'a [Lane],
    pub items: &'a [RoadmapItem],
    pub milestones: &'a [Milestone],
    pub conflicts: &'a [Conflict],
    pub baseline: Option<&'a [BaselineItem]>,
    pub today: NaiveDate,
}

/// Greedy packing into sub-rows: items sorted by start (then end, then id) take the
/// first row whose last item ended before they start. Returns each item's row.
pub fn pack_rows(spans: &[(NaiveDate, NaiveDate, &str)]) -> (Vec<u32>, u32) {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| (spans[a].0, spans[a].1, spans[a].2).cmp(&(spans[b].0, spans[b].1, spans[b].2)));
    let mut row_ends: Vec<NaiveDate> = Vec::new();
    let mut rows = vec![0u32; spans.len()];
    for i in order {
        let (start, end, _) = spans[i];
        let row = match row_ends.iter().position(|e| *e < start) {
            Some(r) => r,
            None => {
                row_ends.push(end);
                row_ends.len() - 1
            }
        };
        row_ends[row] = end;
        rows[i] = row as u32;
    }
    (rows, row_ends.len() as u32)
}

fn passes(item: &RoadmapItem, req: &LayoutRequest) -> bool {
    req.kinds.as_ref().is_none_or(|k| k.contains(&item.kind))
        && req.statuses.as_ref().is_none_or(|s| s.contains(&item.status))
        && req.objective.as_ref().is_none_or(|o| item.objectives.contains(o))
}

pub fn layout(input: &LayoutInput<'_>, req: &LayoutRequest) -> RoadmapGeometry {
    let ppd = req.zoom.px_per_day();
    let (from, to) = (req.from, req.to.max(req.from));
    let x_of = |d: NaiveDate| (d - from).num_days() as f64 * ppd;
    let days = (to - from).num_days() + 1;
    let width = days as f64 * ppd;

    let mut conflicts_of: HashMap<&str, Vec<&Conflict>> = HashMap::new();
    for c in input.conflicts {
        match c {
            Conflict::PastObjectiveDeadline { item, .. } => conflicts_of.entry(item.as_str()).or_default().push(c),
            Conflict::StartsBeforeDependencyEnds { item, depends_on } => {
                conflicts_of.entry(item.as_str()).or_default().push(c);
                conflicts_of.entry(depends_on.as_str()).or_default().push(c);
            }
            Conflict::MilestoneAfterCycle { .. } => {}
        }
    }

    let shown_lanes: Vec<(usize, &Lane)> =
        input.lanes.iter().enumerate().filter(|(_, l)| req.lanes.as_ref().is_none_or(|ids| ids.contains(&l.id))).collect();
    let mut items_by_lane: HashMap<&str, Vec<&RoadmapItem>> = HashMap::new();
    for item in input.items.iter().filter(|i| passes(i, req)) {
        items_by_lane.entry(item.lane.as_str()).or_default().push(item);
    }

    let mut lanes = Vec::with_capacity(shown_lanes.len());
    let mut bars = Vec::new();
    // Where each placed item sits: (row top y, x start, x end), for arrows, diamonds, ghosts.
    let mut placed: HashMap<&str, (f64, f64, f64)> = HashMap::new();
    let mut y = 0.0;
    for (index, lane) in shown_lanes {
        let colour = lane.color.clone().unwrap_or_else(|| default_lane_colour(index).to_string());
        let text = text_colour(&colour).to_string();
        let items = items_by_lane.get(lane.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        let dated: Vec<(&RoadmapItem, NaiveDate, NaiveDate)> = items.iter().filter_map(|i| Some((*i, i.start?, i.end?))).collect();
        // Packing uses every dated item of the lane, so rows do not jump while panning.
        let spans: Vec<(NaiveDate, NaiveDate, &str)> = dated.iter().map(|(i, s, e)| (*s, *e, i.id.as_str())).collect();
        let (rows, row_count) = pack_rows(&spans);
        let row_count = row_count.max(1);
        for ((item, start, end), row) in dated.iter().zip(&rows) {
            let row_top = y + *row as f64 * ROW_HEIGHT;
            let (x0, x1) = (x_of(*start), x_of(*end) + ppd);
            placed.insert(item.id.as_str(), (row_top, x0, x1));
            if *end < from || *start > to {
                continue;
            }
            let bar_width = (x1 - x0).max(MIN_BAR_WIDTH);
            let conflicts = conflicts_of.get(item.id.as_str()).map_or(0, |c| c.len() as u32);
            let label = bar_label(&item.title, item.status, conflicts, (x0.max(0.0), (x0 + bar_width).min(width)));
            bars.push(Bar {
                item: item.id.clone(),
                lane: lane.id.clone(),
                title: item.title.clone(),
                start: *start,
                end: *end,
                kind: item.kind,
                status: item.status,
                x: x0,
                y: row_top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                width: bar_width,
                height: BAR_HEIGHT,
                row: *row,
                fill: colour.clone(),
                text: text.clone(),
                no_goal: !serves_a_goal(item),
                goal_progress: None,
                goal_health: None,
                conflicts,
                label: label.text,
                label_x: label.x,
                check_x: label.check_x,
            });
        }
        let height = row_count as f64 * ROW_HEIGHT;
        lanes.push(LaneRow {
            id: lane.id.clone(),
            name: lane.name.clone(),
            colour,
            y,
            height,
            rows: row_count,
            item_count: items.len() as u32,
        });
        y += height;
    }

    let in_range = |a: f64, b: f64| b >= 0.0 && a <= width;
    let mut arrows = Vec::new();
    for item in input.items {
        let Some(&(ty, tx0, _)) = placed.get(item.id.as_str()) else { continue };
        for dep in &item.depends_on {
            let Some(&(fy, _, fx1)) = placed.get(dep.as_str()) else { continue };
            if !in_range(fx1.min(tx0), fx1.max(tx0)) {
                continue;
            }
            let (y1, y2) = (fy + ROW_HEIGHT / 2.0, ty + ROW_HEIGHT / 2.0);
            let violated = tx0 < fx1;
            let points = if tx0 - fx1 >= 16.0 {
                // Room between them: out right, down (or up), in.
                let xm = fx1 + 8.0;
                vec![(fx1, y1), (xm, y1), (xm, y2), (tx0, y2)]
            } else {
                // Overlap: go out, down between the rows, back left, and in.
                let ymid = if y2 >= y1 { y1 + ROW_HEIGHT / 2.0 } else { y1 - ROW_HEIGHT / 2.0 };
                vec![(fx1, y1), (fx1 + 8.0, y1), (fx1 + 8.0, ymid), (tx0 - 8.0, ymid), (tx0 - 8.0, y2), (tx0, y2)]
            };
            arrows.push(Arrow { from: dep.clone(), to: item.id.clone(), points, violated });
        }
    }

    let milestones = input
        .milestones
        .iter()
        .filter(|m| m.due >= from && m.due <= to)
        .filter_map(|m| {
            let &(row_top, _, _) = placed.get(m.roadmap_item.as_deref()?)?;
            Some(Diamond {
                milestone: m.id.clone(),
                label: m.title.clone(),
                due: m.due,
                done: m.done_on.is_some_and(|d| d <= input.today),
                x: x_of(m.due) + ppd / 2.0,
                y: row_top + ROW_HEIGHT / 2.0,
            })
        })
        .collect();

    let end_of: HashMap<&str, Option<NaiveDate>> = input.items.iter().map(|i| (i.id.as_str(), i.end)).collect();
    let ghosts = input
        .baseline
        .unwrap_or(&[])
        .iter()
        .filter_map(|b| {
            let &(row_top, _, _) = placed.get(b.item.as_str())?;
            let end = *end_of.get(b.item.as_str())?;
            let (x0, x1) = (x_of(b.start), x_of(b.end) + ppd);
            if !in_range(x0, x1) {
                return None;
            }
            Some(Ghost {
                item: b.item.clone(),
                x: x0,
                y: row_top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0,
                width: (x1 - x0).max(MIN_BAR_WIDTH),
                height: BAR_HEIGHT,
                slip_days: end.map_or(0, |e| (e - b.end).num_days()),
            })
        })
        .collect();

    let (axis_top, axis_bottom) = axis::ticks(req.zoom, from, to, ppd);
    RoadmapGeometry {
        from,
        to,
        zoom: req.zoom,
        px_per_day: ppd,
        width,
        height: y,
        axis_top,
        axis_bottom,
        weekends: if req.zoom == Zoom::Week { axis::weekends(from, to, ppd) } else { vec![] },
        lanes,
        bars,
        milestones,
        arrows,
        ghosts,
        today: (input.today >= from && input.today <= to).then(|| x_of(input.today) + ppd / 2.0),
    }
}
