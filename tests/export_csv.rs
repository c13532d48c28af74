//! CSV export and import on real workspace files: round trip of items, tracker-shaped
//! files (Jira, ProductPlan), refusal of bad rows with row and column named and
//! nothing written, measurements and feedback.

mod common;

use common::*;
use lodestar::interchange::csv::{CsvExport, CsvImport};
use lodestar::interchange::Document;
use lodestar::model::{ItemStatus, Product};
use lodestar::{ErrorCode, Workspace};

/// The sample without its roadmap: same goals and KPIs, no lanes or items.
fn goals_only() -> Document {
    let mut doc = lodestar::sample::sample_document(sample_day());
    let items: Vec<String> = doc.roadmap_items.iter().map(|i| i.id.clone()).collect();
    doc.decisions.iter_mut().for_each(|d| d.links.retain(|l| !items.contains(l)));
    doc.roadmap_items.clear();
    doc.lanes.clear();
    doc.baselines.clear();
    doc.experiments.iter_mut().for_each(|e| e.roadmap_item = None);
    doc.milestones.iter_mut().for_each(|m| m.roadmap_item = None);
    doc.feedback.iter_mut().for_each(|f| f.roadmap_items.clear());
    doc
}

fn open(dir: &std::path::Path, name: &str, doc: &Document) -> Workspace {
    Workspace::open_existing(&workspace_with(dir, name, doc)).unwrap()
}

#[test]
fn items_exported_as_csv_import_into_another_workspace_and_export_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let source = open(dir.path(), "a.lodestar", &lodestar::sample::sample_document(sample_day()));
    let csv = source.export_csv(CsvExport::Items, sample_day()).unwrap();
    assert!(csv.starts_with("id,title,lane,start,end,kind,status,horizon,objectives,expected_impact,tradeoff\n"));

    let mut target = open(dir.path(), "b.lodestar", &goals_only());
    let count = target.import_csv(CsvImport::Items, &csv, None).unwrap();
    let items = source.export_document().unwrap().roadmap_items;
    assert_eq!(count, items.len());
    assert_eq!(target.export_csv(CsvExport::Items, sample_day()).unwrap(), csv);
    // Lanes were created by name, in the order they first appear.
    let lanes: Vec<String> = target.export_document().unwrap().lanes.into_iter().map(|l| l.name).collect();
    let mut expected: Vec<String> = Vec::new();
    let names = source.export_document().unwrap().lanes;
    for i in &items {
        let name = names.iter().find(|l| l.id == i.lane).unwrap().name.clone();
        if !expected.contains(&name) {
            expected.push(name);
        }
    }
    assert_eq!(lanes, expected);
}

#[test]
fn a_jira_shaped_file_maps_headers_statuses_and_lanes_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = Document::new(Product { name: "Acme".into(), ..Product::default() });
    doc.lanes.push(lodestar::model::Lane { id: "l1".into(), name: "Mobile".into(), color: None });
    let mut ws = open(dir.path(), "jira.lodestar", &doc);
    let csv = "Issue key,Summary,Status,Team,Start date,Due date\n\
               ACME-1,Offline mode,To Do,mobile,2027-03-01,2027-04-15\n\
               ACME-2,\"Billing, v2\",In Progress,Payments,15/Feb/27 9:00 AM,03/31/2027\n\
               ACME-3,Dark mode,Done,Mobile,,\n";
    let preview = ws.preview_csv(CsvImport::Items, csv, None).unwrap();
    assert!(preview.errors.is_empty(), "{:?}", preview.errors);
    assert_eq!(preview.new_lanes.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Payments"]);
    ws.import_csv(CsvImport::Items, csv, None).unwrap();
    let items = ws.export_document().unwrap().roadmap_items;
    assert_eq!(items.len(), 3);
    assert_eq!((items[0].title.as_str(), items[0].lane.as_str(), items[0].status), ("Offline mode", "l1", ItemStatus::Planned));
    assert_eq!(items[1].title, "Billing, v2");
    assert_eq!(items[1].status, ItemStatus::InProgress);
    assert_eq!(items[1].start.unwrap().to_string(), "2027-02-15");
    assert_eq!(items[1].end.unwrap().to_string(), "2027-03-31");
    assert_eq!((items[2].status, items[2].start), (ItemStatus::Done, None));
}

#[test]
fn bad_rows_are_refused_with_row_and_column_named_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "s.lodestar");
    let mut ws = Workspace::open_existing(&path).unwrap();
    let before = ws.export_document().unwrap();
    let csv = "title,lane,start,end,status\n\
               Good one,New lane,2027-03-01,2027-03-10,planned\n\
               Bad start,New lane,2027-02-30,2027-03-10,planned\n\
               ,New lane,2027-03-01,2027-03-10,planned\n\
               Backwards,New lane,2027-03-10,2027-03-01,Blocked\n";
    let preview = ws.preview_csv(CsvImport::Items, csv, None).unwrap();
    let named: Vec<(String, String)> = preview.errors.iter().map(|e| (e.record.clone().unwrap(), e.field.clone().unwrap())).collect();
    // "Blocked" is a status the trackers ship (in progress): no longer a problem.
    let expected = [("row 3", "start"), ("row 4", "title"), ("row 5", "end")];
    assert_eq!(named, expected.map(|(r, f)| (r.to_string(), f.to_string())));
    assert_eq!(preview.items.len(), 1, "the good row is still previewed");
    let e = ws.import_csv(CsvImport::Items, csv, None).unwrap_err();
    assert_eq!((e.code, e.record.as_deref(), e.field.as_deref()), (ErrorCode::Invalid, Some("row 3"), Some("start")));
    assert!(e.message.contains("2027-02-30"), "{}", e.message);
    assert_eq!(ws.export_document().unwrap(), before, "nothing was imported");
}

