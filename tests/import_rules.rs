//! The import rules of docs/WORKSPACE-FORMAT.md: every broken rule refuses the whole
//! document with an error naming the record and the field, and the workspace is left
//! exactly as it was (same export, same revisions, also after reopening the file).

mod common;

use common::*;
use lodestar::{Error, ErrorCode, Workspace};
use serde_json::{json, Value};

/// Imports `text` into a workspace holding the example document, expects a refusal,
/// and checks that the workspace did not change. Returns the error.
fn refused_text(text: &str) -> Error {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    import_text(&mut ws, &example_text()).unwrap();
    let before = contents(&ws);

    let err = import_text(&mut ws, text).expect_err("the document should be refused");
    assert_eq!(contents(&ws), before, "a refused import changed the workspace ({err})");
    drop(ws);
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(contents(&ws), before, "after reopening, the workspace differs ({err})");
    err
}

/// The example document, edited by `edit`, must be refused.
fn refused(edit: impl FnOnce(&mut Value)) -> Error {
    let mut doc = example_value();
    edit(&mut doc);
    refused_text(&serde_json::to_string_pretty(&doc).unwrap())
}

/// The example document, edited by `edit`, must import.
fn accepted(edit: impl FnOnce(&mut Value)) -> lodestar::interchange::Document {
    let mut doc = example_value();
    edit(&mut doc);
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.lodestar")).unwrap();
    import_value(&mut ws, &doc).unwrap_or_else(|e| panic!("the document should import: {e}"));
    ws.export_document().unwrap()
}

fn assert_at(err: &Error, code: ErrorCode, record: &str, field: &str) {
    assert_eq!(err.code, code, "{err}");
    assert_eq!(err.record.as_deref(), Some(record), "wrong record in: {err}");
    assert_eq!(err.field.as_deref(), Some(field), "wrong field in: {err}");
    let line = err.one_line();
    assert!(line.contains(record) && line.contains(field), "the one-line message should name both: {line}");
}

fn assert_invalid_at(err: &Error, record: &str, field: &str) {
    assert_at(err, ErrorCode::Invalid, record, field);
}

/// Sets the value at a JSON pointer such as `/objectives/0/status`.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    *doc.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in the example")) = value;
}

fn remove(doc: &mut Value, pointer: &str, key: &str) {
    doc.pointer_mut(pointer).unwrap().as_object_mut().unwrap().remove(key).expect("field to remove");
}

fn push(doc: &mut Value, list: &str, record: Value) {
    doc[list].as_array_mut().unwrap().push(record);
}

/// A second roadmap item in lane l1, depending on `depends_on`.
fn item(id: &str, depends_on: &[&str]) -> Value {
    json!({ "id": id, "lane": "l1", "title": format!("Item {id}"), "kind": "feature", "status": "idea",
            "depends_on": depends_on })
}

/// A key result of kind milestone under o1.
fn milestone_kr(id: &str) -> Value {
    json!({ "id": id, "objective": "o1", "title": "Ship the new onboarding", "kind": "milestone" })
}

// ---------------------------------------------------------------- the header

#[test]
fn a_document_of_another_format_is_refused_at_format() {
    let err = refused(|d| set(d, "/format", json!("acme-export")));
    assert_invalid_at(&err, "document", "format");
    assert!(err.message.contains("lodestar-workspace"), "{}", err.message);
}

#[test]
fn a_document_without_a_format_is_refused_at_format() {
    let err = refused(|d| remove(d, "", "format"));
    assert_invalid_at(&err, "document", "format");
}

#[test]
fn a_document_of_format_version_2_is_refused_as_newer() {
    let err = refused(|d| set(d, "/version", json!(2)));
    assert_at(&err, ErrorCode::NewerVersion, "document", "version");
    assert!(err.message.contains("newer"), "{}", err.message);
}

