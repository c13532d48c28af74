//! Roadmap items from the CSV exports of other tools (Jira Cloud and Server, in English
//! or French, Linear, Plane, Asana, GitHub Projects, ProductPlan, Aha!, Productboard) and
//! from Lodestar's own items CSV.
//!
//! The file's shape is recognised from its header (and, for headers in a language we do
//! not list, from its values), giving a mapping: each Lodestar field ← a column, the lane
//! ← a column or one fixed lane, and each status and type value of the file ← a Lodestar
//! status or kind (the nearest one when the value is unknown, marked as a guess). The
//! user may change any of it and preview again. A row's key (Jira's Issue key, Plane's
//! Identifier, Lodestar's own id, …) names the item it updates when the same export is
//! imported again. Pure: no SQL, no workspace.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::csv::{cell, next_free, parse_date, row_error, CsvPreview, Table};
use crate::error::{Error, Result};
use crate::interchange::Document;
use crate::model::*;

/// The tool a CSV file was exported from, as far as its header tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CsvSource {
    Lodestar,
    Jira,
    Linear,
    Plane,
    Asana,
    GithubProjects,
    Productplan,
    Aha,
    Productboard,
    /// A spreadsheet of our own making: columns found by their names only.
    Spreadsheet,
}

impl CsvSource {
    pub fn label(self) -> &'static str {
        match self {
            CsvSource::Lodestar => "Lodestar",
            CsvSource::Jira => "Jira",
            CsvSource::Linear => "Linear",
            CsvSource::Plane => "Plane",
            CsvSource::Asana => "Asana",
            CsvSource::GithubProjects => "GitHub Projects",
            CsvSource::Productplan => "ProductPlan",
            CsvSource::Aha => "Aha!",
            CsvSource::Productboard => "Productboard",
            CsvSource::Spreadsheet => "spreadsheet",
        }
    }
}

/// Where each field of an imported item comes from: a column of the file (by its header
/// text) or nothing. The lane comes from `lane` (a column) or, when that is absent, from
/// `fixed_lane` (one lane, existing or new, by name) for every row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
#[ts(export)]
pub struct ItemMapping {
    pub title: Option<String>,
    pub lane: Option<String>,
    pub fixed_lane: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub kind: Option<String>,
    pub status: Option<String>,
    /// The record's key in its tool; for Lodestar's own CSV, the item id.
    pub key: Option<String>,
    pub horizon: Option<String>,
    pub objectives: Option<String>,
    pub expected_impact: Option<String>,
    pub tradeoff: Option<String>,
    /// Chosen statuses for values of the status column (others are mapped automatically).
    pub statuses: BTreeMap<String, ItemStatus>,
    /// Chosen kinds for values of the type column.
    pub kinds: BTreeMap<String, ItemKind>,
}

/// The fields `--map FIELD=COLUMN` can name.
pub const MAPPABLE_FIELDS: &[&str] =
    &["title", "lane", "start", "end", "kind", "status", "key", "horizon", "objectives", "expected_impact", "tradeoff"];

impl ItemMapping {
    /// Points `field` at `column` (None: the field is not read).
    pub fn set(&mut self, field: &str, column: Option<String>) -> Result<()> {
        let slot = match field {
            "title" => &mut self.title,
            "lane" => &mut self.lane,
            "start" => &mut self.start,
            "end" => &mut self.end,
            "kind" | "type" => &mut self.kind,
            "status" => &mut self.status,
            "key" | "id" | "external_key" => &mut self.key,
            "horizon" => &mut self.horizon,
            "objectives" => &mut self.objectives,
            "expected_impact" => &mut self.expected_impact,
            "tradeoff" => &mut self.tradeoff,
            other => {
                return Err(Error::invalid(
                    "--map",
                    other,
                    format!("\"{other}\" is not a field an item can be mapped to; use one of: {}.", MAPPABLE_FIELDS.join(", ")),
                ))
            }
        };
        if field == "lane" && column.is_some() {
            self.fixed_lane = None;
        }
        *slot = column;
        Ok(())
    }
}

/// One value of the file's status column, how many rows have it, and the status it maps to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatusChoice {
    pub value: String,
    pub rows: usize,
    pub status: ItemStatus,
    /// True when the value is not one Lodestar knows and the status is the nearest guess.
    pub guessed: bool,
}

