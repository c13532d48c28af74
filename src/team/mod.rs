//! Team spaces: one plan shared by several people through a PostgreSQL server.
//!
//! Every member keeps a whole workspace file and works offline at full speed. Each
//! local write is also recorded as changes (`capture`), stamped with a hybrid logical
//! clock (`hlc`) and kept until pushed. `sync` pushes them and pulls everyone else's in
//! one server transaction; every copy applies the space's changes in the server's order
//! (`fold`), so all copies converge on the same plan, and an edit that would break a
//! rule once merged is set aside the same way everywhere and kept as a conflict.
//! The server side lives in `server`. A workspace that is not shared never connects.

mod capture;
mod fold;
mod hlc;
pub mod server;

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, ErrorCode, Result};
use crate::Workspace;
use fold::{Change, Pending};
pub use server::{Server, SetupReport, SERVER_SCHEMA_VERSION};

/// Where a shared workspace stands, for the sidebar and `team status`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamStatus {
    pub space: String,
    /// The server's address without a password.
    pub server: String,
    pub role: String,
    /// When this copy last exchanged changes with the server (RFC 3339, UTC).
    pub last_sync: Option<String>,
    /// Changes made here that the server has not acknowledged yet.
    #[ts(type = "number")]
    pub pending: i64,
    /// Since when the server could not be reached (RFC 3339, UTC); None when it could.
    pub offline_since: Option<String>,
    /// The last sync's error, in words; None after a good sync.
    pub last_error: Option<String>,
    /// Edits set aside because they conflicted with the team's.
    #[ts(type = "number")]
    pub conflicts: i64,
}

/// What one sync did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "TeamSyncReport")]
pub struct SyncReport {
    #[ts(type = "number")]
    pub pushed: i64,
    /// Other members' changes applied here.
    #[ts(type = "number")]
    pub pulled: i64,
    /// Edits set aside by this sync.
    pub set_aside: Vec<Conflict>,
}

/// An edit set aside because, merged with the team's, it would have broken a rule.
/// (Named `TeamConflict` in TypeScript: the roadmap has its own conflicts.)
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "TeamConflict")]
pub struct Conflict {
    #[ts(type = "number")]
    pub id: i64,
    /// The server role that made the edit.
    pub author: String,
    /// True when the edit was made by this workspace's role: its author is here.
    pub mine: bool,
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// What the edit did, e.g. `roadmap item “Guided setup”: start, end`.
    pub summary: String,
    /// The rule it would have broken.
    pub reason: String,
}

