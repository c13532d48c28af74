//! CSV for spreadsheets and other tools: export of items, OKRs (one row per key result)
//! and feedback; import of roadmap items in the shape Jira- and ProductPlan-style
//! exports use, of KPI measurements and of feedback. Imports are all or nothing and a
//! preview shows the parsed rows with every error naming its row and column.
//! Pure: parsing and writing only; the application layer (`crate::app::csv`) reads the
//! workspace, checks the rules and writes the records.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode, Result};
use crate::interchange::Document;
use crate::model::*;
use crate::views::okr::OkrReport;

/// What `export csv --what` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvExport {
    Items,
    Okrs,
    Feedback,
}

/// What `import-csv --what` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CsvImport {
    Items,
    Measurements,
    Feedback,
}

/// The parsed rows of a CSV import, what it would create, and every problem found.
/// Nothing is written while `errors` is not empty.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CsvPreview {
    pub items: Vec<RoadmapItem>,
    /// Lanes named in the file that do not exist yet, created on import.
    pub new_lanes: Vec<Lane>,
    pub measurements: Vec<Measurement>,
    pub feedback: Vec<Feedback>,
    /// One per bad cell, with `record` = "row N" (the header is row 1) and `field` = the column.
    pub errors: Vec<Error>,
}

impl CsvPreview {
    pub fn rows(&self) -> usize {
        self.items.len() + self.measurements.len() + self.feedback.len()
    }
}

fn internal(e: impl std::fmt::Display) -> Error {
    Error::internal(format!("CSV writing failed: {e}"))
}

fn write_rows(header: &[&str], rows: Vec<Vec<String>>) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(internal)?;
    for row in rows {
        w.write_record(&row).map_err(internal)?;
    }
    String::from_utf8(w.into_inner().map_err(internal)?).map_err(internal)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub const ITEM_COLUMNS: &[&str] =
    &["id", "title", "lane", "start", "end", "kind", "status", "horizon", "objectives", "expected_impact", "tradeoff"];

/// The roadmap items as CSV, one row per item (lanes by name).
pub fn items_csv(doc: &Document) -> Result<String> {
    let lanes: HashMap<&str, &str> = doc.lanes.iter().map(|l| (l.id.as_str(), l.name.as_str())).collect();
    let rows = doc
        .roadmap_items
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.title.clone(),
                lanes.get(i.lane.as_str()).map_or(i.lane.clone(), |n| n.to_string()),
                opt(i.start),
                opt(i.end),
                i.kind.as_str().into(),
                i.status.as_str().into(),
                opt(i.horizon.map(Horizon::as_str)),
                i.objectives.join("; "),
                i.expected_impact.clone().unwrap_or_default(),
                i.tradeoff.clone().unwrap_or_default(),
            ]
        })
        .collect();
    write_rows(ITEM_COLUMNS, rows)
}

/// The OKRs as CSV, one row per key result with its objective's figures (from `report`,
/// computed for the same document).
pub fn okrs_csv(doc: &Document, report: &OkrReport) -> Result<String> {
    let krs: HashMap<&str, &KeyResult> = doc.key_results.iter().map(|k| (k.id.as_str(), k)).collect();
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    for o in &report.objectives {
        let health = o.health.map(|h| serde_json::to_value(h).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default());
        let objective = vec![
            opt(o.cycle.as_ref()),
            o.id.clone(),
            o.title.clone(),
            num(o.progress),
            num(o.expected),
            health.unwrap_or_default(),
            num(o.grade),
            num(o.forecast_progress),
        ];
        if o.key_results.is_empty() {
            let mut row = objective.clone();
            row.extend(std::iter::repeat_n(String::new(), 10));
            rows.push(row);
        }
        for f in &o.key_results {
            let Some(k) = krs.get(f.id.as_str()) else { continue };
            let mut row = objective.clone();
            row.extend([
                k.id.clone(),
                k.title.clone(),
                k.kind.as_str().to_string(),
                k.unit.clone().unwrap_or_default(),
                num(k.baseline),
                num(k.target),
                num(f.current),
                num(f.progress),
                num(f.confidence),
                num(f.forecast_value),
            ]);
            rows.push(row);
        }
    }
    write_rows(
        &[
            "cycle",
            "objective_id",
            "objective",
            "objective_progress",
            "expected",
            "health",
            "grade",
            "objective_forecast",
            "key_result_id",
            "key_result",
            "kind",
            "unit",
            "baseline",
            "target",
            "current",
            "progress",
            "confidence",
            "forecast_value",
        ],
        rows,
    )
}

