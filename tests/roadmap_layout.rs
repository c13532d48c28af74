//! The Roadmap timeline's geometry (what the screen and the exports draw) and the
//! roadmap figures of docs/COMPUTATIONS.md, from a real workspace file where the app reads
//! them (`roadmap_view`, `roadmap_report`) and from the layout directly.

mod common;

use chrono::NaiveDate;
use common::*;
use lodestar::compute::roadmap::Conflict;
use lodestar::layout::{layout, LayoutInput, LayoutRequest, RoadmapGeometry, Zoom, BAR_HEIGHT, MIN_BAR_WIDTH, ROW_HEIGHT};
use lodestar::model::*;
use lodestar::views::roadmap::EditState;
use lodestar::Workspace;
use serde_json::json;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn lane(id: &str, color: Option<&str>) -> Lane {
    Lane { id: id.into(), name: format!("Lane {id}"), color: color.map(str::to_string) }
}

fn item(id: &str, lane: &str, start: &str, end: &str) -> RoadmapItem {
    RoadmapItem {
        start: Some(date(start)),
        end: Some(date(end)),
        kind: ItemKind::Feature,
        status: ItemStatus::Planned,
        ..RoadmapItem::new(id, lane, format!("Item {id}"))
    }
}

fn request(from: &str, to: &str, zoom: Zoom) -> LayoutRequest {
    LayoutRequest::new(date(from), date(to), zoom)
}

fn lay(lanes: &[Lane], items: &[RoadmapItem], req: &LayoutRequest) -> RoadmapGeometry {
    layout(&LayoutInput { lanes, items, milestones: &[], conflicts: &[], baseline: None, today: date("2000-01-01") }, req)
}

fn bar<'a>(g: &'a RoadmapGeometry, id: &str) -> &'a lodestar::layout::Bar {
    g.bars.iter().find(|b| b.item == id).unwrap_or_else(|| panic!("no bar for {id}"))
}

fn bar_ids(g: &RoadmapGeometry) -> Vec<&str> {
    let mut ids: Vec<&str> = g.bars.iter().map(|b| b.item.as_str()).collect();
    ids.sort();
    ids
}

// ---- packing --------------------------------------------------------------------------

#[test]
fn overlapping_items_get_their_own_rows_and_touching_items_share_a_row() {
    let lanes = [lane("l1", None), lane("l2", None)];
    let items = [
        item("a", "l1", "2027-01-01", "2027-01-04"),
        item("b", "l1", "2027-01-05", "2027-01-10"), // starts the day after a ends: same row
        item("c", "l1", "2027-01-03", "2027-01-06"), // overlaps both: a second row
        item("d", "l1", "2027-01-04", "2027-01-04"), // overlaps a and c on one day: a third row
        item("e", "l2", "2027-01-02", "2027-01-03"),
    ];
    let g = lay(&lanes, &items, &request("2027-01-01", "2027-01-31", Zoom::Month));
    let row = |id: &str| bar(&g, id).row;
    assert_eq!((row("a"), row("b"), row("c"), row("d")), (0, 0, 1, 2));
    assert_eq!(g.lanes[0].rows, 3);
    assert_eq!(g.lanes[0].height, 3.0 * ROW_HEIGHT);
    assert_eq!(ROW_HEIGHT, 32.0);
    assert_eq!(BAR_HEIGHT, 22.0);
    // Lanes stack; bars are centred in their 32 px row.
    assert_eq!((g.lanes[1].y, g.lanes[1].rows, g.lanes[1].height), (96.0, 1, 32.0));
    assert_eq!(bar(&g, "c").y, 32.0 + 5.0);
    assert_eq!(bar(&g, "e").y, 96.0 + 5.0);
    assert!(g.bars.iter().all(|b| b.height == 22.0));
    assert_eq!(g.height, 128.0);
}

#[test]
fn an_empty_lane_still_takes_one_row() {
    let g = lay(
        &[lane("l1", None), lane("l2", None)],
        &[item("a", "l2", "2027-01-01", "2027-01-02")],
        &request("2027-01-01", "2027-01-31", Zoom::Month),
    );
    assert_eq!((g.lanes[0].rows, g.lanes[0].height, g.lanes[0].item_count), (1, 32.0, 0));
    assert_eq!(bar(&g, "a").y, 32.0 + 5.0);
}

