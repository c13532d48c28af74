use lodestar::compute::backlog::ScoreBy;
use lodestar::views::backlog::BacklogView;

command! {
    /// Every backlog item with its scoring fields and both scores, ranked by `by`
    /// (default RICE). Score edits (and matrix moves) are the roadmap edit `set_scores`,
    /// sent through `edit_roadmap`, so they undo and redo.
    fn backlog_view(by: Option<ScoreBy>) -> BacklogView = |_, session| session.with(|ws| ws.backlog_view(by.unwrap_or_default()));
}
