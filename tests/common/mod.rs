//! Shared helpers of the integration tests: real workspace files in temp dirs, the
//! example document of docs/WORKSPACE-FORMAT.md, the sample at a fixed date, and the CLI
//! as a real process.
#![allow(dead_code)] // each test binary uses a different part of this module

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use lodestar::interchange::{parse_document, Document};
use lodestar::model::Revision;
use lodestar::{Error, Workspace};
use serde_json::Value;

/// The day the sample is built around in library tests (the sample itself computes
/// every date from it; tests never hard-code what it computes).
pub fn sample_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 2, 15).unwrap()
}

/// A fixed "now" for writes, so recorded revision timestamps are known.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 2, 15, 9, 30, 0).unwrap()
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The example document of docs/WORKSPACE-FORMAT.md, as text.
pub fn example_text() -> String {
    std::fs::read_to_string(fixture_path("example.json")).unwrap()
}

/// The example document of docs/WORKSPACE-FORMAT.md, as a JSON value to edit.
pub fn example_value() -> Value {
    serde_json::from_str(&example_text()).unwrap()
}

/// The sample product as a JSON value, built around [`sample_day`].
pub fn sample_value() -> Value {
    serde_json::to_value(lodestar::sample::sample_document(sample_day())).unwrap()
}

/// Parses and imports a JSON text: what File ▸ Import JSON… and `lodestar import` do.
pub fn import_text(ws: &mut Workspace, text: &str) -> Result<(), Error> {
    let doc = parse_document(text)?;
    ws.import_document(&doc, now())
}

pub fn import_value(ws: &mut Workspace, value: &Value) -> Result<(), Error> {
    import_text(ws, &serde_json::to_string_pretty(value).unwrap())
}

/// A new workspace file in `dir`, holding `doc`.
pub fn workspace_with(dir: &Path, name: &str, doc: &Document) -> PathBuf {
    let path = dir.join(name);
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(doc, now()).unwrap();
    path
}

/// A new workspace file in `dir` holding the sample product (closed again, so the
/// file on disk is complete and has no write-ahead log beside it).
pub fn sample_workspace(dir: &Path, name: &str) -> PathBuf {
    workspace_with(dir, name, &lodestar::sample::sample_document(sample_day()))
}

/// Everything a user could observe about a workspace's contents.
#[derive(Debug, PartialEq)]
pub struct Contents {
    pub document: Document,
    pub revisions: Vec<Revision>,
}

pub fn contents(ws: &Workspace) -> Contents {
    Contents { document: ws.export_document().unwrap(), revisions: ws.product_revisions(None).unwrap() }
}

/// Every file in a folder with its bytes: the workspace and any `-wal`/`-shm` beside it.
pub fn folder_bytes(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// What changed between two [`folder_bytes`] snapshots, for assertion messages.
pub fn folder_changes(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let mut changes = Vec::new();
    for (name, bytes) in after {
        match before.get(name) {
            None => changes.push(format!("{name} appeared ({} bytes)", bytes.len())),
            Some(old) if old != bytes => {
                let first = old.iter().zip(bytes).position(|(a, b)| a != b).unwrap_or(old.len().min(bytes.len()));
                changes.push(format!("{name} changed ({} → {} bytes, first difference at byte {first})", old.len(), bytes.len()))
            }
            _ => {}
        }
    }
    for name in before.keys().filter(|n| !after.contains_key(*n)) {
        changes.push(format!("{name} disappeared"));
    }
    changes
}

/// Asserts that no file in `dir` changed, appeared or disappeared since `before`.
pub fn assert_folder_unchanged(dir: &Path, before: &BTreeMap<String, Vec<u8>>, what: &str) {
    let changes = folder_changes(before, &folder_bytes(dir));
    assert!(changes.is_empty(), "{what} changed the folder of the workspace: {}", changes.join("; "));
}

/// A JSON value made comparable "semantically": an omitted optional field equals
/// `null`, and numbers compare by value (`1` equals `1.0`).
/// A document as Lodestar exports it: the optional fields added to version 1 written
/// with their defaults (objective `ambition`, item `key_results`), nulls left out.
pub fn with_defaults(v: &Value) -> Value {
    let mut v = v.clone();
    for (list, field, default) in
        [("objectives", "ambition", serde_json::json!("aspirational")), ("roadmap_items", "key_results", serde_json::json!([]))]
    {
        for record in v[list].as_array_mut().into_iter().flatten() {
            if record.get(field).is_none_or(Value::is_null) {
                record[field] = default.clone();
            }
        }
    }
    normalized(&v)
}

pub fn normalized(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(map.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), normalized(v))).collect()),
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        other => other.clone(),
    }
}

/// The `lodestar` binary, with a home of its own so the user's default workspace
/// can never be touched by a test.
pub fn lodestar(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lodestar"));
    cmd.env("HOME", home).env("XDG_DATA_HOME", home.join("data")).env_remove("LODESTAR_WORKSPACE");
    cmd
}

/// Runs `lodestar --workspace PATH ARGS…`.
pub fn run_cli(workspace: &Path, args: &[&str]) -> Output {
    let home = workspace.parent().unwrap();
    lodestar(home).arg("--workspace").arg(workspace).args(args).output().unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// Asserts a user error: exit status 1 and exactly one line on stderr, which it returns.
pub fn assert_user_error(out: &Output) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "expected exit 1 (user error); stderr: {err}");
    assert_eq!(err.trim_end_matches('\n').lines().count(), 1, "expected one line on stderr, got: {err:?}");
    assert!(err.ends_with('\n'), "the message should end with a newline: {err:?}");
    err.trim_end().to_string()
}
