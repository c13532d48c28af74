//! The plan's dates as an iCalendar file (RFC 5545), read back by a strict check of the
//! file's lines and by an independent parser (the `icalendar` crate): one all-day event
//! per milestone and per scheduled item, DTEND the day after the last, text escaped and
//! folded, UIDs that stay the same from one export to the next.

mod common;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use lodestar::model::{ItemStatus, RoadmapEdit};
use lodestar::Workspace;

/// The file's own rules: CRLF line ends, no line longer than 75 octets, continuation
/// lines start with a space, and BEGIN/END pairs nest.
fn strictly_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"), "the file ends with CRLF");
    let mut depth = Vec::new();
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        if let Some(name) = line.strip_prefix("BEGIN:") {
            depth.push(name.to_string());
        } else if let Some(name) = line.strip_prefix("END:") {
            assert_eq!(depth.pop().as_deref(), Some(name), "END:{name} closes what it opened");
        }
    }
    assert!(depth.is_empty());
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let cal: Calendar = text.parse().expect("an independent parser reads the calendar");
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

fn date(d: Option<DatePerhapsTime>) -> NaiveDate {
    match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("an all-day date, not {other:?}"),
    }
}

#[test]
fn every_milestone_and_scheduled_item_is_an_all_day_event_with_a_stable_uid() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&common::sample_workspace(dir.path(), "s.lodestar")).unwrap();
    let doc = ws.export_document().unwrap();
    let text = ws.export_calendar(None, None, common::now()).unwrap();
    strictly_well_formed(&text);
    let events = events(&text);
    let scheduled: Vec<_> = doc.roadmap_items.iter().filter(|r| r.start.is_some() && r.end.is_some()).collect();
    assert_eq!(events.len(), doc.milestones.len() + scheduled.len());
    for r in &scheduled {
        let e = events.iter().find(|e| e.get_summary() == Some(r.title.as_str())).unwrap_or_else(|| panic!("{} has an event", r.id));
        assert_eq!(date(e.get_start()), r.start.unwrap());
        assert_eq!(date(e.get_end()), r.end.unwrap() + Duration::days(1), "DTEND is exclusive: the day after the last");
        assert!(e.get_uid().unwrap().starts_with(&format!("item-{}@", r.id)));
        let cancelled = e.property_value("STATUS") == Some("CANCELLED");
        assert_eq!(cancelled, r.status == ItemStatus::Dropped);
    }
    for m in &doc.milestones {
        let e = events.iter().find(|e| e.get_uid().is_some_and(|u| u.starts_with(&format!("milestone-{}@", m.id)))).unwrap();
        assert_eq!((date(e.get_start()), date(e.get_end())), (m.due, m.due + Duration::days(1)));
        assert_eq!(e.get_summary(), Some(format!("Milestone: {}", m.title).as_str()));
    }
    let uids: std::collections::HashSet<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");

    // Exported again later: the same UIDs, so calendars update instead of duplicating.
    let later = ws.export_calendar(None, None, Utc.with_ymd_and_hms(2027, 6, 1, 8, 0, 0).unwrap()).unwrap();
    let again: std::collections::HashSet<String> = self::events(&later).iter().filter_map(|e| e.get_uid().map(str::to_string)).collect();
    assert_eq!(again, uids.iter().map(|u| u.to_string()).collect());
    // Another plan with the same ids does not share them.
    let other =
        Workspace::open(&common::sample_workspace(dir.path(), "t.lodestar")).unwrap().export_calendar(None, None, common::now()).unwrap();
    let theirs: std::collections::HashSet<String> = self::events(&other).iter().filter_map(|e| e.get_uid().map(str::to_string)).collect();
    assert!(theirs.is_disjoint(&again));
}

#[test]
fn text_with_commas_semicolons_line_breaks_and_long_accents_reads_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&common::sample_workspace(dir.path(), "s.lodestar")).unwrap();
    let mut item = ws.roadmap_item_detail("r-guided").unwrap().item;
    let title = format!("Setup, step 1; then \\ {} <script>", "é".repeat(80));
    item.title = title.clone();
    item.expected_impact = Some("Line one\nLine two, with a comma".into());
    ws.apply_roadmap_edit(&RoadmapEdit::UpdateItem { item }).unwrap();
    let text = ws.export_calendar(None, None, common::now()).unwrap();
    strictly_well_formed(&text);
    let events = events(&text);
    let e = events.iter().find(|e| e.get_uid().is_some_and(|u| u.starts_with("item-r-guided@"))).unwrap();
    assert_eq!(e.get_summary(), Some(title.as_str()));
    assert!(e.get_description().unwrap().contains("Expected impact: Line one\nLine two, with a comma"), "{:?}", e.get_description());
}

#[test]
fn a_range_keeps_the_events_that_touch_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&common::sample_workspace(dir.path(), "s.lodestar")).unwrap();
    let doc = ws.export_document().unwrap();
    let (from, to) = (common::sample_day(), common::sample_day() + Duration::days(30));
    let text = ws.export_calendar(Some(from), Some(to), common::now()).unwrap();
    let n = doc.roadmap_items.iter().filter(|r| matches!((r.start, r.end), (Some(s), Some(e)) if e >= from && s <= to)).count()
        + doc.milestones.iter().filter(|m| m.due >= from && m.due <= to).count();
    assert!(n > 0 && n < doc.roadmap_items.len());
    assert_eq!(events(&text).len(), n);
    let err = ws.export_calendar(Some(to), Some(from), common::now()).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("to"));
}

#[test]
fn the_cli_writes_the_calendar_file_and_says_how_many_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::sample_workspace(dir.path(), "s.lodestar");
    let out = dir.path().join("plan.ics");
    let run = common::run_cli(&path, &["export", "calendar", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    let text = std::fs::read_to_string(&out).unwrap();
    let n = events(&text).len();
    assert_eq!(common::stdout(&run).trim(), format!("Wrote {n} events to {}.", out.display()));
}