// ---- bars and zoom --------------------------------------------------------------------

#[test]
fn bars_are_placed_by_their_dates_at_every_zoom_with_inclusive_ends() {
    let lanes = [lane("l1", None)];
    let items = [item("one-day", "l1", "2027-01-04", "2027-01-04"), item("ten-days", "l1", "2027-01-11", "2027-01-20")];
    for (zoom, ppd) in [(Zoom::Week, 24.0), (Zoom::Month, 6.0), (Zoom::Quarter, 2.0), (Zoom::Year, 0.5)] {
        let g = lay(&lanes, &items, &request("2027-01-01", "2027-12-31", zoom));
        assert_eq!(g.px_per_day, ppd, "{zoom:?}");
        assert_eq!(g.width, 365.0 * ppd, "{zoom:?}");
        let one = bar(&g, "one-day");
        assert_eq!(one.x, 3.0 * ppd, "{zoom:?}");
        // One day is one day wide (never thinner than a grabbable 3 px).
        assert_eq!(one.width, ppd.max(MIN_BAR_WIDTH), "{zoom:?}");
        let ten = bar(&g, "ten-days");
        assert_eq!((ten.x, ten.width), (10.0 * ppd, 10.0 * ppd), "{zoom:?}");
    }
}

#[test]
fn bar_text_is_white_on_blue_and_dark_on_yellow_and_lanes_without_colour_get_the_palette() {
    let lanes = [lane("blue", Some("#0072B2")), lane("yellow", Some("#F0E442")), lane("plain", None)];
    let items = [
        item("a", "blue", "2027-01-01", "2027-01-02"),
        item("b", "yellow", "2027-01-01", "2027-01-02"),
        item("c", "plain", "2027-01-01", "2027-01-02"),
    ];
    let g = lay(&lanes, &items, &request("2027-01-01", "2027-01-31", Zoom::Month));
    assert_eq!((bar(&g, "a").fill.as_str(), bar(&g, "a").text.as_str()), ("#0072B2", "#ffffff"));
    assert_eq!((bar(&g, "b").fill.as_str(), bar(&g, "b").text.as_str()), ("#F0E442", "#1b1f24"));
    // The third lane takes the third Okabe–Ito colour, with legible text on it.
    assert_eq!(bar(&g, "c").fill, "#009E73");
    assert_eq!(g.lanes[2].colour, "#009E73");
}

// ---- filters and the visible range -----------------------------------------------------

#[test]
fn filters_by_lane_kind_status_and_objective_show_only_matching_bars() {
    let lanes = [lane("l1", None), lane("l2", None), lane("l3", None)];
    let mut items = vec![
        item("a", "l1", "2027-01-01", "2027-01-10"),
        item("b", "l1", "2027-01-05", "2027-01-20"),
        item("c", "l2", "2027-01-01", "2027-01-10"),
        item("d", "l3", "2027-01-01", "2027-01-10"),
    ];
    items[1].kind = ItemKind::TechDebt;
    items[2].status = ItemStatus::Done;
    items[3].objectives = vec!["o1".into()];
    items[0].objectives = vec!["o2".into()];
    let base = request("2027-01-01", "2027-01-31", Zoom::Month);

    let g = lay(&lanes, &items, &LayoutRequest { lanes: Some(vec!["l3".into(), "l2".into()]), ..base.clone() });
    // Shown lanes keep the workspace's order, whatever the filter's order.
    assert_eq!(g.lanes.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["l2", "l3"]);
    assert_eq!(g.lanes[0].y, 0.0);
    assert_eq!(bar_ids(&g), ["c", "d"]);

    let g = lay(&lanes, &items, &LayoutRequest { kinds: Some(vec![ItemKind::TechDebt]), ..base.clone() });
    assert_eq!(bar_ids(&g), ["b"]);
    // b alone needs one row: the packing follows the filter.
    assert_eq!((g.lanes[0].rows, bar(&g, "b").row, g.lanes[0].item_count), (1, 0, 1));

    let g = lay(&lanes, &items, &LayoutRequest { statuses: Some(vec![ItemStatus::Done]), ..base.clone() });
    assert_eq!(bar_ids(&g), ["c"]);
    let g = lay(&lanes, &items, &LayoutRequest { objective: Some("o1".into()), ..base.clone() });
    assert_eq!(bar_ids(&g), ["d"]);
    // Filtered lanes still show (empty), so the rows do not jump around.
    assert_eq!(g.lanes.len(), 3);
}