/// One value of the file's type column and the kind it maps to.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KindChoice {
    pub value: String,
    pub rows: usize,
    pub kind: ItemKind,
    pub guessed: bool,
}

/// Header text in one comparable form: lower case, accents folded, `Custom field (X)`
/// read as X, separators as spaces.
pub(crate) fn normalized_header(h: &str) -> String {
    let mut s = fold(h.trim()).to_lowercase();
    for prefix in ["custom field (", "champ personnalise (", "champs personnalises ("] {
        if let Some(inner) = s.strip_prefix(prefix).and_then(|r| r.strip_suffix(')')) {
            s = inner.to_string();
        }
    }
    let s: String = s.chars().map(|c| if matches!(c, '_' | '-' | '.' | ':' | '’') { ' ' } else { c }).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Latin letters without their accents (the ones French, Spanish and German exports use).
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => 'A',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'î' | 'ï' | 'í' => 'i',
            'Î' | 'Ï' | 'Í' => 'I',
            'ô' | 'ö' | 'ó' | 'õ' => 'o',
            'Ô' | 'Ö' | 'Ó' | 'Õ' => 'O',
            'û' | 'ü' | 'ù' | 'ú' => 'u',
            'Û' | 'Ü' | 'Ù' | 'Ú' => 'U',
            'ç' => 'c',
            'Ç' => 'C',
            'ñ' => 'n',
            'Ñ' => 'N',
            other => other,
        })
        .collect()
}

const TITLE: &[&str] =
    &["summary", "resume", "title", "name", "task name", "feature name", "bar name", "titre", "nom", "intitule", "work item"];
const START: &[&str] =
    &["start", "start date", "target start", "feature start date", "initiative start date", "date de debut", "debut", "begin", "start on"];
const END: &[&str] = &[
    "end",
    "end date",
    "target end",
    "target date",
    "due date",
    "due",
    "feature due date",
    "initiative due date",
    "date d'echeance",
    "date d echeance",
    "echeance",
    "date de fin",
    "fin",
    "due on",
    "finish",
];
const STATUS: &[&str] =
    &["status", "statut", "etat", "state", "feature status", "workflow status", "stage", "status category", "categorie d'etat"];
const CATEGORY: &[&str] = &["status category", "categorie d'etat", "categorie d etat", "categorie de statut"];
const KIND: &[&str] = &[
    "kind",
    "issue type",
    "type de ticket",
    "type de demande",
    "type d'incident",
    "type de probleme",
    "type",
    "work item type",
    "feature type",
];

/// The tool a header comes from.
pub(crate) fn detect_source(header: &[String]) -> CsvSource {
    let h: HashSet<String> = header.iter().map(|x| normalized_header(x)).collect();
    let has = |n: &str| h.contains(n);
    let any = |ns: &[&str]| ns.iter().any(|n| h.contains(*n));
    if has("title") && has("lane") && (has("expected impact") || has("horizon")) {
        CsvSource::Lodestar
    } else if any(&["issue key", "issue id", "issue type", "cle de ticket", "type de ticket", "id de ticket", "epic link"])
        || h.iter().any(|x| x.starts_with("sprint") || x == "resume")
    {
        CsvSource::Jira
    } else if has("task id") && (has("section/column") || has("section column") || has("projects")) {
        CsvSource::Asana
    } else if has("state") && any(&["target date", "module name", "modules", "cycle name", "sequence id", "identifier"]) {
        CsvSource::Plane
    } else if has("title") && has("status") && any(&["team", "cycle number", "cycle name", "project id", "triaged"]) {
        CsvSource::Linear
    } else if has("title") && has("url") && any(&["assignees", "repository", "linked pull requests", "milestone"]) {
        CsvSource::GithubProjects
    } else if h.iter().any(|x| x.starts_with("feature reference") || x == "reference #" || x == "release name") {
        CsvSource::Aha
    } else if has("feature name") || any(&["component", "parent name"]) && has("name") {
        CsvSource::Productboard
    } else if any(&["bar name", "container", "legend"]) || has("lane") && has("name") {
        CsvSource::Productplan
    } else {
        CsvSource::Spreadsheet
    }
}

