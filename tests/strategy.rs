//! The Strategy view's data: product name, vision, strategy and lifecycle stage, each
//! change recorded as a revision (field, old, new, when), newest first.

mod common;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use common::*;
use lodestar::model::{LifecycleStage, Product, ProductField};
use lodestar::{ErrorCode, Workspace};

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn new_workspace(dir: &std::path::Path) -> Workspace {
    Workspace::open(&dir.join("strategy.lodestar")).unwrap()
}

/// (field, old, new, when) of every revision, newest first.
fn history(ws: &Workspace) -> Vec<(String, Option<String>, Option<String>, String)> {
    ws.product_revisions(None).unwrap().into_iter().map(|r| (r.field, r.old_value, r.new_value, r.changed_at)).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn setting_name_vision_strategy_and_stage_records_each_change_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    let t0 = now();
    let at = |minutes: i64| t0 + Duration::minutes(minutes);

    assert!(ws.set_product_field(ProductField::Name, Some("Acme Analytics"), at(0)).unwrap());
    assert!(ws.set_product_field(ProductField::Vision, Some("Every team decides with data in minutes."), at(1)).unwrap());
    assert!(ws.set_product_field(ProductField::Strategy, Some("Win mid-market teams."), at(2)).unwrap());
    assert!(ws.set_product_field(ProductField::LifecycleStage, Some("growth"), at(3)).unwrap());
    assert!(ws.set_product_field(ProductField::Vision, Some("Every team decides with data in seconds."), at(4)).unwrap());

    assert_eq!(
        history(&ws),
        vec![
            (
                "vision".into(),
                some("Every team decides with data in minutes."),
                some("Every team decides with data in seconds."),
                stamp(at(4))
            ),
            ("lifecycle_stage".into(), None, some("growth"), stamp(at(3))),
            ("strategy".into(), None, some("Win mid-market teams."), stamp(at(2))),
            ("vision".into(), None, some("Every team decides with data in minutes."), stamp(at(1))),
            ("name".into(), some(Product::DEFAULT_NAME), some("Acme Analytics"), stamp(at(0))),
        ]
    );
    let product = ws.product().unwrap();
    assert_eq!(product.name, "Acme Analytics");
    assert_eq!(product.vision.as_deref(), Some("Every team decides with data in seconds."));
    assert_eq!(product.strategy.as_deref(), Some("Win mid-market teams."));
    assert_eq!(product.lifecycle_stage, Some(LifecycleStage::Growth));
}

#[test]
fn the_history_of_one_field_holds_only_that_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Vision, Some("First"), now()).unwrap();
    ws.set_product_field(ProductField::Name, Some("Acme"), now()).unwrap();
    ws.set_product_field(ProductField::Vision, Some("Second"), now()).unwrap();

    let vision: Vec<_> = ws.product_revisions(Some(ProductField::Vision)).unwrap();
    assert_eq!(vision.len(), 2);
    assert!(vision.iter().all(|r| r.field == "vision"));
    assert_eq!(vision[0].new_value.as_deref(), Some("Second"), "newest first");
}

#[test]
fn setting_the_same_value_again_records_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Vision, Some("Data in minutes"), now()).unwrap();
    ws.set_product_field(ProductField::LifecycleStage, Some("maturity"), now()).unwrap();
    let before = history(&ws);

    let later = now() + Duration::hours(1);
    assert!(!ws.set_product_field(ProductField::Vision, Some("Data in minutes"), later).unwrap());
    let padded = Some("  Data in minutes \n");
    assert!(!ws.set_product_field(ProductField::Vision, padded, later).unwrap(), "surrounding spaces are no change");
    assert!(!ws.set_product_field(ProductField::LifecycleStage, Some("maturity"), later).unwrap());
    assert!(!ws.set_product_field(ProductField::Name, Some(Product::DEFAULT_NAME), later).unwrap());
    assert!(!ws.set_product_field(ProductField::Strategy, None, later).unwrap(), "clearing an empty field is no change");
    assert_eq!(history(&ws), before);
}

#[test]
fn clearing_the_vision_records_the_old_text_and_leaves_it_unset() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Vision, Some("Data in minutes"), now()).unwrap();
    assert!(ws.set_product_field(ProductField::Vision, Some("   "), now()).unwrap());

    assert_eq!(ws.product().unwrap().vision, None);
    let newest = &history(&ws)[0];
    assert_eq!((newest.0.as_str(), newest.1.as_deref(), newest.2.as_deref()), ("vision", Some("Data in minutes"), None));
}

#[test]
fn the_name_is_saved_without_surrounding_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Name, Some("  Acme Analytics \t"), now()).unwrap();
    assert_eq!(ws.product().unwrap().name, "Acme Analytics");
}

