//! Picture export of 1,000-item roadmaps over one year at month zoom: a sparse one
//! (12 lanes) and a dense one (4 lanes of many rows each). For each, the SVG, the SVG
//! to a 2× PNG, and to a vector PDF. Budgets (PERFORMANCE.md): ≤ 300 ms each, SVG
//! included, from the geometry; the CLI end to end is measured with hyperfine (see
//! PERFORMANCE.md).
//!
//! `cargo bench --bench export -- --warm-up-time 1 --measurement-time 10`

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use lodestar::render::{self, PictureOptions};
use lodestar::sample::synthetic_roadmap;
use lodestar::Workspace;

fn bench(c: &mut Criterion) {
    for (name, lanes) in [("12 lanes", 12), ("4 lanes, dense", 4)] {
        bench_roadmap(c, name, lanes);
    }
}

fn bench_roadmap(c: &mut Criterion, name: &str, lanes: usize) {
    let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(&synthetic_roadmap(1_000, lanes, from, 365, 42), chrono::Utc::now()).unwrap();
    let today = from + Duration::days(120);
    let options = PictureOptions { generated_on: Some(today), ..ws.default_picture_options(today).unwrap() };
    let (geometry, product) = ws.picture_geometry(&options, today).unwrap();
    let svg = render::roadmap_svg(&geometry, &options, &product);
    let pages = ws.roadmap_picture_pages(&options, today).unwrap();
    let png = render::png(&svg, 2.0).unwrap();
    let pdf = render::pdf(&pages).unwrap();
    let frame = render::roadmap_frame(&geometry, &options);
    println!(
        "1,000 items, {name}: {} bars, picture {:.0} × {:.0} px; SVG {} KB, 2× PNG {} KB, PDF {} KB",
        geometry.bars.len(),
        frame.width,
        frame.height,
        svg.len() / 1024,
        png.len() / 1024,
        pdf.len() / 1024
    );

    let mut group = c.benchmark_group(format!("export 1,000 items, {name}"));
    group.sample_size(10);
    group.bench_function("geometry to SVG", |b| b.iter(|| render::roadmap_svg(&geometry, &options, &product)));
    group.bench_function("geometry to 2x PNG", |b| {
        b.iter(|| render::png(&render::roadmap_svg(&geometry, &options, &product), 2.0).unwrap())
    });
    group.bench_function("geometry to PDF", |b| b.iter(|| render::pdf(&render::roadmap_pages(&geometry, &options, &product)).unwrap()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