/// The columns a lane is read from, most telling first, for each tool.
fn lane_columns(source: CsvSource) -> &'static [&'static str] {
    match source {
        CsvSource::Jira => &[
            "epic link",
            "epic name",
            "parent summary",
            "cle parent",
            "parent",
            "parent id",
            "lien de l'epic",
            "lien de l epic",
            "project name",
            "nom du projet",
            "projet",
            "component/s",
            "components",
            "composants",
            "module",
            "team",
        ],
        CsvSource::Linear => &["project", "team"],
        CsvSource::Plane => &["module name", "modules", "module", "cycle name", "project"],
        CsvSource::Asana => &["section/column", "section column", "projects"],
        CsvSource::GithubProjects => &["parent issue", "milestone", "repository"],
        CsvSource::Aha => &["epic name", "initiative name", "release name", "product name"],
        CsvSource::Productboard => &["parent name", "component", "product", "parent"],
        CsvSource::Productplan => &["lane", "container"],
        CsvSource::Lodestar | CsvSource::Spreadsheet => &["lane", "team", "epic", "epic name", "epic link", "project", "group", "parent"],
    }
}

fn key_columns(source: CsvSource) -> &'static [&'static str] {
    match source {
        CsvSource::Jira => &["issue key", "cle de ticket", "cle", "key", "issue id", "id de ticket"],
        CsvSource::Linear => &["id", "identifier"],
        CsvSource::Plane => &["identifier", "id", "sequence id"],
        CsvSource::Asana => &["task id"],
        CsvSource::GithubProjects => &["url", "number"],
        CsvSource::Aha => &["feature reference #", "reference #", "reference", "feature id", "id"],
        CsvSource::Productboard => &["feature id", "id", "feature url", "url"],
        CsvSource::Productplan => &["id", "bar id"],
        CsvSource::Lodestar => &["id"],
        CsvSource::Spreadsheet => &["key", "external key", "external id", "issue key", "identifier", "reference", "id"],
    }
}

/// The first column (in `names` order) the header has.
fn find(header: &[String], names: &[&str]) -> Option<String> {
    let normalized: Vec<String> = header.iter().map(|h| normalized_header(h)).collect();
    names.iter().find_map(|n| normalized.iter().position(|h| h == n).map(|i| header[i].clone()))
}

/// Like `find`, preferring a column that has a value in some row (exports carry many
/// columns that are empty in every row, such as a Module Name nobody uses).
fn find_filled(t: &Table, names: &[&str]) -> Option<String> {
    let normalized: Vec<String> = t.header.iter().map(|h| normalized_header(h)).collect();
    let filled = |i: usize| t.rows.iter().any(|r| r.get(i).is_some_and(|v| !v.trim().is_empty()));
    names
        .iter()
        .find_map(|n| normalized.iter().position(|h| h == n).filter(|&i| filled(i)).map(|i| t.header[i].clone()))
        .or_else(|| find(&t.header, names))
}

/// The mapping a file's header (and values) suggest.
pub(crate) fn detect(t: &Table) -> (CsvSource, ItemMapping) {
    let source = detect_source(&t.header);
    let h = &t.header;
    let mut m = ItemMapping {
        title: find(h, TITLE),
        lane: find_filled(t, lane_columns(source)),
        start: find_filled(t, START),
        end: find_filled(t, END),
        kind: find(h, KIND),
        status: find(h, STATUS),
        key: find(h, key_columns(source)),
        horizon: find(h, &["horizon"]),
        objectives: find(h, &["objectives", "objective"]),
        expected_impact: find(h, &["expected impact"]),
        tradeoff: find(h, &["tradeoff", "trade off"]),
        ..ItemMapping::default()
    };
    // A lane column with no value in any row says nothing: one lane instead.
    if m.lane.as_ref().is_some_and(|l| {
        !t.header.iter().position(|h| h == l).is_some_and(|i| t.rows.iter().any(|r| r.get(i).is_some_and(|v| !v.trim().is_empty())))
    }) {
        m.lane = None;
    }
    // Headers in a language we do not list: recognise the columns by their values.
    if m.key.is_none() && source != CsvSource::Lodestar {
        m.key = column_where(t, looks_like_key, 0.9);
    }
    if m.status.is_none() {
        m.status = column_where(t, |v| known_status(v).is_some(), 0.8);
    }
    if m.kind.is_none() {
        m.kind = column_where(t, |v| known_kind(v).is_some(), 0.8);
    }
    if m.lane.is_none() {
        m.fixed_lane = Some(match source {
            CsvSource::Spreadsheet | CsvSource::Lodestar => "Imported".to_string(),
            s => format!("From {}", s.label()),
        });
    }
    (source, m)
}

