use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};
use crate::model::*;

pub const FORMAT_NAME: &str = "lodestar-workspace";
pub const FORMAT_VERSION: u64 = 1;

/// A whole workspace as one JSON document (WORKSPACE-FORMAT.md). Lists keep their order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub version: u64,
    pub product: Product,
    #[serde(default)]
    pub cycles: Vec<Cycle>,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
    #[serde(default)]
    pub checkins: Vec<CheckIn>,
    #[serde(default)]
    pub kpis: Vec<Kpi>,
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub key_result_milestones: Vec<KeyResultMilestone>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub roadmap_items: Vec<RoadmapItem>,
    #[serde(default)]
    pub baselines: Vec<Baseline>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    #[serde(default)]
    pub experiments: Vec<Experiment>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Document {
    /// An empty workspace document around `product`.
    pub fn new(product: Product) -> Document {
        Document {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            product,
            cycles: vec![],
            objectives: vec![],
            key_results: vec![],
            checkins: vec![],
            kpis: vec![],
            measurements: vec![],
            milestones: vec![],
            key_result_milestones: vec![],
            lanes: vec![],
            roadmap_items: vec![],
            baselines: vec![],
            themes: vec![],
            feedback: vec![],
            experiments: vec![],
            decisions: vec![],
        }
    }
}

pub fn to_json(doc: &Document) -> String {
    serde_json::to_string_pretty(doc).expect("a document always serializes")
}

/// Parses a JSON text into a document, checking the header first (so a newer format
/// version gets its own message) and then every field's shape. Semantic rules are
/// checked by [`crate::interchange::validate`].
pub fn parse_document(text: &str) -> Result<Document> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        Error::invalid("document", "", format!("This is not valid JSON (line {}, column {}): {e}", e.line(), e.column()))
    })?;
    let Some(obj) = value.as_object() else {
        return Err(Error::invalid("document", "", "A workspace document must be a JSON object."));
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT_NAME) => {}
        _ => {
            return Err(Error::invalid(
                "document",
                "format",
                format!("This is not a Lodestar workspace document: \"format\" must be \"{FORMAT_NAME}\"."),
            ))
        }
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(FORMAT_VERSION) => {}
        Some(v) if v > FORMAT_VERSION => {
            return Err(Error {
                code: ErrorCode::NewerVersion,
                message: format!(
                    "This document uses format version {v}, written by a newer Lodestar; this version reads version {FORMAT_VERSION}."
                ),
                record: Some("document".into()),
                field: Some("version".into()),
            })
        }
        _ => {
            return Err(Error::invalid("document", "version", format!("\"version\" must be {FORMAT_VERSION}.")))
        }
    }
    serde_path_to_error::deserialize::<_, Document>(&value).map_err(|e| shape_error(&value, e))
}

/// Turns a serde error at a path like `objectives[2].status` into an error naming
/// the record (`objective "o3"`) and the field (`status`).
fn shape_error(doc: &Value, e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = e.path().iter().collect();
    let inner = e.inner().to_string();
    // Unknown and missing fields are reported at their record; the message names them.
    let named_field = ["unknown field `", "missing field `"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))
        .and_then(|rest| rest.split('`').next())
        .map(str::to_string);

    let mut record = "document".to_string();
    let mut field: Vec<String> = Vec::new();
    let mut node = doc;
    let mut i = 0;
    while i < segments.len() {
        match segments[i] {
            Segment::Map { key } if key == "product" && i == 0 => {
                record = "product".into();
                node = &doc["product"];
            }
            Segment::Map { key } if i == 0 => {
                if let Some(Segment::Seq { index }) = segments.get(1) {
                    let rec = &doc[key.as_str()][*index];
                    record = record_name(key, *index, rec);
                    node = rec;
                    i += 1;
                } else {
                    record = "document".into();
                    field.push(key.clone());
                }
            }
            Segment::Map { key } => {
                field.push(key.clone());
                node = &node[key.as_str()];
            }
            Segment::Seq { index } => {
                if let Some(last) = field.last_mut() {
                    last.push_str(&format!("[{index}]"));
                }
                node = &node[*index];
            }
            _ => {}
        }
        i += 1;
    }
    let _ = node;
    if let Some(f) = named_field {
        field.push(f);
    }
    let message = inner.split(" at line ").next().unwrap_or(&inner).replace('`', "\"");
    Error::invalid(record, field.join("."), message)
}

/// `objective "o1"`, or `objectives[3]` when the record has no usable id.
pub(crate) fn record_name(list: &str, index: usize, rec: &Value) -> String {
    let kind = singular(list);
    match rec.get("id").and_then(Value::as_str) {
        Some(id) => format!("{kind} \"{id}\""),
        None => format!("{list}[{index}]"),
    }
}

pub(crate) fn singular(list: &str) -> &str {
    match list {
        "cycles" => "cycle",
        "objectives" => "objective",
        "key_results" => "key result",
        "checkins" => "check-in",
        "kpis" => "KPI",
        "measurements" => "measurement",
        "milestones" => "milestone",
        "key_result_milestones" => "key result milestone",
        "lanes" => "lane",
        "roadmap_items" => "roadmap item",
        "baselines" => "baseline",
        "themes" => "theme",
        "feedback" => "feedback",
        "experiments" => "experiment",
        "decisions" => "decision",
        other => other,
    }
}
