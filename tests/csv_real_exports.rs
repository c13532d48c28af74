//! Roadmap items from real CSV exports of Jira (English and French), Linear and Plane,
//! committed to public repositories (tests/fixtures/csv/SOURCES.md): the shape is
//! recognised, every row comes in, keys are kept, and importing the same file again
//! updates instead of copying. Then the CLI's `--lane`, `--map` and `--dry-run`.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use common::*;
use lodestar::interchange::csv::{CsvImport, CsvSource, ItemMapping};
use lodestar::interchange::Document;
use lodestar::model::{ItemKind, ItemStatus, Product};
use lodestar::Workspace;
use serde_json::Value;

fn export(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv").join(name)
}

fn text(name: &str) -> String {
    lodestar::files::read_text(&export(name)).unwrap()
}

fn empty_workspace(dir: &Path) -> Workspace {
    let doc = Document::new(Product { name: "Imports".into(), ..Product::default() });
    Workspace::open_existing(&workspace_with(dir, "w.lodestar", &doc)).unwrap()
}

fn date(s: &str) -> Option<NaiveDate> {
    Some(s.parse().unwrap())
}

fn lane_of(doc: &Document, key: &str) -> String {
    let item = doc.roadmap_items.iter().find(|i| i.external_key.as_deref() == Some(key)).unwrap();
    doc.lanes.iter().find(|l| l.id == item.lane).unwrap().name.clone()
}

#[test]
fn every_real_export_previews_without_a_problem_and_imports_every_row() {
    for (file, source, rows) in [
        ("jira-en-cloud-ericmedlock.csv", CsvSource::Jira, 22),
        ("jira-en-cloud-mitsusarkar.csv", CsvSource::Jira, 19),
        ("jira-fr-cloud-ecoeye.csv", CsvSource::Jira, 30),
        ("jira-fr-cloud-fitnessport.csv", CsvSource::Jira, 20),
        ("jira-fr-cloud-onpointdoc.csv", CsvSource::Jira, 40),
        ("linear-shortcut-repl.csv", CsvSource::Linear, 10),
        ("plane-karlromets-sample.csv", CsvSource::Plane, 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = empty_workspace(dir.path());
        let p = ws.preview_csv(CsvImport::Items, &text(file), None).unwrap();
        assert!(p.errors.is_empty(), "{file}: {:?}", p.errors);
        assert_eq!(p.source, Some(source), "{file}");
        assert_eq!(p.items.len(), rows, "{file}");
        assert!(p.items.iter().all(|i| i.external_key.is_some()), "{file}: every row keeps its key");
        assert_eq!(ws.import_csv(CsvImport::Items, &text(file), None).unwrap(), rows, "{file}");
        assert_eq!(ws.export_document().unwrap().roadmap_items.len(), rows, "{file}");
    }
}

#[test]
fn an_english_jira_export_reads_keys_statuses_dates_and_the_project_as_lane() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let p = ws.preview_csv(CsvImport::Items, &text("jira-en-cloud-mitsusarkar.csv"), None).unwrap();
    let m = p.mapping.clone().unwrap();
    assert_eq!(
        (m.title.as_deref(), m.key.as_deref(), m.lane.as_deref(), m.end.as_deref()),
        (Some("Summary"), Some("Issue key"), Some("Project name"), Some("Due date"))
    );
    // "Analyzing" is no status Lodestar knows: the nearest (in progress), shown as a guess.
    let analyzing = p.statuses.iter().find(|c| c.value == "Analyzing").unwrap();
    assert_eq!((analyzing.status, analyzing.guessed), (ItemStatus::InProgress, true));
    ws.import_csv(CsvImport::Items, &text("jira-en-cloud-mitsusarkar.csv"), None).unwrap();
    let doc = ws.export_document().unwrap();
    let bd10 = doc.roadmap_items.iter().find(|i| i.external_key.as_deref() == Some("BD-10")).unwrap();
    // Due date "05/Oct/25 12:00 AM" and no start: one day on the due date.
    assert_eq!((bd10.start, bd10.end), (date("2025-10-05"), date("2025-10-05")));
    assert_eq!(lane_of(&doc, "BD-10"), "Budget vs Actuals – Variance Reviews");
}

