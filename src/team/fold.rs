//! Applying changes: the team's, in the server's order, on every copy alike, so every
//! copy ends in the same state. Last writer wins per field by the stamp
//! (clock, author); a deletion leaves a tombstone that older writes cannot pass; an
//! edit (all the changes of one write transaction) that would break a rule once merged
//! is set aside whole, the same way on every copy, and kept as a conflict for its author.
//! Also: taking back this copy's unpushed changes (their before-images), so the team's
//! can be applied under them.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::Map;

use super::capture::{key_of, synced_columns, Key};
use crate::error::{Error, Result};
use crate::rules::{find_cycle, named};

/// One change as the server keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct Change {
    pub change_id: String,
    pub grp: String,
    pub author: String,
    pub clock: String,
    pub tbl: String,
    pub rid: String,
    pub op: String,
    pub fields: Option<String>,
}

impl Change {
    fn stamp(&self) -> String {
        format!("{}|{}", self.clock, self.author)
    }
}

/// What an edit touched, for the rules that only a merge can break.
#[derive(Default)]
struct Touched {
    items: HashSet<String>,
    dependencies: bool,
    alignment: bool,
    decision_links: Vec<(String, String)>,
}

/// An edit set aside while applying.
pub(crate) struct SetAside {
    pub grp: String,
    pub author: String,
    pub clock: String,
    pub reason: String,
    pub changes: Vec<Change>,
}

/// Applies `changes` (server order) edit by edit; returns the edits set aside.
pub(crate) fn fold(tx: &Transaction<'_>, changes: &[Change]) -> Result<Vec<SetAside>> {
    let mut set_aside = Vec::new();
    let mut cols = ColumnCache::default();
    let mut start = 0;
    while start < changes.len() {
        let grp = &changes[start].grp;
        let end = start + changes[start..].iter().take_while(|c| &c.grp == grp).count();
        let edit = &changes[start..end];
        tx.prepare_cached("SAVEPOINT team_edit")?.execute([])?;
        let mut touched = Touched::default();
        let result = edit.iter().try_for_each(|c| apply(tx, c, &mut cols, &mut touched)).and_then(|()| check(tx, &touched));
        match result {
            Ok(()) => {
                tx.prepare_cached("RELEASE team_edit")?.execute([])?;
            }
            Err(e) => {
                tx.execute_batch("ROLLBACK TO team_edit; RELEASE team_edit")?;
                let first = &edit[0];
                set_aside.push(SetAside {
                    grp: grp.clone(),
                    author: first.author.clone(),
                    clock: first.clock.clone(),
                    reason: in_words(e).message,
                    changes: edit.to_vec(),
                });
            }
        }
        start = end;
    }
    Ok(set_aside)
}

#[derive(Default)]
struct ColumnCache(HashMap<String, HashSet<String>>);

impl ColumnCache {
    fn columns(&mut self, tx: &Transaction<'_>, table: &str) -> Result<&HashSet<String>> {
        if !self.0.contains_key(table) {
            let cols = synced_columns(tx, table)?.into_iter().collect();
            self.0.insert(table.to_string(), cols);
        }
        Ok(&self.0[table])
    }
}

/// The WHERE clause naming one row, and its parameters.
fn locate(key: Key, rid: &str) -> Result<(String, Vec<Value>)> {
    Ok(match key {
        Key::Id => ("id = ?".into(), vec![Value::Text(rid.into())]),
        Key::Singleton => ("singleton = 1".into(), vec![]),
        Key::Uid => ("uid = ?".into(), vec![Value::Text(rid.into())]),
        Key::Pair(a, b) => {
            let pair: (String, String) = serde_json::from_str(rid).map_err(|_| Error::internal(format!("A change names no row: {rid}")))?;
            (format!("{a} = ? AND {b} = ?"), vec![Value::Text(pair.0), Value::Text(pair.1)])
        }
    })
}

pub(crate) fn value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(*b as i64),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