/// `value` must be refused at `field` with nothing changed and no revision recorded.
fn refused_at(field: ProductField, value: Option<&str>, expected_field: &str) -> lodestar::Error {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Name, Some("Acme Analytics"), now()).unwrap();
    ws.set_product_field(ProductField::LifecycleStage, Some("growth"), now()).unwrap();
    let product = ws.product().unwrap();
    let revisions = history(&ws);

    let err = ws.set_product_field(field, value, now() + Duration::hours(1)).expect_err("the value should be refused");
    assert_eq!(err.code, ErrorCode::Invalid, "{err}");
    assert_eq!(err.record.as_deref(), Some("product"), "{err}");
    assert_eq!(err.field.as_deref(), Some(expected_field), "{err}");
    assert_eq!(ws.product().unwrap(), product, "a refused value changed the product");
    assert_eq!(history(&ws), revisions, "a refused value recorded a revision");
    err
}

#[test]
fn an_empty_product_name_is_refused_and_nothing_changes() {
    let err = refused_at(ProductField::Name, Some(""), "name");
    assert!(err.message.contains("empty"), "{}", err.message);
}

#[test]
fn a_whitespace_only_product_name_is_refused_and_nothing_changes() {
    refused_at(ProductField::Name, Some(" \t\n "), "name");
}

#[test]
fn a_missing_product_name_is_refused_and_nothing_changes() {
    refused_at(ProductField::Name, None, "name");
}

#[test]
fn an_unknown_lifecycle_stage_is_refused_and_nothing_changes() {
    let err = refused_at(ProductField::LifecycleStage, Some("teenage"), "lifecycle_stage");
    assert!(err.message.contains("teenage"), "{}", err.message);
    assert!(err.message.contains("maturity"), "the message should list the stages: {}", err.message);
}

/// The longest name accepted, as the refusal of a far too long name states it.
fn name_limit() -> usize {
    let err = refused_at(ProductField::Name, Some(&"x".repeat(10_000)), "name");
    let digits: String = err.message.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("the message should give the limit: {}", err.message))
}

#[test]
fn a_product_name_longer_than_the_limit_is_refused_and_nothing_changes() {
    let limit = name_limit();
    assert!(limit >= 40, "a limit of {limit} characters is too short for product names");
    refused_at(ProductField::Name, Some(&"x".repeat(limit + 1)), "name");
}

#[test]
fn a_product_name_exactly_at_the_limit_is_accepted_counting_characters_not_bytes() {
    let limit = name_limit();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    let name = "é".repeat(limit);
    assert!(ws.set_product_field(ProductField::Name, Some(&name), now()).unwrap());
    assert_eq!(ws.product().unwrap().name, name);
}

#[test]
fn every_lifecycle_stage_can_be_set_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    for stage in LifecycleStage::ALL {
        ws.set_product_field(ProductField::LifecycleStage, Some(stage.as_str()), now()).unwrap();
        assert_eq!(ws.product().unwrap().lifecycle_stage, Some(*stage));
    }
    ws.set_product_field(ProductField::LifecycleStage, None, now()).unwrap();
    assert_eq!(ws.product().unwrap().lifecycle_stage, None);
    assert_eq!(history(&ws).len(), LifecycleStage::ALL.len() + 1);
}

#[test]
fn the_product_and_its_history_survive_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.lodestar");
    let (product, revisions) = {
        let mut ws = Workspace::open(&path).unwrap();
        ws.set_product_field(ProductField::Name, Some("Acme Analytics"), now()).unwrap();
        ws.set_product_field(ProductField::Vision, Some("Every team decides with data."), now()).unwrap();
        ws.set_product_field(ProductField::Strategy, Some("Self-serve first."), now()).unwrap();
        ws.set_product_field(ProductField::LifecycleStage, Some("introduction"), now()).unwrap();
        (ws.product().unwrap(), history(&ws))
    };
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.product().unwrap(), product);
    assert_eq!(ws.product().unwrap().lifecycle_stage, Some(LifecycleStage::Introduction));
    assert_eq!(history(&ws), revisions);
    assert_eq!(revisions.len(), 4);
    assert!(!ws.is_empty().unwrap(), "a workspace with a named product is not empty");
}

#[test]
fn a_changed_product_shows_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = new_workspace(dir.path());
    ws.set_product_field(ProductField::Name, Some("Acme Analytics"), now()).unwrap();
    ws.set_product_field(ProductField::Strategy, Some("Self-serve first."), now()).unwrap();
    let doc = ws.export_document().unwrap();
    assert_eq!(doc.product.name, "Acme Analytics");
    assert_eq!(doc.product.strategy.as_deref(), Some("Self-serve first."));
}