#[test]
fn items_outside_the_range_are_not_drawn_but_keep_their_rows_while_panning() {
    let lanes = [lane("l1", None)];
    let items = [
        item("early", "l1", "2027-01-01", "2027-01-10"),
        item("long", "l1", "2027-01-05", "2027-02-20"),
        item("late", "l1", "2027-06-01", "2027-06-10"),
    ];
    let full = lay(&lanes, &items, &request("2027-01-01", "2027-06-30", Zoom::Month));
    let panned = lay(&lanes, &items, &request("2027-02-01", "2027-02-28", Zoom::Month));
    assert_eq!(bar_ids(&panned), ["long"]);
    assert_eq!(bar(&panned, "long").row, bar(&full, "long").row);
    assert_eq!(bar(&panned, "long").row, 1);
    assert_eq!(panned.lanes[0].rows, full.lanes[0].rows);
    // Starts before the range: x is negative, the bar runs into view.
    assert_eq!(bar(&panned, "long").x, -27.0 * 6.0);
    // The lane still counts every item, drawn or not; undated ones too.
    let mut with_idea = items.to_vec();
    with_idea.push(RoadmapItem { start: None, end: None, ..item("idea", "l1", "2027-01-01", "2027-01-01") });
    let g = lay(&lanes, &with_idea, &request("2027-02-01", "2027-02-28", Zoom::Month));
    assert_eq!(g.lanes[0].item_count, 4);
    assert_eq!(bar_ids(&g), ["long"]);
}

#[test]
fn an_item_ending_on_the_first_day_or_starting_on_the_last_day_is_drawn() {
    let lanes = [lane("l1", None)];
    let items = [
        item("ends-first", "l1", "2027-01-20", "2027-02-01"),
        item("starts-last", "l1", "2027-02-28", "2027-03-05"),
        item("ends-before", "l1", "2027-01-20", "2027-01-31"),
        item("starts-after", "l1", "2027-03-01", "2027-03-05"),
    ];
    let g = lay(&lanes, &items, &request("2027-02-01", "2027-02-28", Zoom::Week));
    assert_eq!(bar_ids(&g), ["ends-first", "starts-last"]);
}

// ---- arrows, diamonds, today, ghosts --------------------------------------------------

#[test]
fn an_arrow_is_violated_exactly_when_the_dependent_starts_on_or_before_the_other_ends() {
    let lanes = [lane("l1", None), lane("l2", None)];
    let mut items = vec![
        item("base", "l1", "2027-01-01", "2027-01-10"),
        item("same-day", "l2", "2027-01-10", "2027-01-20"),
        item("day-after", "l2", "2027-01-11", "2027-01-20"),
        item("before", "l2", "2027-01-09", "2027-01-20"),
        item("later", "l2", "2027-02-01", "2027-02-20"),
    ];
    for i in &mut items[1..] {
        i.depends_on = vec!["base".into()];
    }
    let g = lay(&lanes, &items, &request("2027-01-01", "2027-03-31", Zoom::Month));
    let arrow = |to: &str| g.arrows.iter().find(|a| a.to == to && a.from == "base").unwrap_or_else(|| panic!("no arrow to {to}"));
    assert!(arrow("same-day").violated);
    assert!(arrow("before").violated);
    assert!(!arrow("day-after").violated);
    assert!(!arrow("later").violated);
    assert_eq!(g.arrows.len(), 4);
    // From the end of what is depended on to the start of the dependent, at mid-row.
    let a = arrow("later");
    let (base, later) = (bar(&g, "base"), bar(&g, "later"));
    assert_eq!(a.points.first(), Some(&(base.x + base.width, base.y + BAR_HEIGHT / 2.0)));
    assert_eq!(a.points.last(), Some(&(later.x, later.y + BAR_HEIGHT / 2.0)));
}

