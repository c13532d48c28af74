//! A sync cut short — the `lodestar` process killed at a random moment of its push and
//! pull, or the server restarted under it — loses no change and applies none twice:
//! the next sync resumes, and every copy ends with each change exactly once.

mod common;
mod team_support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

use lodestar::interchange::to_json;
use lodestar::model::{CheckIn, RoadmapEdit};
use lodestar::sample::sample_document;
use lodestar::Workspace;
use team_support::{Role, TestServer};

/// The restart would cut the other test's connections: one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn cli_sync(path: &Path, role: &Role) -> Child {
    Command::new(env!("CARGO_BIN_EXE_lodestar"))
        .args(["--workspace", path.to_str().unwrap(), "team", "sync"])
        .env("PGPASSWORD", &role.password)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Syncs until the server has everything (a few tries while it comes back).
fn sync_until_done(path: &Path, role: &Role) {
    for _ in 0..50 {
        if Workspace::open(path).unwrap().team_sync(Some(&role.password)).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("{} never synced", path.display());
}

fn notes(path: &Path) -> Vec<String> {
    let doc = Workspace::open(path).unwrap().export_document().unwrap();
    let mut n: Vec<String> = doc.checkins.iter().filter_map(|c| c.note.clone()).filter(|n| n.starts_with("made ")).collect();
    n.sort();
    n
}

fn two_copies(server: &TestServer, dir: &Path, space: &str) -> (Role, Role, std::path::PathBuf, std::path::PathBuf, String) {
    let (a, b) = (server.role("a"), server.role("b"));
    let (pa, pb) = (dir.join("a.lodestar"), dir.join("b.lodestar"));
    let mut ws = Workspace::open(&pa).unwrap();
    ws.import_document(&sample_document("2026-12-01".parse().unwrap()), common::now()).unwrap();
    ws.team_share(&server.url(&a.name), space, Some(&a.password)).unwrap();
    ws.team_change_member(&b.name, true, Some(&a.password)).unwrap();
    Workspace::open(&pb).unwrap().team_join(&server.url(&b.name), space, Some(&b.password)).unwrap();
    let kr = ws.export_document().unwrap().key_results[0].id.clone();
    (a, b, pa, pb, kr)
}

fn checkin(path: &Path, kr: &str, note: String) {
    let c = CheckIn { key_result: kr.into(), date: "2026-12-04".parse().unwrap(), value: 1.0, confidence: None, note: Some(note) };
    Workspace::open(path).unwrap().add_checkin(&c).unwrap();
}

#[test]
fn a_sync_killed_at_random_moments_loses_no_change_and_applies_none_twice() {
    let Some(server) = TestServer::new() else { return };
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let (a, b, pa, pb, kr) = two_copies(&server, dir.path(), "killed");
    // How long a whole sync takes here: the kills land anywhere inside that span.
    let t = std::time::Instant::now();
    assert!(cli_sync(&pa, &a).wait().unwrap().success());
    let span = (t.elapsed().as_micros() as u64).max(1_000);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut made = Vec::new();
    let mut killed = 0;
    for trial in 0..120 {
        for (who, path) in [("a", &pa), ("b", &pb)] {
            let note = format!("made {who} {trial:03}");
            checkin(path, &kr, note.clone());
            made.push(note);
        }
        Workspace::open(&pa).unwrap().apply_roadmap_edit(&RoadmapEdit::MoveItem { item: "r-guided".into(), days: 1, lane: None }).unwrap();
        for (path, role) in [(&pa, &a), (&pb, &b)] {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut child = cli_sync(path, role);
            // Anywhere in a sync's span: before it connects, mid-push, mid-pull, mid-apply.
            std::thread::sleep(Duration::from_micros(seed % span));
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap();
                killed += 1;
            }
            child.wait().unwrap();
        }
    }
    assert!(killed >= 100, "only {killed} syncs were cut short: the trials did not test much");
    for path_role in [(&pa, &a), (&pb, &b), (&pa, &a)] {
        sync_until_done(path_role.0, path_role.1);
    }
    made.sort();
    assert_eq!(notes(&pa), made, "every check-in made, exactly once, on A");
    assert_eq!(notes(&pb), made, "every check-in made, exactly once, on B");
    let doc_a = to_json(&Workspace::open(&pa).unwrap().export_document().unwrap());
    assert_eq!(doc_a, to_json(&Workspace::open(&pb).unwrap().export_document().unwrap()));
    let guided = Workspace::open(&pb).unwrap().roadmap_item_detail("r-guided").unwrap().item;
    assert_eq!(guided.start, Some("2027-02-12".parse().unwrap()), "120 one-day moves, each applied once (from 2026-10-15)");
    let mut admin = server.admin();
    let inserts: i64 =
        admin.query_one("SELECT COUNT(*) FROM lodestar.changes WHERE tbl = 'checkins' AND op = 'insert'", &[]).unwrap().get(0);
    assert_eq!(inserts as usize, made.len(), "the server holds each pushed check-in once");
}

#[test]
fn a_sync_cut_by_a_server_restart_is_resumed_by_the_next() {
    let Some(server) = TestServer::new() else { return };
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let (a, b, pa, pb, kr) = two_copies(&server, dir.path(), "restarted");
    // A long offline stretch: 2,000 check-ins waiting.
    {
        let mut ws = Workspace::open(&pa).unwrap();
        for n in 0..2000 {
            let c = CheckIn {
                key_result: kr.clone(),
                date: "2026-12-04".parse().unwrap(),
                value: n as f64,
                confidence: None,
                note: Some(format!("made {n:04}")),
            };
            ws.add_checkin(&c).unwrap();
        }
    }
    if std::env::var("LODESTAR_TEST_PG_CTL").is_err() {
        panic!("set LODESTAR_TEST_PG_CTL and LODESTAR_TEST_PG_DATA (scripts/test does) to restart the server");
    }
    let child = cli_sync(&pa, &a);
    std::thread::sleep(Duration::from_millis(60));
    assert!(server.restart(), "the server restarts");
    let out = child.wait_with_output().unwrap();
    let cut = !out.status.success();
    if cut {
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("server") || said.contains("connection"), "a cut sync says why: {said}");
    }
    sync_until_done(&pa, &a);
    sync_until_done(&pb, &b);
    let expected: Vec<String> = (0..2000).map(|n| format!("made {n:04}")).collect();
    assert_eq!(notes(&pb), expected, "B has every check-in once (the first sync was cut: {cut})");
    assert_eq!(Workspace::open(&pa).unwrap().team_status().unwrap().unwrap().pending, 0);
}
