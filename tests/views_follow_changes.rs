//! The views keep the last whole read of the workspace while the file is unchanged
//! (reading 10,000 items on every request was most of the roadmap's answer time). What
//! they show must still follow every change: the window's own edits and their undo,
//! another program's edits (the CLI, a second window), and a restored backup.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use lodestar::edit_history::EditHistory;
use lodestar::layout::{LayoutRequest, Zoom};
use lodestar::model::RoadmapEdit;
use lodestar::views::roadmap::EditState;
use lodestar::Workspace;

fn request() -> LayoutRequest {
    let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    LayoutRequest::new(from, from + Duration::days(364), Zoom::Month)
}

/// The title and start of the bar of `item` as the Roadmap view shows it.
fn bar(ws: &Workspace, item: &str) -> Option<(String, String)> {
    let view = ws.roadmap_view(&request(), sample_day(), EditState::default()).unwrap();
    view.geometry.bars.iter().find(|b| b.item == item).map(|b| (b.title.clone(), b.start.to_string()))
}

/// An item the Roadmap view shows.
fn first_item(ws: &Workspace) -> String {
    ws.roadmap_view(&request(), sample_day(), EditState::default()).unwrap().geometry.bars[0].item.clone()
}

#[test]
fn the_roadmap_shows_each_edit_of_this_window_and_its_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&sample_workspace(dir.path(), "w.lodestar")).unwrap();
    let id = first_item(&ws);
    let (title, start) = bar(&ws, &id).unwrap();
    let mut history = EditHistory::default();
    history.apply(&mut ws, &RoadmapEdit::MoveItem { item: id.clone(), days: 7, lane: None }).unwrap();
    let moved = bar(&ws, &id).unwrap();
    assert_eq!(moved.0, title);
    assert_ne!(moved.1, start, "the moved bar starts a week later");
    history.undo(&mut ws).unwrap();
    assert_eq!(bar(&ws, &id).unwrap(), (title, start), "the undone move shows the bar where it was");
    history.apply(&mut ws, &RoadmapEdit::DeleteItem { item: id.clone() }).unwrap();
    assert_eq!(bar(&ws, &id), None, "a deleted item leaves the roadmap at once");
}

#[test]
fn the_roadmap_shows_what_another_program_wrote_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "w.lodestar");
    let ws = Workspace::open(&path).unwrap();
    let id = first_item(&ws);
    let (_, start) = bar(&ws, &id).unwrap();

    // A second window on the same file moves the item.
    let mut other = Workspace::open(&path).unwrap();
    other.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: id.clone(), days: 14, lane: None }).unwrap();
    let after = bar(&ws, &id).unwrap();
    assert_ne!(after.1, start, "the other window's move shows here");

    // The CLI renames it.
    let out = run_cli(&path, &["edit", "item", &id, "--title", "Renamed by the CLI"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(bar(&ws, &id).unwrap().0, "Renamed by the CLI", "the CLI's edit shows here");
}

#[test]
fn the_roadmap_shows_a_restored_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&sample_workspace(dir.path(), "w.lodestar")).unwrap();
    let id = first_item(&ws);
    let before = bar(&ws, &id).unwrap();
    let backup = ws.backup_if_due(now()).unwrap().expect("the first daily backup is due");
    ws.apply_roadmap_edit(&RoadmapEdit::DeleteItem { item: id.clone() }).unwrap();
    assert_eq!(bar(&ws, &id), None);
    ws.restore_from(&backup.path, now() + Duration::minutes(5)).unwrap();
    assert_eq!(bar(&ws, &id), Some(before), "the restored item is back on the roadmap");
}