#[test]
fn milestones_sit_on_their_items_row_and_today_is_drawn_only_inside_the_range() {
    let lanes = [lane("l1", None)];
    let items = [item("a", "l1", "2027-01-01", "2027-01-31"), item("b", "l1", "2027-01-10", "2027-01-20")];
    let milestone = |id: &str, due: &str, item: Option<&str>, done_on: Option<&str>| Milestone {
        id: id.into(),
        objective: None,
        title: format!("Milestone {id}"),
        due: date(due),
        done_on: done_on.map(date),
        roadmap_item: item.map(str::to_string),
    };
    let milestones = [
        milestone("m-b", "2027-01-15", Some("b"), Some("2027-01-14")),
        milestone("m-a", "2027-01-05", Some("a"), Some("2027-03-01")),
        milestone("m-loose", "2027-01-05", None, None),
        milestone("m-late", "2027-05-01", Some("a"), None),
    ];
    let req = request("2027-01-01", "2027-02-28", Zoom::Month);
    let at = |today: &str| {
        layout(
            &LayoutInput { lanes: &lanes, items: &items, milestones: &milestones, conflicts: &[], baseline: None, today: date(today) },
            &req,
        )
    };
    let g = at("2027-02-01");
    let ids: Vec<&str> = g.milestones.iter().map(|d| d.milestone.as_str()).collect();
    assert_eq!(ids, ["m-b", "m-a"]);
    let mb = &g.milestones[0];
    // b is on the second row: its diamond is centred on that row, in the middle of its day.
    assert_eq!(bar(&g, "b").row, 1);
    assert_eq!((mb.x, mb.y), (14.0 * 6.0 + 3.0, 32.0 + 16.0));
    assert!(mb.done);
    // Done later than today: not done yet as of today.
    assert!(!g.milestones[1].done);
    assert_eq!(g.milestones[1].y, 16.0);

    assert_eq!(at("2027-01-01").today, Some(3.0));
    assert_eq!(at("2027-02-28").today, Some(58.0 * 6.0 + 3.0));
    assert_eq!(at("2026-12-31").today, None);
    assert_eq!(at("2027-03-01").today, None);
}

#[test]
fn axis_labels_follow_the_zoom() {
    let lanes = [lane("l1", None)];
    let labels = |ticks: &[lodestar::layout::Tick]| ticks.iter().map(|t| t.label.clone()).collect::<Vec<_>>();
    let g = lay(&lanes, &[], &request("2027-01-30", "2027-02-02", Zoom::Week));
    assert_eq!(labels(&g.axis_top), ["Jan 2027", "Feb 2027"]);
    assert_eq!(labels(&g.axis_bottom), ["30", "31", "1", "2"]);
    assert_eq!((g.axis_bottom[2].x, g.axis_bottom[2].width), (48.0, 24.0));
    // 2027-01-30 is a Saturday: the weekend is shaded, at week zoom only.
    assert_eq!(g.weekends, vec![(0.0, 48.0)]);

    let g = lay(&lanes, &[], &request("2027-03-15", "2027-05-10", Zoom::Month));
    assert_eq!(labels(&g.axis_top), ["Q1 2027", "Q2 2027"]);
    assert_eq!(labels(&g.axis_bottom), ["Mar", "Apr", "May"]);
    assert!(g.weekends.is_empty());

    for zoom in [Zoom::Quarter, Zoom::Year] {
        let g = lay(&lanes, &[], &request("2026-11-01", "2027-08-31", zoom));
        assert_eq!(labels(&g.axis_top), ["2026", "2027"], "{zoom:?}");
        assert_eq!(labels(&g.axis_bottom), ["Q4", "Q1", "Q2", "Q3"], "{zoom:?}");
        // Clipped to the range: the first quarter starts at x = 0 and the ticks tile the width.
        assert_eq!(g.axis_bottom[0].x, 0.0);
        let total: f64 = g.axis_bottom.iter().map(|t| t.width).sum();
        assert_eq!(total, g.width, "{zoom:?}");
    }
}

// ---- the view and the figures from a real file ----------------------------------------