#[test]
fn a_document_of_format_version_0_or_a_text_version_is_refused_at_version() {
    assert_invalid_at(&refused(|d| set(d, "/version", json!(0))), "document", "version");
    assert_invalid_at(&refused(|d| set(d, "/version", json!("1"))), "document", "version");
}

#[test]
fn a_text_that_is_not_json_is_refused() {
    let err = refused_text("{ \"format\": \"lodestar-workspace\", \"version\": 1, ");
    assert_eq!(err.code, ErrorCode::Invalid, "{err}");
    assert_eq!(err.record.as_deref(), Some("document"));
    assert!(err.message.contains("not valid JSON"), "{}", err.message);
    assert!(err.message.contains("line 1"), "the message should say where: {}", err.message);
}

#[test]
fn a_json_array_instead_of_a_document_is_refused() {
    let err = refused_text("[1, 2, 3]");
    assert_eq!(err.code, ErrorCode::Invalid, "{err}");
    assert_eq!(err.record.as_deref(), Some("document"));
}

// ---------------------------------------------------------------- shapes

#[test]
fn an_unknown_top_level_field_is_refused_and_named() {
    let err = refused(|d| d["colour_scheme"] = json!("dark"));
    assert_invalid_at(&err, "document", "colour_scheme");
}

#[test]
fn an_unknown_field_inside_a_record_is_refused_and_named() {
    let err = refused(|d| d["objectives"][0]["colour"] = json!("red"));
    assert_invalid_at(&err, "objective \"o1\"", "colour");
}

#[test]
fn an_unknown_field_inside_the_product_is_refused_and_named() {
    let err = refused(|d| d["product"]["slogan"] = json!("Data, fast"));
    assert_invalid_at(&err, "product", "slogan");
}

#[test]
fn an_unknown_field_inside_a_rice_score_is_refused_and_named() {
    let err = refused(|d| d["roadmap_items"][0]["rice"]["magic"] = json!(3));
    assert_invalid_at(&err, "roadmap item \"r1\"", "rice.magic");
}

#[test]
fn a_record_missing_a_required_field_is_refused_and_the_field_named() {
    let err = refused(|d| remove(d, "/key_results/0", "kind"));
    assert_invalid_at(&err, "key result \"kr1\"", "kind");
}

#[test]
fn a_product_without_a_name_is_refused_at_name() {
    let err = refused(|d| remove(d, "/product", "name"));
    assert_invalid_at(&err, "product", "name");
}

#[test]
fn a_document_without_a_product_is_refused_at_product() {
    let err = refused(|d| remove(d, "", "product"));
    assert_invalid_at(&err, "document", "product");
}

#[test]
fn a_record_without_an_id_is_refused_and_named_by_its_position() {
    let err = refused(|d| remove(d, "/objectives/0", "id"));
    assert_invalid_at(&err, "objectives[0]", "id");
}

#[test]
fn a_blank_product_name_is_refused_at_name() {
    let err = refused(|d| set(d, "/product/name", json!("   ")));
    assert_invalid_at(&err, "product", "name");
}

#[test]
fn a_date_that_is_not_a_calendar_date_is_refused_and_named() {
    let err = refused(|d| set(d, "/cycles/0/end", json!("2027-02-30")));
    assert_invalid_at(&err, "cycle \"2027-Q1\"", "end");
}

#[test]
fn a_text_where_a_number_belongs_is_refused_and_named() {
    let err = refused(|d| set(d, "/checkins/0/value", json!("42.5")));
    assert_invalid_at(&err, "checkins[0]", "value");
}

// ---------------------------------------------------------------- enumerations

/// Puts an unknown value at `pointer` and expects a refusal naming record and field,
/// with a message that shows the bad value and lists the accepted ones.
fn unknown_value_is_refused(pointer: &str, record: &str, field: &str, an_accepted_value: &str) {
    let err = refused(|d| set(d, pointer, json!("bogus_value")));
    assert_invalid_at(&err, record, field);
    assert!(err.message.contains("bogus_value"), "{}", err.message);
    assert!(err.message.contains(an_accepted_value), "the message should list the accepted values: {}", err.message);
}

