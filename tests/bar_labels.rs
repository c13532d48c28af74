//! A bar's title is cut in one place only: the layout fits it (with the bundled font's
//! metrics) into the Roadmap view's geometry, the screen draws that label verbatim, and
//! the exported picture draws the same text at the same place. Checked here on titles
//! that are easy to get wrong: long ones, wide and narrow letters, accents, CJK and
//! emoji (which the bundled font lacks), markup, and ones that just fit.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use lodestar::layout::{Bar, LayoutRequest, RoadmapGeometry, Zoom, BADGE_ROOM, BAR_FONT_SIZE, BAR_FONT_WEIGHT, BAR_PADDING};
use lodestar::model::ItemStatus;
use lodestar::render::text::text_width;
use lodestar::render::{PictureOptions, LANE_HEADER_WIDTH, MARGIN};
use lodestar::sample::synthetic_roadmap;
use lodestar::views::roadmap::EditState;
use lodestar::Workspace;

const LONG: &str = "Offline mode for field teams, with sync conflicts resolved on the device";

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
}

/// The titles, each on bars of several lengths and statuses.
fn titles() -> Vec<String> {
    let mut titles: Vec<String> = [
        "Guided setup",
        LONG,
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
        "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
        "Équipe : réécriture des écrans d’accueil — Ångström, façade, naïve",
        "新しいオンボーディング体験の設計と検証",
        "Launch 🚀 party 🎉 with the 👩‍💻 team",
        "<b>Bold</b> & \"quoted\" 'text'",
        "   Padded   title   ",
        "A",
    ]
    .map(str::to_string)
    .to_vec();
    // The longest prefix of LONG that fits a 14-day bar at month zoom whole: it must not be cut.
    let room = 14.0 * Zoom::Month.px_per_day() - 2.0 * BAR_PADDING;
    let fitting =
        (1..=LONG.len()).rev().map(|n| LONG[..n].trim_end()).find(|t| text_width(t, BAR_FONT_SIZE, BAR_FONT_WEIGHT) <= room).unwrap();
    titles.push(fitting.to_string());
    titles
}

/// A workspace whose items carry the titles on bars of 1 to 120 days, in every status,
/// and with a conflict (a dependency not met).
fn workspace(dir: &std::path::Path) -> Workspace {
    let titles = titles();
    let lengths = [1i64, 3, 7, 14, 30, 60, 120];
    // (status, with a conflict)
    let variants = [
        (ItemStatus::Planned, false),
        (ItemStatus::InProgress, false),
        (ItemStatus::Idea, false),
        (ItemStatus::Done, false),
        (ItemStatus::Dropped, false),
        (ItemStatus::Planned, true),
    ];
    let count = 1 + titles.len() * lengths.len() * variants.len();
    let mut doc = synthetic_roadmap(count, 4, start(), 365, 7);
    for (i, item) in doc.roadmap_items.iter_mut().enumerate().skip(1) {
        let n = i - 1;
        let (t, l, v) = (n / (lengths.len() * variants.len()), n / variants.len() % lengths.len(), n % variants.len());
        let (status, conflict) = variants[v];
        item.title = titles[t].clone();
        let begin = start() + Duration::days(if conflict { 5 } else { 45 + ((n * 11) % 150) as i64 });
        item.start = Some(begin);
        item.end = Some(begin + Duration::days(lengths[l] - 1));
        item.status = status;
        item.objectives = vec![];
        item.depends_on = if conflict { vec!["r0".to_string()] } else { vec![] };
    }
    // An item crossing the start of the range: its label is fitted to the part inside.
    let first = &mut doc.roadmap_items[0];
    first.start = Some(start() - Duration::days(20));
    first.end = Some(start() + Duration::days(40));
    first.title = LONG.to_string();
    first.status = ItemStatus::Planned;
    first.objectives = vec![];
    first.depends_on = vec![];
    let path = workspace_with(dir, "labels.lodestar", &doc);
    Workspace::open_existing(&path).unwrap()
}

/// `(item id, text x, text content)` of every bar title in an exported roadmap SVG.
fn svg_titles(svg: &str) -> Vec<(String, f64, String)> {
    let doc = roxmltree::Document::parse(svg).expect("the export is well-formed SVG");
    let mut out = Vec::new();
    for g in doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute("data-item-id").is_some_and(|id| !id.is_empty())) {
        // The visible title: font-size 12 (a PDF's searchable copy is 2 px and transparent).
        for t in g.children().filter(|n| n.has_tag_name("text") && n.attribute("font-size") == Some("12")) {
            let x: f64 = t.attribute("x").unwrap().parse().unwrap();
            out.push((g.attribute("data-item-id").unwrap().to_string(), x, t.text().unwrap_or("").to_string()));
        }
    }
    out
}

fn geometry(ws: &Workspace, zoom: Zoom) -> (RoadmapGeometry, PictureOptions) {
    let mut options = PictureOptions::new(start(), start() + Duration::days(330));
    options.zoom = zoom;
    let request = LayoutRequest::new(options.from, options.to, zoom);
    (ws.roadmap_view(&request, sample_day(), EditState::default()).unwrap().geometry, options)
}