/// Q1 2027 with o1 (Q1) and o2 (no cycle); conflicts of every kind; a dropped item.
fn figures_doc() -> serde_json::Value {
    let it = |id: &str, lane: &str, start: &str, end: &str, kind: &str, status: &str, goals: &[&str], deps: &[&str]| {
        json!({ "id": id, "lane": lane, "title": format!("Item {id}"), "start": start, "end": end, "kind": kind,
                "status": status, "objectives": goals, "depends_on": deps })
    };
    json!({
        "format": "lodestar-workspace", "version": 1,
        "product": { "name": "Acme" },
        "cycles": [ { "id": "Q1", "start": "2027-01-01", "end": "2027-03-31" } ],
        "objectives": [
            { "id": "o1", "title": "Retention", "cycle": "Q1", "status": "active" },
            { "id": "o2", "title": "Someday", "status": "active" },
            { "id": "o0", "title": "Mobile", "cycle": "Q1", "status": "active" }
        ],
        "lanes": [ { "id": "l1", "name": "One", "color": "#0072B2" }, { "id": "l2", "name": "Two", "color": "#F0E442" } ],
        "roadmap_items": [
            // Ends on the cycle's last day: fine. Ends the day after: past the deadline.
            it("r9", "l1", "2027-03-01", "2027-03-31", "feature", "planned", &["o1"], &[]),
            it("r3", "l1", "2027-03-20", "2027-04-01", "feature", "planned", &["o1", "o0", "o2"], &["r9"]),
            it("r1", "l2", "2027-01-01", "2027-01-10", "tech_debt", "done", &[], &[]),
            it("r2", "l2", "2027-01-10", "2027-01-19", "discovery", "in_progress", &["o1"], &["r1"]),
            it("r4", "l2", "2027-01-20", "2027-04-30", "reliability", "dropped", &["o0"], &["r1"])
        ],
        "milestones": [
            { "id": "m2", "objective": "o1", "title": "Late", "due": "2027-04-01", "roadmap_item": "r3" },
            { "id": "m1", "objective": "o0", "title": "Also late", "due": "2027-04-15" },
            { "id": "m0", "objective": "o1", "title": "On the last day", "due": "2027-03-31" }
        ]
    })
}

fn workspace_of(value: &serde_json::Value) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("figures.lodestar")).unwrap();
    import_value(&mut ws, value).unwrap();
    (dir, ws)
}

#[test]
fn conflicts_are_reported_once_each_ordered_by_kind_then_id() {
    let (_dir, ws) = workspace_of(&figures_doc());
    let report = ws.roadmap_report(None, None, date("2027-02-15")).unwrap();
    let c = |kind: &str, a: &str, b: &str| match kind {
        "deadline" => Conflict::PastObjectiveDeadline { item: a.into(), objective: b.into() },
        "dependency" => Conflict::StartsBeforeDependencyEnds { item: a.into(), depends_on: b.into() },
        _ => Conflict::MilestoneAfterCycle { milestone: a.into(), objective: b.into() },
    };
    assert_eq!(
        report.conflicts,
        vec![
            // r4 is dropped but still scheduled: docs/COMPUTATIONS.md does not exempt it.
            c("deadline", "r3", "o0"),
            c("deadline", "r3", "o1"),
            c("deadline", "r4", "o0"),
            c("dependency", "r2", "r1"),
            c("dependency", "r3", "r9"),
            c("milestone", "m1", "o0"),
            c("milestone", "m2", "o1"),
        ]
    );
}

#[test]
fn coverage_ignores_dropped_items_and_is_undefined_without_items() {
    let (_dir, ws) = workspace_of(&figures_doc());
    // Not dropped: r9, r3, r1, r2; with a goal: r9, r3, r2.
    assert_eq!(ws.roadmap_report(None, None, date("2027-02-15")).unwrap().coverage, Some(0.75));

    let mut only_dropped = figures_doc();
    only_dropped["roadmap_items"] = json!([only_dropped["roadmap_items"][4].clone()]);
    only_dropped["roadmap_items"][0]["depends_on"] = json!([]);
    only_dropped["milestones"] = json!([]);
    let (_dir, ws) = workspace_of(&only_dropped);
    let report = ws.roadmap_report(None, None, date("2027-02-15")).unwrap();
    assert_eq!(report.coverage, None);
    assert_eq!(serde_json::to_value(&report).unwrap()["coverage"], serde_json::Value::Null);
}

