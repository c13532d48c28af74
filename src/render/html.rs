//! The roadmap as one self-contained, interactive HTML file: the roadmap picture (the
//! same SVG as the picture exports, so the same geometry as the screen), the plan's
//! "why" per item as JSON, the fonts, the styles and a small read-only viewer — all
//! inline, nothing fetched. It opens offline in any browser: scroll and zoom, filter by
//! lane and goal, hover or click a bar for why it is on the roadmap. Pure.
//!
//! User text reaches the page only as escaped SVG text or as JSON inside a
//! `<script type="application/json">` (with `<` written `\u003c`), and the viewer
//! shows it with `textContent`: a `<script>` title stays text.

use base64::Engine;
use serde::Serialize;

use super::text::escape;

/// What the viewer shows when a bar is hovered or clicked.
#[derive(Debug, Clone, Serialize)]
pub struct HtmlItem {
    pub id: String,
    pub title: String,
    pub lane: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub status: String,
    pub kind: String,
    /// Ids of the objectives the item serves.
    pub objectives: Vec<String>,
    pub expected_impact: Option<String>,
    pub tradeoff: Option<String>,
    pub feedback_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct HtmlRef {
    pub id: String,
    pub name: String,
}

/// The plan's data beside the picture.
#[derive(Debug, Clone, Serialize)]
pub struct HtmlPlan {
    pub title: String,
    pub generated_on: Option<String>,
    pub lanes: Vec<HtmlRef>,
    pub objectives: Vec<HtmlRef>,
    pub items: Vec<HtmlItem>,
}

const FONTS: [(&[u8], u16); 3] = [
    (include_bytes!("../../assets/fonts/Inter-Regular.otf"), 400),
    (include_bytes!("../../assets/fonts/Inter-Medium.otf"), 500),
    (include_bytes!("../../assets/fonts/Inter-SemiBold.otf"), 600),
];

const STYLE: &str = include_str!("html/viewer.css");
const SCRIPT: &str = include_str!("html/viewer.js");

/// The page: `svg` is the roadmap picture, `plan` the items' why.
pub fn roadmap_html(svg: &str, plan: &HtmlPlan) -> String {
    let fonts: String = FONTS
        .iter()
        .map(|(bytes, weight)| {
            format!(
                "@font-face{{font-family:Inter;font-weight:{weight};font-style:normal;src:url(data:font/otf;base64,{}) format(\"opentype\")}}\n",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            )
        })
        .collect();
    let data =
        serde_json::to_string(plan).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
    // The picture's own XML prologue has no place inside HTML.
    let svg = svg.trim_start_matches(|c| c != '<').trim_start();
    let svg = if svg.starts_with("<?xml") { svg.split_once("?>").map(|(_, rest)| rest).unwrap_or(svg) } else { svg };
    // Inside HTML the SVG namespace is implied: no URL left in the file.
    let svg = svg.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1);
    let title = escape(&plan.title);
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; img-src data:">
<meta name="generator" content="Lodestar">
<title>{title}</title>
<style>
{fonts}{STYLE}</style>
</head>
<body>
<header>
  <h1>{title}</h1>
  <div class="controls">
    <label>Lane <select id="lane-filter"><option value="">All lanes</option></select></label>
    <label>Goal <select id="goal-filter"><option value="">All goals</option></select></label>
    <span class="zoom" role="group" aria-label="Zoom">
      <button type="button" id="zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
      <output id="zoom-level">100%</output>
      <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
      <button type="button" id="zoom-fit" title="Fit to the window (0)">Fit</button>
    </span>
  </div>
</header>
<main>
  <div id="scroller" tabindex="0" aria-label="Roadmap">
{svg}
  </div>
  <aside id="why" aria-live="polite" hidden>
    <button type="button" id="why-close" aria-label="Close">×</button>
    <p class="kicker" id="why-lane"></p>
    <h2 id="why-title"></h2>
    <p class="dates" id="why-dates"></p>
    <h3>Why it is on the roadmap</h3>
    <ul id="why-goals"></ul>
    <dl>
      <dt>Expected impact</dt><dd id="why-impact"></dd>
      <dt>Trade-off</dt><dd id="why-tradeoff"></dd>
      <dt>Customer feedback</dt><dd id="why-feedback"></dd>
    </dl>
  </aside>
  <div id="tip" role="tooltip" hidden></div>
</main>
<footer id="hint">Click a bar to see why it is on the roadmap. Read-only: made with Lodestar.</footer>
<script type="application/json" id="plan">{data}</script>
<script>
{SCRIPT}</script>
</body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(title: &str) -> HtmlPlan {
        HtmlPlan {
            title: title.into(),
            generated_on: None,
            lanes: vec![],
            objectives: vec![],
            items: vec![HtmlItem {
                id: "r1".into(),
                title: title.into(),
                lane: "l1".into(),
                start: None,
                end: None,
                status: "planned".into(),
                kind: "feature".into(),
                objectives: vec![],
                expected_impact: Some("</script><script>alert(1)</script>".into()),
                tradeoff: None,
                feedback_count: 0,
            }],
        }
    }

    #[test]
    fn user_text_cannot_close_the_data_block_or_open_an_element() {
        let page = roadmap_html("<svg></svg>", &plan("<img src=x onerror=alert(1)>"));
        assert_eq!(page.matches("</script>").count(), 2, "only the page's own two script blocks close");
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn nothing_is_fetched_from_the_network() {
        let page = roadmap_html("<svg></svg>", &plan("x"));
        for needle in ["http://", "https://", "src=\"//"] {
            let outside: Vec<&str> = page.match_indices(needle).map(|(i, _)| &page[i.saturating_sub(40)..i + 20]).collect();
            assert!(outside.is_empty(), "{needle}: {outside:?}");
        }
    }
}