/// The feedback as CSV, one row per entry (themes by name).
pub fn feedback_csv(doc: &Document) -> Result<String> {
    let themes: HashMap<&str, &str> = doc.themes.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect();
    let rows = doc
        .feedback
        .iter()
        .map(|f| {
            vec![
                f.id.clone(),
                f.date.to_string(),
                f.source.as_str().to_string(),
                f.customer.clone().unwrap_or_default(),
                f.text.clone(),
                f.themes.iter().map(|t| themes.get(t.as_str()).unwrap_or(&t.as_str()).to_string()).collect::<Vec<_>>().join("; "),
                f.roadmap_items.join("; "),
            ]
        })
        .collect();
    write_rows(&["id", "date", "source", "customer", "text", "themes", "roadmap_items"], rows)
}

/// Parses a CSV file for import into records (`what` they are), against the
/// workspace's current contents `existing` (lanes by name, ids taken, KPIs known), and
/// with every problem as an error naming its row and column. Writes nothing.
pub fn parse(what: CsvImport, text: &str, existing: &Document) -> Result<CsvPreview> {
    let table = Table::read(text)?;
    let mut p = CsvPreview { items: vec![], new_lanes: vec![], measurements: vec![], feedback: vec![], errors: vec![] };
    match what {
        CsvImport::Items => items(existing, &table, &mut p)?,
        CsvImport::Measurements => measurements(existing, &table, &mut p)?,
        CsvImport::Feedback => feedback(existing, &table, &mut p)?,
    }
    Ok(p)
}

/// A CSV file as header names and rows of cells.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn read(text: &str) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| Error::invalid("row 1", "header", format!("The file is not readable as CSV: {e}")))?
            .iter()
            .map(str::to_string)
            .collect();
        let mut rows = Vec::new();
        for (i, rec) in reader.records().enumerate() {
            let rec = rec.map_err(|e| Error::invalid(format!("row {}", i + 2), "row", format!("The row is not readable as CSV: {e}")))?;
            rows.push(rec.iter().map(str::to_string).collect());
        }
        Ok(Table { header, rows })
    }

    /// The index and header text of the first column whose name (case-insensitive,
    /// spaces and underscores alike) is one of `names`.
    fn column(&self, names: &[&str]) -> Option<(usize, String)> {
        let norm = |s: &str| s.trim().to_lowercase().replace(['_', '-'], " ");
        names.iter().find_map(|n| self.header.iter().position(|h| norm(h) == norm(n)).map(|i| (i, self.header[i].clone())))
    }

    fn require(&self, field: &str, names: &[&str]) -> Result<(usize, String)> {
        self.column(names)
            .ok_or_else(|| Error::invalid("row 1", field, format!("The file has no {field} column (a header named {}).", names.join(", "))))
    }
}