fn parse_fields(c: &Change) -> Result<Map<String, serde_json::Value>> {
    match &c.fields {
        None => Ok(Map::new()),
        Some(text) => {
            serde_json::from_str(text).map_err(|e| Error::internal(format!("Change {} carries unreadable fields: {e}", c.change_id)))
        }
    }
}

fn row_exists(tx: &Transaction<'_>, table: &str, key: Key, rid: &str) -> Result<bool> {
    let (cond, args) = locate(key, rid)?;
    Ok(tx
        .prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {cond})"))?
        .query_row(rusqlite::params_from_iter(args), |r| r.get(0))?)
}

fn clock_of(tx: &Transaction<'_>, table: &str, rid: &str, field: &str) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT stamp FROM team_clock WHERE tbl = ?1 AND rid = ?2 AND field = ?3")?
        .query_row(params![table, rid, field], |r| r.get(0))
        .optional()?)
}

fn set_clock(tx: &Transaction<'_>, table: &str, rid: &str, field: &str, stamp: &str) -> Result<()> {
    tx.prepare_cached("INSERT OR REPLACE INTO team_clock (tbl, rid, field, stamp) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![table, rid, field, stamp])?;
    Ok(())
}

fn tombstone(tx: &Transaction<'_>, table: &str, rid: &str) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT stamp FROM team_tombstones WHERE tbl = ?1 AND rid = ?2")?
        .query_row(params![table, rid], |r| r.get(0))
        .optional()?)
}

/// Applies one change under last-writer-wins.
fn apply(tx: &Transaction<'_>, c: &Change, cols: &mut ColumnCache, touched: &mut Touched) -> Result<()> {
    // A table this version does not know (a newer member's): nothing of it can be shown here.
    let Some(key) = key_of(&c.tbl) else { return Ok(()) };
    let stamp = c.stamp();
    let known = cols.columns(tx, &c.tbl)?;
    let fields = parse_fields(c)?;
    let rowid = fields.get("rowid").and_then(|v| v.as_i64());
    // Names come from other copies: only this table's own columns are ever written.
    let fields: Vec<(String, Value)> = fields.iter().filter(|(k, _)| known.contains(*k)).map(|(k, v)| (k.clone(), value(v))).collect();
    match c.op.as_str() {
        "insert" => {
            if let Some(dead) = tombstone(tx, &c.tbl, &c.rid)? {
                if dead >= stamp {
                    return Ok(());
                }
                tx.execute("DELETE FROM team_tombstones WHERE tbl = ?1 AND rid = ?2", params![c.tbl, c.rid])?;
            }
            if row_exists(tx, &c.tbl, key, &c.rid)? {
                update_newer(tx, c, key, &stamp, fields, touched)?;
            } else {
                insert_row(tx, c, key, &fields, rowid)?;
                set_clock(tx, &c.tbl, &c.rid, "*", &stamp)?;
                note(touched, c, fields.iter().map(|(k, _)| k.as_str()));
            }
        }
        "update" => {
            if row_exists(tx, &c.tbl, key, &c.rid)? {
                update_newer(tx, c, key, &stamp, fields, touched)?;
            }
        }
        "delete" => delete_row(tx, c, key, &stamp)?,
        other => return Err(Error::internal(format!("Change {} has an unknown operation “{other}”.", c.change_id))),
    }
    Ok(())
}

fn note<'a>(touched: &mut Touched, c: &Change, fields: impl Iterator<Item = &'a str>) {
    let fields: Vec<&str> = fields.collect();
    match c.tbl.as_str() {
        "roadmap_items" if fields.iter().any(|f| *f == "start" || *f == "end") => {
            touched.items.insert(c.rid.clone());
        }
        "roadmap_item_dependencies" => touched.dependencies = true,
        "objectives" if fields.contains(&"parent") => touched.alignment = true,
        "decision_links" => {
            if let Ok(pair) = serde_json::from_str::<(String, String)>(&c.rid) {
                touched.decision_links.push(pair);
            }
        }
        _ => {}
    }
}

