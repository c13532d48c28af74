//! Two programs writing one workspace at once (two windows, the app and a script):
//! a writer waits up to the busy timeout (5 s) for the other to finish; only when the
//! other holds the file longer does it give up, with a message that says so, and
//! changes nothing. Whatever the interleaving, the file stays whole and every edit
//! reported as done is there.

mod common;

use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::*;
use lodestar::model::CheckIn;
use lodestar::store::check;
use lodestar::{ErrorCode, Workspace};
use rusqlite::Connection;

const BUSY_WORDS: &str = "being changed by another program";

/// A key result of the sample and a date inside its cycle.
fn sample_key_result(path: &Path) -> (String, String) {
    let doc = Workspace::open(path).unwrap().export_document().unwrap();
    let c = doc.checkins.last().unwrap();
    (c.key_result.clone(), c.date.to_string())
}

fn checkins_with_note(path: &Path, prefix: &str) -> Vec<String> {
    let doc = Workspace::open(path).unwrap().export_document().unwrap();
    doc.checkins.into_iter().filter_map(|c| c.note).filter(|n| n.starts_with(prefix)).collect()
}

fn integrity(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare("PRAGMA integrity_check").unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().collect::<Result<_, _>>().unwrap()
}

#[test]
fn a_cli_edit_waits_for_another_writer_and_gives_up_after_five_seconds_with_a_clear_message_changing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "held.lodestar");
    let (kr, date) = sample_key_result(&path);

    // Another program takes the write lock and keeps it.
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let out = run_cli(&path, &["checkin", &kr, "12.5", "--date", &date, "--note", "while held"]);
    let waited = started.elapsed();
    let line = assert_user_error(&out);
    assert!(line.contains(BUSY_WORDS) && line.contains("try again"), "{line}");
    assert!(waited >= Duration::from_millis(4900), "the CLI should wait out the busy timeout, waited {waited:?}");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert!(checkins_with_note(&path, "while held").is_empty(), "a refused edit must not be recorded");

    // Once the other program is done, the same command succeeds.
    let out = run_cli(&path, &["checkin", &kr, "12.5", "--date", &date, "--note", "after release"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(checkins_with_note(&path, "after release").len(), 1);
    assert_eq!(integrity(&path), ["ok"]);
}

#[test]
fn an_edit_made_while_another_writer_briefly_holds_the_file_waits_and_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "brief.lodestar");
    let (kr, date) = sample_key_result(&path);
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(800));
        other.execute_batch("COMMIT").unwrap();
    });
    // The app's own connection, as a window would hold it.
    let mut ws = Workspace::open(&path).unwrap();
    let started = Instant::now();
    ws.add_checkin(&CheckIn { key_result: kr, date: date.parse().unwrap(), value: 7.0, confidence: None, note: Some("waited".into()) })
        .unwrap();
    assert!(started.elapsed() >= Duration::from_millis(700), "the edit should have waited for the other writer");
    release.join().unwrap();
    drop(ws);
    assert_eq!(checkins_with_note(&path, "waited").len(), 1);
}

#[test]
fn two_programs_writing_at_once_leave_a_whole_file_with_every_edit_that_succeeded() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "shared.lodestar");
    let (kr, date) = sample_key_result(&path);
    const PER_WRITER: usize = 150;

    // Two in-process writers, each with its own connection (two windows), plus CLI
    // processes (scripts) started meanwhile.
    let barrier = Arc::new(Barrier::new(2));
    let writers: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|name| {
            let (path, kr, date, barrier) = (path.clone(), kr.clone(), date.clone(), barrier.clone());
            std::thread::spawn(move || {
                let mut ws = Workspace::open(&path).unwrap();
                barrier.wait();
                let (mut ok, mut busy) = (0, 0);
                for i in 0..PER_WRITER {
                    let c = CheckIn {
                        key_result: kr.clone(),
                        date: date.parse().unwrap(),
                        value: i as f64,
                        confidence: Some(0.5),
                        note: Some(format!("{name} {i}")),
                    };
                    match ws.add_checkin(&c) {
                        Ok(()) => ok += 1,
                        Err(e) if e.code == ErrorCode::Io && e.message.contains(BUSY_WORDS) => busy += 1,
                        Err(e) => panic!("{name}: an edit failed with an unexpected error: {e}"),
                    }
                }
                (name, ok, busy)
            })
        })
        .collect();
    let mut cli_ok = 0;
    let mut cli_busy = 0;
    for i in 0..6 {
        let out = run_cli(&path, &["checkin", &kr, "3", "--date", &date, "--note", &format!("cli {i}")]);
        match out.status.code() {
            Some(0) => cli_ok += 1,
            _ => {
                let line = assert_user_error(&out);
                assert!(line.contains(BUSY_WORDS), "cli {i}: {line}");
                cli_busy += 1;
            }
        }
    }
    for w in writers {
        let (name, ok, busy) = w.join().unwrap();
        assert_eq!(checkins_with_note(&path, &format!("{name} ")).len(), ok, "{name}: every successful edit is there, no other");
        println!("two writers: {name} {ok} ok, {busy} busy");
    }
    assert_eq!(checkins_with_note(&path, "cli ").len(), cli_ok);
    println!("two writers: cli {cli_ok} ok, {cli_busy} busy");
    assert_eq!(integrity(&path), ["ok"]);
    assert!(check(&path).is_ok());
}