#[test]
fn an_unknown_lifecycle_stage_is_refused() {
    unknown_value_is_refused("/product/lifecycle_stage", "product", "lifecycle_stage", "maturity");
}

#[test]
fn an_unknown_objective_category_is_refused() {
    unknown_value_is_refused("/objectives/0/category", "objective \"o1\"", "category", "team_growth");
}

#[test]
fn an_unknown_objective_status_is_refused() {
    unknown_value_is_refused("/objectives/0/status", "objective \"o1\"", "status", "achieved");
}

#[test]
fn an_unknown_key_result_kind_is_refused() {
    unknown_value_is_refused("/key_results/0/kind", "key result \"kr1\"", "kind", "at_least");
}

#[test]
fn an_unknown_kpi_category_is_refused() {
    unknown_value_is_refused("/kpis/0/category", "KPI \"k1\"", "category", "monetization");
}

#[test]
fn an_unknown_roadmap_item_kind_is_refused() {
    unknown_value_is_refused("/roadmap_items/0/kind", "roadmap item \"r1\"", "kind", "tech_debt");
}

#[test]
fn an_unknown_roadmap_item_status_is_refused() {
    unknown_value_is_refused("/roadmap_items/0/status", "roadmap item \"r1\"", "status", "in_progress");
}

#[test]
fn an_unknown_horizon_is_refused() {
    unknown_value_is_refused("/roadmap_items/0/horizon", "roadmap item \"r1\"", "horizon", "later");
}

#[test]
fn an_unknown_moscow_priority_is_refused() {
    unknown_value_is_refused("/roadmap_items/0/moscow", "roadmap item \"r1\"", "moscow", "wont");
}

#[test]
fn an_unknown_feedback_source_is_refused() {
    unknown_value_is_refused("/feedback/0/source", "feedback \"f1\"", "source", "interview");
}

#[test]
fn an_unknown_experiment_status_is_refused() {
    unknown_value_is_refused("/experiments/0/status", "experiment \"e1\"", "status", "invalidated");
}

#[test]
fn enumeration_values_are_case_sensitive() {
    let err = refused(|d| set(d, "/product/lifecycle_stage", json!("Growth")));
    assert_invalid_at(&err, "product", "lifecycle_stage");
}

// ---------------------------------------------------------------- ids and references

#[test]
fn two_objectives_with_the_same_id_are_refused() {
    let err = refused(|d| {
        let copy = d["objectives"][0].clone();
        push(d, "objectives", copy);
    });
    assert_invalid_at(&err, "objective \"o1\"", "id");
}

#[test]
fn two_lanes_with_the_same_id_are_refused() {
    let err = refused(|d| push(d, "lanes", json!({ "id": "l1", "name": "Another lane" })));
    assert_invalid_at(&err, "lane \"l1\"", "id");
}

#[test]
fn records_of_different_kinds_may_share_an_id() {
    let doc = accepted(|d| push(d, "lanes", json!({ "id": "o1", "name": "A lane named like an objective" })));
    assert_eq!(doc.lanes.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["l1", "o1"]);
}

/// Points the reference at `pointer` to an id that exists nowhere.
fn dangling(pointer: &str, missing: Value, record: &str, field: &str) {
    let last = match &missing {
        Value::Array(ids) => ids.last(),
        id => Some(id),
    };
    let name = last.and_then(Value::as_str).unwrap().to_string();
    let err = refused(|d| set(d, pointer, missing));
    assert_invalid_at(&err, record, field);
    assert!(err.message.contains(&name), "the message should name the missing id {name}: {}", err.message);
}

#[test]
fn an_objective_in_an_unknown_cycle_is_refused() {
    dangling("/objectives/0/cycle", json!("2031-Q9"), "objective \"o1\"", "cycle");
}