/// Sets the fields whose last write is not newer than this change's.
fn update_newer(
    tx: &Transaction<'_>,
    c: &Change,
    key: Key,
    stamp: &str,
    fields: Vec<(String, Value)>,
    touched: &mut Touched,
) -> Result<()> {
    let row_clock = clock_of(tx, &c.tbl, &c.rid, "*")?;
    let mut set = Vec::new();
    for (field, v) in fields {
        let current = clock_of(tx, &c.tbl, &c.rid, &field)?.max(row_clock.clone());
        if current.as_deref().is_none_or(|cur| stamp >= cur) {
            set_clock(tx, &c.tbl, &c.rid, &field, stamp)?;
            set.push((field, v));
        }
    }
    if set.is_empty() {
        return Ok(());
    }
    note(touched, c, set.iter().map(|(k, _)| k.as_str()));
    set_fields(tx, &c.tbl, key, &c.rid, set)
}

/// `UPDATE table SET field = value, … WHERE <the row>`.
fn set_fields(tx: &Transaction<'_>, table: &str, key: Key, rid: &str, fields: Vec<(String, Value)>) -> Result<()> {
    let (cond, args) = locate(key, rid)?;
    let assignments: Vec<String> = fields.iter().map(|(k, _)| format!("{k} = ?")).collect();
    let values = fields.into_iter().map(|(_, v)| v).chain(args);
    tx.prepare_cached(&format!("UPDATE {table} SET {} WHERE {cond}", assignments.join(", ")))?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}

fn insert_row(tx: &Transaction<'_>, c: &Change, key: Key, fields: &[(String, Value)], rowid: Option<i64>) -> Result<()> {
    let mut names: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
    let mut values: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    let mut marks: Vec<String> = vec!["?".into(); names.len()];
    // The row's place where it was made (every copy has the same rows in the same
    // places), unless a row took it meanwhile: then after every row, as anywhere.
    if let Some(rowid) = rowid {
        let free: bool = tx.query_row(&format!("SELECT NOT EXISTS (SELECT 1 FROM {} WHERE rowid = ?1)", c.tbl), [rowid], |r| r.get(0))?;
        if free {
            names.push("rowid".into());
            marks.push("?".into());
            values.push(Value::Integer(rowid));
        }
    }
    match key {
        Key::Uid => {
            // The next number after every row here: the same on every copy, which
            // applies the same changes in the same order.
            names.push("id".into());
            marks.push(format!("(SELECT COALESCE(MAX(id), 0) + 1 FROM {})", c.tbl));
            names.push("uid".into());
            marks.push("?".into());
            values.push(Value::Text(c.rid.clone()));
            if c.tbl == "revisions" {
                names.push("author".into());
                marks.push("?".into());
                values.push(Value::Text(c.author.clone()));
            }
        }
        Key::Singleton => {
            names.push("singleton".into());
            marks.push("1".into());
        }
        Key::Id | Key::Pair(..) => {}
    }
    tx.execute(&format!("INSERT INTO {} ({}) VALUES ({})", c.tbl, names.join(", "), marks.join(", ")), rusqlite::params_from_iter(values))?;
    Ok(())
}

fn delete_row(tx: &Transaction<'_>, c: &Change, key: Key, stamp: &str) -> Result<()> {
    let dead = tombstone(tx, &c.tbl, &c.rid)?;
    if dead.as_deref().is_none_or(|d| stamp > d) {
        tx.execute("INSERT OR REPLACE INTO team_tombstones (tbl, rid, stamp) VALUES (?1, ?2, ?3)", params![c.tbl, c.rid, stamp])?;
    }
    let (cond, args) = locate(key, &c.rid)?;
    tx.execute(&format!("DELETE FROM {} WHERE {cond}", c.tbl), rusqlite::params_from_iter(args))?;
    tx.execute("DELETE FROM team_clock WHERE tbl = ?1 AND rid = ?2", params![c.tbl, c.rid])?;
    forget_links_to(tx, c, key)
}

