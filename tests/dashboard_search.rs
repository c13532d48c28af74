//! The Home dashboard on the sample product, and search across the workspace.

mod common;

use common::*;
use lodestar::compute::okr::Health;
use lodestar::views::dashboard::AtRiskKind;
use lodestar::views::search::HitKind;
use lodestar::Workspace;
use serde_json::json;

fn sample() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "s.lodestar");
    (dir, Workspace::open(&path).unwrap())
}

#[test]
fn the_dashboard_agrees_with_the_okr_roadmap_feedback_and_experiment_views() {
    let (_dir, ws) = sample();
    let day = sample_day();
    let d = ws.dashboard(day).unwrap();
    assert_eq!(d.product_name, "Acme Analytics");
    assert!(d.vision.is_some() && d.lifecycle_stage.is_some());

    // Objectives: the OKRs view's cycle, with the same health, counted per health.
    let okr = ws.okr_view(None, day).unwrap();
    assert_eq!(d.cycle, okr.cycle);
    let ids: Vec<&str> = d.objectives.iter().map(|o| o.id.as_str()).collect();
    let okr_ids: Vec<&str> = okr.objectives.iter().map(|c| c.objective.id.as_str()).collect();
    assert_eq!(ids, okr_ids);
    for (o, card) in d.objectives.iter().zip(&okr.objectives) {
        assert_eq!(o.health, card.figures.health);
    }
    assert_eq!(d.health_counts.len(), 7);
    assert_eq!(d.health_counts.iter().map(|h| h.count).sum::<u32>() as usize, d.objectives.iter().filter(|o| o.health.is_some()).count());

    // Every at-risk objective is listed; key results listed are at risk or off track.
    for o in d.objectives.iter().filter(|o| matches!(o.health, Some(Health::AtRisk | Health::OffTrack))) {
        assert!(d.at_risk.iter().any(|a| a.kind == AtRiskKind::Objective && a.id == o.id), "{} missing", o.id);
    }
    assert!(d.at_risk.iter().all(|a| matches!(a.health, Health::AtRisk | Health::OffTrack)));
    assert!(d.at_risk.iter().any(|a| a.kind == AtRiskKind::KeyResult), "the sample has a key result in trouble");

    // Upcoming milestones: not done, due from today, soonest first, at most five.
    assert!(!d.upcoming_milestones.is_empty() && d.upcoming_milestones.len() <= 5);
    assert!(d.upcoming_milestones.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(d.upcoming_milestones.iter().all(|m| m.due >= day));

    let roadmap = ws.roadmap_report(None, None, sample_day()).unwrap();
    assert_eq!((d.coverage, &d.allocation), (roadmap.coverage, &roadmap.allocation));
    let themes = ws.feedback_report().unwrap().themes;
    assert_eq!(d.top_themes, themes.into_iter().take(5).collect::<Vec<_>>());
    assert_eq!(d.running_experiments.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e-checklist"]);
}

#[test]
fn an_empty_workspace_has_a_quiet_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("e.lodestar")).unwrap();
    let d = ws.dashboard(sample_day()).unwrap();
    assert_eq!((d.cycle, d.coverage), (None, None));
    assert!(d.objectives.is_empty() && d.at_risk.is_empty() && d.top_themes.is_empty() && d.upcoming_milestones.is_empty());
    assert_eq!(
        serde_json::to_value(&d.allocation).unwrap(),
        json!({"feature": 0.0, "discovery": 0.0, "tech_debt": 0.0, "reliability": 0.0, "growth": 0.0})
    );
}

#[test]
fn search_finds_every_kind_title_matches_first_ignoring_case() {
    let (_dir, ws) = sample();
    let hits = ws.search("MOBILE").unwrap();
    assert!(!hits.is_empty() && hits.len() <= 50);
    let first_text = hits.iter().position(|h| !h.title_match).unwrap_or(hits.len());
    assert!(hits[..first_text].iter().all(|h| h.title_match) && hits[first_text..].iter().all(|h| !h.title_match));
    let kinds: std::collections::HashSet<HitKind> = hits.iter().map(|h| h.kind).collect();
    for k in
        [HitKind::Objective, HitKind::KeyResult, HitKind::RoadmapItem, HitKind::Kpi, HitKind::Theme, HitKind::Feedback, HitKind::Decision]
    {
        assert!(kinds.contains(&k), "no {k:?} hit for “mobile”");
    }
    let kr = hits.iter().find(|h| h.kind == HitKind::KeyResult).unwrap();
    assert_eq!(kr.parent.as_deref(), Some("o-mobile"));

    // A title starting with the query comes first, then titles containing it (whatever
    // the kind), then matches in the text only.
    let hits = ws.search("checklist").unwrap();
    assert_eq!((hits[0].kind, hits[0].id.as_str()), (HitKind::Experiment, "e-checklist"));
    assert_eq!((hits[1].kind, hits[1].id.as_str()), (HitKind::RoadmapItem, "r-guided"));
    let text_only = hits.iter().position(|h| !h.title_match).unwrap();
    assert_eq!(text_only, 2, "{hits:?}");
    let fb = hits.iter().find(|h| h.kind == HitKind::Feedback).unwrap();
    assert!(fb.snippet.as_deref().unwrap().to_lowercase().contains("checklist"));

    // Experiments are found by their text; the hit carries a snippet.
    let hits = ws.search("holdout").unwrap();
    assert_eq!((hits[0].kind, hits[0].id.as_str()), (HitKind::Experiment, "e-push"));
    assert!(hits[0].snippet.as_deref().unwrap().contains("Holdout"));
}

#[test]
fn search_treats_the_query_as_text_never_as_a_pattern_or_sql() {
    let (_dir, ws) = sample();
    assert!(ws.search("").unwrap().is_empty());
    assert!(ws.search("   ").unwrap().is_empty());
    assert!(ws.search("a%e").unwrap().is_empty(), "% is a character, not a wildcard");
    assert!(ws.search("a_e").unwrap().is_empty(), "_ is a character, not a wildcard");
    assert!(!ws.search("ate").unwrap().is_empty());
    assert!(ws.search("'; DROP TABLE feedback; --").unwrap().is_empty());
    // "25%" appears in an item title: found as text.
    let hits = ws.search("25%").unwrap();
    assert!(hits.iter().any(|h| h.id == "r-incentive"), "{hits:?}");
    assert!(ws.feedback_report().unwrap().themes.iter().any(|t| t.count > 0), "nothing was dropped");
    // At most 50 hits.
    assert!(ws.search("e").unwrap().len() == 50);
}
