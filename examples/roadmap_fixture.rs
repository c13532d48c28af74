//! Writes the fixture of the roadmap speed harness (`scripts/bench-roadmap`): a workspace
//! with a synthetic roadmap and the `RoadmapView` the app would send for it, as JSON.
//!
//! `cargo run --release --example roadmap_fixture -- OUT_DIR [ITEMS] [LANES]`

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use lodestar::layout::{LayoutRequest, Zoom};
use lodestar::sample::synthetic_roadmap;
use lodestar::Workspace;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = std::path::PathBuf::from(args.get(1).expect("usage: roadmap_fixture OUT_DIR [ITEMS] [LANES]"));
    let items: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let lanes: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(20);
    std::fs::create_dir_all(&out).expect("create the output folder");

    let from = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    let days = 3 * 365;
    let path = out.join(format!("roadmap-{items}.lodestar"));
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::open(&path).expect("create the workspace");
    ws.import_document(&synthetic_roadmap(items, lanes, from, days, 42), chrono::Utc::now()).expect("import");

    // The whole three years at month zoom, as the view asks for on opening.
    let request = LayoutRequest::new(from, from + Duration::days(days - 1), Zoom::Month);
    let today = from + Duration::days(120);
    let started = Instant::now();
    let view = ws.roadmap_view(&request, today, Default::default()).expect("view");
    let elapsed = started.elapsed();
    let json = serde_json::to_string(&view).expect("serialize");
    std::fs::write(out.join(format!("roadmap-view-{items}.json")), &json).expect("write the view");
    eprintln!(
        "{items} items in {lanes} lanes: view read + laid out in {:.1} ms, {} bars, {:.1} MB of JSON",
        elapsed.as_secs_f64() * 1000.0,
        view.geometry.bars.len(),
        json.len() as f64 / 1e6
    );
}
