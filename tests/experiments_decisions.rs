//! Experiments (grouped by status) and the decision log (links to any record, search).

mod common;

use chrono::NaiveDate;
use common::*;
use lodestar::model::{DecisionInput, ExperimentInput, ExperimentStatus};
use lodestar::{ErrorCode, Workspace};

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_workspace(dir.path(), "s.lodestar");
    (dir, Workspace::open(&path).unwrap())
}

fn experiment(title: &str, status: ExperimentStatus) -> ExperimentInput {
    ExperimentInput {
        title: title.into(),
        belief: Some("Managers open the app when it tells them what moved.".into()),
        measure: Some("  Holdout of 20%.  ".into()),
        success_signal: Some("+0.3 sessions".into()),
        change_our_mind: Some("   ".into()),
        status,
        result: None,
        objective: Some("o-mobile".into()),
        roadmap_item: Some("r-push".into()),
    }
}

#[test]
fn experiments_are_listed_grouped_by_status_in_lifecycle_order() {
    let (_dir, mut ws) = workspace();
    let id = ws.create_experiment(&experiment("Slack digest", ExperimentStatus::Running)).unwrap();
    let view = ws.experiments_view().unwrap();
    let statuses: Vec<ExperimentStatus> = view.groups.iter().map(|g| g.status).collect();
    assert_eq!(
        statuses,
        [ExperimentStatus::Planned, ExperimentStatus::Running, ExperimentStatus::Validated, ExperimentStatus::Invalidated]
    );
    let running: Vec<&str> = view.groups[1].experiments.iter().map(|c| c.experiment.id.as_str()).collect();
    assert_eq!(running, ["e-checklist", id.as_str()]);
    let card = &view.groups[1].experiments[1];
    assert_eq!(card.experiment.measure.as_deref(), Some("Holdout of 20%."));
    assert_eq!(card.experiment.change_our_mind, None, "blank text is stored as absent");
    assert_eq!(card.roadmap_item_title.as_deref(), Some("Weekly push digest"));
    assert!(card.objective_title.as_deref().unwrap().contains("mobile"));
    assert!(view.groups[3].experiments.is_empty());

    let mut done = experiment("Slack digest", ExperimentStatus::Invalidated);
    done.result = Some("No change in sessions after 4 weeks.".into());
    ws.update_experiment(&id, &done).unwrap();
    let view = ws.experiments_view().unwrap();
    assert_eq!(view.groups[3].experiments[0].experiment.result.as_deref(), Some("No change in sessions after 4 weeks."));
    ws.delete_experiment(&id).unwrap();
    assert_eq!(ws.delete_experiment(&id).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn invalid_experiments_are_refused_at_their_field() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    let cases = [
        (ExperimentInput { title: " ".into(), ..experiment("x", ExperimentStatus::Planned) }, "title"),
        (ExperimentInput { objective: Some("o-nope".into()), ..experiment("x", ExperimentStatus::Planned) }, "objective"),
        (ExperimentInput { roadmap_item: Some("r-nope".into()), ..experiment("x", ExperimentStatus::Planned) }, "roadmap_item"),
    ];
    for (input, field) in cases {
        let e = ws.create_experiment(&input).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)));
        let e = ws.update_experiment("e-push", &input).unwrap_err();
        assert_eq!(e.record.as_deref(), Some("experiment \"e-push\""));
    }
    assert_eq!(ws.update_experiment("e-nope", &experiment("x", ExperimentStatus::Planned)).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(ws.export_document().unwrap(), before);
}

fn decision(title: &str, links: &[&str]) -> DecisionInput {
    DecisionInput {
        date: date("2027-02-20"),
        title: title.into(),
        rationale: Some("Trade-off: mobile features wait; the base must hold first.".into()),
        alternatives: Some("Two squads in parallel.".into()),
        links: links.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn decisions_link_to_records_of_any_kind_and_are_searchable() {
    let (_dir, mut ws) = workspace();
    let id =
        ws.create_decision(&decision("Pause the widget", &["r-widget", "kr-mob-sessions", "e-push", "k-mobile", "t-mobile-slow"])).unwrap();
    let all = ws.decisions(None).unwrap();
    assert_eq!(all[0].decision.id, id, "newest first");
    let kinds: Vec<Option<&str>> = all[0].links.iter().map(|l| l.kind.as_deref()).collect();
    assert_eq!(kinds, [Some("roadmap_item"), Some("key_result"), Some("experiment"), Some("kpi"), Some("theme")]);
    assert_eq!(all[0].links[0].title.as_deref(), Some("iOS home-screen widget"));

    let found: Vec<String> = ws.decisions(Some("TRADE-OFF: mobile")).unwrap().into_iter().map(|d| d.decision.id).collect();
    assert_eq!(found, vec![id.clone()]);
    let caching: Vec<String> = ws.decisions(Some("caching")).unwrap().into_iter().map(|d| d.decision.id).collect();
    assert_eq!(caching, ["d-warehouse"]);
    assert_eq!(ws.decisions(Some("  ")).unwrap().len(), all.len());
    assert!(ws.decisions(Some("100%")).unwrap().is_empty());

    ws.update_decision(&id, &decision("Pause the iOS widget", &[])).unwrap();
    assert!(ws.decisions(None).unwrap()[0].links.is_empty());
    ws.delete_decision(&id).unwrap();
    assert_eq!(ws.delete_decision(&id).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn invalid_decisions_are_refused_at_their_field() {
    let (_dir, mut ws) = workspace();
    let before = ws.export_document().unwrap();
    for (input, field) in
        [(decision("  ", &[]), "title"), (decision("ok", &["nowhere"]), "links"), (decision("ok", &["r-widget", "r-widget"]), "links")]
    {
        let e = ws.create_decision(&input).unwrap_err();
        assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Invalid, Some(field)), "{e:?}");
    }
    let e = ws.update_decision("d-sso", &decision("ok", &["d-sso"])).unwrap_err();
    assert_eq!((e.field.as_deref(), e.record.as_deref()), (Some("links"), Some("decision \"d-sso\"")));
    assert_eq!(ws.export_document().unwrap(), before);
}