#[test]
fn a_french_jira_export_reads_localised_headers_statuses_and_dates_with_epics_heading_their_lanes() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let csv = text("jira-fr-cloud-fitnessport.csv");
    let p = ws.preview_csv(CsvImport::Items, &csv, None).unwrap();
    let m = p.mapping.clone().unwrap();
    assert_eq!(m.title.as_deref(), Some("Résumé"));
    assert_eq!(m.key.as_deref(), Some("Clé de ticket"));
    assert_eq!(m.kind.as_deref(), Some("Type de ticket"));
    assert_eq!(m.status.as_deref(), Some("État"));
    assert_eq!(m.start.as_deref(), Some("Champs personnalisés (Date de début)"));
    assert_eq!(m.end.as_deref(), Some("Date d'échéance"));
    assert_eq!(m.lane.as_deref(), Some("Parent summary"));
    for (value, status) in [("À faire", ItemStatus::Planned), ("En cours", ItemStatus::InProgress), ("Terminé(e)", ItemStatus::Done)] {
        let c = p.statuses.iter().find(|c| c.value == value).unwrap();
        assert_eq!((c.status, c.guessed), (status, false), "{value}");
    }
    assert!(p.kinds.iter().all(|k| k.kind == ItemKind::Feature && !k.guessed), "{:?}", p.kinds);
    ws.import_csv(CsvImport::Items, &csv, None).unwrap();
    let doc = ws.export_document().unwrap();
    // SAM1-2 is an epic other rows name as their parent: it heads the lane of its stories.
    assert_eq!(lane_of(&doc, "SAM1-2"), "Implement Market Analysis Tools");
    let stories: Vec<&str> = doc
        .roadmap_items
        .iter()
        .filter(|i| i.lane == doc.roadmap_items.iter().find(|j| j.external_key.as_deref() == Some("SAM1-2")).unwrap().lane)
        .map(|i| i.title.as_str())
        .collect();
    assert!(stories.len() > 1, "{stories:?}");
    // "07/oct./26 12:00 AM" to "13/oct./26 12:00 AM" and friends: French months read.
    let dated = doc.roadmap_items.iter().filter(|i| i.start.is_some()).count();
    assert_eq!(dated, 14);
    assert!(doc.roadmap_items.iter().all(|i| i.start.is_none_or(|s| s.to_string().starts_with("2026-10"))));
}

#[test]
fn a_linear_export_reads_its_dates_and_statuses() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    ws.import_csv(CsvImport::Items, &text("linear-shortcut-repl.csv"), None).unwrap();
    let doc = ws.export_document().unwrap();
    let status = |key: &str| doc.roadmap_items.iter().find(|i| i.external_key.as_deref() == Some(key)).unwrap().status;
    assert_eq!(lane_of(&doc, "CLA-1"), "Claw Alpha");
    assert_eq!(status("CLA-1"), ItemStatus::InProgress);
    let due: Vec<_> = doc.roadmap_items.iter().filter_map(|i| i.end).collect();
    // "Fri Mar 10 2023 00:00:00 GMT+0000 (GMT)" and "Tue Feb 28 2023 …".
    assert_eq!(due.len(), 2);
    assert!(due.contains(&date("2023-03-10").unwrap()) && due.contains(&date("2023-02-28").unwrap()), "{due:?}");
    assert!(doc.roadmap_items.iter().any(|i| i.status == ItemStatus::Dropped), "Canceled is dropped");
}

#[test]
fn importing_the_same_export_again_updates_its_items_instead_of_adding_copies() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let csv = text("jira-en-cloud-ericmedlock.csv");
    ws.import_csv(CsvImport::Items, &csv, None).unwrap();
    let first = ws.export_document().unwrap();

    let again = ws.preview_csv(CsvImport::Items, &csv, None).unwrap();
    assert_eq!((again.items.len(), again.updates.len(), again.unchanged), (0, 0, 22));
    assert_eq!(ws.import_csv(CsvImport::Items, &csv, None).unwrap(), 0);
    assert_eq!(ws.export_document().unwrap(), first, "nothing changed, nothing written");

    // The export a week later: TES-25 is done and renamed, and a new issue appeared.
    let later = csv.replacen("Enable Selinium scripts", "Enable Selenium scripts", 1) + "New work,TES-99,10999,Task,To Do,TES\n";
    let p = ws.preview_csv(CsvImport::Items, &later, None).unwrap();
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!((p.items.len(), p.updates.len(), p.unchanged), (1, 1, 21));
    assert_eq!(ws.import_csv(CsvImport::Items, &later, None).unwrap(), 2);
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.roadmap_items.len(), 23);
    let tes25 = doc.roadmap_items.iter().find(|i| i.external_key.as_deref() == Some("TES-25")).unwrap();
    let before = first.roadmap_items.iter().find(|i| i.external_key.as_deref() == Some("TES-25")).unwrap();
    assert_eq!(tes25.id, before.id, "the same item, updated");
    assert!(tes25.title.starts_with("Enable Selenium scripts"));
}