/// The first column whose non-empty values mostly (`share`) satisfy `test`.
fn column_where(t: &Table, test: impl Fn(&str) -> bool, share: f64) -> Option<String> {
    (0..t.header.len()).find_map(|i| {
        let values: Vec<&str> = t.rows.iter().filter_map(|r| r.get(i)).map(|v| v.trim()).filter(|v| !v.is_empty()).collect();
        let hits = values.iter().filter(|v| test(v)).count();
        (!values.is_empty() && hits as f64 >= share * values.len() as f64).then(|| t.header[i].clone())
    })
}

/// A tracker key such as ABC-123.
fn looks_like_key(v: &str) -> bool {
    let Some((project, number)) = v.rsplit_once('-') else { return false };
    !project.is_empty()
        && project.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && project.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}

fn value_key(v: &str) -> String {
    // "Terminé(e)": French Jira writes both genders.
    let s = fold(v.trim()).to_lowercase().replace("(e)", "").replace("(s)", "");
    let s: String = s.chars().map(|c| if matches!(c, '_' | '-' | '’') { ' ' } else { c }).collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace("won t", "won't").replace("wont", "won't")
}

/// The statuses these tools ship with, in English and French.
pub(crate) fn known_status(v: &str) -> Option<ItemStatus> {
    use ItemStatus::*;
    Some(match value_key(v).as_str() {
        "idea"
        | "ideas"
        | "proposed"
        | "under consideration"
        | "parking lot"
        | "candidate"
        | "triage"
        | "icebox"
        | "draft"
        | "new idea"
        | "future consideration"
        | "shaping" => Idea,
        "planned"
        | "to do"
        | "todo"
        | "open"
        | "backlog"
        | "new"
        | "selected for development"
        | "ready"
        | "committed"
        | "unstarted"
        | "not started"
        | "scheduled"
        | "ready for development"
        | "reopened"
        | "a faire"
        | "ouvert"
        | "ouverte"
        | "nouveau"
        | "nouvelle"
        | "rouvert"
        | "reouvert"
        | "planifie"
        | "next up"
        | "up next" => Planned,
        "in progress" | "doing" | "in review" | "in development" | "started" | "active" | "in flight" | "en cours" | "in qa"
        | "in test" | "testing" | "code review" | "review" | "blocked" | "en revue" | "revue en cours" | "bloque" => InProgress,
        "done" | "closed" | "resolved" | "complete" | "completed" | "shipped" | "released" | "deployed" | "verified" | "termine"
        | "terminee" | "ferme" | "fermee" | "resolu" | "resolue" | "fait" | "livre" | "cloture" => Done,
        "dropped" | "won't do" | "won't fix" | "cancelled" | "canceled" | "rejected" | "abandoned" | "duplicate" | "declined"
        | "obsolete" | "abandonne" | "rejete" | "annule" | "not doing" | "will not implement" => Dropped,
        _ => return None,
    })
}

/// The nearest status for a value no tool we know ships: by the words it uses.
fn nearest_status(v: &str) -> ItemStatus {
    use ItemStatus::*;
    let s = value_key(v);
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&["cancel", "reject", "won't", "abandon", "drop", "obsolete", "duplicate", "declin", "annul", "rejet", "not doing"]) {
        Dropped
    } else if has(&[
        "done", "closed", "resolv", "complet", "releas", "deploy", "ship", "verif", "accept", "termin", "ferm", "resolu", "livr", "clotur",
    ]) {
        Done
    } else if has(&[
        "progress",
        "doing",
        "review",
        "test",
        "uat",
        "qa",
        "dev",
        "build",
        "implement",
        "start",
        "active",
        "cours",
        "block",
        "wip",
        "staging",
        "revue",
    ]) {
        InProgress
    } else if has(&["idea", "discover", "propos", "consider", "triage", "draft", "icebox", "candidate", "someday", "idee"]) {
        Idea
    } else {
        Planned
    }
}

