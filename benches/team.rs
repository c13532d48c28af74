//! Team spaces on a loopback PostgreSQL (`scripts/bench-team` starts a throwaway one).
//! Budgets (docs/PERFORMANCE.md): joining a 10,000-item space ≤ 2 s; an edit from one
//! copy through PostgreSQL to another ≤ 300 ms p95; 10,000 queued offline changes
//! pushed ≤ 5 s; 10 copies editing at once for a minute without a lost change.
//!
//! `cargo bench --bench team` (LODESTAR_BENCH_TEAM_SECONDS shortens the last part).

#[path = "../tests/team_support/mod.rs"]
mod team_support;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use lodestar::interchange::to_json;
use lodestar::model::{CheckIn, RoadmapEdit};
use lodestar::sample::synthetic_roadmap;
use lodestar::Workspace;
use team_support::{Role, TestServer};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn join(server: &TestServer, role: &Role, space: &str, path: &Path) -> Workspace {
    let mut ws = Workspace::open(path).unwrap();
    ws.team_join(&server.url(&role.name), space, Some(&role.password)).unwrap();
    ws
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and only checks it builds.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let server = TestServer::new().expect("a PostgreSQL: run scripts/bench-team");
    let dir = tempfile::tempdir().unwrap();
    let owner = server.role("owner");
    let members: Vec<Role> = (0..10).map(|i| server.role(&format!("m{i}"))).collect();
    let start = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();

    // Share a 10,000-item plan; join it three times.
    let owner_path = dir.path().join("owner.lodestar");
    let mut a = Workspace::open(&owner_path).unwrap();
    a.import_document(&synthetic_roadmap(10_000, 20, start, 3 * 365, 42), chrono::Utc::now()).unwrap();
    let t = Instant::now();
    a.team_share(&server.url(&owner.name), "big", Some(&owner.password)).unwrap();
    println!("share a 10,000-item workspace: {:.0} ms", ms(t.elapsed()));
    for m in &members {
        a.team_change_member(&m.name, true, Some(&owner.password)).unwrap();
    }
    let mut joins = Vec::new();
    for (i, m) in members.iter().take(3).enumerate() {
        let path = dir.path().join(format!("join{i}.lodestar"));
        let t = Instant::now();
        join(&server, m, "big", &path);
        joins.push(ms(t.elapsed()));
    }
    println!(
        "join a 10,000-item space: median {:.0} ms of {:?} (budget 2,000)",
        median(joins.clone()),
        joins.iter().map(|j| j.round()).collect::<Vec<_>>()
    );

    // 10,000 edits made offline, then pushed at once; and pulled by another copy.
    let items: Vec<String> = a.export_document().unwrap().roadmap_items.iter().map(|r| r.id.clone()).collect();
    let t = Instant::now();
    for id in &items {
        a.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: id.clone(), days: 1, lane: None }).unwrap();
    }
    let made = t.elapsed();
    let pending = a.team_status().unwrap().unwrap().pending;
    let t = Instant::now();
    a.team_sync(Some(&owner.password)).unwrap();
    println!(
        "push {pending} queued changes (10,000 moves made offline in {:.1} s): {:.0} ms (budget 5,000)",
        made.as_secs_f64(),
        ms(t.elapsed())
    );
    let mut b = Workspace::open(&dir.path().join("join0.lodestar")).unwrap();
    let t = Instant::now();
    b.team_sync(Some(&members[0].password)).unwrap();
    println!("pull those {pending} changes into another copy: {:.0} ms", ms(t.elapsed()));
    drop(b);

    // Round trip: A edits and syncs; B, woken by NOTIFY, syncs and has the edit.
    let b_path = dir.path().join("join1.lodestar");
    let (tx, rx) = mpsc::channel::<Instant>();
    let b_role = Role { name: members[1].name.clone(), password: members[1].password.clone() };
    let listener_path = b_path.clone();
    std::thread::spawn(move || {
        let mut b = Workspace::open(&listener_path).unwrap();
        b.team_sync(Some(&b_role.password)).unwrap();
        let mut listener = b.team_listener(Some(&b_role.password)).unwrap();
        tx.send(Instant::now()).unwrap();
        loop {
            if listener.wait(Duration::from_secs(30)).unwrap() {
                b.team_sync(Some(&b_role.password)).unwrap();
                if tx.send(Instant::now()).is_err() {
                    return;
                }
            }
        }
    });
    rx.recv().unwrap();
    let mut trips = Vec::new();
    for id in items.iter().take(100) {
        let t = Instant::now();
        a.apply_roadmap_edit(&RoadmapEdit::MoveItem { item: id.clone(), days: 1, lane: None }).unwrap();
        a.team_sync(Some(&owner.password)).unwrap();
        let arrived = rx.recv_timeout(Duration::from_secs(10)).expect("B heard of the edit");
        trips.push(ms(arrived - t));
    }
    println!(
        "edit round trip A → PostgreSQL → B (10,000 items): p50 {:.0} ms, p95 {:.0} ms, max {:.0} ms over 100 edits (budget p95 300)",
        percentile(trips.clone(), 0.5),
        percentile(trips.clone(), 0.95),
        percentile(trips, 1.0)
    );
    drop(a);

    ten_copies_at_once(&server, dir.path(), &owner, &members);
}

