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

/// Contains, ignoring ASCII case only (as `LIKE` does).
pub(crate) fn like_contains(hay: &str, needle: &str) -> bool {
    hay.to_ascii_lowercase().contains(&needle.to_ascii_lowercase())
}

/// Up to `width` characters of `text` around the first match of `q` (ASCII case
/// ignored), with … where cut; the start of the text without `q` or a match.
pub(crate) fn excerpt(text: &str, q: Option<&str>, width: usize) -> String {
    let text = text.trim();
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| c.to_ascii_lowercase()).collect();
    let at = q.and_then(|q| {
        let needle: Vec<char> = q.chars().map(|c| c.to_ascii_lowercase()).collect();
        (0..lower.len()).find(|&i| lower[i..].starts_with(&needle))
    });
    let from = at.map_or(0, |i| i.saturating_sub(width / 3));
    let to = (from + width).min(chars.len());
    let mut out: String = chars[from..to].iter().collect();
    if from > 0 {
        out = format!("…{}", out.trim_start());
    }
    if to < chars.len() {
        out = format!("{}…", out.trim_end());
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

    #[test]
    fn excerpts_cut_around_the_match() {
        assert_eq!(excerpt("short", Some("or"), 80), "short");
        let long = "a".repeat(100) + "needle" + &"b".repeat(100);
        let e = excerpt(&long, Some("NEEDLE"), 30);
        assert!(e.starts_with('…') && e.ends_with('…') && e.contains("needle"), "{e}");
    }
}