#[test]
fn a_file_without_a_title_column_is_refused_at_the_header_and_one_without_lanes_fills_one_lane() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path(), "h.lodestar", &goals_only());
    let e = ws.import_csv(CsvImport::Items, "start,end\n2027-01-01,2027-01-02\n", None).unwrap_err();
    assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("row 1"), Some("title")));
    assert!(e.message.contains("start, end"), "the message lists the file's columns: {}", e.message);

    ws.import_csv(CsvImport::Items, "name,start\nx,2027-01-01\n", None).unwrap();
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.lanes.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["Imported"]);
    // One date only: a one-day item on that date.
    assert_eq!((doc.roadmap_items[0].start, doc.roadmap_items[0].end), ("2027-01-01".parse().ok(), "2027-01-01".parse().ok()));
}

#[test]
fn measurements_are_imported_by_kpi_id_or_name_and_a_bad_value_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path(), "m.lodestar", &goals_only());
    let doc = ws.export_document().unwrap();
    let kpi = &doc.kpis[0];
    let csv = format!("kpi,date,value\n{},2027-02-20,42.5\n{},2027-02-21,\"1,200\"\n", kpi.id, kpi.name.to_uppercase());
    assert_eq!(ws.import_csv(CsvImport::Measurements, &csv, None).unwrap(), 2);
    let after = ws.export_document().unwrap().measurements;
    assert_eq!(after.len(), doc.measurements.len() + 2);
    assert_eq!(after.last().unwrap().value, 1200.0);

    let bad = format!("kpi,date,value\n{},2027-02-22,lots\nnope,2027-02-22,1\n", kpi.id);
    let e = ws.import_csv(CsvImport::Measurements, &bad, None).unwrap_err();
    assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("row 2"), Some("value")));
    let p = ws.preview_csv(CsvImport::Measurements, &bad, None).unwrap();
    assert_eq!(p.errors[1].record.as_deref(), Some("row 3"));
    assert_eq!(p.errors[1].field.as_deref(), Some("kpi"));
    assert_eq!(ws.export_document().unwrap().measurements.len(), after.len());
}

#[test]
fn feedback_is_imported_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path(), "f.lodestar", &goals_only());
    let before = ws.export_document().unwrap().feedback.len();
    let csv = "Date,Source,Customer,Text\n2027-02-01,Support,Globex,\"Export to \"\"PDF\"\" please\"\n2027-02-02,,,Love it\n";
    assert_eq!(ws.import_csv(CsvImport::Feedback, csv, None).unwrap(), 2);
    let out = ws.export_csv(CsvExport::Feedback, sample_day()).unwrap();
    assert!(out.starts_with("id,date,source,customer,text,themes,roadmap_items\n"));
    assert!(out.contains("2027-02-01,support,Globex,\"Export to \"\"PDF\"\" please\""), "{out}");
    assert!(out.contains("2027-02-02,other,,Love it"));
    assert_eq!(out.lines().count(), before + 3);
    let e = ws.import_csv(CsvImport::Feedback, "date,source,text\n2027-02-03,pigeon,hi\n", None).unwrap_err();
    assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("row 2"), Some("source")));
}

#[test]
fn the_okr_csv_has_one_row_per_key_result_with_its_objective_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    let ws = open(dir.path(), "o.lodestar", &lodestar::sample::sample_document(sample_day()));
    let csv = ws.export_csv(CsvExport::Okrs, sample_day()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["cycle", "objective_id", "objective"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let doc = ws.export_document().unwrap();
    let with_krs = doc.objectives.iter().filter(|o| doc.key_results.iter().any(|k| k.objective == o.id)).count();
    assert_eq!(rows.len(), doc.key_results.len() + (doc.objectives.len() - with_krs));
    let report = ws.okr_report(sample_day(), None).unwrap();
    let kr = &report.objectives.iter().find(|o| !o.key_results.is_empty()).unwrap().key_results[0];
    let row = rows.iter().find(|r| r.get(8) == Some(kr.id.as_str())).unwrap();
    let col = |name: &str| row.get(header.iter().position(|h| h == name).unwrap()).unwrap().to_string();
    assert_eq!(col("current"), kr.current.map(|v| v.to_string()).unwrap_or_default());
    assert_eq!(col("progress"), kr.progress.map(|v| v.to_string()).unwrap_or_default());
}