/// The issue types these tools ship with, in English and French.
pub(crate) fn known_kind(v: &str) -> Option<ItemKind> {
    use ItemKind::*;
    Some(match value_key(v).as_str() {
        "feature"
        | "story"
        | "user story"
        | "epic"
        | "new feature"
        | "improvement"
        | "task"
        | "sub task"
        | "subtask"
        | "initiative"
        | "sous tache"
        | "tache"
        | "recit"
        | "histoire"
        | "evolution"
        | "amelioration"
        | "nouvelle fonctionnalite"
        | "fonctionnalite"
        | "issue"
        | "requirement"
        | "enhancement" => Feature,
        "discovery" | "spike" | "research" | "investigation" | "etude" | "recherche" => Discovery,
        "tech debt" | "technical debt" | "refactoring" | "refactor" | "chore" | "maintenance" | "dette technique" => TechDebt,
        "reliability" | "bug" | "incident" | "defect" | "problem" | "anomalie" | "probleme" | "bogue" => Reliability,
        "growth" | "experiment" | "experimentation" => Growth,
        _ => return None,
    })
}

fn nearest_kind(v: &str) -> ItemKind {
    use ItemKind::*;
    let s = value_key(v);
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&["bug", "defect", "incident", "problem", "outage", "reliab", "anomal", "crash", "error", "security", "vulnerab"]) {
        Reliability
    } else if has(&["debt", "refactor", "chore", "mainten", "upgrade", "dette", "cleanup"]) {
        TechDebt
    } else if has(&["spike", "research", "discover", "investigat", "analys", "etude", "recherche", "prototype"]) {
        Discovery
    } else if has(&["experiment", "growth", "a/b", "ab test"]) {
        Growth
    } else {
        Feature
    }
}

/// The column a mapping names, checked against the header.
fn column_of(t: &Table, field: &str, name: &Option<String>) -> Result<Option<(usize, String)>> {
    match name {
        None => Ok(None),
        Some(n) => t
            .header
            .iter()
            .position(|h| h == n)
            .or_else(|| t.header.iter().position(|h| normalized_header(h) == normalized_header(n)))
            .map_or_else(
                || {
                    Err(Error::invalid(
                        "row 1",
                        field,
                        format!(
                            "The file has no column “{n}” to read the {} from; its columns are: {}.",
                            field.replace('_', " "),
                            t.header.join(", ")
                        ),
                    ))
                },
                |i| Ok(Some((i, t.header[i].clone()))),
            ),
    }
}

