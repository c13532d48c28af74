use lodestar::model::ExperimentInput;
use lodestar::views::experiments::ExperimentsView;

command! {
    /// Every experiment, grouped by status (planned, running, validated, invalidated).
    fn experiments_view() -> ExperimentsView = |_, session| session.with(|ws| ws.experiments_view());

    /// Answers the new experiment's id.
    fn create_experiment(input: ExperimentInput) -> String = |_, session| session.with(|ws| ws.create_experiment(&input));

    fn update_experiment(id: String, input: ExperimentInput) -> () = |_, session| session.with(|ws| ws.update_experiment(&id, &input));

    fn delete_experiment(id: String) -> () = |_, session| session.with(|ws| ws.delete_experiment(&id));
}
