//! The roadmap core at 10,000 items (20 lanes, three years, ~2,000 dependencies,
//! ~1,000 milestones). Budgets (PERFORMANCE.md): layout of 10,000 items ≤ 5 ms;
//! drop to saved (one move, its whole transaction on a real file) ≤ 5 ms.
//!
//! `cargo bench --bench roadmap -- --warm-up-time 1 --measurement-time 5`

use std::time::{Duration as StdDuration, Instant};

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use lodestar::compute::okr::{okr_figures, OkrData};
use lodestar::compute::roadmap::{conflicts, goal_signals};
use lodestar::interchange::Document;
use lodestar::layout::{layout, LayoutInput, LayoutRequest, Zoom};
use lodestar::model::RoadmapEdit;
use lodestar::sample::synthetic_roadmap;
use lodestar::views::roadmap::EditState;
use lodestar::Workspace;

const ITEMS: usize = 10_000;
const LANES: usize = 20;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
}

fn document() -> Document {
    synthetic_roadmap(ITEMS, LANES, start(), 3 * 365, 42)
}

fn request(from: NaiveDate, to: NaiveDate) -> LayoutRequest {
    LayoutRequest::new(from, to, Zoom::Month)
}

fn bench(c: &mut Criterion) {
    let doc = document();
    let today = start() + Duration::days(400);
    let found = conflicts(&doc.roadmap_items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones);
    let input =
        LayoutInput { lanes: &doc.lanes, items: &doc.roadmap_items, milestones: &doc.milestones, conflicts: &found, baseline: None, today };
    let full = request(start(), start() + Duration::days(3 * 365 - 1));
    let window = request(start() + Duration::days(365), start() + Duration::days(365 + 180));

    c.bench_function("roadmap layout: 10k items, 3 years, month zoom", |b| b.iter(|| layout(&input, &full)));
    c.bench_function("roadmap layout: 10k items, 6-month window", |b| b.iter(|| layout(&input, &window)));
    c.bench_function("roadmap conflicts: 10k items, 2k dependencies, 1k milestones", |b| {
        b.iter(|| conflicts(&doc.roadmap_items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones))
    });
    // The goal signal of every item, from the OKR figures computed once (as the view does).
    let okr = OkrData {
        cycles: &doc.cycles,
        objectives: &doc.objectives,
        key_results: &doc.key_results,
        checkins: &doc.checkins,
        milestones: &doc.milestones,
        key_result_milestones: &doc.key_result_milestones,
    };
    c.bench_function("roadmap goal signals: 10k items", |b| {
        b.iter(|| goal_signals(&doc.roadmap_items, &doc.key_results, &okr_figures(&okr, today)))
    });

    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("bench.lodestar")).unwrap();
    ws.import_document(&doc, chrono::Utc::now()).unwrap();
    let before = ws.export_document().unwrap();

    // Drop to saved: the move's transaction, timed; its inverse (untimed) keeps the file as it was.
    let mut n = 0usize;
    c.bench_function("roadmap edit: move_item on a 10k-item file (drop to saved)", |b| {
        b.iter_custom(|iters| {
            let mut spent = StdDuration::ZERO;
            for _ in 0..iters {
                n = (n + 7919) % ITEMS;
                let edit = RoadmapEdit::MoveItem { item: format!("r{n}"), days: 3, lane: Some(format!("l{}", (n + 1) % LANES)) };
                let t = Instant::now();
                let inverse = ws.apply_roadmap_edit(&edit).unwrap();
                spent += t.elapsed();
                ws.apply_roadmap_edit(&inverse).unwrap();
            }
            spent
        })
    });
    c.bench_function("roadmap edit: move_item and its inverse (undo)", |b| {
        b.iter(|| {
            let inverse = ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "r5000".into(), days: -2, lane: None }).unwrap();
            ws.apply_roadmap_edit(&inverse).unwrap()
        })
    });
    assert!(ws.export_document().unwrap() == before, "the benchmark's edits did not leave the file as it was");

    c.bench_function("export_document of the 10k-item file (the whole read)", |b| b.iter(|| ws.export_document().unwrap()));
    c.bench_function("roadmap_view, file unchanged since the last view: figures + layout, 6-month window", |b| {
        b.iter(|| ws.roadmap_view(&window, today, EditState::default()).unwrap())
    });
    // After an edit the view reads the file again: an untimed move before each timed view.
    c.bench_function("roadmap_view right after an edit: read 10k items + figures + layout, 6-month window", |b| {
        b.iter_custom(|iters| {
            let mut spent = StdDuration::ZERO;
            for i in 0..iters {
                let days = if i % 2 == 0 { 1 } else { -1 };
                ws.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "r42".into(), days, lane: None }).unwrap();
                let t = Instant::now();
                ws.roadmap_view(&window, today, EditState::default()).unwrap();
                spent += t.elapsed();
            }
            spent
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
