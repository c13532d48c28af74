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

pub use super::csv_items::{CsvSource, ItemMapping, KindChoice, StatusChoice, MAPPABLE_FIELDS};

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
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CsvPreview {
    /// New roadmap items.
    pub items: Vec<RoadmapItem>,
    /// Items already imported from the same records (by key), as the import leaves them.
    pub updates: Vec<RoadmapItem>,
    /// Rows whose item is already exactly as the file says.
    pub unchanged: usize,
    /// Items: the tool the file comes from, its columns and how they are read.
    pub source: Option<CsvSource>,
    pub columns: Vec<String>,
    pub mapping: Option<ItemMapping>,
    pub statuses: Vec<StatusChoice>,
    pub kinds: Vec<KindChoice>,
    /// Lanes named in the file that do not exist yet, created on import.
    pub new_lanes: Vec<Lane>,
    pub measurements: Vec<Measurement>,
    pub feedback: Vec<Feedback>,
    /// One per bad cell, with `record` = "row N" (the header is row 1) and `field` = the column.
    pub errors: Vec<Error>,
}

impl CsvPreview {
    /// The records the import writes (new and changed).
    pub fn rows(&self) -> usize {
        self.items.len() + self.updates.len() + self.measurements.len() + self.feedback.len()
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
/// with every problem as an error naming its row and column. Items are read with
/// `mapping`, or the one the file's shape suggests. Writes nothing.
pub fn parse(what: CsvImport, text: &str, existing: &Document, mapping: Option<&ItemMapping>) -> Result<CsvPreview> {
    let table = Table::read(text)?;
    let mut p = CsvPreview::default();
    match what {
        CsvImport::Items => super::csv_items::items(existing, &table, mapping, &mut p)?,
        CsvImport::Measurements => measurements(existing, &table, &mut p)?,
        CsvImport::Feedback => feedback(existing, &table, &mut p)?,
    }
    Ok(p)
}

/// A CSV file as header names and rows of cells.
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn read(text: &str) -> Result<Table> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader =
            csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).delimiter(delimiter(text)).from_reader(text.as_bytes());
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
pub(crate) fn cell(row: &[String], col: Option<&(usize, String)>) -> Option<String> {
    col.and_then(|(i, _)| row.get(*i)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The field separator: a comma, or the semicolon or tab a spreadsheet in a language
/// that writes decimal commas uses — whichever the header line has most of.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [b',', b';', b'\t'].into_iter().max_by_key(|&d| (count(d as char), d == b',')).unwrap_or(b',')
}

/// Month names and abbreviations in English and French (Jira Server writes
/// "10/oct./16" in French), folded to lower case without accents or dots.
fn month(name: &str) -> Option<u32> {
    let n: String = name.to_lowercase().chars().filter(|c| *c != '.').collect();
    let n = n.replace(['é', 'è'], "e").replace('û', "u");
    Some(match n.as_str() {
        "jan" | "january" | "janv" | "janvier" => 1,
        "feb" | "february" | "fev" | "fevr" | "fevrier" => 2,
        "mar" | "march" | "mars" => 3,
        "apr" | "april" | "avr" | "avril" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juin" => 6,
        "jul" | "july" | "juil" | "juillet" => 7,
        "aug" | "august" | "aou" | "aout" => 8,
        "sep" | "sept" | "september" | "septembre" => 9,
        "oct" | "october" | "octobre" => 10,
        "nov" | "november" | "novembre" => 11,
        "dec" | "december" | "decembre" => 12,
        _ => return None,
    })
}

/// A two-digit year is this century's.
fn full_year(y: &str) -> Option<i32> {
    let n: i32 = y.parse().ok()?;
    match y.len() {
        2 => Some(2000 + n),
        4 => Some(n),
        _ => None,
    }
}

/// Dates as the exports of these tools write them, the time of day ignored: ISO
/// (2027-01-15, 2027-01-15T09:30:00.000Z, 2027-01-15 09:30), Jira's d/MMM/yy with English or
/// French months (15/Jan/27 9:30 AM, 10/oct./16 11:54 AM), US spreadsheets' MM/DD/YYYY
/// (01/15/2027 16:14), 15 Jan 2027 and Jan 15, 2027.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let first = s.split(['T', ' ']).next().unwrap_or(s);
    if let Ok(d) = NaiveDate::parse_from_str(first, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = first.split('/').collect();
    if let [a, b, c] = parts[..] {
        let (day, month_number, year) = match month(b) {
            Some(m) => (a.parse().ok()?, m, full_year(c)?),
            None => (b.parse().ok()?, a.parse().ok()?, full_year(c).filter(|_| c.len() == 4)?),
        };
        return NaiveDate::from_ymd_opt(year, month_number, day);
    }
    // 15 Jan 2027, Jan 15, 2027, 15 janv. 2027, and with a weekday first as Linear
    // (Mon Feb 06 2023 05:00:00 GMT+0000) and Plane (Mon, 21 Apr 2025 10:17:06 UTC+0000) write.
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let day_month_year = |w: &[&str]| -> Option<NaiveDate> {
        let [a, b, c, ..] = w[..] else { return None };
        let (day, m) = match (month(a), month(b)) {
            (Some(m), None) => (b, m),
            (None, Some(m)) => (a, m),
            _ => return None,
        };
        NaiveDate::from_ymd_opt(full_year(c).filter(|_| c.len() == 4)?, m, day.parse().ok()?)
    };
    day_month_year(&words).or_else(|| day_month_year(words.get(1..)?))
}

pub(crate) fn next_free(prefix: &str, taken: &HashSet<String>, n: &mut usize) -> String {
    loop {
        *n += 1;
        let id = format!("{prefix}{n}");
        if !taken.contains(&id) {
            return id;
        }
    }
}

pub(crate) fn row_error(row: usize, field: &str, message: String) -> Error {
    Error { code: ErrorCode::Invalid, message, record: Some(format!("row {row}")), field: Some(field.to_string()) }
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
    fn french_jira_dates_and_times_are_read() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("10/oct./16 11:54 AM"), d(2016, 10, 10));
        assert_eq!(parse_date("03/févr./17 9:05 PM"), d(2017, 2, 3));
        assert_eq!(parse_date("21/déc./18"), d(2018, 12, 21));
        assert_eq!(parse_date("6/21/2025 16:14"), d(2025, 6, 21));
        assert_eq!(parse_date("2023-11-14T17:46:31.000Z"), d(2023, 11, 14));
        assert_eq!(parse_date("15 janv. 2027"), d(2027, 1, 15));
        assert_eq!(parse_date("Mon Feb 06 2023 05:00:00 GMT+0000 (GMT)"), d(2023, 2, 6));
        assert_eq!(parse_date("Mon, 21 Apr 2025 10:17:06 UTC+0000"), d(2025, 4, 21));
        assert_eq!(parse_date("Mar 15, 2027"), d(2027, 3, 15));
        // Day and month out of range, and a US date with a two-digit year, are not dates.
        assert_eq!(parse_date("31/Feb/27"), None);
        assert_eq!(parse_date("13/25/2027"), None);
        assert_eq!(parse_date("01/15/27"), None);
    }

    #[test]
    fn semicolon_and_tab_separated_files_are_read() {
        assert_eq!(delimiter("Résumé;Clé;État\na;b;c"), b';');
        assert_eq!(delimiter("Title\tLane\n"), b'\t');
        assert_eq!(delimiter("Title,Lane;x\n"), b',');
    }
}
