//! Opening files: a healthy workspace opens; a foreign, damaged or newer file is
//! refused (by the library and by every CLI command) and left byte-for-byte as it was,
//! with no `-wal`/`-shm` file left beside it that could change it later.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use lodestar::store::{check, SCHEMA_VERSION};
use lodestar::{ErrorCode, Workspace};
use rusqlite::Connection;

/// Refuses `path` through the library and the CLI, checking each time that nothing in
/// its folder changed; `words` must appear in every message (case-insensitive).
fn assert_refused_everywhere(path: &Path, code: ErrorCode, words: &[&str]) {
    let dir = path.parent().unwrap();
    let before = folder_bytes(dir);
    let says_it = |message: &str, how: &str| {
        for w in words {
            assert!(message.to_lowercase().contains(&w.to_lowercase()), "{how}: message should mention {w:?}: {message}");
        }
        assert!(message.contains(&path.display().to_string()), "{how}: message should name the file: {message}");
    };
    let unchanged = |how: &str| assert_folder_unchanged(dir, &before, how);

    let err = Workspace::open(path).err().expect("Workspace::open should refuse the file");
    assert_eq!(err.code, code, "Workspace::open: {err}");
    says_it(&err.message, "Workspace::open");
    assert!(!err.message.contains('\n'), "the message is shown on one line: {:?}", err.message);
    unchanged("Workspace::open");

    let err = Workspace::open_existing(path).err().expect("Workspace::open_existing should refuse the file");
    assert_eq!(err.code, code);
    unchanged("Workspace::open_existing");

    let err = check(path).expect_err("check should refuse the file");
    assert_eq!(err.code, code);
    says_it(&err.message, "store::check");
    unchanged("store::check");

    for args in [&["check"][..], &["export", "json"], &["demo"], &["import", fixture_path("example.json").to_str().unwrap()]] {
        let out = run_cli(path, args);
        let line = assert_user_error(&out);
        says_it(&line, &format!("lodestar {}", args.join(" ")));
        assert!(out.stdout.is_empty(), "lodestar {} printed on stdout for a refused file", args.join(" "));
        unchanged(&format!("lodestar {}", args.join(" ")));
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Deterministic noise (xorshift), so a failure can be reproduced.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

fn page_size_and_count(bytes: &[u8]) -> (usize, usize) {
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n => n as usize,
    };
    (page_size, bytes.len() / page_size)
}

#[test]
fn a_json_file_renamed_to_lodestar_is_refused_with_a_hint_to_import_it_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "acme.lodestar", example_text().as_bytes());
    assert_refused_everywhere(&path, ErrorCode::NotAWorkspace, &["not a Lodestar workspace", "JSON", "import"]);
}

#[test]
fn random_bytes_are_refused_as_not_a_workspace_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "noise.lodestar", &noise(8192, 0x9E37_79B9_7F4A_7C15));
    assert_refused_everywhere(&path, ErrorCode::NotAWorkspace, &["not a Lodestar workspace"]);
}

#[test]
fn a_file_shorter_than_a_sqlite_header_is_refused_as_not_a_workspace_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "tiny.lodestar", b"SQLite format 3\0");
    assert_refused_everywhere(&path, ErrorCode::NotAWorkspace, &["not a Lodestar workspace"]);
}

#[test]
fn a_truncated_workspace_is_refused_as_damaged_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "cut.lodestar");
    let bytes = std::fs::read(&path).unwrap();
    let (page_size, pages) = page_size_and_count(&bytes);
    assert!(pages >= 4, "the sample should span several pages, it has {pages}");
    // Cut in the middle of a page, as an interrupted copy would.
    std::fs::write(&path, &bytes[..bytes.len() / 2 + page_size / 3]).unwrap();
    assert_refused_everywhere(&path, ErrorCode::Damaged, &["damaged"]);
}

#[test]
fn a_workspace_with_a_zeroed_page_in_the_middle_is_refused_as_damaged_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "holed.lodestar");
    let mut bytes = std::fs::read(&path).unwrap();
    let (page_size, pages) = page_size_and_count(&bytes);
    assert!(pages >= 4, "the sample should span several pages, it has {pages}");
    let page = pages / 2; // 0-based: neither the header page nor the last one
    bytes[page * page_size..(page + 1) * page_size].fill(0);
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_everywhere(&path, ErrorCode::Damaged, &["damaged"]);
}

#[test]
fn a_workspace_from_a_newer_lodestar_is_refused_as_newer_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "future.lodestar");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    }
    assert!(!dir.path().join("future.lodestar-wal").exists(), "setup should leave no write-ahead log");
    assert_refused_everywhere(&path, ErrorCode::NewerVersion, &["newer"]);
}

#[test]
fn another_programs_sqlite_database_is_refused_as_not_a_workspace_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.lodestar");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
             INSERT INTO notes (body) VALUES ('buy milk'), ('call Dana');",
        )
        .unwrap();
    }
    assert_refused_everywhere(&path, ErrorCode::NotAWorkspace, &["not a Lodestar workspace", "another program"]);
}