/// One change in a team space, as History shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Activity {
    pub author: String,
    /// RFC 3339, UTC, from the change's clock.
    pub made_at: String,
    /// The kind of record, by its table: `roadmap_items`, `objectives`, …
    pub table: String,
    /// The record's id (a link's is `["a","b"]`).
    pub record: String,
    /// `insert`, `update` or `delete`.
    pub op: String,
    /// The values the change set.
    pub values: Vec<FieldValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldValue {
    pub field: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Member {
    pub role: String,
    pub owner: bool,
}

/// A workspace's link to its space.
struct Link {
    server: String,
    space: String,
    space_id: i64,
    role: String,
    replica: String,
    pulled_seq: i64,
    clock: String,
}

fn link(conn: &rusqlite::Connection) -> Result<Option<Link>> {
    Ok(conn
        .query_row("SELECT server, space, space_id, role, replica, pulled_seq, clock FROM team_link", [], |r| {
            Ok(Link {
                server: r.get(0)?,
                space: r.get(1)?,
                space_id: r.get(2)?,
                role: r.get(3)?,
                replica: r.get(4)?,
                pulled_seq: r.get(5)?,
                clock: r.get(6)?,
            })
        })
        .optional()?)
}

fn not_shared() -> Error {
    Error::new(ErrorCode::Invalid, "This workspace is not shared with a team: use `team share` or `team join` first.")
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A fresh id for this copy: its changes are named `<replica>:<n>`.
fn new_replica_id(tx: &Transaction<'_>) -> Result<String> {
    Ok(tx.query_row("SELECT lower(hex(randomblob(8)))", [], |r| r.get(0))?)
}

/// Installs or upgrades the server schema (`lodestar team setup`).
pub fn setup(server_url: &str, password: Option<&str>) -> Result<SetupReport> {
    server::setup(&Server::parse(server_url)?, password)
}

/// Called by `Workspace::open`: a shared workspace records its writes.
pub(crate) fn on_open(conn: &rusqlite::Connection) -> Result<bool> {
    let shared = link(conn)?.is_some();
    if shared {
        capture::install(conn)?;
    }
    Ok(shared)
}

/// Called by `Workspace::write` before commit: stamps this transaction's changes.
pub(crate) fn stamp(tx: &Transaction<'_>) -> Result<()> {
    let first: Option<i64> = tx.query_row("SELECT MIN(seq) FROM team_pending WHERE clock IS NULL", [], |r| r.get(0))?;
    let Some(first) = first else { return Ok(()) };
    let (last, replica): (String, String) = tx.query_row("SELECT clock, replica FROM team_link", [], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let clock = hlc::tick(&last, now_ms());
    tx.execute("UPDATE team_pending SET clock = ?1, grp = ?2 WHERE clock IS NULL", params![clock, format!("{replica}:{first}")])?;
    tx.execute("UPDATE team_link SET clock = ?1", [&clock])?;
    Ok(())
}

/// The tables' rows as JSON: what a new member starts from.
fn snapshot(tx: &Transaction<'_>) -> Result<String> {
    let mut tables = Vec::new();
    for (table, key) in capture::TABLES {
        let mut columns = capture::all_columns(tx, table)?;
        if matches!(key, capture::Key::Id | capture::Key::Pair(..)) {
            // Rows keep their places: the order they are listed in is the same everywhere.
            columns.insert(0, "rowid".into());
        }
        let mut stmt = tx.prepare(&format!("SELECT {} FROM {table} ORDER BY rowid", columns.join(", ")))?;
        let n = columns.len();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => serde_json::Value::Null,
                            rusqlite::types::ValueRef::Integer(v) => v.into(),
                            rusqlite::types::ValueRef::Real(v) => {
                                serde_json::Number::from_f64(v).map(Into::into).unwrap_or(serde_json::Value::Null)
                            }
                            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                            rusqlite::types::ValueRef::Blob(_) => serde_json::Value::Null,
                        })
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        tables.push(serde_json::json!({ "name": table, "columns": columns, "rows": rows }));
    }
    Ok(serde_json::json!({ "format": 1, "tables": tables }).to_string())
}

/// Replaces every table's rows with a snapshot's.
fn load_snapshot(tx: &Transaction<'_>, text: &str) -> Result<()> {
    let doc: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::internal(format!("The space's snapshot is unreadable: {e}")))?;
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    for (table, _) in capture::TABLES.iter().rev() {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let known: Vec<&str> = capture::TABLES.iter().map(|(t, _)| *t).collect();
    for t in doc["tables"].as_array().into_iter().flatten() {
        let Some(table) = t["name"].as_str().filter(|n| known.contains(n)) else { continue };
        let have = capture::all_columns(tx, table)?;
        let cols: Vec<&str> = t["columns"].as_array().into_iter().flatten().filter_map(|c| c.as_str()).collect();
        if let Some(bad) = cols.iter().find(|c| **c != "rowid" && !have.iter().any(|h| h == *c)) {
            return Err(Error::internal(format!("The space's snapshot has a column {table}.{bad} this Lodestar does not know.")));
        }
        let marks = vec!["?"; cols.len()].join(", ");
        let mut stmt = tx.prepare(&format!("INSERT INTO {table} ({}) VALUES ({marks})", cols.join(", ")))?;
        for row in t["rows"].as_array().into_iter().flatten() {
            let values: Vec<rusqlite::types::Value> = row.as_array().into_iter().flatten().map(fold::value).collect();
            stmt.execute(rusqlite::params_from_iter(values))?;
        }
    }
    let broken: Option<String> = tx.query_row("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1", [], |r| r.get(0)).optional()?;
    if let Some(table) = broken {
        return Err(Error::internal(format!("The space's snapshot has a broken reference in {table}.")));
    }
    tx.execute_batch("PRAGMA defer_foreign_keys = OFF")?;
    Ok(())
}

/// A workspace with nothing in it but the product row (and its history).
fn is_empty(tx: &Transaction<'_>) -> Result<bool> {
    for (table, _) in capture::TABLES {
        if matches!(*table, "product" | "revisions") {
            continue;
        }
        if tx.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {table})"), [], |r| r.get::<_, bool>(0))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn clear_team_tables(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM team_pending; DELETE FROM team_clock; DELETE FROM team_tombstones; DELETE FROM team_conflicts; DELETE FROM team_log;
         DELETE FROM team_link;",
    )?;
    Ok(())
}

