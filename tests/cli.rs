//! The `lodestar` command line as a real process: exit 0 on success, 1 on a user error
//! with one line on stderr naming record and field, 2 on bad usage.

mod common;

use std::path::Path;

use common::*;
use lodestar::store::SCHEMA_VERSION;
use serde_json::{json, Value};

fn export_stdout(workspace: &Path) -> String {
    let out = run_cli(workspace, &["export", "json"]);
    assert_eq!(out.status.code(), Some(0), "export failed: {}", stderr(&out));
    stdout(&out)
}

fn write_json(dir: &Path, name: &str, doc: &Value) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
    path
}

#[test]
fn demo_fills_a_new_workspace_and_check_then_reports_it_healthy_with_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.lodestar");

    let out = run_cli(&ws, &["demo"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Acme Analytics"), "{}", stdout(&out));

    let out = run_cli(&ws, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("schema version {SCHEMA_VERSION}")), "{}", stdout(&out));
    assert!(out.stderr.is_empty());

    let exported: Value = serde_json::from_str(&export_stdout(&ws)).unwrap();
    assert_eq!(exported["product"]["name"], "Acme Analytics");
    assert!(!exported["roadmap_items"].as_array().unwrap().is_empty());
}

#[test]
fn demo_on_a_workspace_that_holds_data_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("full.lodestar");
    let example = fixture_path("example.json");
    assert_eq!(run_cli(&ws, &["import", example.to_str().unwrap()]).status.code(), Some(0));
    let before = export_stdout(&ws);

    let line = assert_user_error(&run_cli(&ws, &["demo"]));
    assert!(line.contains("already holds data"), "{line}");
    assert_eq!(export_stdout(&ws), before, "a refused demo changed the workspace");
}

#[test]
fn demo_run_twice_is_refused_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("twice.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    let before = export_stdout(&ws);
    assert_user_error(&run_cli(&ws, &["demo"]));
    assert_eq!(export_stdout(&ws), before);
}

#[test]
fn import_of_a_good_document_exits_0_and_the_export_gives_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let out = run_cli(&ws, &["import", fixture_path("example.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let exported: Value = serde_json::from_str(&export_stdout(&ws)).unwrap();
    assert_eq!(normalized(&exported), with_defaults(&example_value()));
}

#[test]
fn import_of_a_bad_document_exits_1_with_one_line_naming_record_and_field_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    let before = export_stdout(&ws);

    let mut doc = example_value();
    doc["objectives"][0]["cycle"] = json!("2031-Q9");
    let bad = write_json(dir.path(), "bad.json", &doc);
    let out = run_cli(&ws, &["import", bad.to_str().unwrap()]);
    let line = assert_user_error(&out);
    assert!(line.contains("objective \"o1\""), "the line should name the record: {line}");
    assert!(line.contains("field \"cycle\""), "the line should name the field: {line}");
    assert!(line.contains("2031-Q9"), "the line should name the missing cycle: {line}");
    assert!(out.stdout.is_empty());
    assert_eq!(export_stdout(&ws), before, "a refused import changed the workspace");
}

#[test]
fn import_of_a_number_too_large_for_a_double_names_its_record_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let text = serde_json::to_string_pretty(&example_value()).unwrap().replace("\"value\": 42.5", "\"value\": 1e999");
    assert!(text.contains("1e999"));
    let bad = dir.path().join("huge.json");
    std::fs::write(&bad, text).unwrap();

    let line = assert_user_error(&run_cli(&ws, &["import", bad.to_str().unwrap()]));
    assert!(line.contains("checkins[0]") && line.contains("field \"value\""), "{line}");
}

#[test]
fn import_of_a_document_from_a_newer_lodestar_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let mut doc = example_value();
    doc["version"] = json!(2);
    let newer = write_json(dir.path(), "newer.json", &doc);
    let line = assert_user_error(&run_cli(&ws, &["import", newer.to_str().unwrap()]));
    assert!(line.contains("newer"), "{line}");
    assert!(line.contains("field \"version\""), "{line}");
}

#[test]
fn import_of_a_text_that_is_not_json_says_so_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let notes = dir.path().join("notes.json");
    std::fs::write(&notes, "Product: Acme\nVision: data in minutes\n").unwrap();
    let line = assert_user_error(&run_cli(&ws, &["import", notes.to_str().unwrap()]));
    assert!(line.contains("not valid JSON"), "{line}");
}

#[test]
fn import_of_a_missing_file_exits_1_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let line = assert_user_error(&run_cli(&ws, &["import", dir.path().join("nope.json").to_str().unwrap()]));
    assert!(line.contains("nope.json"), "{line}");
}

