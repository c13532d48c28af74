//! Backups: taken with SQLite's online backup API into `backups/` beside the
//! workspace, once a day while in use and before upgrades, rotated, listed, and
//! restored (after validation, keeping the replaced contents as a backup too).

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use lodestar::model::ProductField;
use lodestar::store::{check, list_backups, BackupKind, SCHEMA_VERSION};
use lodestar::{ErrorCode, Workspace};

fn vision(ws: &Workspace) -> Option<String> {
    ws.product().unwrap().vision
}

#[test]
fn restoring_yesterdays_backup_brings_its_contents_back_and_keeps_todays_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "acme.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    let yesterday = Utc.with_ymd_and_hms(2027, 2, 14, 17, 0, 0).unwrap();
    ws.set_product_field(ProductField::Vision, Some("Yesterday's vision"), yesterday).unwrap();
    let daily = ws.backup_if_due(yesterday).unwrap().expect("the first daily backup is due");
    let before = contents(&ws);

    // Today the user replaces everything by mistake.
    let today = yesterday + Duration::hours(16);
    ws.set_product_field(ProductField::Vision, Some("Today's mistake"), today).unwrap();
    let objectives = ws.export_document().unwrap().objectives;
    ws.delete_objective(&objectives[0].id, today).unwrap();

    let saved = ws.restore_from(&daily.path, today).unwrap();
    assert_eq!(saved.kind, BackupKind::PreRestore);
    assert_eq!(contents(&ws), before, "the restored workspace holds exactly what was backed up");
    assert_eq!(vision(&ws).as_deref(), Some("Yesterday's vision"));
    drop(ws);

    // Another program (the CLI) sees the restored file; the file is healthy and current.
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    let out = run_cli(&path, &["export", "json"]);
    assert!(stdout(&out).contains("Yesterday's vision"), "{}", stderr(&out));
    // And the replaced contents can be restored in turn.
    let mut ws = Workspace::open(&path).unwrap();
    ws.restore_from(&saved.path, today + Duration::minutes(1)).unwrap();
    assert_eq!(vision(&ws).as_deref(), Some("Today's mistake"));
    assert_eq!(ws.export_document().unwrap().objectives.len(), objectives.len() - 1);
}

#[test]
fn a_daily_backup_is_taken_once_a_day_and_only_the_last_seven_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "acme.lodestar");
    let ws = Workspace::open(&path).unwrap();
    let start = Utc.with_ymd_and_hms(2027, 3, 1, 8, 0, 0).unwrap();
    let mut taken = 0;
    for day in 0..10 {
        for hour in [0, 1, 9] {
            let now = start + Duration::days(day) + Duration::hours(hour);
            taken += ws.backup_if_due(now).unwrap().is_some() as usize;
        }
    }
    assert_eq!(taken, 10, "one per day, however often the app asks");
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 7, "{backups:?}");
    assert!(backups.iter().all(|b| b.kind == BackupKind::Daily && b.size > 0 && b.path.exists()));
    assert_eq!(backups[0].taken_at, start + Duration::days(9), "newest first");
    assert_eq!(backups[6].taken_at, start + Duration::days(3));
    assert_eq!(std::fs::read_dir(dir.path().join("backups")).unwrap().count(), 7, "older files are deleted");
    // Each is a healthy, self-contained workspace (no log beside it).
    for b in &backups {
        assert_eq!(check(&b.path).unwrap().schema_version, SCHEMA_VERSION);
        assert!(!std::path::PathBuf::from(format!("{}-wal", b.path.display())).exists());
    }
}

#[test]
fn an_empty_workspace_is_not_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("new.lodestar")).unwrap();
    assert_eq!(ws.backup_if_due(now()).unwrap(), None);
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn backups_of_two_workspaces_in_one_folder_are_listed_apart() {
    let dir = tempfile::tempdir().unwrap();
    let a = sample_workspace(dir.path(), "plan.lodestar");
    let b = sample_workspace(dir.path(), "plan.v2.lodestar");
    Workspace::open(&a).unwrap().back_up(BackupKind::Daily, now()).unwrap();
    Workspace::open(&b).unwrap().back_up(BackupKind::Daily, now()).unwrap();
    Workspace::open(&b).unwrap().back_up(BackupKind::Daily, now()).unwrap(); // same second: kept apart
    assert_eq!(list_backups(&a).unwrap().len(), 1);
    assert_eq!(list_backups(&b).unwrap().len(), 2);
}

#[test]
fn restoring_a_damaged_or_foreign_file_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "acme.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    let before = contents(&ws);

    let json = dir.path().join("backups-export.lodestar");
    std::fs::write(&json, example_text()).unwrap();
    let err = ws.restore_from(&json, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotAWorkspace, "{err}");

    let good = ws.back_up(BackupKind::Daily, now()).unwrap();
    let mut bytes = std::fs::read(&good.path).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&good.path, &bytes).unwrap();
    let err = ws.restore_from(&good.path, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Damaged, "{err}");

    let err = ws.restore_from(&path, now()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Invalid, "{err}");

    assert_eq!(contents(&ws), before);
    assert!(list_backups(&path).unwrap().iter().all(|b| b.kind != BackupKind::PreRestore), "nothing was replaced");
}

#[test]
fn an_older_backup_is_upgraded_when_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "acme.lodestar");
    let old = dir.path().join("v1.lodestar");
    std::fs::copy(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspaces/v1.lodestar"), &old).unwrap();
    let mut ws = Workspace::open(&path).unwrap();
    ws.restore_from(&old, now()).unwrap();
    assert_eq!(ws.product().unwrap().name, "Fixture Product v1");
    drop(ws);
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
}
