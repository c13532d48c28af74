//! Search across the workspace: hits ranked by where the query matches.

use crate::error::Result;
use crate::store::search::*;
use crate::store::Workspace;
use crate::views::search::*;

impl Workspace {
    /// Hits for `query` (trimmed; empty gives none): title matches first (a title equal
    /// to the query, then one starting with it, then one containing it), then matches in
    /// the other text; within a group by kind, then title, then id. At most [`MAX_HITS`].
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
