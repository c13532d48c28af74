use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorCode, Result};
use crate::model::*;

pub const FORMAT_NAME: &str = "lodestar-workspace";
pub const FORMAT_VERSION: u64 = 1;

/// A whole workspace as one JSON document (docs/WORKSPACE-FORMAT.md). Lists keep their order.
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
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(text, e))?;
    let Some(obj) = value.as_object() else {
        return Err(at_document("A workspace document must be a JSON object."));
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
        _ => return Err(Error::invalid("document", "version", format!("\"version\" must be {FORMAT_VERSION}."))),
    }
    serde_path_to_error::deserialize::<_, Document>(&value).map_err(|e| shape_error(&value, e))
}

/// An error about the document as a whole: there is no field to point at.
fn at_document(message: impl Into<String>) -> Error {
    Error { code: ErrorCode::Invalid, message: message.into(), record: Some("document".into()), field: None }
}

/// A text that is not JSON. A number too large for a double (`1e999`, which would be
/// infinite) is the one way a non-finite number reaches us; it is reported at its
/// record and field like any other invalid value.
fn not_json(text: &str, e: serde_json::Error) -> Error {
    if e.to_string().starts_with("number out of range") {
        // The path to the number comes from parsing again while tracking it; the record's
        // id from the text with that number taken out.
        let mut de = serde_json::Deserializer::from_str(text);
        if let Err(at) = serde_path_to_error::deserialize::<_, Value>(&mut de) {
            if at.path().iter().next().is_some() {
                let doc = without_number_at(text, e.line(), e.column()).unwrap_or(Value::Null);
                let mut err = shape_error(&doc, at);
                err.message = format!("The number at line {}, column {} is too large: numbers must be finite.", e.line(), e.column());
                return err;
            }
        }
    }
    at_document(format!("This is not valid JSON (line {}, column {}): {e}", e.line(), e.column()))
}

/// The text with the number around `line`/`column` (serde_json's position) replaced by
/// `null`, parsed; `None` when that does not give JSON.
fn without_number_at(text: &str, line: usize, column: usize) -> Option<Value> {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let at = (line_start + column).min(text.len());
    let bytes = text.as_bytes();
    let in_number = |b: u8| b.is_ascii_digit() || b"+-.eE".contains(&b);
    let mut start = at;
    while start > 0 && in_number(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < bytes.len() && in_number(bytes[end]) {
        end += 1;
    }
    if start == end {
        return None;
    }
    serde_json::from_str(&format!("{}null{}", &text[..start], &text[end..])).ok()
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
    // An unknown field is already the last step of the path; a missing one is not.
    if let Some(f) = named_field {
        if field.last() != Some(&f) {
            field.push(f);
        }
    }
    let message = inner.split(" at line ").next().unwrap_or(&inner).replace('`', "\"");
    let field = Some(field.join(".")).filter(|f| !f.is_empty());
    Error { code: ErrorCode::Invalid, message, record: Some(record), field }
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
