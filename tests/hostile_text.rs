//! Hostile text: markup, script and SVG payloads, right-to-left text, emoji, control
//! characters and a 100 KB title, put in every kind of record. Every export and report
//! keeps it as text: the pictures stay well-formed SVG with no element or attribute
//! the text could have created, the PNG and PDF still render, the JSON, CSV and CLI
//! reports give the exact strings back, and search finds them.
//! (The app's views are checked with the same workspace in tests/e2e/hostile-text.test.mjs.)

mod common;

use common::*;
use lodestar::interchange::csv::CsvExport;
use lodestar::render;
use lodestar::Workspace;

const SCRIPT: &str = "<script>alert(1)</script>";
const SVG_PAYLOAD: &str = "<svg onload=alert(2)><foreignObject><img src=x onerror=alert(3)></foreignObject></svg>";
const ATTRIBUTE_BREAK: &str = "\"/><a href=\"javascript:alert(4)\">x</a>";
const ENTITY: &str = "&lt;b&gt; &amp; ]]> <!-- --> <?xml?>";
const RTL: &str = "שלום עולם \u{202E}txt.exe";
const EMOJI: &str = "🚀 Launch 👩‍💻 ✅";

fn huge() -> String {
    // 100 KB of mixed text that still contains a payload near the end.
    let mut s = "Long <b>title</b> & more ".repeat(4_096);
    s.push_str(SCRIPT);
    s
}

/// The sample product with a payload in every text field a user can type.
fn hostile_document() -> lodestar::interchange::Document {
    let mut doc = lodestar::sample::sample_document(sample_day());
    doc.product.name = format!("Acme {SCRIPT}");
    doc.product.vision = Some(format!("{SVG_PAYLOAD} {RTL}"));
    doc.product.strategy = Some(ENTITY.into());
    let payloads = [SCRIPT.to_string(), SVG_PAYLOAD.into(), ATTRIBUTE_BREAK.into(), ENTITY.into(), RTL.into(), EMOJI.into()];
    for (i, o) in doc.objectives.iter_mut().enumerate() {
        o.title = format!("{} {}", payloads[i % payloads.len()], o.title);
        o.description = Some(SVG_PAYLOAD.into());
    }
    for (i, kr) in doc.key_results.iter_mut().enumerate() {
        kr.title = format!("{} {}", payloads[(i + 1) % payloads.len()], kr.title);
    }
    for (i, item) in doc.roadmap_items.iter_mut().enumerate() {
        item.title = format!("{} {}", payloads[(i + 2) % payloads.len()], item.title);
    }
    doc.roadmap_items[0].title = huge();
    doc.lanes[0].name = ATTRIBUTE_BREAK.into();
    for f in &mut doc.feedback {
        f.text = format!("{SCRIPT} {}", f.text);
        f.customer = Some(RTL.into());
    }
    for t in &mut doc.themes {
        t.name = format!("{EMOJI} {}", t.name);
    }
    for e in &mut doc.experiments {
        e.belief = Some(SVG_PAYLOAD.into());
    }
    for d in &mut doc.decisions {
        d.rationale = Some(format!("{ENTITY} {SCRIPT}"));
    }
    doc
}

fn hostile_workspace(dir: &std::path::Path) -> (std::path::PathBuf, Workspace) {
    let path = workspace_with(dir, "hostile.lodestar", &hostile_document());
    let ws = Workspace::open_existing(&path).unwrap();
    (path, ws)
}

/// The SVG parses as XML and holds nothing the text could have turned into markup:
/// no script, foreign content, image or link element, and no event-handler attribute.
fn assert_inert_svg(svg: &str) -> Vec<String> {
    let parsed = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the picture is not well-formed XML: {e}"));
    for n in parsed.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(!["script", "foreignObject", "img", "image", "a", "iframe"].contains(&name), "a <{name}> element was created");
        for a in n.attributes() {
            assert!(!a.name().to_ascii_lowercase().starts_with("on"), "an event attribute {} was created on <{name}>", a.name());
            assert!(!a.value().contains("javascript:"), "a javascript: URL reached attribute {} of <{name}>", a.name());
        }
    }
    parsed.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap().to_string()).collect()
}