#[test]
fn opening_a_missing_file_creates_a_new_empty_workspace_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new folder").join("fresh.lodestar");
    let ws = Workspace::open(&path).unwrap();
    assert!(ws.is_empty().unwrap(), "a new workspace should be empty");
    assert_eq!(ws.product().unwrap().name, lodestar::model::Product::DEFAULT_NAME);
    drop(ws);
    assert!(path.exists());
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    assert_eq!(run_cli(&path, &["check"]).status.code(), Some(0));
}

#[test]
fn check_on_a_missing_file_says_there_is_no_workspace_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing-here.lodestar");

    let err = check(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);

    let out = run_cli(&path, &["check"]);
    let line = assert_user_error(&out);
    assert!(line.contains("no workspace"), "{line}");
    assert!(line.contains("nothing-here.lodestar"), "{line}");
    assert!(!path.exists(), "check must not create a workspace");
}

#[test]
fn export_of_a_missing_file_says_there_is_no_workspace_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing-here.lodestar");
    let out = run_cli(&path, &["export", "json"]);
    let line = assert_user_error(&out);
    assert!(line.contains("no workspace"), "{line}");
    assert!(out.stdout.is_empty());
    assert!(!path.exists(), "export must not create a workspace");
    assert_eq!(Workspace::open_existing(&path).err().map(|e| e.code), Some(ErrorCode::NotFound));
}

#[test]
fn a_healthy_workspace_passes_check_and_checking_it_changes_no_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "healthy.lodestar");
    let before = folder_bytes(dir.path());

    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    let out = run_cli(&path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("schema version {SCHEMA_VERSION}")), "{}", stdout(&out));

    assert_folder_unchanged(dir.path(), &before, "checking a healthy workspace");
}

#[test]
fn a_folder_is_refused_as_a_workspace_path() {
    let dir = tempfile::tempdir().unwrap();
    let err = Workspace::open(dir.path()).err().expect("a folder is not a workspace file");
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("folder"), "{}", err.message);
}

#[test]
fn an_empty_file_is_taken_as_a_new_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.lodestar", b"");
    let ws = Workspace::open(&path).unwrap();
    assert!(ws.is_empty().unwrap());
    drop(ws);
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn a_workspace_reopened_after_closing_still_holds_its_contents() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "kept.lodestar");
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.export_document().unwrap(), lodestar::sample::sample_document(sample_day()));
}

#[test]
fn a_workspace_named_with_spaces_and_symbols_passes_check_and_nothing_appears_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "Q1 plan #2 (50% done)?.lodestar");
    let before = folder_bytes(dir.path());
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    let out = run_cli(&path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_folder_unchanged(dir.path(), &before, "checking a workspace with an unusual name");
}

#[test]
fn check_with_a_relative_workspace_path_reads_the_file_in_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    sample_workspace(dir.path(), "here.lodestar");
    let before = folder_bytes(dir.path());
    let out = lodestar(dir.path()).current_dir(dir.path()).args(["--workspace", "here.lodestar", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("healthy"), "{}", stdout(&out));
    assert_folder_unchanged(dir.path(), &before, "checking through a relative path");
}

#[test]
fn a_newer_workspace_is_refused_through_a_relative_path_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "future.lodestar");
    Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    let before = folder_bytes(dir.path());
    let out = lodestar(dir.path()).current_dir(dir.path()).args(["--workspace", "future.lodestar", "check"]).output().unwrap();
    let line = assert_user_error(&out);
    assert!(line.contains("newer"), "{line}");
    assert_folder_unchanged(dir.path(), &before, "checking a newer workspace through a relative path");
}

#[test]
fn while_the_app_holds_a_workspace_open_the_cli_checks_it_and_exports_its_latest_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "busy.lodestar");
    let mut app = Workspace::open(&path).unwrap();
    app.set_product_field(lodestar::model::ProductField::Vision, Some("Decide in seconds."), now()).unwrap();

    let out = run_cli(&path, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run_cli(&path, &["export", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let exported: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(exported["product"]["vision"], "Decide in seconds.");

    drop(app);
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    assert_eq!(Workspace::open(&path).unwrap().product().unwrap().vision.as_deref(), Some("Decide in seconds."));
}

#[test]
fn a_workspace_open_elsewhere_or_left_by_a_crash_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.lodestar");
    let mut first = lodestar::Workspace::open(&path).unwrap();
    first.set_product_field(lodestar::model::ProductField::Vision, Some("Every team decides with data."), chrono::Utc::now()).unwrap();
    // While the first connection holds the file (its edit may sit in the log only),
    // a second opener — another window, the CLI — sees a healthy workspace with the edit.
    lodestar::store::check(&path).unwrap();
    let second = lodestar::Workspace::open(&path).unwrap();
    assert_eq!(second.product().unwrap().vision.as_deref(), Some("Every team decides with data."));
    drop(second);
    // A crash: the first connection goes away without closing (no checkpoint).
    std::mem::forget(first);
    let reopened = lodestar::Workspace::open(&path).unwrap();
    assert_eq!(reopened.product().unwrap().vision.as_deref(), Some("Every team decides with data."));
}
