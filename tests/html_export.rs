//! The roadmap as one self-contained web page: written by the CLI, nothing fetched from
//! the network, the same bars as the picture with each one's why beside it, and a
//! hostile title kept as text. (Opened and clicked in a real browser engine by
//! tests/e2e/html-export.test.mjs.)

mod common;

use lodestar::model::RoadmapEdit;
use lodestar::Workspace;
use serde_json::Value;

fn plan_of(page: &str) -> Value {
    let start = page.find(r#"<script type="application/json" id="plan">"#).expect("the plan's data") + 42;
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn the_cli_writes_one_self_contained_page_with_every_bar_and_its_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::sample_workspace(dir.path(), "s.lodestar");
    let out = dir.path().join("roadmap.html");
    let run = common::run_cli(&path, &["export", "roadmap", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", common::stderr(&run));
    assert_eq!(common::stdout(&run).trim(), format!("Wrote the roadmap as a web page to {}.", out.display()));
    let page = std::fs::read_to_string(&out).unwrap();
    for outside in ["http://", "https://", "src=\"//", "@import"] {
        assert!(!page.contains(outside), "the page refers to the network: {outside}");
    }
    assert!(page.contains("@font-face{font-family:Inter;font-weight:400"), "the font is inside the page");
    let plan = plan_of(&page);
    let items = plan["items"].as_array().unwrap();
    let bars = page.matches("<g data-item-id=\"").count();
    assert!(!items.is_empty());
    assert_eq!(items.len(), bars, "every bar of the picture has its why");
    let guided = items.iter().find(|i| i["id"] == "r-guided").unwrap();
    assert_eq!(guided["objectives"].as_array().unwrap().len(), 1);
    assert_eq!(guided["expected_impact"], "+3 pts 30-day retention");
    assert!(guided["feedback_count"].as_u64().unwrap() > 0);
    assert!(plan["objectives"].as_array().unwrap().iter().any(|o| o["id"] == guided["objectives"][0]));
}

#[test]
fn a_hostile_title_stays_text_in_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&common::sample_workspace(dir.path(), "s.lodestar")).unwrap();
    let mut item = ws.roadmap_item_detail("r-guided").unwrap().item;
    item.title = "</script><script>alert(1)</script><img src=x onerror=alert(2)>".into();
    item.tradeoff = Some("]]></svg><script>alert(3)</script>".into());
    ws.apply_roadmap_edit(&RoadmapEdit::UpdateItem { item: item.clone() }).unwrap();
    let options = ws.default_picture_options(common::sample_day()).unwrap();
    let page = ws.roadmap_page(&options, common::sample_day()).unwrap();
    assert_eq!(page.matches("<script").count(), 2, "only the page's data block and viewer");
    assert_eq!(page.matches("</script>").count(), 2);
    assert!(!page.contains("<img"));
    let plan = plan_of(&page);
    let back = plan["items"].as_array().unwrap().iter().find(|i| i["id"] == "r-guided").unwrap();
    assert_eq!(back["title"], item.title.as_str(), "the title arrives whole, as data");
    assert_eq!(back["tradeoff"], "]]></svg><script>alert(3)</script>");
}

#[test]
fn the_okr_one_pager_is_not_a_web_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::sample_workspace(dir.path(), "s.lodestar");
    let out = dir.path().join("okrs.html");
    let run = common::run_cli(&path, &["export", "okrs", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(common::stderr(&run).contains("HTML is for the roadmap"), "{}", common::stderr(&run));
    assert!(!out.exists());
}