#[test]
fn an_objective_under_an_unknown_parent_is_refused() {
    dangling("/objectives/0/parent", json!("o-gone"), "objective \"o1\"", "parent");
}

#[test]
fn a_key_result_of_an_unknown_objective_is_refused() {
    dangling("/key_results/0/objective", json!("o-gone"), "key result \"kr1\"", "objective");
}

#[test]
fn a_key_result_linked_to_an_unknown_kpi_is_refused() {
    dangling("/key_results/0/kpi", json!("k-gone"), "key result \"kr1\"", "kpi");
}

#[test]
fn a_check_in_of_an_unknown_key_result_is_refused() {
    dangling("/checkins/0/key_result", json!("kr-gone"), "checkins[0]", "key_result");
}

#[test]
fn a_measurement_of_an_unknown_kpi_is_refused() {
    dangling("/measurements/0/kpi", json!("k-gone"), "measurements[0]", "kpi");
}

#[test]
fn a_milestone_of_an_unknown_objective_is_refused() {
    dangling("/milestones/0/objective", json!("o-gone"), "milestone \"m1\"", "objective");
}

#[test]
fn a_milestone_linked_to_an_unknown_roadmap_item_is_refused() {
    dangling("/milestones/0/roadmap_item", json!("r-gone"), "milestone \"m1\"", "roadmap_item");
}

#[test]
fn a_key_result_milestone_binding_to_an_unknown_key_result_is_refused() {
    let err = refused(|d| {
        push(d, "key_results", milestone_kr("kr2"));
        push(d, "key_result_milestones", json!({ "key_result": "kr-gone", "milestone": "m1" }));
    });
    assert_invalid_at(&err, "key_result_milestones[0]", "key_result");
    assert!(err.message.contains("kr-gone"), "{}", err.message);
}

#[test]
fn a_key_result_milestone_binding_to_an_unknown_milestone_is_refused() {
    let err = refused(|d| {
        push(d, "key_results", milestone_kr("kr2"));
        push(d, "key_result_milestones", json!({ "key_result": "kr2", "milestone": "m-gone" }));
    });
    assert_invalid_at(&err, "key_result_milestones[0]", "milestone");
    assert!(err.message.contains("m-gone"), "{}", err.message);
}

#[test]
fn a_roadmap_item_in_an_unknown_lane_is_refused() {
    dangling("/roadmap_items/0/lane", json!("l-gone"), "roadmap item \"r1\"", "lane");
}

#[test]
fn a_roadmap_item_serving_an_unknown_objective_is_refused() {
    dangling("/roadmap_items/0/objectives", json!(["o1", "o-gone"]), "roadmap item \"r1\"", "objectives");
}

#[test]
fn a_roadmap_item_depending_on_an_unknown_item_is_refused() {
    dangling("/roadmap_items/0/depends_on", json!(["r-gone"]), "roadmap item \"r1\"", "depends_on");
}

#[test]
fn a_baseline_of_an_unknown_roadmap_item_is_refused() {
    dangling("/baselines/0/items/0/item", json!("r-gone"), "baseline \"b1\"", "items[0].item");
}

#[test]
fn a_baseline_item_in_an_unknown_lane_is_refused() {
    dangling("/baselines/0/items/0/lane", json!("l-gone"), "baseline \"b1\"", "items[0].lane");
}

#[test]
fn feedback_tagged_with_an_unknown_theme_is_refused() {
    dangling("/feedback/0/themes", json!(["t1", "t-gone"]), "feedback \"f1\"", "themes");
}

#[test]
fn feedback_linked_to_an_unknown_roadmap_item_is_refused() {
    dangling("/feedback/0/roadmap_items", json!(["r-gone"]), "feedback \"f1\"", "roadmap_items");
}

#[test]
fn an_experiment_for_an_unknown_objective_is_refused() {
    dangling("/experiments/0/objective", json!("o-gone"), "experiment \"e1\"", "objective");
}