#[test]
fn export_json_to_a_file_writes_the_same_valid_json_as_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    let out_file = dir.path().join("export.json");

    let out = run_cli(&ws, &["export", "json", "--out", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "with --out nothing goes to standard output");

    let written = std::fs::read_to_string(&out_file).unwrap();
    let parsed: Value = serde_json::from_str(&written).expect("the file should hold valid JSON");
    assert_eq!(parsed["format"], "lodestar-workspace");
    assert_eq!(parsed["version"], 1);
    assert_eq!(written, export_stdout(&ws));

    let names: Vec<String> = folder_bytes(dir.path()).into_keys().collect();
    assert!(!names.iter().any(|n| n.contains("tmp")), "a temporary file was left behind: {names:?}");
}

#[test]
fn export_json_to_a_file_replaces_an_older_export() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    let out_file = dir.path().join("export.json");
    std::fs::write(&out_file, "old contents that are much longer than nothing at all").unwrap();

    assert_eq!(run_cli(&ws, &["export", "json", "--out", out_file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), export_stdout(&ws));
}

#[test]
fn the_demo_exported_by_the_cli_imports_into_a_second_workspace_and_exports_identically() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.lodestar");
    let second = dir.path().join("second.lodestar");
    assert_eq!(run_cli(&first, &["demo"]).status.code(), Some(0));
    let out_file = dir.path().join("first.json");
    assert_eq!(run_cli(&first, &["export", "json", "--out", out_file.to_str().unwrap()]).status.code(), Some(0));

    let out = run_cli(&second, &["import", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(export_stdout(&second), export_stdout(&first));
}

/// Bad usage: exit 2, a message on stderr, and no workspace created.
fn assert_bad_usage(args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    let out = run_cli(&ws, args);
    assert_eq!(out.status.code(), Some(2), "lodestar {}: {}", args.join(" "), stderr(&out));
    assert!(!out.stderr.is_empty(), "lodestar {} should say what is wrong", args.join(" "));
    assert!(!ws.exists(), "lodestar {} created a workspace", args.join(" "));
}

#[test]
fn an_unknown_subcommand_is_bad_usage() {
    assert_bad_usage(&["frobnicate"]);
}

#[test]
fn import_without_a_file_is_bad_usage() {
    assert_bad_usage(&["import"]);
}

#[test]
fn export_without_what_to_export_is_bad_usage() {
    assert_bad_usage(&["export"]);
}

#[test]
fn export_in_an_unknown_format_is_bad_usage() {
    assert_bad_usage(&["export", "yaml"]);
}

#[test]
fn export_with_out_but_no_file_is_bad_usage() {
    assert_bad_usage(&["export", "json", "--out"]);
}

#[test]
fn no_subcommand_at_all_is_bad_usage() {
    assert_bad_usage(&[]);
}

#[test]
fn an_unknown_option_is_bad_usage() {
    assert_bad_usage(&["check", "--colour"]);
}

#[test]
fn help_is_printed_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = lodestar(dir.path()).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    for command in ["demo", "import", "export", "check"] {
        assert!(stdout(&out).contains(command), "help should list {command}: {}", stdout(&out));
    }
}

#[test]
fn a_refused_import_into_a_new_path_leaves_no_workspace_behind() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("new.lodestar");
    let mut doc = example_value();
    doc["roadmap_items"][0]["depends_on"] = json!(["r1"]);
    let bad = write_json(dir.path(), "bad.json", &doc);

    let line = assert_user_error(&run_cli(&ws, &["import", bad.to_str().unwrap()]));
    assert!(line.contains("roadmap item \"r1\"") && line.contains("field \"depends_on\""), "{line}");
    assert!(!ws.exists(), "all or nothing: a refused import must not create a workspace");
}

#[test]
fn exporting_over_the_workspace_file_itself_is_refused_and_the_workspace_survives() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    let before = export_stdout(&ws);

    let line = assert_user_error(&run_cli(&ws, &["export", "json", "--out", ws.to_str().unwrap()]));
    assert!(line.contains("--out"), "the line should name the option: {line}");
    assert_eq!(run_cli(&ws, &["check"]).status.code(), Some(0), "the workspace was damaged");
    assert_eq!(export_stdout(&ws), before);
}

#[test]
fn output_into_a_closed_pipe_ends_quietly_like_other_unix_tools() {
    // `lodestar export json | head -1`: the reader goes away before the output is written.
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.lodestar");
    assert_eq!(run_cli(&ws, &["demo"]).status.code(), Some(0));
    for args in [&["export", "json"][..], &["report", "okrs", "--json"], &["report", "backlog"]] {
        let mut child = lodestar(dir.path())
            .arg("--workspace")
            .arg(&ws)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}
