//! Search across the workspace with SQL `LIKE` (the query is a bound parameter with
//! `%` and `_` escaped, never SQL text). Matching ignores case for ASCII letters
//! (SQLite's `LIKE`); other letters match as typed.

use crate::error::Result;
use crate::views::search::*;

/// The most hits a search returns.
pub const MAX_HITS: usize = 50;

/// Per kind: the SQL giving (c1 id, c2 title, c3 other text, c4 parent).
pub(crate) const SOURCES: &[(HitKind, &str)] = &[
    (HitKind::Objective, "SELECT id AS c1, title AS c2, COALESCE(description, '') AS c3, NULL AS c4 FROM objectives"),
    (HitKind::KeyResult, "SELECT id AS c1, title AS c2, COALESCE(unit, '') AS c3, objective AS c4 FROM key_results"),
    (
        HitKind::RoadmapItem,
        "SELECT id AS c1, title AS c2, COALESCE(expected_impact, '') || ' ' || COALESCE(tradeoff, '') AS c3, NULL AS c4
         FROM roadmap_items",
    ),
    (HitKind::Kpi, "SELECT id AS c1, name AS c2, COALESCE(unit, '') AS c3, NULL AS c4 FROM kpis"),
    (HitKind::Theme, "SELECT id AS c1, name AS c2, '' AS c3, NULL AS c4 FROM themes"),
    (HitKind::Feedback, "SELECT id AS c1, COALESCE(customer, '') AS c2, text AS c3, NULL AS c4 FROM feedback"),
    (
        HitKind::Experiment,
        "SELECT id AS c1, title AS c2, COALESCE(belief, '') || ' ' || COALESCE(measure, '') || ' ' || COALESCE(success_signal, '')
             || ' ' || COALESCE(change_our_mind, '') || ' ' || COALESCE(result, '') AS c3, NULL AS c4 FROM experiments",
    ),
    (
        HitKind::Decision,
        "SELECT id AS c1, title AS c2, COALESCE(rationale, '') || ' ' || COALESCE(alternatives, '') AS c3, NULL AS c4 FROM decisions",
    ),
];

/// `%`, `_` and the escape character itself, escaped for `LIKE … ESCAPE '\'`.
pub(crate) fn escape_like(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A row a search source yields: id, title, text, and the parent it sits under.
pub(crate) type SourceRow = (String, String, String, Option<String>);

/// The rows of one of [`SOURCES`] whose title or text is LIKE `pattern`.
pub(crate) fn matching(conn: &rusqlite::Connection, source: &str, pattern: &str) -> Result<Vec<SourceRow>> {
    let sql = format!("SELECT c1, c2, c3, c4 FROM ({source}) WHERE c2 LIKE ?1 ESCAPE '\\' OR c3 LIKE ?1 ESCAPE '\\'");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([pattern], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