#[test]
fn an_experiment_for_an_unknown_roadmap_item_is_refused() {
    dangling("/experiments/0/roadmap_item", json!("r-gone"), "experiment \"e1\"", "roadmap_item");
}

#[test]
fn a_decision_linked_to_an_unknown_record_is_refused() {
    dangling("/decisions/0/links", json!(["r1", "x-gone"]), "decision \"d1\"", "links");
}

#[test]
fn a_decision_may_link_records_of_every_kind() {
    let links = ["r1", "o1", "kr1", "2027-Q1", "k1", "m1", "l1", "b1", "t1", "f1", "e1"];
    let doc = accepted(|d| set(d, "/decisions/0/links", json!(links)));
    assert_eq!(doc.decisions[0].links, links);
}

#[test]
fn an_id_listed_twice_in_a_list_of_links_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/objectives", json!(["o1", "o1"])));
    assert_invalid_at(&err, "roadmap item \"r1\"", "objectives");
}

// ---------------------------------------------------------------- dates

#[test]
fn a_cycle_that_ends_before_it_starts_is_refused() {
    let err = refused(|d| set(d, "/cycles/0/end", json!("2026-12-31")));
    assert_invalid_at(&err, "cycle \"2027-Q1\"", "end");
}

#[test]
fn a_roadmap_item_that_ends_before_it_starts_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/end", json!("2027-01-03")));
    assert_invalid_at(&err, "roadmap item \"r1\"", "end");
}

#[test]
fn a_baseline_item_that_ends_before_it_starts_is_refused() {
    let err = refused(|d| set(d, "/baselines/0/items/0/end", json!("2027-01-03")));
    assert_invalid_at(&err, "baseline \"b1\"", "items[0].end");
}

#[test]
fn a_roadmap_item_of_a_single_day_is_accepted() {
    let doc = accepted(|d| set(d, "/roadmap_items/0/end", json!("2027-01-04")));
    assert_eq!(doc.roadmap_items[0].start, doc.roadmap_items[0].end);
}

#[test]
fn a_roadmap_item_with_a_start_but_no_end_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/end", Value::Null));
    assert_invalid_at(&err, "roadmap item \"r1\"", "end");
}

// ---------------------------------------------------------------- numbers

#[test]
fn an_increase_key_result_whose_target_equals_its_baseline_is_refused() {
    let err = refused(|d| set(d, "/key_results/0/target", json!(40)));
    assert_invalid_at(&err, "key result \"kr1\"", "target");
}

#[test]
fn a_decrease_key_result_whose_target_equals_its_baseline_is_refused() {
    let err = refused(|d| {
        set(d, "/key_results/0/kind", json!("decrease"));
        set(d, "/key_results/0/target", json!(40.0));
    });
    assert_invalid_at(&err, "key result \"kr1\"", "target");
}

#[test]
fn an_at_least_or_at_most_key_result_may_have_its_target_equal_to_its_baseline() {
    for kind in ["at_least", "at_most"] {
        let doc = accepted(|d| {
            set(d, "/key_results/0/kind", json!(kind));
            set(d, "/key_results/0/target", json!(40));
        });
        assert_eq!(doc.key_results[0].kind.as_str(), kind);
        assert_eq!(doc.key_results[0].baseline, doc.key_results[0].target);
    }
}

#[test]
fn a_check_in_confidence_above_one_is_refused() {
    let err = refused(|d| set(d, "/checkins/0/confidence", json!(1.5)));
    assert_invalid_at(&err, "checkins[0]", "confidence");
}

#[test]
fn a_rice_confidence_above_one_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/rice/confidence", json!(1.5)));
    assert_invalid_at(&err, "roadmap item \"r1\"", "rice.confidence");
}

#[test]
fn a_rice_effort_of_zero_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/rice/effort", json!(0)));
    assert_invalid_at(&err, "roadmap item \"r1\"", "rice.effort");
}

