//! Round trips of the interchange format: what goes in comes out, with the same ids,
//! the same values and the same order.

mod common;

use common::*;
use lodestar::interchange::{parse_document, to_json, Document};
use lodestar::Workspace;
use serde_json::{json, Value};

fn exported_value(ws: &Workspace) -> Value {
    serde_json::from_str(&to_json(&ws.export_document().unwrap())).unwrap()
}

/// The lists of the format whose records carry an id.
const LISTS_WITH_IDS: &[&str] = &[
    "cycles",
    "objectives",
    "key_results",
    "kpis",
    "milestones",
    "lanes",
    "roadmap_items",
    "baselines",
    "themes",
    "feedback",
    "experiments",
    "decisions",
];

fn ids(doc: &Value, list: &str) -> Vec<String> {
    doc[list].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_example_of_the_format_imports_and_exports_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("example.lodestar")).unwrap();
    import_text(&mut ws, &example_text()).unwrap();

    let exported = exported_value(&ws);
    let original = example_value();
    assert_eq!(normalized(&exported), with_defaults(&original), "export(import(example)) differs from the example");
}

#[test]
fn ids_written_by_the_writer_survive_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("example.lodestar")).unwrap();
    let mut doc = sample_value();
    // Ids of every shape a writer may choose.
    doc["themes"].as_array_mut().unwrap().push(json!({ "id": "Thème ✨ #1 / \"quoted\"", "name": "Odd id" }));
    import_value(&mut ws, &doc).unwrap();

    let exported = exported_value(&ws);
    for list in LISTS_WITH_IDS {
        assert_eq!(ids(&exported, list), ids(&doc, list), "the ids of {list} changed");
    }
}

#[test]
fn the_example_exports_the_same_after_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.lodestar");
    let first = {
        let mut ws = Workspace::open(&path).unwrap();
        import_text(&mut ws, &example_text()).unwrap();
        to_json(&ws.export_document().unwrap())
    };
    let again = to_json(&Workspace::open(&path).unwrap().export_document().unwrap());
    assert_eq!(again, first);
}

#[test]
fn the_sample_exports_imports_into_a_second_file_and_exports_identically() {
    let dir = tempfile::tempdir().unwrap();
    let first = Workspace::open(&sample_workspace(dir.path(), "first.lodestar")).unwrap();
    let first_json = to_json(&first.export_document().unwrap());

    let mut second = Workspace::open(&dir.path().join("second.lodestar")).unwrap();
    import_text(&mut second, &first_json).unwrap();
    let second_json = to_json(&second.export_document().unwrap());

    assert_eq!(second_json, first_json, "the second file exports differently from the first");
    assert_eq!(parse_document(&first_json).unwrap(), lodestar::sample::sample_document(sample_day()));
}

#[test]
fn the_sample_holds_records_of_every_kind() {
    let doc = sample_value();
    for list in LISTS_WITH_IDS.iter().chain(&["checkins", "measurements", "key_result_milestones"]) {
        assert!(!doc[list].as_array().unwrap().is_empty(), "the sample has no {list}, so round trips would not cover them");
    }
}

/// Reverses every list of the document, top-level and inside records.
fn reversed(mut doc: Document) -> Document {
    doc.cycles.reverse();
    doc.objectives.reverse();
    doc.key_results.reverse();
    doc.checkins.reverse();
    doc.kpis.reverse();
    doc.measurements.reverse();
    doc.milestones.reverse();
    doc.key_result_milestones.reverse();
    doc.lanes.reverse();
    doc.roadmap_items.reverse();
    for r in &mut doc.roadmap_items {
        r.objectives.reverse();
        r.depends_on.reverse();
    }
    doc.baselines.reverse();
    for b in &mut doc.baselines {
        b.items.reverse();
    }
    doc.themes.reverse();
    doc.feedback.reverse();
    for f in &mut doc.feedback {
        f.themes.reverse();
        f.roadmap_items.reverse();
    }
    doc.experiments.reverse();
    doc.decisions.reverse();
    for d in &mut doc.decisions {
        d.links.reverse();
    }
    doc
}

