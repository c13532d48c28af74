//! Picture export of a 1,000-item roadmap (12 lanes, one year, month zoom): the SVG,
//! the SVG to a 2× PNG, and to a vector PDF. Budgets (PERFORMANCE.md): ≤ 300 ms each,
//! SVG included, from the geometry.
//!
//! `cargo bench --bench export -- --warm-up-time 1 --measurement-time 10`

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use lodestar::render::{self, PictureOptions};
use lodestar::sample::synthetic_roadmap;
use lodestar::Workspace;

fn bench(c: &mut Criterion) {
    let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(&synthetic_roadmap(1_000, 12, from, 365, 42), chrono::Utc::now()).unwrap();
    let today = from + Duration::days(120);
    let options = PictureOptions { generated_on: Some(today), ..ws.default_picture_options(today).unwrap() };
    let (geometry, product) = ws.picture_geometry(&options, today).unwrap();
    let svg = render::roadmap_svg(&geometry, &options, &product);
    let pages = ws.roadmap_picture_pages(&options, today).unwrap();
    let png = render::png(&svg, 2.0).unwrap();
    let pdf = render::pdf(&pages).unwrap();
    println!(
        "1,000 items: {} bars, picture {:.0} × {:.0} px; SVG {} KB, 2× PNG {} KB, PDF {} KB",
        geometry.bars.len(),
        render::roadmap_frame(&geometry, &options).width,
        render::roadmap_frame(&geometry, &options).height,
        svg.len() / 1024,
        png.len() / 1024,
        pdf.len() / 1024
    );

    let mut group = c.benchmark_group("export 1,000 items");
    group.sample_size(10);
    group.bench_function("geometry to SVG", |b| b.iter(|| render::roadmap_svg(&geometry, &options, &product)));
    group.bench_function("geometry to 2x PNG", |b| {
        b.iter(|| render::png(&render::roadmap_svg(&geometry, &options, &product), 2.0).unwrap())
    });
    group.bench_function("geometry to PDF", |b| {
        b.iter(|| render::pdf(&render::roadmap_pages(&geometry, &options, &product)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