#[test]
fn an_ice_score_of_eleven_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/ice/impact", json!(11)));
    assert_invalid_at(&err, "roadmap item \"r1\"", "ice.impact");
}

#[test]
fn an_ice_score_of_zero_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/ice/ease", json!(0)));
    assert_invalid_at(&err, "roadmap item \"r1\"", "ice.ease");
}

#[test]
fn a_negative_weight_is_refused() {
    let err = refused(|d| set(d, "/objectives/0/weight", json!(-1)));
    assert_invalid_at(&err, "objective \"o1\"", "weight");
}

/// The example with `number` written, as is, at `pointer` (JSON cannot carry NaN or
/// infinity; a literal too large for a double overflows to infinity).
fn with_number(pointer: &str, number: &str) -> String {
    let mut doc = example_value();
    set(&mut doc, pointer, json!("@@NUMBER@@"));
    serde_json::to_string_pretty(&doc).unwrap().replace("\"@@NUMBER@@\"", number)
}

#[test]
fn a_target_that_overflows_to_infinity_is_refused_and_named() {
    let err = refused_text(&with_number("/key_results/0/target", "1e999"));
    assert_invalid_at(&err, "key result \"kr1\"", "target");
}

#[test]
fn a_measurement_that_overflows_to_minus_infinity_is_refused_and_named() {
    let err = refused_text(&with_number("/measurements/0/value", "-1e999"));
    assert_invalid_at(&err, "measurements[0]", "value");
}

#[test]
fn a_rice_reach_that_overflows_is_refused_and_named() {
    let err = refused_text(&with_number("/roadmap_items/0/rice/reach", "1e400"));
    assert_invalid_at(&err, "roadmap item \"r1\"", "rice.reach");
}

// ---------------------------------------------------------------- structure

#[test]
fn two_items_that_depend_on_each_other_are_refused() {
    let err = refused(|d| {
        set(d, "/roadmap_items/0/depends_on", json!(["r2"]));
        push(d, "roadmap_items", item("r2", &["r1"]));
    });
    assert_eq!(err.field.as_deref(), Some("depends_on"), "{err}");
    assert!(matches!(err.record.as_deref(), Some("roadmap item \"r1\"") | Some("roadmap item \"r2\"")), "{err}");
    assert!(err.message.contains("r1") && err.message.contains("r2"), "the message should show the cycle: {}", err.message);
    assert_eq!(err.code, ErrorCode::Invalid);
}

#[test]
fn a_longer_dependency_cycle_is_refused() {
    let err = refused(|d| {
        set(d, "/roadmap_items/0/depends_on", json!(["r3"]));
        push(d, "roadmap_items", item("r2", &["r1"]));
        push(d, "roadmap_items", item("r3", &["r2"]));
    });
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("depends_on")), "{err}");
    for id in ["r1", "r2", "r3"] {
        assert!(err.message.contains(id), "the message should show the cycle: {}", err.message);
    }
}

#[test]
fn an_item_that_depends_on_itself_is_refused() {
    let err = refused(|d| set(d, "/roadmap_items/0/depends_on", json!(["r1"])));
    assert_invalid_at(&err, "roadmap item \"r1\"", "depends_on");
}

#[test]
fn a_chain_of_dependencies_without_a_cycle_is_accepted() {
    let doc = accepted(|d| {
        push(d, "roadmap_items", item("r2", &["r1"]));
        push(d, "roadmap_items", item("r3", &["r2", "r1"]));
    });
    assert_eq!(doc.roadmap_items[2].depends_on, ["r2", "r1"]);
}

#[test]
fn objectives_that_are_each_others_parents_are_refused() {
    let err = refused(|d| {
        set(d, "/objectives/0/parent", json!("o2"));
        push(d, "objectives", json!({ "id": "o2", "title": "Grow", "parent": "o1", "status": "draft" }));
    });
    assert_eq!((err.code, err.field.as_deref()), (ErrorCode::Invalid, Some("parent")), "{err}");
    assert!(matches!(err.record.as_deref(), Some("objective \"o1\"") | Some("objective \"o2\"")), "{err}");
}