/// Ten copies each adding check-ins and syncing as fast as they can; at the end every
/// copy must hold every check-in exactly once and all must be identical.
fn ten_copies_at_once(server: &TestServer, dir: &Path, owner: &Role, members: &[Role]) {
    let seconds: u64 = std::env::var("LODESTAR_BENCH_TEAM_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let path = dir.join("small-owner.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(&lodestar::sample::sample_document(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()), chrono::Utc::now()).unwrap();
    ws.team_share(&server.url(&owner.name), "busy", Some(&owner.password)).unwrap();
    let kr = ws.export_document().unwrap().key_results[0].id.clone();
    let mut paths: Vec<PathBuf> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        ws.team_change_member(&m.name, true, Some(&owner.password)).unwrap();
        let p = dir.join(format!("busy{i}.lodestar"));
        join(server, m, "busy", &p);
        paths.push(p);
    }
    drop(ws);
    let until = Instant::now() + Duration::from_secs(seconds);
    let handles: Vec<_> = members
        .iter()
        .zip(paths.clone())
        .enumerate()
        .map(|(i, (m, p))| {
            let (pw, kr) = (m.password.clone(), kr.clone());
            std::thread::spawn(move || {
                let mut ws = Workspace::open(&p).unwrap();
                let (mut made, mut syncs) = (0u64, 0u64);
                while Instant::now() < until {
                    let c = CheckIn {
                        key_result: kr.clone(),
                        date: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
                        value: made as f64,
                        confidence: None,
                        note: Some(format!("copy {i} #{made}")),
                    };
                    ws.add_checkin(&c).unwrap();
                    made += 1;
                    if ws.team_sync(Some(&pw)).is_ok() {
                        syncs += 1;
                    }
                }
                (made, syncs)
            })
        })
        .collect();
    let results: Vec<(u64, u64)> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let made: u64 = results.iter().map(|r| r.0).sum();
    let syncs: u64 = results.iter().map(|r| r.1).sum();
    for _ in 0..2 {
        for (m, p) in members.iter().zip(&paths) {
            Workspace::open(p).unwrap().team_sync(Some(&m.password)).unwrap();
        }
    }
    let docs: Vec<String> = paths.iter().map(|p| to_json(&Workspace::open(p).unwrap().export_document().unwrap())).collect();
    let held = Workspace::open(&paths[0])
        .unwrap()
        .export_document()
        .unwrap()
        .checkins
        .iter()
        .filter(|c| c.note.as_deref().is_some_and(|n| n.starts_with("copy ")))
        .count();
    let identical = docs.iter().all(|d| d == &docs[0]);
    println!(
        "10 copies editing at once for {seconds} s: {made} check-ins made, {syncs} syncs; every copy holds {held} ({} lost), copies identical: {identical}",
        made as i64 - held as i64
    );
    assert!(held as u64 == made && identical, "a change was lost or the copies differ");
}
