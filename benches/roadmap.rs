//! The roadmap core at 10,000 items (20 lanes, three years, ~2,000 dependencies,
//! ~1,000 milestones). Budgets (PERFORMANCE.md): layout of 10,000 items ≤ 5 ms;
//! drop to saved (one move, its whole transaction on a real file) ≤ 5 ms.
//!
//! `cargo bench --bench roadmap -- --warm-up-time 1 --measurement-time 5`

use std::time::{Duration as StdDuration, Instant};

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use lodestar::compute::roadmap::conflicts;
use lodestar::interchange::Document;
use lodestar::layout::{layout, LayoutInput, LayoutRequest, Zoom};
use lodestar::model::*;
use lodestar::views::roadmap::EditState;
use lodestar::Workspace;

const ITEMS: usize = 10_000;
const LANES: usize = 20;

/// A tiny deterministic generator, so every run lays out the same roadmap.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
}

fn document() -> Document {
    let mut rng = Lcg(42);
    let mut doc = Document::new(Product { name: "Bench".into(), ..Product::default() });
    let days = 3 * 365;
    for q in 0..12 {
        let s = start() + Duration::days(91 * q);
        doc.cycles.push(Cycle { id: format!("c{q}"), start: s, end: s + Duration::days(90) });
    }
    for o in 0..60 {
        doc.objectives.push(Objective {
            id: format!("o{o}"),
            title: format!("Objective {o}"),
            description: None,
            cycle: Some(format!("c{}", o % 12)),
            parent: None,
            category: None,
            owner: None,
            status: ObjectiveStatus::Active,
            weight: None,
        });
    }
    for l in 0..LANES {
        doc.lanes.push(Lane { id: format!("l{l}"), name: format!("Lane {l}"), color: None });
    }
    let kinds = [ItemKind::Feature, ItemKind::Discovery, ItemKind::TechDebt, ItemKind::Reliability, ItemKind::Growth];
    let statuses = [ItemStatus::Idea, ItemStatus::Planned, ItemStatus::InProgress, ItemStatus::Done, ItemStatus::Dropped];
    for i in 0..ITEMS {
        let s = start() + Duration::days(rng.next(days - 60) as i64);
        let len = 1 + rng.next(60) as i64;
        // Every fifth item depends on an earlier one (no cycles): 2,000 dependencies.
        let depends_on = if i % 5 == 4 { vec![format!("r{}", rng.next(i as u64))] } else { vec![] };
        doc.roadmap_items.push(RoadmapItem {
            id: format!("r{i}"),
            lane: format!("l{}", i % LANES),
            title: format!("Roadmap item number {i}"),
            start: Some(s),
            end: Some(s + Duration::days(len - 1)),
            kind: kinds[i % 5],
            status: statuses[(i / 5) % 5],
            horizon: None,
            objectives: if i % 3 == 0 { vec![] } else { vec![format!("o{}", rng.next(60))] },
            depends_on,
            expected_impact: None,
            tradeoff: None,
            rice: None,
            ice: None,
            moscow: None,
            urgent: None,
            important: None,
        });
    }
    // Every tenth item has a milestone at its end: 1,000 milestones.
    for i in (0..ITEMS).step_by(10) {
        let item = &doc.roadmap_items[i];
        doc.milestones.push(Milestone {
            id: format!("m{i}"),
            objective: Some(format!("o{}", i % 60)),
            title: format!("Milestone {i}"),
            due: item.end.unwrap(),
            done_on: None,
            roadmap_item: Some(item.id.clone()),
        });
    }
    doc
}

fn request(from: NaiveDate, to: NaiveDate) -> LayoutRequest {
    LayoutRequest { from, to, zoom: Zoom::Month, lanes: None, kinds: None, statuses: None, objective: None, baseline: None }
}

fn bench(c: &mut Criterion) {
    let doc = document();
    let today = start() + Duration::days(400);
    let found = conflicts(&doc.roadmap_items, &doc.objectives, &doc.cycles, &doc.milestones);
    let input = LayoutInput {
        lanes: &doc.lanes,
        items: &doc.roadmap_items,
        milestones: &doc.milestones,
        conflicts: &found,
        baseline: None,
        today,
    };
    let full = request(start(), start() + Duration::days(3 * 365 - 1));
    let window = request(start() + Duration::days(365), start() + Duration::days(365 + 180));

    c.bench_function("roadmap layout: 10k items, 3 years, month zoom", |b| b.iter(|| layout(&input, &full)));
    c.bench_function("roadmap layout: 10k items, 6-month window", |b| b.iter(|| layout(&input, &window)));
    c.bench_function("roadmap conflicts: 10k items, 2k dependencies, 1k milestones", |b| {
        b.iter(|| conflicts(&doc.roadmap_items, &doc.objectives, &doc.cycles, &doc.milestones))
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

    c.bench_function("export_document of the 10k-item file (the read inside roadmap_view)", |b| b.iter(|| ws.export_document().unwrap()));
    c.bench_function("roadmap_view end to end: read 10k items + figures + layout, 6-month window", |b| {
        b.iter(|| ws.roadmap_view(&window, today, EditState::default()).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
