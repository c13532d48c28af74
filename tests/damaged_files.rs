//! Damaged and foreign files, side by side: each kind is refused with a message of its
//! own (so a user knows whether to restore a backup, update Lodestar or import JSON),
//! by the core and by the CLI's reading and writing commands, and not one byte of it
//! changes. The single-case tests live in workspace_files.rs; this file adds the
//! comparison, `report okrs`, the 0-byte file and a file left by a crashed writer.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use lodestar::store::{check, SCHEMA_VERSION};
use lodestar::{ErrorCode, Workspace};
use rusqlite::Connection;

/// One kind of bad file: how to make it, what it is refused as, and the words only
/// its message may carry.
struct Case {
    name: &'static str,
    code: ErrorCode,
    says: &'static [&'static str],
    make: fn(&Path) -> PathBuf,
}

fn page_size_and_count(bytes: &[u8]) -> (usize, usize) {
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => n as usize,
    };
    (page_size, bytes.len() / page_size)
}

fn truncated(dir: &Path) -> PathBuf {
    let path = sample_workspace(dir, "truncated.lodestar");
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() * 2 / 3]).unwrap();
    path
}

fn zeroed_pages(dir: &Path) -> PathBuf {
    let path = sample_workspace(dir, "zeroed.lodestar");
    let mut bytes = std::fs::read(&path).unwrap();
    let (page_size, pages) = page_size_and_count(&bytes);
    assert!(pages >= 5, "the sample should span several pages, it has {pages}");
    // Three pages in the middle, as a failing disk sector run would leave them.
    let first = pages / 2 - 1;
    bytes[first * page_size..(first + 3) * page_size].fill(0);
    std::fs::write(&path, &bytes).unwrap();
    path
}

fn random_bytes(dir: &Path) -> PathBuf {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 32) as u8
        })
        .collect();
    let path = dir.join("random.lodestar");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn newer_schema(dir: &Path) -> PathBuf {
    let path = sample_workspace(dir, "newer.lodestar");
    Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    path
}

fn json_renamed(dir: &Path) -> PathBuf {
    let path = dir.join("exported.lodestar");
    std::fs::write(&path, example_text()).unwrap();
    path
}

fn other_sqlite(dir: &Path) -> PathBuf {
    let path = dir.join("bookmarks.lodestar");
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');").unwrap();
    path
}

fn empty(dir: &Path) -> PathBuf {
    let path = dir.join("empty.lodestar");
    std::fs::write(&path, b"").unwrap();
    path
}

fn cases() -> Vec<Case> {
    vec![
        Case { name: "truncated", code: ErrorCode::Damaged, says: &["damaged", "cut short", "backup"], make: truncated },
        Case { name: "zeroed pages", code: ErrorCode::Damaged, says: &["damaged", "backup"], make: zeroed_pages },
        Case { name: "random bytes", code: ErrorCode::NotAWorkspace, says: &["not a SQLite database"], make: random_bytes },
        Case { name: "newer schema", code: ErrorCode::NewerVersion, says: &["newer version", "update Lodestar"], make: newer_schema },
        Case { name: "JSON renamed", code: ErrorCode::NotAWorkspace, says: &["JSON", "import"], make: json_renamed },
        Case { name: "another program's database", code: ErrorCode::NotAWorkspace, says: &["another program"], make: other_sqlite },
        Case { name: "0-byte file", code: ErrorCode::NotAWorkspace, says: &["empty file", "0 bytes"], make: empty },
    ]
}

/// FNV-1a over a file's bytes: a fingerprint to print, beside the exact comparison.
fn fingerprint(path: &Path) -> u64 {
    std::fs::read(path).unwrap().iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3))
}