/// Decision links may point at any record: when the record goes, so does the link
/// (on every copy alike, whoever made the link).
fn forget_links_to(tx: &Transaction<'_>, c: &Change, key: Key) -> Result<()> {
    if key == Key::Id {
        tx.execute("DELETE FROM decision_links WHERE target = ?1", [&c.rid])?;
    }
    Ok(())
}

/// The rules a merge of valid edits can break: an item with one date but not the
/// other, dependency and alignment cycles, links to records that are gone. (Rules of
/// single fields hold, as every value came from a valid edit; the database's own
/// constraints — dates in order, references, scores complete — fail the change itself.)
fn check(tx: &Transaction<'_>, t: &Touched) -> Result<()> {
    for id in &t.items {
        let dates: Option<(Option<String>, Option<String>)> = tx
            .prepare_cached("SELECT start, end FROM roadmap_items WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match dates {
            Some((Some(_), None)) => {
                return Err(Error::invalid(named("roadmap item", id), "end", "The item would have a start but no end."))
            }
            Some((None, Some(_))) => {
                return Err(Error::invalid(named("roadmap item", id), "start", "The item would have an end but no start."))
            }
            _ => {}
        }
    }
    if t.dependencies {
        let edges = pairs(tx, "SELECT item, depends_on FROM roadmap_item_dependencies")?;
        if let Some(cycle) = cycle_in(&edges) {
            return Err(Error::invalid(
                named("roadmap item", &cycle[0]),
                "depends_on",
                format!("The items would depend on each other in a cycle: {}.", cycle.join(" → ")),
            ));
        }
    }
    if t.alignment {
        let edges = pairs(tx, "SELECT id, parent FROM objectives WHERE parent IS NOT NULL")?;
        if let Some(cycle) = cycle_in(&edges) {
            return Err(Error::invalid(
                named("objective", &cycle[0]),
                "parent",
                format!("The objectives would be each other's parents in a loop: {}.", cycle.join(" → ")),
            ));
        }
    }
    for (decision, target) in &t.decision_links {
        let linked: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM decision_links WHERE decision = ?1 AND target = ?2)", [decision, target], |r| {
                r.get(0)
            })?;
        if linked && !record_exists(tx, target)? {
            return Err(Error::invalid(named("decision", decision), "links", format!("The linked record “{target}” is gone.")));
        }
    }
    Ok(())
}

fn pairs(tx: &Transaction<'_>, sql: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare(sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn cycle_in(edges: &[(String, String)]) -> Option<Vec<String>> {
    let mut next: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut nodes: Vec<&str> = Vec::new();
    for (a, b) in edges {
        if !next.contains_key(a.as_str()) {
            nodes.push(a);
        }
        next.entry(a).or_default().push(b);
    }
    nodes.sort_unstable();
    find_cycle(&nodes, &next).map(|c| c.into_iter().map(str::to_string).collect())
}

