//! Search across the workspace: hits ranked by where the query matches.

use crate::error::Result;
use crate::store::search::*;
use crate::store::Workspace;
use crate::views::search::*;

impl Workspace {
    /// Hits for `query` (trimmed; empty gives none): title matches first (a title equal
    /// to the query, then one starting with it, then one containing it), then matches in
    /// the other text; within a group by kind, then title, then id. At most `MAX_HITS`.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        let q = query.trim();
        if q.is_empty() {
            return Ok(vec![]);
        }
        let pattern = format!("%{}%", escape_like(q));
        let lower = q.to_lowercase();
        let mut hits: Vec<(u8, SearchHit)> = Vec::new();
        for (kind, sql) in SOURCES {
            for (id, title, text, parent) in crate::store::search::matching(&self.conn, sql, &pattern)? {
                let t = title.to_lowercase();
                let rank = if t == lower {
                    0
                } else if t.starts_with(&lower) {
                    1
                } else if like_contains(&title, q) {
                    2
                } else {
                    3
                };
                let title_match = rank < 3;
                // A hit is one line in the palette: a pasted 100 KB title is cut, not shipped whole.
                let shown =
                    if *kind == HitKind::Feedback && title.is_empty() { excerpt(&text, None, 60) } else { excerpt(&title, None, 200) };
                hits.push((
                    rank,
                    SearchHit {
                        kind: *kind,
                        id,
                        title: shown,
                        snippet: (!title_match || *kind == HitKind::Feedback).then(|| excerpt(&text, Some(q), 80)),
                        parent: if *kind == HitKind::KeyResult { parent } else { None },
                        title_match,
                    },
                ));
            }
        }
        hits.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb).then_with(|| a.kind.cmp(&b.kind)).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id))
        });
        Ok(hits.into_iter().take(MAX_HITS).map(|(_, h)| h).collect())
    }
}

/// Contains, ignoring ASCII case only (as `LIKE` does).
fn like_contains(hay: &str, needle: &str) -> bool {
    hay.to_ascii_lowercase().contains(&needle.to_ascii_lowercase())
}

/// Up to `width` characters of `text` around the first match of `q` (ASCII case
/// ignored), with … where cut; the start of the text without `q` or a match.
fn excerpt(text: &str, q: Option<&str>, width: usize) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_around_the_match() {
        assert_eq!(excerpt("short", Some("or"), 80), "short");
        let long = "a".repeat(100) + "needle" + &"b".repeat(100);
        let e = excerpt(&long, Some("NEEDLE"), 30);
        assert!(e.starts_with('…') && e.ends_with('…') && e.contains("needle"), "{e}");
    }
}
