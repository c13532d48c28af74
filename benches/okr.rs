//! OKR figures for 1,000 objectives, 5,000 key results and 100,000 check-ins, computed
//! as of a date. Budget (PERFORMANCE.md): ≤ 10 ms.

use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, Criterion};
use lodestar::compute::okr::{okr_figures, OkrData};
use lodestar::model::*;

fn data() -> (Vec<Cycle>, Vec<Objective>, Vec<KeyResult>, Vec<CheckIn>) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let cycles: Vec<Cycle> = (0..4)
        .map(|q| Cycle { id: format!("c{q}"), start: start + Duration::days(91 * q), end: start + Duration::days(91 * q + 90) })
        .collect();
    let objectives: Vec<Objective> = (0..1000)
        .map(|i| Objective {
            id: format!("o{i}"),
            title: format!("Objective {i}"),
            description: None,
            cycle: Some(format!("c{}", i % 4)),
            // Ten company objectives per cycle, the rest aligned under them.
            parent: (i >= 40).then(|| format!("o{}", i % 40)),
            category: None,
            owner: None,
            status: ObjectiveStatus::Active,
            weight: None,
            ambition: Default::default(),
            carried_from: None,
        })
        .collect();
    let kinds = [KeyResultKind::Increase, KeyResultKind::Decrease, KeyResultKind::AtLeast, KeyResultKind::AtMost];
    let key_results: Vec<KeyResult> = (0..5000)
        .map(|i| {
            let kind = kinds[i % 4];
            KeyResult {
                id: format!("kr{i}"),
                objective: format!("o{}", i % 1000),
                title: format!("Key result {i}"),
                kind,
                unit: Some("%".into()),
                baseline: Some(50.0),
                target: Some(if kind == KeyResultKind::Decrease { 30.0 } else { 70.0 }),
                weight: None,
                kpi: None,
            }
        })
        .collect();
    let checkins: Vec<CheckIn> = (0..100_000)
        .map(|i| {
            let kr = i % 5000;
            let week = (i / 5000) as i64;
            let cycle_start = start + Duration::days(91 * ((kr % 1000) % 4) as i64);
            CheckIn {
                key_result: format!("kr{kr}"),
                date: cycle_start + Duration::days(4 * week),
                value: 50.0 + (i % 37) as f64 * 0.5,
                confidence: Some(0.6),
                note: None,
            }
        })
        .collect();
    (cycles, objectives, key_results, checkins)
}

fn bench(c: &mut Criterion) {
    let (cycles, objectives, key_results, checkins) = data();
    let data = OkrData {
        cycles: &cycles,
        objectives: &objectives,
        key_results: &key_results,
        checkins: &checkins,
        milestones: &[],
        key_result_milestones: &[],
    };
    let as_of = NaiveDate::from_ymd_opt(2027, 5, 15).unwrap();
    c.bench_function("okr figures: 1k objectives, 5k KRs, 100k check-ins", |b| b.iter(|| okr_figures(&data, as_of)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
