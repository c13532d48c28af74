//! Recording local writes as changes. Every table of the plan is listed here with the
//! key that names a row on every member's copy; triggers on this connection (TEMP, so
//! nothing is stored in the file and an unshared workspace has none) turn each insert,
//! update and delete into a row of `team_pending` with the fields it set and the values
//! it replaced. `Workspace::write` stamps each transaction's changes with one clock.

use rusqlite::{Connection, Transaction};

use crate::error::Result;

/// How a table's rows are named across copies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Key {
    /// `id TEXT`.
    Id,
    /// The one product row.
    Singleton,
    /// A local integer `id` plus a `uid` that is the same on every copy.
    Uid,
    /// Two columns (link tables): the row id is the JSON array `[a, b]`.
    Pair(&'static str, &'static str),
}

/// Every table of the plan, parents before children (the order a snapshot is loaded in).
pub(crate) const TABLES: &[(&str, Key)] = &[
    ("product", Key::Singleton),
    ("cycles", Key::Id),
    ("kpis", Key::Id),
    ("objectives", Key::Id),
    ("key_results", Key::Id),
    ("measurements", Key::Uid),
    ("checkins", Key::Uid),
    ("lanes", Key::Id),
    ("roadmap_items", Key::Id),
    ("roadmap_item_objectives", Key::Pair("item", "objective")),
    ("roadmap_item_dependencies", Key::Pair("item", "depends_on")),
    ("roadmap_item_key_results", Key::Pair("item", "key_result")),
    ("milestones", Key::Id),
    ("key_result_milestones", Key::Pair("key_result", "milestone")),
    ("baselines", Key::Id),
    ("baseline_items", Key::Pair("baseline", "item")),
    ("themes", Key::Id),
    ("feedback", Key::Id),
    ("feedback_themes", Key::Pair("feedback", "theme")),
    ("feedback_items", Key::Pair("feedback", "item")),
    ("experiments", Key::Id),
    ("decisions", Key::Id),
    ("decision_links", Key::Pair("decision", "target")),
    ("pivots", Key::Uid),
    ("revisions", Key::Uid),
];

pub(crate) fn key_of(table: &str) -> Option<Key> {
    TABLES.iter().find(|(t, _)| *t == table).map(|(_, k)| *k)
}

/// The columns a change carries: all but the local row number, the shared id and the
/// author (which the server, not the change, says).
pub(crate) fn synced_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let key = key_of(table).expect("a listed table");
    Ok(all_columns(conn, table)?
        .into_iter()
        .filter(|c| match key {
            Key::Uid => c != "id" && c != "uid" && c != "author",
            Key::Singleton => c != "singleton",
            _ => true,
        })
        .collect())
}

pub(crate) fn all_columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"))?;
    let cols = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cols)
}

/// The SQL naming a row's id from `row` (`NEW` or `OLD`).
fn rid_sql(key: Key, row: &str) -> String {
    match key {
        Key::Id => format!("{row}.id"),
        Key::Singleton => "'product'".into(),
        Key::Uid => format!("{row}.uid"),
        Key::Pair(a, b) => format!("json_array({row}.{a}, {row}.{b})"),
    }
}

/// A JSON value of a column that keeps a REAL exact: SQLite's JSON writes 15 digits,
/// which would round a value on its way to the other copies.
fn value_sql(row: &str, col: &str) -> String {
    format!("CASE typeof({row}.{col}) WHEN 'real' THEN json(printf('%!.17g', {row}.{col})) ELSE {row}.{col} END")
}

fn object_sql(row: &str, cols: &[String]) -> String {
    if cols.is_empty() {
        return "'{}'".into();
    }
    let parts: Vec<String> = cols.iter().map(|c| format!("'{c}', {}", value_sql(row, c))).collect();
    format!("json_object({})", parts.join(", "))
}

/// `{"c": value, …}` of only the columns whose value changed from OLD to `row`.
fn changed_sql(row: &str, cols: &[String]) -> String {
    let parts: Vec<String> =
        cols.iter().map(|c| format!("CASE WHEN OLD.{c} IS NOT NEW.{c} THEN '$.{c}' ELSE '$.~' END, {}", value_sql(row, c))).collect();
    format!("json_remove(json_insert('{{}}', {}), '$.~')", parts.join(", "))
}