#[test]
fn allocation_shares_item_days_inside_the_range_with_every_kind_present() {
    let (_dir, ws) = workspace_of(&figures_doc());
    // Default range: earliest start (Jan 1) to latest end (Apr 1) of items not dropped.
    // Item-days: r9 31 + r3 13 (feature 44), r1 10 (tech debt), r2 10 (discovery) = 64.
    let a = ws.roadmap_report(None, None, date("2027-02-15")).unwrap().allocation;
    assert_eq!((a.feature, a.tech_debt, a.discovery, a.reliability, a.growth), (44.0 / 64.0, 10.0 / 64.0, 10.0 / 64.0, 0.0, 0.0));
    // Jan 5–Jan 14: r1 Jan 5–10 (6 days), r2 Jan 10–14 (5 days).
    let a = ws.roadmap_report(Some(date("2027-01-05")), Some(date("2027-01-14")), date("2027-02-15")).unwrap().allocation;
    assert_eq!((a.feature, a.tech_debt, a.discovery), (0.0, 6.0 / 11.0, 5.0 / 11.0));
    // Only `from` given: to defaults to the latest end.
    let a = ws.roadmap_report(Some(date("2027-03-25")), None, date("2027-02-15")).unwrap().allocation;
    assert_eq!(a.feature, 1.0);
    // Nothing in range: every kind is there, at 0.
    let json =
        serde_json::to_value(ws.roadmap_report(Some(date("2030-01-01")), Some(date("2030-01-31")), date("2027-02-15")).unwrap().allocation)
            .unwrap();
    assert_eq!(json, json!({ "feature": 0.0, "discovery": 0.0, "tech_debt": 0.0, "reliability": 0.0, "growth": 0.0 }));
}

#[test]
fn the_view_filters_colours_and_marks_conflicts_from_the_file() {
    let (_dir, ws) = workspace_of(&figures_doc());
    let req = LayoutRequest { objective: Some("o1".into()), ..request("2027-01-01", "2027-04-30", Zoom::Month) };
    let view = ws.roadmap_view(&req, date("2027-02-15"), EditState::default()).unwrap();
    assert_eq!(bar_ids(&view.geometry), ["r2", "r3", "r9"]);
    let r2 = bar(&view.geometry, "r2");
    assert_eq!(r2.text, "#1b1f24"); // on the yellow lane
    assert_eq!(r2.conflicts, 1); // starts before r1, which it depends on, ends
    let r2_notes = ws.roadmap_item_detail("r2").unwrap().conflicts;
    assert_eq!(
        r2_notes.iter().map(|n| n.conflict.clone()).collect::<Vec<_>>(),
        vec![Conflict::StartsBeforeDependencyEnds { item: "r2".into(), depends_on: "r1".into() }]
    );
    // r1 is filtered out: no arrow to draw from it.
    assert!(view.geometry.arrows.iter().all(|a| a.from != "r1"));
    assert!(view.geometry.arrows.iter().any(|a| a.from == "r9" && a.to == "r3" && a.violated));
    assert_eq!(view.geometry.milestones.iter().map(|m| m.milestone.as_str()).collect::<Vec<_>>(), ["m2"]);
    assert_eq!(view.geometry.today, Some(45.0 * 6.0 + 3.0));
    // Figures and notes cover the whole roadmap, not just the filter.
    assert_eq!(view.conflict_count, 7);
    let notes = ws.roadmap_conflicts().unwrap();
    assert_eq!(notes.len(), 7);
    assert!(notes.iter().all(|n| !n.message.is_empty()));
    assert_eq!(view.coverage, Some(0.75));

    let bad = LayoutRequest { to: date("2026-12-31"), ..req };
    assert_eq!(ws.roadmap_view(&bad, date("2027-02-15"), EditState::default()).unwrap_err().field.as_deref(), Some("to"));
}