#[test]
fn every_kind_of_bad_file_is_refused_with_its_own_message_everywhere_and_keeps_every_byte() {
    let mut messages: BTreeMap<&str, String> = BTreeMap::new();
    let mut refusals = 0;
    for case in cases() {
        let dir = tempfile::tempdir().unwrap();
        let path = (case.make)(dir.path());
        let before = folder_bytes(dir.path());
        let hash = fingerprint(&path);
        let shown = |message: &str, how: &str| {
            for w in case.says {
                assert!(message.to_lowercase().contains(&w.to_lowercase()), "{}: {how} should say {w:?}: {message}", case.name);
            }
            assert!(message.contains(&path.display().to_string()), "{}: {how} should name the file: {message}", case.name);
            assert!(message.contains("not changed"), "{}: {how} should say the file was not changed: {message}", case.name);
        };

        let err = check(&path).expect_err(case.name);
        assert_eq!(err.code, case.code, "{}: {err}", case.name);
        shown(&err.message, "check");
        messages.insert(case.name, err.message.replace(&path.display().to_string(), "FILE"));

        let err = Workspace::open_existing(&path).err().expect(case.name);
        assert_eq!(err.code, case.code, "{}: {err}", case.name);
        shown(&err.message, "Workspace::open_existing");
        refusals += 2;

        let mut commands: Vec<Vec<String>> = vec![
            vec!["check".into()],
            vec!["report".into(), "okrs".into(), "--as-of".into(), "2027-02-15".into()],
            vec!["export".into(), "json".into()],
        ];
        // Opening to write turns an empty file into a workspace (tested below); every
        // other bad file is refused by the writing commands too.
        if case.code != ErrorCode::NotAWorkspace || !case.says.contains(&"0 bytes") {
            let err = Workspace::open(&path).err().expect(case.name);
            assert_eq!(err.code, case.code, "{}: {err}", case.name);
            refusals += 1;
            commands.push(vec!["import".into(), fixture_path("example.json").display().to_string()]);
            commands.push(vec!["demo".into()]);
        }
        for args in &commands {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = run_cli(&path, &args);
            let line = assert_user_error(&out);
            shown(&line, &format!("lodestar {}", args.join(" ")));
            assert!(out.stdout.is_empty(), "{}: lodestar {} printed on stdout", case.name, args.join(" "));
            refusals += 1;
        }
        assert_folder_unchanged(dir.path(), &before, case.name);
        assert_eq!(fingerprint(&path), hash, "{}", case.name);
    }
    // Two kinds may share a cause, never a message.
    let mut seen: BTreeMap<&String, &str> = BTreeMap::new();
    for (name, message) in &messages {
        if let Some(other) = seen.insert(message, name) {
            panic!("{name} and {other} are refused with the same message: {message}");
        }
    }
    // A hole in the middle is damage, not a short file.
    assert!(!messages["zeroed pages"].contains("cut short"), "{}", messages["zeroed pages"]);
    assert!(!messages["random bytes"].contains("JSON"), "{}", messages["random bytes"]);
    println!("damaged files: {} kinds, {refusals} refusals, bytes changed: 0", messages.len());
}

#[test]
fn an_empty_file_becomes_a_workspace_only_when_something_is_written_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = empty(dir.path());
    // Reading commands refused above; importing makes it a workspace, as File ▸ Open does.
    let out = run_cli(&path, &["import", fixture_path("example.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    let ws = Workspace::open_existing(&path).unwrap();
    assert_eq!(ws.product().unwrap().name, example_value()["product"]["name"].as_str().unwrap());
}

#[test]
fn a_workspace_copied_with_the_log_of_a_writer_that_died_passes_check_unchanged_and_opens_with_its_last_edit() {
    let live = tempfile::tempdir().unwrap();
    let path = sample_workspace(live.path(), "crashed.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.set_product_field(lodestar::model::ProductField::Vision, Some("Written just before the crash."), now()).unwrap();
    // The files as a crash leaves them: the workspace, its log (holding the edit) and
    // the log's index, with no process holding them any more.
    let dir = tempfile::tempdir().unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", path.display()));
        std::fs::copy(&from, dir.path().join(format!("crashed.lodestar{suffix}"))).unwrap();
    }
    drop(ws);
    let copy = dir.path().join("crashed.lodestar");
    assert!(std::fs::metadata(format!("{}-wal", copy.display())).unwrap().len() > 0, "the log should hold the edit");
    // The workspace and its log keep every byte; the log's index (-shm) is a cache
    // SQLite may rebuild on any open.
    let data = |d: &Path| {
        let mut files = folder_bytes(d);
        files.remove("crashed.lodestar-shm");
        files
    };
    let before = data(dir.path());

    assert_eq!(check(&copy).unwrap().schema_version, SCHEMA_VERSION);
    let out = run_cli(&copy, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(folder_changes(&before, &data(dir.path())), Vec::<String>::new(), "checking a workspace left by a crash");

    let ws = Workspace::open(&copy).unwrap();
    assert_eq!(ws.product().unwrap().vision.as_deref(), Some("Written just before the crash."));
}