/// A cell (trimmed; `None` when empty or missing).
fn cell(row: &[String], col: Option<&(usize, String)>) -> Option<String> {
    col.and_then(|(i, _)| row.get(*i)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Dates as ISO (2027-01-15, optionally with a time), Jira (15/Jan/27 9:30 AM) or US
/// spreadsheets (01/15/2027).
fn parse_date(s: &str) -> Option<NaiveDate> {
    let first = s.split(['T', ' ']).next().unwrap_or(s);
    for (text, fmt) in
        [(first, "%Y-%m-%d"), (first, "%d/%b/%y"), (first, "%d/%b/%Y"), (first, "%m/%d/%Y"), (s, "%d %b %Y"), (s, "%b %d, %Y")]
    {
        if let Ok(d) = NaiveDate::parse_from_str(text, fmt) {
            return Some(d);
        }
    }
    None
}

fn status_of(s: &str) -> Option<ItemStatus> {
    let s = s.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match s.as_str() {
        "idea" | "ideas" | "proposed" | "under consideration" | "parking lot" | "candidate" => ItemStatus::Idea,
        "planned" | "to do" | "todo" | "open" | "backlog" | "new" | "selected for development" | "ready" | "committed" => {
            ItemStatus::Planned
        }
        "in progress" | "doing" | "in review" | "in development" | "started" | "active" | "in flight" => ItemStatus::InProgress,
        "done" | "closed" | "resolved" | "complete" | "completed" | "shipped" | "released" => ItemStatus::Done,
        "dropped" | "won't do" | "wont do" | "cancelled" | "canceled" | "rejected" | "abandoned" => ItemStatus::Dropped,
        _ => return None,
    })
}

fn kind_of(s: &str) -> Option<ItemKind> {
    let s = s.trim().to_lowercase().replace(['_', '-'], " ");
    Some(match s.as_str() {
        "feature" | "story" | "epic" | "new feature" | "improvement" | "task" | "initiative" => ItemKind::Feature,
        "discovery" | "spike" | "research" => ItemKind::Discovery,
        "tech debt" | "technical debt" | "refactoring" => ItemKind::TechDebt,
        "reliability" | "bug" | "incident" => ItemKind::Reliability,
        "growth" | "experiment" => ItemKind::Growth,
        _ => return None,
    })
}

fn next_free(prefix: &str, taken: &HashSet<String>, n: &mut usize) -> String {
    loop {
        *n += 1;
        let id = format!("{prefix}{n}");
        if !taken.contains(&id) {
            return id;
        }
    }
}

fn row_error(row: usize, field: &str, message: String) -> Error {
    Error { code: ErrorCode::Invalid, message, record: Some(format!("row {row}")), field: Some(field.to_string()) }
}

fn items(doc: &Document, t: &Table, p: &mut CsvPreview) -> Result<()> {
    let title_col = t.require("title", &["title", "summary", "name"])?;
    let lane_col = t.require("lane", &["lane", "team", "epic", "epic name", "epic link"])?;
    let start_col = t.column(&["start", "start date"]);
    let end_col = t.column(&["end", "end date", "due date", "due"]);
    let status_col = t.column(&["status"]);
    let id_col = t.column(&["id"]);
    let kind_col = t.column(&["kind", "type", "issue type"]);
    let horizon_col = t.column(&["horizon"]);
    let objectives_col = t.column(&["objectives", "objective"]);
    let impact_col = t.column(&["expected impact", "expected_impact"]);
    let tradeoff_col = t.column(&["tradeoff", "trade off"]);

    let mut lane_ids: HashMap<String, String> = doc.lanes.iter().map(|l| (l.name.trim().to_lowercase(), l.id.clone())).collect();
    let mut taken_lanes: HashSet<String> = doc.lanes.iter().map(|l| l.id.clone()).collect();
    let mut taken: HashSet<String> = doc.roadmap_items.iter().map(|i| i.id.clone()).collect();
    let objectives: HashSet<&str> = doc.objectives.iter().map(|o| o.id.as_str()).collect();
    let (mut next_item, mut next_lane) = (doc.roadmap_items.len(), doc.lanes.len());

    for (i, row) in t.rows.iter().enumerate() {
        let r = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = p.errors.len();
        let title = cell(row, Some(&title_col));
        if title.is_none() {
            p.errors.push(row_error(r, "title", format!("“{}” is empty; every item needs a title.", title_col.1)));
        }
        let lane_name = cell(row, Some(&lane_col));
        if lane_name.is_none() {
            p.errors.push(row_error(r, "lane", format!("“{}” is empty; every item needs a lane.", lane_col.1)));
        }
        let mut date = |col: &Option<(usize, String)>, field: &str| -> Option<NaiveDate> {
            let text = cell(row, col.as_ref())?;
            let d = parse_date(&text);
            if d.is_none() {
                let header = &col.as_ref().expect("a cell comes from a column").1;
                p.errors.push(row_error(r, field, format!("“{header}” is “{text}”, which is not a date; write it as YYYY-MM-DD.")));
            }
            d
        };
        let start = date(&start_col, "start");
        let end = date(&end_col, "end");
        match (start, end) {
            (Some(s), Some(e)) if e < s => p.errors.push(row_error(r, "end", format!("The item ends ({e}) before it starts ({s})."))),
            (Some(_), None) if cell(row, end_col.as_ref()).is_none() => {
                p.errors.push(row_error(r, "end", "The item has a start but no end; give both dates, or neither.".into()))
            }
            (None, Some(_)) if cell(row, start_col.as_ref()).is_none() => {
                p.errors.push(row_error(r, "start", "The item has an end but no start; give both dates, or neither.".into()))
            }
            _ => {}
        }
        let status = match cell(row, status_col.as_ref()) {
            None if start.is_some() => Some(ItemStatus::Planned),
            None => Some(ItemStatus::Idea),
            Some(s) => {
                let st = status_of(&s);
                if st.is_none() {
                    p.errors.push(row_error(
                        r,
                        "status",
                        format!("“{s}” is not a status Lodestar knows; use To Do, In Progress, Done, Idea or Dropped."),
                    ));
                }
                st
            }
        };
        let kind = match cell(row, kind_col.as_ref()) {
            None => Some(ItemKind::Feature),
            Some(k) => {
                let kind = kind_of(&k);
                if kind.is_none() {
                    p.errors.push(row_error(r, "kind", format!("“{k}” is not a kind; use one of: {}.", ItemKind::names())));
                }
                kind
            }
        };
        let horizon = match cell(row, horizon_col.as_ref()) {
            None => None,
            Some(h) => match h.to_lowercase().parse::<Horizon>() {
                Ok(h) => Some(h),
                Err(e) => {
                    p.errors.push(row_error(r, "horizon", e));
                    None
                }
            },
        };
        let goals: Vec<String> = cell(row, objectives_col.as_ref())
            .map(|s| s.split([';', ',']).map(|g| g.trim().to_string()).filter(|g| !g.is_empty()).collect())
            .unwrap_or_default();
        if let Some(g) = goals.iter().find(|g| !objectives.contains(g.as_str())) {
            p.errors.push(row_error(r, "objectives", format!("There is no objective “{g}”.")));
        }
        let id = match cell(row, id_col.as_ref()) {
            Some(id) if taken.contains(&id) => {
                p.errors.push(row_error(r, "id", format!("An item with id “{id}” already exists.")));
                id
            }
            Some(id) => id,
            None => next_free("r", &taken, &mut next_item),
        };
        if p.errors.len() > before {
            continue;
        }
        taken.insert(id.clone());
        let lane_name = lane_name.expect("checked above");
        let lane = match lane_ids.get(&lane_name.to_lowercase()) {
            Some(id) => id.clone(),
            None => {
                let lid = next_free("l", &taken_lanes, &mut next_lane);
                taken_lanes.insert(lid.clone());
                lane_ids.insert(lane_name.to_lowercase(), lid.clone());
                p.new_lanes.push(Lane { id: lid.clone(), name: lane_name, color: None });
                lid
            }
        };
        p.items.push(RoadmapItem {
            id,
            lane,
            title: title.expect("checked above"),
            start,
            end,
            kind: kind.expect("checked above"),
            status: status.expect("checked above"),
            horizon,
            objectives: goals,
            depends_on: vec![],
            expected_impact: cell(row, impact_col.as_ref()),
            tradeoff: cell(row, tradeoff_col.as_ref()),
            rice: None,
            ice: None,
            moscow: None,
            urgent: None,
            important: None,
            key_results: vec![],
            external_key: None,
        });
    }
    Ok(())
}

fn measurements(doc: &Document, t: &Table, p: &mut CsvPreview) -> Result<()> {
    let kpi_col = t.require("kpi", &["kpi", "metric"])?;
    let date_col = t.require("date", &["date"])?;
    let value_col = t.require("value", &["value"])?;
    for (i, row) in t.rows.iter().enumerate() {
        let r = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = p.errors.len();
        let kpi = match cell(row, Some(&kpi_col)) {
            None => {
                p.errors.push(row_error(r, "kpi", format!("“{}” is empty; name the KPI by id or name.", kpi_col.1)));
                None
            }
            Some(k) => {
                let found = doc.kpis.iter().find(|x| x.id == k || x.name.trim().eq_ignore_ascii_case(&k)).map(|x| x.id.clone());
                if found.is_none() {
                    p.errors.push(row_error(r, "kpi", format!("There is no KPI “{k}”.")));
                }
                found
            }
        };
        let date = required_date(row, &date_col, r, &mut p.errors);
        let value = match cell(row, Some(&value_col)) {
            Some(v) => match v.replace(',', "").trim_end_matches('%').trim().parse::<f64>() {
                Ok(x) if x.is_finite() => Some(x),
                _ => {
                    p.errors.push(row_error(r, "value", format!("“{v}” is not a number.")));
                    None
                }
            },
            None => {
                p.errors.push(row_error(r, "value", "The value is empty.".into()));
                None
            }
        };
        if p.errors.len() == before {
            p.measurements.push(Measurement { kpi: kpi.expect("checked"), date: date.expect("checked"), value: value.expect("checked") });
        }
    }
    Ok(())
}

/// A required date cell: its date, or an error naming the row and the `date` column.
fn required_date(row: &[String], col: &(usize, String), r: usize, errors: &mut Vec<Error>) -> Option<NaiveDate> {
    match cell(row, Some(col)) {
        Some(d) => {
            let parsed = parse_date(&d);
            if parsed.is_none() {
                errors.push(row_error(r, "date", format!("“{d}” is not a date; write it as YYYY-MM-DD.")));
            }
            parsed
        }
        None => {
            errors.push(row_error(r, "date", "The date is empty.".into()));
            None
        }
    }
}

fn feedback(doc: &Document, t: &Table, p: &mut CsvPreview) -> Result<()> {
    let date_col = t.require("date", &["date", "created"])?;
    let text_col = t.require("text", &["text", "feedback", "comment", "description"])?;
    let source_col = t.column(&["source", "channel"]);
    let customer_col = t.column(&["customer", "account", "company"]);
    let taken: HashSet<String> = doc.feedback.iter().map(|f| f.id.clone()).collect();
    let mut n = doc.feedback.len();
    for (i, row) in t.rows.iter().enumerate() {
        let r = i + 2;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let before = p.errors.len();
        let date = required_date(row, &date_col, r, &mut p.errors);
        let text = cell(row, Some(&text_col));
        if text.is_none() {
            p.errors.push(row_error(r, "text", "The feedback's text is empty.".into()));
        }
        let source = match cell(row, source_col.as_ref()) {
            None => Some(FeedbackSource::Other),
            Some(s) => match s.to_lowercase().parse::<FeedbackSource>() {
                Ok(x) => Some(x),
                Err(e) => {
                    p.errors.push(row_error(r, "source", e));
                    None
                }
            },
        };
        if p.errors.len() == before {
            p.feedback.push(Feedback {
                id: next_free("f", &taken, &mut n),
                date: date.expect("checked"),
                source: source.expect("checked"),
                customer: cell(row, customer_col.as_ref()),
                text: text.expect("checked"),
                themes: vec![],
                roadmap_items: vec![],
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_iso_jira_and_us_spreadsheet_forms() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        for s in ["2027-01-15", "2027-01-15 09:30", "15/Jan/27 9:30 AM", "01/15/2027", "15 Jan 2027", "Jan 15, 2027"] {
            assert_eq!(parse_date(s), Some(d), "{s}");
        }
        assert_eq!(parse_date("2027-13-01"), None);
    }

    #[test]
    fn tracker_statuses_map_to_lodestar_statuses() {
        assert_eq!(status_of("To Do"), Some(ItemStatus::Planned));
        assert_eq!(status_of("In Progress"), Some(ItemStatus::InProgress));
        assert_eq!(status_of("Done"), Some(ItemStatus::Done));
        assert_eq!(status_of("Won't Do"), Some(ItemStatus::Dropped));
        assert_eq!(status_of("in_progress"), Some(ItemStatus::InProgress));
        assert_eq!(status_of("Blocked-ish"), None);
    }
}