#[test]
fn the_roadmap_picture_keeps_every_payload_as_text_and_still_renders() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ws) = hostile_workspace(dir.path());
    let mut options = ws.default_picture_options(sample_day()).unwrap();
    options.title = Some(SVG_PAYLOAD.into());
    options.subtitle = Some(RTL.into());
    let svg = ws.roadmap_picture(&options, sample_day()).unwrap();
    let texts = assert_inert_svg(&svg);
    assert!(texts.iter().any(|t| t == SVG_PAYLOAD), "the title is drawn as its text");
    assert!(texts.iter().any(|t| t.contains(ATTRIBUTE_BREAK) || t.starts_with("\"/><a")), "the lane name is drawn as text");
    // The 100 KB title is cut to its bar, not written out whole into the picture.
    assert!(svg.len() < 400_000, "the picture is {} bytes", svg.len());
    let png = render::png(&svg, 1.0).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let pages = ws.roadmap_picture_pages(&options, sample_day()).unwrap();
    for page in &pages {
        assert_inert_svg(page);
    }
    let pdf = render::pdf(&pages).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_okr_one_pager_keeps_every_payload_as_text_and_still_renders() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ws) = hostile_workspace(dir.path());
    let svg = ws.okr_one_pager(None, sample_day(), Some(sample_day())).unwrap();
    let texts = assert_inert_svg(&svg).join(" ");
    assert!(texts.contains("<script>alert(1)</script>") || texts.contains("<script>alert(1)…"), "the objective's title is text: {texts}");
    assert!(texts.contains(&format!("Acme {SCRIPT}")), "the product name is text");
    render::png(&svg, 2.0).unwrap();
    assert!(render::pdf(&[svg]).unwrap().starts_with(b"%PDF"));
}

#[test]
fn json_csv_and_search_give_back_the_exact_strings() {
    let dir = tempfile::tempdir().unwrap();
    let (_, ws) = hostile_workspace(dir.path());
    let expected = hostile_document();
    let exported = ws.export_document().unwrap();
    assert_eq!(exported.roadmap_items[0].title, huge(), "the 100 KB title is kept byte for byte");
    assert_eq!(exported.product.vision, expected.product.vision);
    assert_eq!(exported.lanes[0].name, ATTRIBUTE_BREAK);
    assert_eq!(exported.feedback[0].customer.as_deref(), Some(RTL));

    let csv_text = ws.export_csv(CsvExport::Items, sample_day()).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let title_col = headers.iter().position(|h| h == "title").expect("a title column");
    let titles: Vec<String> = reader.records().map(|r| r.unwrap()[title_col].to_string()).collect();
    for item in &expected.roadmap_items {
        assert!(titles.contains(&item.title), "the CSV keeps {:.60}", item.title);
    }

    let hits = ws.search("<script>").unwrap();
    assert!(!hits.is_empty(), "search finds text with markup in it");
    assert!(hits.iter().any(|h| h.title.starts_with("Long <b>title</b>")), "the 100 KB title is found");
    assert!(hits.iter().all(|h| h.title.chars().count() <= 201), "hits are one line, not 100 KB");
    let hits = ws.search("🚀").unwrap();
    assert!(hits.iter().any(|h| h.title.contains('🚀')), "search finds emoji");
}

#[test]
fn cli_reports_print_the_strings_as_json_values() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = hostile_workspace(dir.path());
    let okrs = run_cli(&path, &["report", "okrs", "--as-of", "2027-02-15", "--json"]);
    assert!(okrs.status.success(), "{}", stderr(&okrs));
    let value: serde_json::Value = serde_json::from_str(&stdout(&okrs)).expect("report okrs prints JSON");
    let titles: Vec<&str> = value["objectives"].as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
    let expected = hostile_document();
    for o in expected.objectives.iter().filter(|o| o.cycle.is_some()) {
        assert!(titles.contains(&o.title.as_str()), "{:?} in {titles:?}", o.title);
    }
    let feedback = run_cli(&path, &["report", "feedback", "--json"]);
    assert!(feedback.status.success(), "{}", stderr(&feedback));
    let value: serde_json::Value = serde_json::from_str(&stdout(&feedback)).unwrap();
    assert!(value["themes"].as_array().unwrap().iter().all(|t| t["name"].as_str().unwrap().starts_with(EMOJI)));
    // The text report prints them too, without failing on any of them.
    let text = run_cli(&path, &["report", "roadmap"]);
    assert!(text.status.success(), "{}", stderr(&text));
}
