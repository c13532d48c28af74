use lodestar::model::DecisionInput;
use lodestar::views::experiments::DecisionCard;

command! {
    /// The decision log, newest first; only those containing `query` when given.
    fn decisions(query: Option<String>) -> Vec<DecisionCard> = |_, session| session.with(|ws| ws.decisions(query.as_deref()));

    /// Answers the new decision's id.
    fn create_decision(input: DecisionInput) -> String = |_, session| session.with(|ws| ws.create_decision(&input));

    fn update_decision(id: String, input: DecisionInput) -> () = |_, session| session.with(|ws| ws.update_decision(&id, &input));

    fn delete_decision(id: String) -> () = |_, session| session.with(|ws| ws.delete_decision(&id));
}