#[test]
fn records_and_lists_keep_their_order_whatever_it_is() {
    let sample = lodestar::sample::sample_document(sample_day());
    let backwards = reversed(sample.clone());
    assert_ne!(backwards, sample, "reversing should change the order of something");
    assert!(
        backwards.roadmap_items.iter().any(|r| r.depends_on.len() > 1 || r.objectives.len() > 1),
        "the sample should have an item with several links, so their order is tested"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backwards.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    ws.import_document(&backwards, now()).unwrap();
    assert_eq!(ws.export_document().unwrap(), backwards, "the export does not keep the order of the import");
    drop(ws);
    assert_eq!(Workspace::open(&path).unwrap().export_document().unwrap(), backwards, "order lost on reopening");
}

#[test]
fn a_document_holding_only_a_product_imports_and_exports_every_list_empty() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("min.lodestar")).unwrap();
    import_text(&mut ws, r#"{ "format": "lodestar-workspace", "version": 1, "product": { "name": "Tiny" } }"#).unwrap();

    let exported = exported_value(&ws);
    assert_eq!(exported["product"], json!({ "name": "Tiny", "vision": null, "strategy": null, "lifecycle_stage": null }));
    for list in LISTS_WITH_IDS.iter().chain(&["checkins", "measurements", "key_result_milestones"]) {
        assert_eq!(exported[list], json!([]), "{list} should export as an empty list");
    }
    assert!(!ws.is_empty().unwrap(), "a workspace with a named product is not empty");
}

#[test]
fn omitted_optional_fields_export_as_null_and_omitted_lists_as_empty() {
    let mut doc = example_value();
    doc["objectives"][0] = json!({ "id": "o1", "title": "Make onboarding effortless", "status": "active" });
    doc["roadmap_items"][0] = json!({ "id": "r1", "lane": "l1", "title": "Guided setup", "kind": "feature", "status": "idea" });
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
    import_value(&mut ws, &doc).unwrap();

    let exported = exported_value(&ws);
    assert_eq!(exported["objectives"][0]["cycle"], Value::Null);
    assert_eq!(exported["objectives"][0]["weight"], Value::Null);
    assert_eq!(exported["roadmap_items"][0]["rice"], Value::Null);
    assert_eq!(exported["roadmap_items"][0]["start"], Value::Null);
    assert_eq!(exported["roadmap_items"][0]["depends_on"], json!([]));
    assert_eq!(exported["objectives"][0]["ambition"], json!("aspirational"));
    assert_eq!(exported["objectives"][0]["carried_from"], Value::Null);
    assert_eq!(exported["roadmap_items"][0]["external_key"], Value::Null);
    let mut objective = doc["objectives"][0].clone();
    objective["ambition"] = json!("aspirational");
    assert_eq!(normalized(&exported["objectives"][0]), normalized(&objective));
    // An omitted list is an empty one.
    let mut item = doc["roadmap_items"][0].clone();
    item["objectives"] = json!([]);
    item["depends_on"] = json!([]);
    item["key_results"] = json!([]);
    assert_eq!(normalized(&exported["roadmap_items"][0]), normalized(&item));
}

#[test]
fn user_text_and_exact_numbers_come_back_unchanged() {
    let tricky = "Ünïcødé ✓ — \"quotes\", <b>not bold</b>, 'single', \\ back\\slash,\nnew line, \ttab, עברית, 日本語, 🚀";
    let mut doc = example_value();
    doc["product"]["vision"] = json!(tricky);
    doc["decisions"][0]["rationale"] = json!(tricky);
    doc["checkins"][0]["value"] = json!(0.1 + 0.2);
    doc["measurements"][0]["value"] = json!(-123456.789012345);
    doc["key_results"][0]["target"] = json!(1e-300);

    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
    import_value(&mut ws, &doc).unwrap();
    let exported = exported_value(&ws);
    assert_eq!(exported["product"]["vision"], json!(tricky));
    assert_eq!(exported["decisions"][0]["rationale"], json!(tricky));
    assert_eq!(exported["checkins"][0]["value"].as_f64(), Some(0.1 + 0.2));
    assert_eq!(exported["measurements"][0]["value"].as_f64(), Some(-123456.789012345));
    assert_eq!(exported["key_results"][0]["target"].as_f64(), Some(1e-300));
}

#[test]
fn importing_replaces_everything_that_was_in_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&sample_workspace(dir.path(), "w.lodestar")).unwrap();
    import_text(&mut ws, &example_text()).unwrap();
    assert_eq!(normalized(&exported_value(&ws)), with_defaults(&example_value()), "records of the sample remain");
}

#[test]
fn importing_records_the_product_changes_as_revisions_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
    import_text(&mut ws, &example_text()).unwrap();

    let revisions = ws.product_revisions(None).unwrap();
    let mut fields: Vec<&str> = revisions.iter().map(|r| r.field.as_str()).collect();
    fields.sort();
    assert_eq!(fields, ["lifecycle_stage", "name", "strategy", "vision"]);
    let name = revisions.iter().find(|r| r.field == "name").unwrap();
    assert_eq!(name.old_value.as_deref(), Some(lodestar::model::Product::DEFAULT_NAME));
    assert_eq!(name.new_value.as_deref(), Some("Acme Analytics"));

    import_text(&mut ws, &example_text()).unwrap();
    assert_eq!(ws.product_revisions(None).unwrap().len(), 4, "importing the same product again is no change");
}