#[test]
fn every_exported_bar_title_is_the_label_of_the_roadmap_view_at_the_same_place() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    for zoom in [Zoom::Week, Zoom::Month, Zoom::Quarter, Zoom::Year] {
        let (g, options) = geometry(&ws, zoom);
        let svg = ws.roadmap_picture(&options, sample_day()).unwrap();
        let drawn = svg_titles(&svg);
        let with_label: Vec<&Bar> = g.bars.iter().filter(|b| !b.label.is_empty()).collect();
        assert!(with_label.len() > 20, "{zoom:?}: the set should show many titles, showed {}", with_label.len());
        assert_eq!(drawn.len(), with_label.len(), "{zoom:?}: the picture draws a title for exactly the bars whose label is not empty");
        for (bar, (id, x, text)) in with_label.iter().zip(&drawn) {
            assert_eq!(&bar.item, id, "{zoom:?}: the same bars in the same order");
            assert_eq!(&bar.label, text, "{zoom:?}: {id}'s title is cut in the same place on screen and in the picture");
            assert!((x - (MARGIN + LANE_HEADER_WIDTH + bar.label_x)).abs() < 0.01, "{zoom:?}: {id}'s title starts where the view puts it");
        }
    }
}

#[test]
fn labels_are_whole_or_cut_with_an_ellipsis_and_fit_their_bar() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let fitting = titles().pop().unwrap();
    let (g, _) = geometry(&ws, Zoom::Month);
    let mut cut = 0;
    for bar in &g.bars {
        let title = bar.title.trim();
        let label = &bar.label;
        if label != title {
            cut += 1;
            assert!(label.is_empty() || label.ends_with('…'), "{label:?} of {title:?}");
            let head = label.trim_end_matches('…');
            assert!(title.starts_with(head), "{label:?} is a prefix of {title:?}");
        }
        if label.is_empty() {
            continue;
        }
        let visible_end = (bar.x + bar.width).min(g.width);
        let badge = if bar.conflicts > 0 { BADGE_ROOM } else { 0.0 };
        let width = text_width(label, BAR_FONT_SIZE, BAR_FONT_WEIGHT);
        assert!(bar.label_x + width <= visible_end - BAR_PADDING - badge + 1e-9, "{label:?} overflows its bar");
        assert!(bar.label_x >= bar.x.max(0.0) + BAR_PADDING, "{label:?} starts inside its bar");
        if bar.status == ItemStatus::Done && !label.is_empty() {
            assert!(bar.check_x.is_some(), "a done bar with a title shows its check");
        }
    }
    assert!(cut > 20, "the set cuts many titles ({cut})");
    // The title that just fits a 14-day bar is shown whole, without an ellipsis.
    let whole = g.bars.iter().filter(|b| b.title == fitting && b.conflicts == 0 && b.status != ItemStatus::Done && b.width == 84.0);
    assert!(whole.clone().count() > 0);
    assert!(whole.into_iter().all(|b| b.label == fitting));
    // Narrow letters fit many more than wide ones in the same bar.
    let shown = |t: char| {
        g.bars.iter().filter(|b| b.title.starts_with(t) && b.width == 180.0 && b.conflicts == 0).map(|b| b.label.chars().count()).max()
    };
    let (w, i) = (shown('W').unwrap(), shown('i').unwrap());
    assert!(i > 2 * w, "iii… shows {i} letters, WWW… {w}");
    // Characters the font lacks (CJK, emoji) count a full em, so the screen's fallback
    // font does not push them out of the bar.
    let cjk = g.bars.iter().find(|b| b.title.starts_with('新') && b.width == 84.0).unwrap();
    assert!(cjk.label.chars().count() <= 5, "{}", cjk.label);
    // The bar that begins before the range has its title at the range's start.
    let early = g.bars.iter().find(|b| b.item == "r0").unwrap();
    assert!(early.x < 0.0 && early.label_x == BAR_PADDING && !early.label.is_empty(), "{early:?}");
}

#[test]
fn a_page_that_shows_part_of_a_bar_fits_its_title_to_that_part_by_the_same_rule() {
    let dir = tempfile::tempdir().unwrap();
    let ws = workspace(dir.path());
    let (g, mut options) = geometry(&ws, Zoom::Week);
    options.pages = lodestar::render::PdfPages::A4;
    let pages = ws.roadmap_picture_pages(&options, sample_day()).unwrap();
    assert!(pages.len() > 3);
    // Every title on every page is a label the rule gives for some visible part of the bar:
    // whole where the page shows the whole bar.
    let by_id: std::collections::HashMap<&str, &Bar> = g.bars.iter().map(|b| (b.item.as_str(), b)).collect();
    let mut same = 0;
    for page in &pages {
        for (id, _, text) in svg_titles(page) {
            let bar = by_id[id.as_str()];
            assert!(text == bar.label || text.ends_with('…'), "{id}: {text:?}");
            if text == bar.label {
                same += 1;
            }
        }
    }
    assert!(same > 20);
}