/// Whether any record (of any kind with a text id) has this id.
fn record_exists(tx: &Transaction<'_>, id: &str) -> Result<bool> {
    for (table, key) in super::capture::TABLES {
        if *key == Key::Id
            && tx.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"), [id], |r| r.get::<_, bool>(0))?
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A rule the database itself keeps, said as the plan's rules are.
fn in_words(e: Error) -> Error {
    let m = &e.message;
    let words = if m.contains("CHECK constraint failed: end >= start") {
        "It would make the item end before it starts."
    } else if m.contains("FOREIGN KEY constraint failed") {
        "It needs a record that another member deleted, or deletes one that is still in use."
    } else if m.contains("UNIQUE constraint failed") {
        "It would make the same record twice."
    } else if m.contains("constraint failed") {
        "It would break a rule of the plan."
    } else {
        return e;
    };
    Error::new(crate::error::ErrorCode::Invalid, words)
}

/// Records the stamps of changes already applied here (this copy's own, acknowledged
/// by the server with nobody else's between): the same outcome as applying them anew.
pub(crate) fn acknowledge(tx: &Transaction<'_>, changes: &[Change]) -> Result<()> {
    for c in changes {
        let Some(key) = key_of(&c.tbl) else { continue };
        let stamp = c.stamp();
        match c.op.as_str() {
            "insert" => {
                tx.execute("DELETE FROM team_tombstones WHERE tbl = ?1 AND rid = ?2", params![c.tbl, c.rid])?;
                set_clock(tx, &c.tbl, &c.rid, "*", &stamp)?;
                if c.tbl == "revisions" {
                    tx.execute("UPDATE revisions SET author = ?1 WHERE uid = ?2", params![c.author, c.rid])?;
                }
            }
            "update" => {
                for field in parse_fields(c)?.keys() {
                    set_clock(tx, &c.tbl, &c.rid, field, &stamp)?;
                }
            }
            _ => delete_row(tx, c, key, &stamp)?,
        }
    }
    Ok(())
}

/// One of this copy's unpushed changes with what it replaced.
pub(crate) struct Pending {
    pub seq: i64,
    pub change: Change,
    pub before: Option<String>,
}

/// Takes back this copy's unpushed changes, newest first, restoring what they replaced.
pub(crate) fn take_back(tx: &Transaction<'_>, pending: &[Pending]) -> Result<()> {
    for p in pending.iter().rev() {
        let c = &p.change;
        let Some(key) = key_of(&c.tbl) else { continue };
        let (cond, args) = locate(key, &c.rid)?;
        let before: Map<String, serde_json::Value> = match &p.before {
            Some(b) => serde_json::from_str(b).map_err(|e| Error::internal(format!("An unpushed change is unreadable: {e}")))?,
            None => Map::new(),
        };
        match c.op.as_str() {
            "insert" => {
                tx.execute(&format!("DELETE FROM {} WHERE {cond}", c.tbl), rusqlite::params_from_iter(args))?;
            }
            "update" => set_fields(tx, &c.tbl, key, &c.rid, before.iter().map(|(k, v)| (k.clone(), value(v))).collect())?,
            _ => {
                let names: Vec<&str> = before.keys().map(String::as_str).collect();
                let marks = vec!["?"; names.len()].join(", ");
                let values: Vec<Value> = before.values().map(value).collect();
                tx.execute(&format!("INSERT INTO {} ({}) VALUES ({marks})", c.tbl, names.join(", ")), rusqlite::params_from_iter(values))?;
            }
        }
    }
    Ok(())
}

/// Applies an edit that was set aside as a new edit of this copy (the user chose to
/// re-apply it): fields set as they were meant, whatever was written since; refused
/// when it still breaks a rule.
pub(crate) fn reapply(tx: &Transaction<'_>, changes: &[Change]) -> Result<()> {
    reapply_all(tx, changes).map_err(in_words)
}

fn reapply_all(tx: &Transaction<'_>, changes: &[Change]) -> Result<()> {
    let mut cols = ColumnCache::default();
    let mut touched = Touched::default();
    for c in changes {
        let Some(key) = key_of(&c.tbl) else { continue };
        let known = cols.columns(tx, &c.tbl)?.clone();
        let fields: Vec<(String, Value)> =
            parse_fields(c)?.iter().filter(|(k, _)| known.contains(*k)).map(|(k, v)| (k.clone(), value(v))).collect();
        let exists = row_exists(tx, &c.tbl, key, &c.rid)?;
        match c.op.as_str() {
            "delete" => {
                let (cond, args) = locate(key, &c.rid)?;
                tx.execute(&format!("DELETE FROM {} WHERE {cond}", c.tbl), rusqlite::params_from_iter(args))?;
                forget_links_to(tx, c, key)?;
            }
            "insert" if !exists => {
                insert_row(tx, c, key, &fields, None)?;
                note(&mut touched, c, fields.iter().map(|(k, _)| k.as_str()));
            }
            _ if !exists => return Err(Error::new(crate::error::ErrorCode::NotFound, "The record this edit changed is gone.")),
            _ if fields.is_empty() => {}
            _ => {
                note(&mut touched, c, fields.iter().map(|(k, _)| k.as_str()));
                set_fields(tx, &c.tbl, key, &c.rid, fields)?;
            }
        }
    }
    check(tx, &touched)
}