/// Installs the recording triggers on this connection (idempotent).
pub(crate) fn install(conn: &Connection) -> Result<()> {
    let mut sql = String::from("CREATE TEMP TABLE IF NOT EXISTS team_quiet (on_ INTEGER);\n");
    let quiet = "NOT EXISTS (SELECT 1 FROM temp.team_quiet)";
    for (table, key) in TABLES {
        let cols = synced_columns(conn, table)?;
        let all = all_columns(conn, table)?;
        let fill_uid = if *key == Key::Uid {
            format!("UPDATE main.{table} SET uid = lower(hex(randomblob(16))) WHERE rowid = NEW.rowid AND uid IS NULL;")
        } else {
            String::new()
        };
        let uid_guard = if *key == Key::Uid { " AND OLD.uid IS NOT NULL" } else { "" };
        sql.push_str(&format!(
            "DROP TRIGGER IF EXISTS temp.team_i_{table};
             CREATE TEMP TRIGGER team_i_{table} AFTER INSERT ON main.{table} WHEN {quiet} BEGIN
               {fill_uid}
               INSERT INTO main.team_pending (tbl, rid, op, fields)
                 SELECT '{table}', {rid_row}, 'insert', {obj} FROM main.{table} AS r WHERE r.rowid = NEW.rowid;
             END;
             DROP TRIGGER IF EXISTS temp.team_u_{table};
             CREATE TEMP TRIGGER team_u_{table} AFTER UPDATE ON main.{table} WHEN {quiet}{uid_guard} BEGIN
               INSERT INTO main.team_pending (tbl, rid, op, fields, before)
                 SELECT '{table}', {rid_new}, 'update', f, b FROM (SELECT {changed_new} AS f, {changed_old} AS b) WHERE f <> '{{}}';
             END;
             DROP TRIGGER IF EXISTS temp.team_d_{table};
             CREATE TEMP TRIGGER team_d_{table} AFTER DELETE ON main.{table} WHEN {quiet} BEGIN
               INSERT INTO main.team_pending (tbl, rid, op, before) VALUES ('{table}', {rid_old}, 'delete', {before});
             END;\n",
            obj = match key {
                // Where the row sits among its table's rows, kept on every copy alike.
                Key::Id | Key::Pair(..) => format!("json_insert({}, '$.rowid', r.rowid)", object_sql("r", &cols)),
                Key::Uid | Key::Singleton => object_sql("r", &cols),
            },
            rid_row = rid_sql(*key, "r"),
            rid_new = rid_sql(*key, "NEW"),
            rid_old = rid_sql(*key, "OLD"),
            changed_new = changed_sql("NEW", &cols),
            changed_old = changed_sql("OLD", &cols),
            before = match key {
                // The row's place among its table's rows (the order they are listed in)
                // comes back with it when an unpushed deletion is taken back.
                Key::Id | Key::Pair(..) => format!("json_insert({}, '$.rowid', OLD.rowid)", object_sql("OLD", &all)),
                Key::Uid | Key::Singleton => object_sql("OLD", &all),
            },
        ));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Removes the recording triggers (leaving a space).
pub(crate) fn uninstall(conn: &Connection) -> Result<()> {
    let mut sql = String::new();
    for (table, _) in TABLES {
        sql.push_str(&format!(
            "DROP TRIGGER IF EXISTS temp.team_i_{table}; DROP TRIGGER IF EXISTS temp.team_u_{table}; DROP TRIGGER IF EXISTS temp.team_d_{table};"
        ));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Runs `f` without recording: applying others' changes and undoing ours are not new edits.
pub(crate) fn quietly<T>(tx: &Transaction<'_>, f: impl FnOnce() -> Result<T>) -> Result<T> {
    tx.execute("INSERT INTO temp.team_quiet VALUES (1)", [])?;
    let out = f();
    tx.execute("DELETE FROM temp.team_quiet", [])?;
    out
}

/// Gives every numbered row a shared id (before the workspace is first shared).
pub(crate) fn fill_uids(tx: &Transaction<'_>) -> Result<()> {
    for (table, key) in TABLES {
        if *key == Key::Uid {
            tx.execute(&format!("UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL"), [])?;
        }
    }
    Ok(())
}