#[test]
fn an_objective_that_is_its_own_parent_is_refused() {
    let err = refused(|d| set(d, "/objectives/0/parent", json!("o1")));
    assert_invalid_at(&err, "objective \"o1\"", "parent");
}

#[test]
fn a_parent_listed_after_its_child_is_accepted() {
    let doc = accepted(|d| {
        set(d, "/objectives/0/parent", json!("o-company"));
        push(d, "objectives", json!({ "id": "o-company", "title": "Win the mid-market", "status": "active" }));
    });
    assert_eq!(doc.objectives[0].parent.as_deref(), Some("o-company"));
}

#[test]
fn binding_a_key_result_that_is_not_of_kind_milestone_to_a_milestone_is_refused() {
    let err = refused(|d| push(d, "key_result_milestones", json!({ "key_result": "kr1", "milestone": "m1" })));
    assert_invalid_at(&err, "key_result_milestones[0]", "key_result");
    assert!(err.message.contains("milestone"), "{}", err.message);
}

#[test]
fn binding_a_milestone_key_result_to_a_milestone_is_accepted() {
    let doc = accepted(|d| {
        push(d, "key_results", milestone_kr("kr2"));
        push(d, "key_result_milestones", json!({ "key_result": "kr2", "milestone": "m1" }));
    });
    assert_eq!(doc.key_result_milestones.len(), 1);
    assert_eq!(doc.key_result_milestones[0].key_result, "kr2");
}

#[test]
fn a_lane_colour_that_is_not_a_hex_colour_is_refused() {
    for colour in ["blue", "#4f7cf", "4f7cff", "#4f7cfg", ""] {
        let err = refused(|d| set(d, "/lanes/0/color", json!(colour)));
        assert_invalid_at(&err, "lane \"l1\"", "color");
    }
}

#[test]
fn a_short_hex_lane_colour_is_accepted() {
    let doc = accepted(|d| set(d, "/lanes/0/color", json!("#4AF")));
    assert_eq!(doc.lanes[0].color.as_deref(), Some("#4AF"));
}

// ---------------------------------------------------------------- all or nothing

#[test]
fn one_bad_record_among_many_valid_ones_refuses_the_whole_document() {
    let mut sample = sample_value();
    let last = sample["feedback"].as_array().unwrap().len() - 1;
    assert!(last > 5, "the sample should hold plenty of feedback");
    let id = sample["feedback"][last]["id"].as_str().unwrap().to_string();
    sample["feedback"][last]["themes"] = json!(["t-no-such-theme"]);

    let err = refused_text(&serde_json::to_string(&sample).unwrap());
    assert_invalid_at(&err, &format!("feedback \"{id}\""), "themes");
}

#[test]
fn a_refused_document_leaves_a_new_workspace_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.lodestar");
    let mut ws = Workspace::open(&path).unwrap();
    let mut sample = sample_value();
    sample["cycles"][0]["end"] = json!("1999-01-01");
    import_value(&mut ws, &sample).expect_err("a cycle ending before it starts");
    assert!(ws.is_empty().unwrap(), "nothing of the refused document may remain");
    assert!(ws.product_revisions(None).unwrap().is_empty(), "a refused import records no revision");
}

#[test]
fn an_unknown_field_inside_a_baseline_item_is_refused_and_named() {
    let err = refused(|d| d["baselines"][0]["items"][0]["colour"] = json!("red"));
    assert_invalid_at(&err, "baseline \"b1\"", "items[0].colour");
}

#[test]
fn a_baseline_item_missing_its_lane_is_refused_and_named() {
    let err = refused(|d| remove(d, "/baselines/0/items/0", "lane"));
    assert_invalid_at(&err, "baseline \"b1\"", "items[0].lane");
}