#[test]
fn a_re_import_keeps_what_the_file_does_not_say() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "s.lodestar");
    let mut ws = Workspace::open_existing(&path).unwrap();
    let csv = "Issue key,Summary,Status\nACME-1,Offline mode,To Do\n";
    ws.import_csv(CsvImport::Items, csv, None).unwrap();
    let id = ws.export_document().unwrap().roadmap_items.iter().find(|i| i.external_key.as_deref() == Some("ACME-1")).unwrap().id.clone();
    let goal = ws.export_document().unwrap().objectives[0].id.clone();
    let mut item = ws.export_document().unwrap().roadmap_items.into_iter().find(|i| i.id == id).unwrap();
    item.objectives = vec![goal.clone()];
    item.expected_impact = Some("+2 pts activation".into());
    ws.apply_roadmap_edit(&lodestar::model::RoadmapEdit::UpdateItem { item }).unwrap();

    ws.import_csv(CsvImport::Items, "Issue key,Summary,Status\nACME-1,Offline mode,In Progress\n", None).unwrap();
    let item = ws.export_document().unwrap().roadmap_items.into_iter().find(|i| i.id == id).unwrap();
    assert_eq!(item.status, ItemStatus::InProgress);
    assert_eq!((item.objectives, item.expected_impact.as_deref()), (vec![goal], Some("+2 pts activation")));
}

#[test]
fn a_key_twice_in_one_file_is_refused_naming_both_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let e = ws.import_csv(CsvImport::Items, "Issue key,Summary\nA-1,One\nA-2,Two\nA-1,Three\n", None).unwrap_err();
    assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("row 4"), Some("key")));
    assert!(e.message.contains("row 2"), "{}", e.message);
    assert!(ws.export_document().unwrap().roadmap_items.is_empty());
}

#[test]
fn a_chosen_mapping_overrides_the_detected_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = empty_workspace(dir.path());
    let csv = text("jira-fr-cloud-ecoeye.csv");
    let detected = ws.preview_csv(CsvImport::Items, &csv, None).unwrap().mapping.unwrap();
    let mut m = ItemMapping { lane: None, fixed_lane: Some("EcoEye".into()), ..detected };
    m.statuses.insert("En cours".into(), ItemStatus::Planned);
    m.kinds.insert("Epic".into(), ItemKind::Discovery);
    ws.import_csv(CsvImport::Items, &csv, Some(&m)).unwrap();
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.lanes.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["EcoEye"]);
    assert!(!doc.roadmap_items.iter().any(|i| i.status == ItemStatus::InProgress));
    assert!(doc.roadmap_items.iter().any(|i| i.kind == ItemKind::Discovery));
    // A column the file does not have is refused at the header, naming the columns it has.
    let bad = ItemMapping { start: Some("Début".into()), ..m };
    let e = ws.preview_csv(CsvImport::Items, &csv, Some(&bad)).unwrap_err();
    assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("row 1"), Some("start")));
    assert!(e.message.contains("Résumé"), "{}", e.message);
}

#[test]
fn the_cli_detects_the_shape_and_takes_lane_map_and_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace_with(dir.path(), "w.lodestar", &Document::new(Product { name: "Imports".into(), ..Product::default() }));
    let file = export("jira-fr-cloud-fitnessport.csv");
    let file = file.to_str().unwrap();

    // --dry-run prints the preview and writes nothing.
    let out = run_cli(&ws, &["import-csv", "--what", "items", file, "--dry-run", "--lane", "Fitness"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let preview: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(preview["source"], "jira");
    assert_eq!(preview["items"].as_array().unwrap().len(), 20);
    assert_eq!(preview["new_lanes"][0]["name"], "Fitness");
    assert_eq!(preview["mapping"]["fixed_lane"], "Fitness");
    let doc: Value = serde_json::from_str(&stdout(&run_cli(&ws, &["export", "json"]))).unwrap();
    assert_eq!(doc["roadmap_items"].as_array().unwrap().len(), 0);

    // --map lane=… reads the lane from another column.
    let out = run_cli(&ws, &["import-csv", "--what", "items", file, "--map", "lane=Nom du projet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&run_cli(&ws, &["export", "json"]))).unwrap();
    let mut lanes: Vec<&str> = doc["lanes"].as_array().unwrap().iter().map(|l| l["name"].as_str().unwrap()).collect();
    lanes.sort();
    assert_eq!(lanes, ["(Example) Billing System Dev", "My Software Team"]);

    // A field or column that does not exist is a one-line error, exit 1.
    let err = assert_user_error(&run_cli(&ws, &["import-csv", "--what", "items", file, "--map", "colour=État"]));
    assert!(err.contains("colour"), "{err}");
    let err = assert_user_error(&run_cli(&ws, &["import-csv", "--what", "items", file, "--map", "start=Début"]));
    assert!(err.contains("Début"), "{err}");
    // Again: the same 20 issues, unchanged.
    let out = run_cli(&ws, &["import-csv", "--what", "items", file, "--map", "lane=Nom du projet"]);
    assert!(stdout(&out).contains("Imported 0 rows"), "{}", stdout(&out));
}