/// The changes of the space after `after`, in the server's order.
fn changes_after(
    tx: &mut impl postgres::GenericClient,
    space_id: i64,
    after: i64,
) -> std::result::Result<Vec<(i64, Change)>, postgres::Error> {
    let rows = tx.query(
        "SELECT seq, change_id, grp, author::text, clock, tbl, rid, op, fields FROM lodestar.changes
         WHERE space_id = $1 AND seq > $2 ORDER BY seq",
        &[&space_id, &after],
    )?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.get(0),
                Change {
                    change_id: r.get(1),
                    grp: r.get(2),
                    author: r.get(3),
                    clock: r.get(4),
                    tbl: r.get(5),
                    rid: r.get(6),
                    op: r.get(7),
                    fields: r.get(8),
                },
            )
        })
        .collect())
}

fn read_pending(conn: &rusqlite::Connection, replica: &str, role: &str) -> Result<Vec<Pending>> {
    let mut stmt =
        conn.prepare("SELECT seq, grp, clock, tbl, rid, op, fields, before FROM team_pending WHERE clock IS NOT NULL ORDER BY seq")?;
    let rows = stmt
        .query_map([], |r| {
            let seq: i64 = r.get(0)?;
            Ok(Pending {
                seq,
                change: Change {
                    change_id: format!("{replica}:{seq}"),
                    grp: r.get(1)?,
                    author: role.to_string(),
                    clock: r.get(2)?,
                    tbl: r.get(3)?,
                    rid: r.get(4)?,
                    op: r.get(5)?,
                    fields: r.get(6)?,
                },
                before: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn summarize(conn: &rusqlite::Connection, changes: &[Change]) -> String {
    let Some(first) = changes.first() else { return String::new() };
    let kind = match first.tbl.as_str() {
        "roadmap_item_dependencies" => "dependency".to_string(),
        "roadmap_item_objectives" | "roadmap_item_key_results" => "goal link".to_string(),
        "key_result_milestones" => "milestone binding".to_string(),
        "baseline_items" => "baseline item".to_string(),
        "feedback_themes" | "feedback_items" => "feedback link".to_string(),
        "decision_links" => "decision link".to_string(),
        "product" | "feedback" => first.tbl.clone(),
        t => t.trim_end_matches('s').replace('_', " "),
    };
    let title: Option<String> = ["title", "name"].iter().find_map(|col| {
        conn.query_row(&format!("SELECT {col} FROM {} WHERE id = ?1", first.tbl), [&first.rid], |r| r.get(0)).ok().flatten()
    });
    let what = match first.op.as_str() {
        "delete" => "deleted".to_string(),
        "insert" => "created".to_string(),
        _ => {
            let fields: Vec<String> = first
                .fields
                .as_deref()
                .and_then(|f| serde_json::from_str::<serde_json::Map<_, _>>(f).ok())
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            format!("changed {}", fields.join(", "))
        }
    };
    let name = title.map(|t| format!("“{t}” ({})", first.rid)).unwrap_or_else(|| first.rid.clone());
    let more = if changes.len() > 1 { format!(" (+{} more changes)", changes.len() - 1) } else { String::new() };
    format!("{kind} {name}: {what}{more}")
}

fn clock_time(clock: &str) -> String {
    let ms: i64 = clock.split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap_or_default()
}

impl Workspace {
    /// The space this workspace belongs to and how its sync stands; None when not shared.
    pub fn team_status(&self) -> Result<Option<TeamStatus>> {
        let row = self
            .conn
            .query_row("SELECT space, server, role, last_sync, offline_since, last_error FROM team_link", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        let Some((space, server, role, last_sync, offline_since, last_error)) = row else { return Ok(None) };
        let pending = self.conn.query_row("SELECT COUNT(*) FROM team_pending", [], |r| r.get(0))?;
        let conflicts = self.conn.query_row("SELECT COUNT(*) FROM team_conflicts", [], |r| r.get(0))?;
        Ok(Some(TeamStatus { space, server, role, last_sync, pending, offline_since, last_error, conflicts }))
    }

    /// Publishes this workspace as a new space; its role becomes the owner.
    pub fn team_share(&mut self, server_url: &str, space: &str, password: Option<&str>) -> Result<TeamStatus> {
        let space = space.trim();
        if space.is_empty() {
            return Err(Error::invalid("team", "space", "Name the space, e.g. “Checkout team”."));
        }
        if link(&self.conn)?.is_some() {
            return Err(Error::invalid("team", "space", "This workspace is already shared; leave its space first."));
        }
        let server = Server::parse(server_url)?;
        let mut client = server::connect_ready(&server, password)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        capture::fill_uids(&tx)?;
        let snapshot = snapshot(&tx)?;
        let space_id: i64 = client
            .query_one("SELECT lodestar.create_space($1, $2)", &[&space, &snapshot])
            .map_err(|e| {
                if e.code() == Some(&postgres::error::SqlState::UNIQUE_VIOLATION) {
                    Error::invalid(
                        "team",
                        "space",
                        format!("A space named “{space}” already exists on {}: choose another name, or join it.", server.shown),
                    )
                } else {
                    server.describe(e)
                }
            })?
            .get(0);
        clear_team_tables(&tx)?;
        tx.execute(
            "INSERT INTO team_link (singleton, server, space, space_id, role, replica, pulled_seq, clock, last_sync)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, 0, ?6, ?7)",
            params![server.shown, space, space_id, server.role(), new_replica_id(&tx)?, hlc::tick("", now_ms()), now_text()],
        )?;
        tx.commit()?;
        capture::install(&self.conn)?;
        self.shared = true;
        Ok(self.team_status()?.expect("just shared"))
    }

    /// Fills this empty workspace from a space the role is a member of.
    pub fn team_join(&mut self, server_url: &str, space: &str, password: Option<&str>) -> Result<TeamStatus> {
        let space = space.trim();
        if link(&self.conn)?.is_some() {
            return Err(Error::invalid("team", "space", "This workspace is already shared; leave its space first."));
        }
        let server = Server::parse(server_url)?;
        let mut client = server::connect_ready(&server, password)?;
        let path = self.path().display().to_string();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if !is_empty(&tx)? {
            return Err(Error::invalid(
                "team",
                "space",
                format!("Joining fills an empty workspace, and {} has a plan in it: join from a new workspace (File ▸ New).", path),
            ));
        }
        let (space_id, snapshot_text, snapshot_seq) = server::find_space(&mut client, &server, space)?;
        let changes = changes_after(&mut client, space_id, snapshot_seq).map_err(|e| server.describe(e))?;
        load_snapshot(&tx, &snapshot_text)?;
        let only: Vec<Change> = changes.iter().map(|(_, c)| c.clone()).collect();
        let set_aside = fold::fold(&tx, &only)?;
        remember(&tx, changes.iter().map(|(s, c)| (*s, c)))?;
        let last_seq = changes.last().map(|(s, _)| *s).unwrap_or(snapshot_seq);
        let clock = only
            .iter()
            .map(|c| c.clock.as_str())
            .max()
            .map(|m| hlc::merge(&hlc::tick("", now_ms()), m))
            .unwrap_or_else(|| hlc::tick("", now_ms()));
        clear_team_tables(&tx)?;
        tx.execute(
            "INSERT INTO team_link (singleton, server, space, space_id, role, replica, pulled_seq, clock, last_sync)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![server.shown, space, space_id, server.role(), new_replica_id(&tx)?, last_seq, clock, now_text()],
        )?;
        keep_conflicts(&tx, &set_aside)?;
        tx.commit()?;
        capture::install(&self.conn)?;
        self.shared = true;
        Ok(self.team_status()?.expect("just joined"))
    }

    /// Pushes this copy's changes and applies everyone else's; records being offline.
    pub fn team_sync(&mut self, password: Option<&str>) -> Result<SyncReport> {
        // A write made here while the server answered makes the answer stale: try again.
        for _ in 0..5 {
            match self.sync_once(password) {
                Err(e) if e.code == ErrorCode::Offline || e.code == ErrorCode::Denied => {
                    self.conn.execute(
                        "UPDATE team_link SET offline_since = CASE WHEN ?1 THEN COALESCE(offline_since, ?2) ELSE offline_since END, last_error = ?3",
                        params![e.code == ErrorCode::Offline, now_text(), e.message],
                    )?;
                    return Err(e);
                }
                Ok(Some(report)) => return Ok(report),
                Ok(None) => continue,
                Err(e) => {
                    self.conn.execute("UPDATE team_link SET last_error = ?1", [&e.message])?;
                    return Err(e);
                }
            }
        }
        Err(Error::new(ErrorCode::Io, "The workspace kept changing while it synced; it will sync again shortly."))
    }

    fn sync_once(&mut self, password: Option<&str>) -> Result<Option<SyncReport>> {
        let link = link(&self.conn)?.ok_or_else(not_shared)?;
        let server = Server::parse(&link.server)?;
        let pending = read_pending(&self.conn, &link.replica, &link.role)?;
        let mut client = server::connect_ready(&server, password)?;
        let describe = |e| server.describe(e);
        let mut stx = client.transaction().map_err(describe)?;
        // One pusher per space at a time, so the order of seq is the order of commits
        // and a reader never skips a change that commits late.
        stx.execute("SELECT pg_advisory_xact_lock($1)", &[&link.space_id]).map_err(describe)?;
        let visible: bool =
            stx.query_one("SELECT EXISTS (SELECT 1 FROM lodestar.spaces WHERE id = $1)", &[&link.space_id]).map_err(describe)?.get(0);
        if !visible {
            return Err(server::not_member(&server, &link.space));
        }
        let pulled = changes_after(&mut stx, link.space_id, link.pulled_seq).map_err(describe)?;
        let pushed = push(&mut stx, link.space_id, &pending).map_err(describe)?;
        if !pushed.is_empty() {
            stx.execute("SELECT pg_notify($1, $2)", &[&server::channel(link.space_id), &pushed.last().unwrap().0.to_string()])
                .map_err(describe)?;
        }
        stx.commit().map_err(describe)?;

        // The server has it all; now this copy, in one local transaction.
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now_pending: Vec<i64> = {
            let mut stmt = tx.prepare("SELECT seq FROM team_pending ORDER BY seq")?;
            let seqs = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
            seqs
        };
        if now_pending != pending.iter().map(|p| p.seq).collect::<Vec<_>>() {
            return Ok(None);
        }
        // This copy's changes by id: those pulled back (pushed by an attempt that was cut
        // short) are not others', and those just pushed are applied from here.
        let by_id: std::collections::HashMap<&str, &Change> = pending.iter().map(|p| (p.change.change_id.as_str(), &p.change)).collect();
        let foreign = pulled.iter().filter(|(_, c)| !by_id.contains_key(c.change_id.as_str())).count() as i64;
        let set_aside = capture::quietly(&tx, || {
            if foreign == 0 {
                let mine: Vec<Change> = pending.iter().map(|p| p.change.clone()).collect();
                fold::acknowledge(&tx, &mine)?;
                Ok(Vec::new())
            } else {
                fold::take_back(&tx, &pending)?;
                let mut all: Vec<Change> = pulled.iter().map(|(_, c)| c.clone()).collect();
                all.extend(pushed.iter().filter_map(|(_, id)| by_id.get(id.as_str()).map(|c| (*c).clone())));
                fold::fold(&tx, &all)
            }
        })?;
        remember(
            &tx,
            pulled.iter().map(|(s, c)| (*s, c)).chain(pushed.iter().filter_map(|(s, id)| by_id.get(id.as_str()).map(|c| (*s, *c)))),
        )?;
        let last_seq =
            pulled.iter().map(|(s, _)| *s).chain(pushed.iter().map(|(s, _)| *s)).max().unwrap_or(link.pulled_seq).max(link.pulled_seq);
        let clock = pulled.iter().map(|(_, c)| c.clock.as_str()).fold(link.clock.clone(), |acc, c| hlc::merge(&acc, c));
        tx.execute("DELETE FROM team_pending WHERE seq <= ?1", [pending.last().map(|p| p.seq).unwrap_or(0)])?;
        tx.execute(
            "UPDATE team_link SET pulled_seq = ?1, clock = ?2, last_sync = ?3, offline_since = NULL, last_error = NULL",
            params![last_seq, clock, now_text()],
        )?;
        let kept = keep_conflicts(&tx, &set_aside)?;
        tx.commit()?;
        Ok(Some(SyncReport {
            pushed: pending.len() as i64,
            pulled: foreign,
            set_aside: kept.into_iter().map(|c| self.conflict_view(c, &link.role)).collect(),
        }))
    }

    fn conflict_view(&self, (id, author, clock, summary, reason): (i64, String, String, String, String), role: &str) -> Conflict {
        Conflict { id, mine: author == role, author, made_at: clock_time(&clock), summary, reason }
    }

    /// Who changed what in the space, newest first: every change applied here, also
    /// those whose values a later edit replaced. `record` narrows it to one record id.
    pub fn team_activity(&self, record: Option<&str>, limit: u32) -> Result<Vec<Activity>> {
        let mut stmt = self
            .conn
            .prepare("SELECT author, clock, tbl, rid, op, fields FROM team_log WHERE ?1 IS NULL OR rid = ?1 ORDER BY seq DESC LIMIT ?2")?;
        let rows = stmt
            .query_map(params![record, limit], |r| {
                let fields: Option<String> = r.get(5)?;
                let values = fields
                    .and_then(|f| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&f).ok())
                    .map(|m| {
                        m.into_iter()
                            .map(|(field, v)| FieldValue { field, value: v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()) })
                            .collect()
                    })
                    .unwrap_or_default();
                Ok(Activity {
                    author: r.get(0)?,
                    made_at: clock_time(&r.get::<_, String>(1)?),
                    table: r.get(2)?,
                    record: r.get(3)?,
                    op: r.get(4)?,
                    values,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Edits set aside in this space, newest first.
    pub fn team_conflicts(&self) -> Result<Vec<Conflict>> {
        let role = link(&self.conn)?.map(|l| l.role).unwrap_or_default();
        let mut stmt = self.conn.prepare("SELECT id, author, clock, summary, reason FROM team_conflicts ORDER BY id DESC")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows.into_iter().map(|c| self.conflict_view(c, &role)).collect())
    }

    /// Makes a set-aside edit again, as a new edit of this copy; refused while it still
    /// breaks a rule. The conflict is gone once it applies.
    pub fn team_reapply_conflict(&mut self, id: i64) -> Result<()> {
        let text: String = self
            .conn
            .query_row("SELECT changes FROM team_conflicts WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::new(ErrorCode::NotFound, "That conflict is no longer there."))?;
        let changes: Vec<Change> =
            serde_json::from_str(&text).map_err(|e| Error::internal(format!("A kept conflict is unreadable: {e}")))?;
        self.write(|tx| {
            fold::reapply(tx, &changes)?;
            tx.execute("DELETE FROM team_conflicts WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Forgets a set-aside edit.
    pub fn team_dismiss_conflict(&mut self, id: i64) -> Result<()> {
        self.conn.execute("DELETE FROM team_conflicts WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Stops syncing; the file keeps everything it has.
    pub fn team_leave(&mut self) -> Result<()> {
        if link(&self.conn)?.is_none() {
            return Err(not_shared());
        }
        capture::uninstall(&self.conn)?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        clear_team_tables(&tx)?;
        tx.commit()?;
        self.shared = false;
        Ok(())
    }

    fn team_server(&self) -> Result<(Link, Server)> {
        let link = link(&self.conn)?.ok_or_else(not_shared)?;
        let server = Server::parse(&link.server)?;
        Ok((link, server))
    }

    pub fn team_members(&self, password: Option<&str>) -> Result<Vec<Member>> {
        let (link, server) = self.team_server()?;
        let mut client = server::connect_ready(&server, password)?;
        let rows = client
            .query("SELECT role::text, is_owner FROM lodestar.members WHERE space_id = $1 ORDER BY role", &[&link.space_id])
            .map_err(|e| server.describe(e))?;
        if rows.is_empty() {
            return Err(server::not_member(&server, &link.space));
        }
        Ok(rows.iter().map(|r| Member { role: r.get(0), owner: r.get(1) }).collect())
    }

    /// Adds (or with `add` false removes) a member; owners only.
    pub fn team_change_member(&self, role: &str, add: bool, password: Option<&str>) -> Result<()> {
        let (link, server) = self.team_server()?;
        let mut client = server::connect_ready(&server, password)?;
        let sql = if add { "SELECT lodestar.add_member($1, $2::text::name)" } else { "SELECT lodestar.remove_member($1, $2::text::name)" };
        client.execute(sql, &[&link.space_id, &role]).map_err(|e| match e.as_db_error() {
            Some(db) if db.code() == &postgres::error::SqlState::UNDEFINED_OBJECT => {
                Error::invalid("team", "role", format!("There is no role “{role}” on {}: create it there first.", server.shown))
            }
            _ => server.describe(e),
        })?;
        Ok(())
    }

    /// Waits for the space's pushes (LISTEN/NOTIFY), for the app's live updates.
    pub fn team_listener(&self, password: Option<&str>) -> Result<Listener> {
        let (link, server) = self.team_server()?;
        let mut client = server.connect(password)?;
        client.batch_execute(&format!("LISTEN {}", server::channel(link.space_id))).map_err(|e| server.describe(e))?;
        Ok(Listener { client, server })
    }
}

/// A connection that listens for a space's pushes.
pub struct Listener {
    client: postgres::Client,
    server: Server,
}

impl Listener {
    /// Blocks until a push is announced (true) or `timeout` passes (false).
    pub fn wait(&mut self, timeout: std::time::Duration) -> Result<bool> {
        use postgres::fallible_iterator::FallibleIterator;
        let mut notes = self.client.notifications();
        let first = notes.timeout_iter(timeout).next();
        match first {
            Ok(Some(_)) => {
                // Several pushes at once need one sync.
                while let Ok(Some(_)) = notes.iter().next() {}
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => Err(self.server.describe(e)),
        }
    }
}

/// Pushes this copy's changes (a retried push skips those the server has); returns
/// the (seq, change id) of those added, in order.
fn push(
    stx: &mut postgres::Transaction<'_>,
    space_id: i64,
    pending: &[Pending],
) -> std::result::Result<Vec<(i64, String)>, postgres::Error> {
    if pending.is_empty() {
        return Ok(Vec::new());
    }
    let col = |f: fn(&Change) -> Option<String>| pending.iter().map(|p| f(&p.change)).collect::<Vec<Option<String>>>();
    let ids = col(|c| Some(c.change_id.clone()));
    let grps = col(|c| Some(c.grp.clone()));
    let clocks = col(|c| Some(c.clock.clone()));
    let tbls = col(|c| Some(c.tbl.clone()));
    let rids = col(|c| Some(c.rid.clone()));
    let ops = col(|c| Some(c.op.clone()));
    let fields = col(|c| c.fields.clone());
    let rows = stx.query(
        "INSERT INTO lodestar.changes (space_id, change_id, grp, clock, tbl, rid, op, fields)
         SELECT $1, u.change_id, u.grp, u.clock, u.tbl, u.rid, u.op, u.fields
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
              WITH ORDINALITY AS u (change_id, grp, clock, tbl, rid, op, fields, n)
         ORDER BY u.n
         ON CONFLICT (space_id, change_id) DO NOTHING
         RETURNING seq, change_id",
        &[&space_id, &ids, &grps, &clocks, &tbls, &rids, &ops, &fields],
    )?;
    let mut out: Vec<(i64, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    out.sort_by_key(|(s, _)| *s);
    Ok(out)
}

/// Keeps the applied changes with their authors, for "who changed what".
fn remember<'a>(tx: &Transaction<'_>, changes: impl Iterator<Item = (i64, &'a Change)>) -> Result<()> {
    let mut stmt =
        tx.prepare("INSERT OR IGNORE INTO team_log (seq, author, clock, tbl, rid, op, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for (seq, c) in changes {
        stmt.execute(params![seq, c.author, c.clock, c.tbl, c.rid, c.op, c.fields])?;
    }
    Ok(())
}

type KeptConflict = (i64, String, String, String, String);

fn keep_conflicts(tx: &Transaction<'_>, set_aside: &[fold::SetAside]) -> Result<Vec<KeptConflict>> {
    let mut kept = Vec::new();
    for s in set_aside {
        let summary = summarize(tx, &s.changes);
        let changes = serde_json::to_string(&s.changes).map_err(|e| Error::internal(e.to_string()))?;
        tx.execute(
            "INSERT INTO team_conflicts (grp, author, clock, summary, reason, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![s.grp, s.author, s.clock, summary, s.reason, changes],
        )?;
        kept.push((tx.last_insert_rowid(), s.author.clone(), s.clock.clone(), summary, s.reason.clone()));
    }
    Ok(kept)
}