#[test]
fn the_view_tells_the_whole_plans_first_and_last_day_whatever_the_range_and_filter() {
    // Items run from Jan 1 (r1) to Apr 30 (r4); milestone m1 is due Apr 15.
    let (_dir, ws) = workspace_of(&figures_doc());
    let narrow = LayoutRequest { lanes: Some(vec!["l1".into()]), ..request("2027-02-01", "2027-02-10", Zoom::Week) };
    let span = ws.roadmap_view(&narrow, date("2027-02-15"), EditState::default()).unwrap().plan_span.unwrap();
    assert_eq!((span.from, span.to), (date("2027-01-01"), date("2027-04-30")));

    // A milestone after every item widens it; an undated idea does not.
    let mut doc = figures_doc();
    doc["milestones"][1]["due"] = json!("2027-06-30");
    doc["roadmap_items"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "r0", "lane": "l1", "title": "Idea", "kind": "feature", "status": "idea" }));
    let (_dir, ws) = workspace_of(&doc);
    let span = ws.roadmap_view(&narrow, date("2027-02-15"), EditState::default()).unwrap().plan_span.unwrap();
    assert_eq!((span.from, span.to), (date("2027-01-01"), date("2027-06-30")));

    // Nothing dated: no span (null across IPC).
    let mut empty = figures_doc();
    empty["roadmap_items"] = json!([]);
    empty["milestones"] = json!([]);
    let (_dir, ws) = workspace_of(&empty);
    let view = ws.roadmap_view(&narrow, date("2027-02-15"), EditState::default()).unwrap();
    assert_eq!(serde_json::to_value(&view).unwrap()["plan_span"], serde_json::Value::Null);
}

#[test]
fn a_saved_baseline_shows_ghosts_and_slips_most_slipped_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "sample.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    assert!(ws.save_baseline("  ", sample_day()).is_err());
    let id = ws.save_baseline("Before the replan", sample_day()).unwrap();
    let doc = ws.export_document().unwrap();
    let baseline = doc.baselines.iter().find(|b| b.id == id).unwrap();
    let dated = doc.roadmap_items.iter().filter(|i| i.start.is_some()).count();
    assert_eq!(baseline.items.len(), dated);
    assert_eq!(baseline.saved_on, sample_day());

    let pick: Vec<String> = doc.roadmap_items.iter().filter(|i| i.start.is_some()).take(3).map(|i| i.id.clone()).collect();
    for (id, days) in pick.iter().zip([3i64, 12, -4]) {
        ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: id.clone(), days, lane: None }).unwrap();
    }
    let from = doc.roadmap_items.iter().filter_map(|i| i.start).min().unwrap();
    let to = doc.roadmap_items.iter().filter_map(|i| i.end).max().unwrap();
    let req = LayoutRequest { baseline: Some(id.clone()), ..request(&from.to_string(), &to.to_string(), Zoom::Month) };
    let view = ws.roadmap_view(&req, sample_day(), EditState::default()).unwrap();
    let slips: Vec<(&str, i64)> = view.slips.iter().map(|s| (s.item.as_str(), s.end_days)).collect();
    assert_eq!(slips, [(pick[1].as_str(), 12), (pick[0].as_str(), 3), (pick[2].as_str(), -4)]);
    assert_eq!(view.slips[0].start_days, 12);

    // One ghost per baseline entry in range, at the baseline's dates, with the slip.
    let ghost = view.geometry.ghosts.iter().find(|g| g.item == pick[1]).unwrap();
    let moved = bar(&view.geometry, &pick[1]);
    assert_eq!(ghost.slip_days, 12);
    assert_eq!(ghost.x, moved.x - 12.0 * 6.0);
    assert_eq!((ghost.y, ghost.width, ghost.height), (moved.y, moved.width, moved.height));
    assert!(view.geometry.ghosts.iter().filter(|g| !pick.contains(&g.item)).all(|g| g.slip_days == 0));
    assert!(view.baselines.iter().any(|b| b.id == id && b.items as usize == dated));

    // An unknown baseline is an error, not an empty comparison.
    let req = LayoutRequest { baseline: Some("nope".into()), ..req };
    assert!(ws.roadmap_view(&req, sample_day(), EditState::default()).is_err());
    // Ghosts outside the range are not drawn.
    let narrow = LayoutRequest { baseline: Some(id), ..request("2030-01-01", "2030-01-31", Zoom::Month) };
    assert!(ws.roadmap_view(&narrow, sample_day(), EditState::default()).unwrap().geometry.ghosts.is_empty());
}
