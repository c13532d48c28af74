//! Upgrading workspaces written by earlier versions: one committed fixture per released
//! schema version (tests/fixtures/workspaces/vN.lodestar, see its README). Each is
//! opened from a copy, upgraded to the current schema, and must keep its contents; an
//! upgrade first leaves a pre-migration backup of the file as it was.
//!
//! The fixtures are generated deterministically by the ignored test
//! `regenerate_workspace_fixtures` from the migration files of that version plus
//! `vN.sql`; regenerate only when adding a new version's fixture.

mod common;

use std::path::{Path, PathBuf};

use lodestar::model::ProductField;
use lodestar::store::{check, list_backups, BackupKind, SCHEMA_VERSION};
use lodestar::Workspace;
use rusqlite::Connection;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspaces")
}

/// The released schema versions that have a fixture.
const FIXTURE_VERSIONS: [i64; 4] = [1, 2, 3, 4];

/// A copy of fixture `vN.lodestar` in a temp dir: the committed file is never opened.
fn copy_of(version: i64, dir: &Path) -> PathBuf {
    let path = dir.join(format!("v{version}.lodestar"));
    std::fs::copy(fixtures_dir().join(format!("v{version}.lodestar")), &path).unwrap();
    path
}

#[test]
fn every_released_schema_version_has_a_fixture() {
    // A new migration means a new released schema: add its fixture (README.md).
    assert_eq!(*FIXTURE_VERSIONS.last().unwrap(), SCHEMA_VERSION, "add tests/fixtures/workspaces/v{SCHEMA_VERSION}.lodestar");
    for v in FIXTURE_VERSIONS {
        let path = fixtures_dir().join(format!("v{v}.lodestar"));
        let conn = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let stored: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(stored, v, "{} holds schema {stored}", path.display());
    }
}

#[test]
fn a_schema_1_workspace_is_upgraded_with_its_contents_and_a_backup_of_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(1, dir.path());
    let original = std::fs::read(&path).unwrap();
    assert_eq!(check(&path).unwrap().schema_version, 1);

    let ws = Workspace::open(&path).unwrap();
    let product = ws.product().unwrap();
    assert_eq!(product.name, "Fixture Product v1");
    assert_eq!(product.vision.as_deref(), Some("Plans everyone can trust."));
    let revisions = ws.product_revisions(Some(ProductField::Vision)).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].reason, None, "schema 2 adds the reason; old revisions have none");
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.objectives.iter().map(|o| o.title.as_str()).collect::<Vec<_>>(), ["Customers trust the roadmap"]);
    assert_eq!(doc.key_results.len(), 1);
    assert_eq!(doc.checkins.iter().map(|c| c.value).collect::<Vec<_>>(), [65.0, 72.0]);
    assert_eq!(doc.roadmap_items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["Dependency warnings"]);
    assert!(ws.history().unwrap().pivots.is_empty());
    drop(ws);
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);

    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), 1, "one backup before the upgrade: {backups:?}");
    assert_eq!(backups[0].kind, BackupKind::PreMigration);
    assert!(backups[0].path.starts_with(dir.path().join("backups")));
    // The backup is the file as it was: same schema, same contents.
    assert_eq!(check(&backups[0].path).unwrap().schema_version, 1);
    let backed: String = Connection::open(&backups[0].path).unwrap().query_row("SELECT name FROM product", [], |r| r.get(0)).unwrap();
    assert_eq!(backed, "Fixture Product v1");
    assert!(!original.is_empty());

    // Opening again upgrades nothing, so no further backup appears.
    drop(Workspace::open(&path).unwrap());
    assert_eq!(list_backups(&path).unwrap().len(), 1);
}

#[test]
fn a_schema_2_workspace_opens_with_its_contents_including_reasons_and_pivots() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(2, dir.path());
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.product().unwrap().name, "Fixture Product v2");
    let revisions = ws.product_revisions(Some(ProductField::Vision)).unwrap();
    assert_eq!(revisions[0].reason.as_deref(), Some("Board review"));
    let history = ws.history().unwrap();
    assert_eq!(history.pivots.iter().map(|p| p.description.as_str()).collect::<Vec<_>>(), ["From startups to mid-size teams"]);
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.checkins.len(), 1);
    drop(ws);
    assert_eq!(check(&path).unwrap().schema_version, SCHEMA_VERSION);
    // A backup is taken exactly when the open upgraded the file.
    let upgraded = 2 < SCHEMA_VERSION;
    assert_eq!(list_backups(&path).unwrap().iter().any(|b| b.kind == BackupKind::PreMigration), upgraded);
}

#[test]
fn a_schema_3_workspace_opens_unshared_with_its_shared_ids_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(3, dir.path());
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.product().unwrap().name, "Fixture Product v3");
    assert_eq!(ws.team_status().unwrap(), None, "a schema 3 file that was never shared opens unshared");
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.roadmap_items.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["r1-a1b2c3"]);
    assert_eq!(doc.checkins.len(), 1);
    drop(ws);
    let conn = Connection::open(&path).unwrap();
    let uid: String = conn.query_row("SELECT uid FROM checkins", [], |r| r.get(0)).unwrap();
    assert_eq!(uid, "00000000000000000000000000000002");
}

#[test]
fn a_schema_4_workspace_keeps_ambition_carry_over_key_result_links_and_external_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_of(4, dir.path());
    let ws = Workspace::open(&path).unwrap();
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.objectives[0].ambition, lodestar::model::Ambition::Committed);
    assert_eq!(doc.objectives[1].ambition, lodestar::model::Ambition::Aspirational);
    assert_eq!(doc.objectives[1].carried_from.as_deref(), Some("o1"));
    assert_eq!(doc.roadmap_items[0].key_results, ["kr1"]);
    assert_eq!(doc.roadmap_items[0].external_key.as_deref(), Some("GROW-12"));
}

/// Writes tests/fixtures/workspaces/vN.lodestar from the first N migration files and
/// vN.sql. Deterministic: no clock, no random ids. Run with
/// `cargo test -p lodestar --test migrations -- --ignored regenerate`.
#[test]
#[ignore]
fn regenerate_workspace_fixtures() {
    let migrations_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
    let mut migration_files: Vec<PathBuf> = std::fs::read_dir(&migrations_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    migration_files.sort();
    for version in FIXTURE_VERSIONS {
        let target = fixtures_dir().join(format!("v{version}.lodestar"));
        let data = std::fs::read_to_string(fixtures_dir().join(format!("v{version}.sql"))).unwrap();
        let _ = std::fs::remove_file(&target);
        let conn = Connection::open(&target).unwrap();
        conn.pragma_update(None, "application_id", lodestar::store::APPLICATION_ID).unwrap();
        for file in &migration_files[..version as usize] {
            conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
        }
        conn.execute_batch(&data).unwrap();
        conn.pragma_update(None, "user_version", version).unwrap();
        conn.execute_batch("VACUUM").unwrap();
        drop(conn);
        println!("wrote {}", target.display());
    }
}