/// Reads the rows as items under `mapping` (detected when `None`). Rows whose key names
/// an item already in `doc` (by its external key, or by its id for Lodestar's own CSV)
/// update that item: the mapped fields are replaced, the rest (goals, scores, why) kept.
pub(crate) fn items(doc: &Document, t: &Table, mapping: Option<&ItemMapping>, p: &mut CsvPreview) -> Result<()> {
    let (source, detected) = detect(t);
    let m = mapping.cloned().unwrap_or(detected);
    p.source = Some(source);
    p.columns = t.header.clone();
    let title_col = column_of(t, "title", &m.title)?.ok_or_else(|| {
        Error::invalid(
            "row 1",
            "title",
            format!("The file has no title column (a header such as Summary, Title or Name); its columns are: {}.", t.header.join(", ")),
        )
    })?;
    let lane_col = column_of(t, "lane", &m.lane)?;
    let start_col = column_of(t, "start", &m.start)?;
    let end_col = column_of(t, "end", &m.end)?;
    let kind_col = column_of(t, "kind", &m.kind)?;
    let status_col = column_of(t, "status", &m.status)?;
    let category_col = find(&t.header, CATEGORY).and_then(|c| t.header.iter().position(|h| *h == c));
    let key_col = column_of(t, "key", &m.key)?;
    let horizon_col = column_of(t, "horizon", &m.horizon)?;
    let objectives_col = column_of(t, "objectives", &m.objectives)?;
    let impact_col = column_of(t, "expected_impact", &m.expected_impact)?;
    let tradeoff_col = column_of(t, "tradeoff", &m.tradeoff)?;
    // Lodestar's own CSV names items by their id; other tools' keys are kept beside it.
    let keys_are_ids = source == CsvSource::Lodestar && m.key.as_deref().is_some_and(|k| normalized_header(k) == "id");

    // Values of the status and type columns, with the status or kind each maps to.
    p.statuses = choices(t, status_col.as_ref(), |v| {
        if let Some(s) = m.statuses.get(v) {
            return (*s, false);
        }
        match known_status(v) {
            Some(s) => (s, false),
            None => (category_col.and_then(|c| category_of(t, status_col.as_ref(), c, v)).unwrap_or_else(|| nearest_status(v)), true),
        }
    })
    .into_iter()
    .map(|(value, rows, (status, guessed))| StatusChoice { value, rows, status, guessed })
    .collect();
    p.kinds = choices(t, kind_col.as_ref(), |v| match m.kinds.get(v).copied().or_else(|| known_kind(v)) {
        Some(k) => (k, false),
        None => (nearest_kind(v), true),
    })
    .into_iter()
    .map(|(value, rows, (kind, guessed))| KindChoice { value, rows, kind, guessed })
    .collect();
    let status_of: HashMap<&str, ItemStatus> = p.statuses.iter().map(|c| (c.value.as_str(), c.status)).collect();
    let kind_of: HashMap<&str, ItemKind> = p.kinds.iter().map(|c| (c.value.as_str(), c.kind)).collect();

    // A lane column holding keys or ids of other rows (Epic Link, Parent) names the lane
    // after that row's title; a row others name so (an epic) heads that lane itself.
    let id_cols: Vec<usize> = t
        .header
        .iter()
        .enumerate()
        .filter(|(_, h)| matches!(normalized_header(h).as_str(), "issue id" | "id" | "id de ticket"))
        .map(|(i, _)| i)
        .collect();
    let row_keys = |row: &[String]| -> Vec<String> {
        let mut keys: Vec<String> = cell(row, key_col.as_ref()).into_iter().collect();
        keys.extend(id_cols.iter().filter_map(|&i| cell(row, Some(&(i, String::new())))));
        keys
    };
    let titles_by_key: HashMap<String, String> = t
        .rows
        .iter()
        .filter_map(|row| Some((row_keys(row), cell(row, Some(&title_col))?)))
        .flat_map(|(keys, title)| keys.into_iter().map(move |k| (k, title.clone())))
        .collect();
    let lane_values: HashSet<String> = t.rows.iter().filter_map(|row| cell(row, lane_col.as_ref())).collect();

    let existing_by_key: HashMap<&str, &RoadmapItem> = doc
        .roadmap_items
        .iter()
        .filter_map(|i| if keys_are_ids { Some((i.id.as_str(), i)) } else { i.external_key.as_deref().map(|k| (k, i)) })
        .collect();
    let mut lane_ids: HashMap<String, String> = doc.lanes.iter().map(|l| (l.name.trim().to_lowercase(), l.id.clone())).collect();
    let mut taken_lanes: HashSet<String> = doc.lanes.iter().map(|l| l.id.clone()).collect();
    let mut taken: HashSet<String> = doc.roadmap_items.iter().map(|i| i.id.clone()).collect();
    let objectives: HashSet<&str> = doc.objectives.iter().map(|o| o.id.as_str()).collect();
    let (mut next_item, mut next_lane) = (doc.roadmap_items.len(), doc.lanes.len());
    let mut seen_keys: HashMap<String, usize> = HashMap::new();

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
        let mut date = |col: &Option<(usize, String)>, field: &str| -> Option<NaiveDate> {
            let text = cell(row, col.as_ref())?;
            let d = parse_date(&text);
            if d.is_none() {
                let header = &col.as_ref().expect("a cell comes from a column").1;
                p.errors.push(row_error(
                    r,
                    field,
                    format!("“{header}” is “{text}”, which is not a date; write it as YYYY-MM-DD (or 15/Jan/27, 01/15/2027)."),
                ));
            }
            d
        };
        // A row with one date only (a due date, say) is one day long on that date.
        let (start, end) = match (date(&start_col, "start"), date(&end_col, "end")) {
            (Some(s), Some(e)) if e < s => {
                p.errors.push(row_error(r, "end", format!("The item ends ({e}) before it starts ({s}).")));
                (None, None)
            }
            (Some(s), None) => (Some(s), Some(s)),
            (None, Some(e)) => (Some(e), Some(e)),
            dates => dates,
        };
        let status = match cell(row, status_col.as_ref()) {
            // Every value of the column has its choice (made from the same cells).
            Some(s) => status_of.get(s.as_str()).copied().unwrap_or_else(|| nearest_status(&s)),
            None if start.is_some() => ItemStatus::Planned,
            None => ItemStatus::Idea,
        };
        let kind = cell(row, kind_col.as_ref())
            .map_or(ItemKind::Feature, |k| kind_of.get(k.as_str()).copied().unwrap_or_else(|| nearest_kind(&k)));
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
        let goals: Option<Vec<String>> = cell(row, objectives_col.as_ref())
            .map(|s| s.split([';', ',']).map(|g| g.trim().to_string()).filter(|g| !g.is_empty()).collect());
        if let Some(g) = goals.iter().flatten().find(|g| !objectives.contains(g.as_str())) {
            p.errors.push(row_error(r, "objectives", format!("There is no objective “{g}”.")));
        }
        let key = cell(row, key_col.as_ref());
        if let Some(k) = &key {
            if let Some(first) = seen_keys.insert(k.clone(), r) {
                let header = &key_col.as_ref().expect("a key comes from a column").1;
                p.errors.push(row_error(r, "key", format!("“{header}” is “{k}”, as in row {first}: a key names one item.")));
            }
        }
        if p.errors.len() > before {
            continue;
        }
        let heads_a_lane =
            || title.as_ref().is_some_and(|t| lane_values.contains(t)) || row_keys(row).iter().any(|k| lane_values.contains(k));
        let lane_name = match (&lane_col, cell(row, lane_col.as_ref())) {
            (_, Some(v)) => titles_by_key.get(&v).cloned().unwrap_or(v),
            (Some(_), None) if heads_a_lane() => title.clone().expect("checked above"),
            (Some((_, header)), None) => m.fixed_lane.clone().unwrap_or_else(|| format!("No {}", header.to_lowercase())),
            (None, None) => m.fixed_lane.clone().unwrap_or_else(|| "Imported".to_string()),
        };
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
        let existing = key.as_deref().and_then(|k| existing_by_key.get(k)).copied();
        let mut item = match existing {
            Some(old) => old.clone(),
            None => {
                let id = match (&key, keys_are_ids) {
                    (Some(k), true) if !taken.contains(k) => k.clone(),
                    _ => next_free("r", &taken, &mut next_item),
                };
                RoadmapItem { kind, status, ..RoadmapItem::new(id, String::new(), String::new()) }
            }
        };
        taken.insert(item.id.clone());
        item.lane = lane;
        item.title = title.expect("checked above");
        if start_col.is_some() || end_col.is_some() {
            (item.start, item.end) = (start, end);
        }
        if kind_col.is_some() || existing.is_none() {
            item.kind = kind;
        }
        if status_col.is_some() || existing.is_none() {
            item.status = status;
        }
        if horizon_col.is_some() {
            item.horizon = horizon;
        }
        if let Some(goals) = goals {
            item.objectives = goals;
        }
        if impact_col.is_some() {
            item.expected_impact = cell(row, impact_col.as_ref());
        }
        if tradeoff_col.is_some() {
            item.tradeoff = cell(row, tradeoff_col.as_ref());
        }
        if !keys_are_ids {
            if let Some(k) = key {
                item.external_key = Some(k);
            }
        }
        match existing {
            Some(old) if *old == item => p.unchanged += 1,
            Some(_) => p.updates.push(item),
            None => p.items.push(item),
        }
    }
    p.mapping = Some(m);
    Ok(())
}

/// The distinct non-empty values of a column in order of first appearance, with their
/// row counts and what `map` makes of each.
fn choices<T>(t: &Table, col: Option<&(usize, String)>, map: impl Fn(&str) -> T) -> Vec<(String, usize, T)> {
    let mut order: Vec<String> = vec![];
    let mut counts: HashMap<String, usize> = HashMap::new();
    for row in &t.rows {
        if let Some(v) = cell(row, col) {
            let n = counts.entry(v.clone()).or_insert(0);
            if *n == 0 {
                order.push(v);
            }
            *n += 1;
        }
    }
    order.into_iter().map(|v| (map(&v), counts[&v], v)).map(|(m, n, v)| (v, n, m)).collect()
}

/// The status a category column gives the rows with status `value` (Jira's Status
/// Category: To Do, In Progress, Done), when they agree.
fn category_of(t: &Table, status_col: Option<&(usize, String)>, category: usize, value: &str) -> Option<ItemStatus> {
    let mut found = None;
    for row in &t.rows {
        if cell(row, status_col).as_deref() == Some(value) {
            let c = known_status(row.get(category)?)?;
            if found.is_some_and(|f| f != c) {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Table {
        Table::read(text).unwrap()
    }

    #[test]
    fn headers_are_compared_without_case_accents_or_custom_field_wrappers() {
        assert_eq!(normalized_header("Custom field (Target start)"), "target start");
        assert_eq!(normalized_header("  Type de   demande "), "type de demande");
        assert_eq!(normalized_header("État"), "etat");
        assert_eq!(normalized_header("Clé de ticket"), "cle de ticket");
        assert_eq!(normalized_header("start_date"), "start date");
    }

    #[test]
    fn the_tools_are_told_apart_by_their_headers() {
        let h = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(detect_source(&h("Summary,Issue key,Issue id,Issue Type,Status")), CsvSource::Jira);
        assert_eq!(detect_source(&h("Résumé,Clé de ticket,Type de ticket,État")), CsvSource::Jira);
        assert_eq!(detect_source(&h("ID,Team,Title,Description,Status,Project,Cycle Number,Due Date")), CsvSource::Linear);
        assert_eq!(detect_source(&h("ID,Name,State,Start Date,Target Date,Module Name")), CsvSource::Plane);
        assert_eq!(detect_source(&h("Task ID,Created At,Name,Section/Column,Start Date,Due Date,Projects")), CsvSource::Asana);
        assert_eq!(detect_source(&h("Title,URL,Assignees,Status,Repository")), CsvSource::GithubProjects);
        assert_eq!(detect_source(&h("Feature reference #,Feature name,Feature status,Release name")), CsvSource::Aha);
        assert_eq!(
            detect_source(&h("id,title,lane,start,end,kind,status,horizon,objectives,expected_impact,tradeoff")),
            CsvSource::Lodestar
        );
        assert_eq!(detect_source(&h("Title,Team,Start,End")), CsvSource::Spreadsheet);
    }

    #[test]
    fn unknown_statuses_and_types_take_the_nearest_instead_of_refusing() {
        assert_eq!(known_status("Reopened"), Some(ItemStatus::Planned));
        assert_eq!(known_status("En cours"), Some(ItemStatus::InProgress));
        assert_eq!(known_status("Fermée"), Some(ItemStatus::Done));
        assert_eq!(known_status("Verified - UAT"), None);
        assert_eq!(nearest_status("Verified - UAT"), ItemStatus::Done);
        assert_eq!(nearest_status("Test in UAT"), ItemStatus::InProgress);
        assert_eq!(nearest_status("Waiting for customer"), ItemStatus::Planned);
        assert_eq!(known_kind("Sub-task"), Some(ItemKind::Feature));
        assert_eq!(known_kind("Problem"), Some(ItemKind::Reliability));
        assert_eq!(known_kind("Sous-tâche"), Some(ItemKind::Feature));
        assert_eq!(nearest_kind("Security vulnerability"), ItemKind::Reliability);
        assert_eq!(nearest_kind("Marketing request"), ItemKind::Feature);
    }

    #[test]
    fn keys_are_recognised_by_their_values_under_any_header() {
        let t = table("Quoi,Référence,Avancement\nA,WEB-1,Ouvert\nB,WEB-12,Fermé\n");
        let (_, m) = detect(&t);
        assert_eq!(m.key.as_deref(), Some("Référence"));
        assert_eq!(m.status.as_deref(), Some("Avancement"));
        assert!(looks_like_key("PROJ_2-17"));
        assert!(!looks_like_key("2024-01"));
        assert!(!looks_like_key("web-1"));
    }
}
