use lodestar::model::FeedbackInput;
use lodestar::views::feedback::{FeedbackEntry, FeedbackFilter, FeedbackInbox, ThemesView};

command! {
    /// The inbox, newest first, filtered (every filter field optional).
    fn feedback_inbox(filter: Option<FeedbackFilter>) -> FeedbackInbox =
        |_, session| session.with(|ws| ws.feedback_inbox(&filter.unwrap_or_default()));

    /// Themes by count (top first) with their monthly trend.
    fn themes_view() -> ThemesView = |_, session| session.with(|ws| ws.themes_view());

    /// The feedback linked to a roadmap item, newest first.
    fn item_feedback(item: String) -> Vec<FeedbackEntry> = |_, session| session.with(|ws| ws.item_feedback(&item));

    /// Answers the new record's id.
    fn create_feedback(input: FeedbackInput) -> String = |_, session| session.with(|ws| ws.create_feedback(&input));

    fn update_feedback(id: String, input: FeedbackInput) -> () = |_, session| session.with(|ws| ws.update_feedback(&id, &input));

    fn delete_feedback(id: String) -> () = |_, session| session.with(|ws| ws.delete_feedback(&id));

    /// Answers the new theme's id.
    fn create_theme(name: String) -> String = |_, session| session.with(|ws| ws.create_theme(&name));

    fn rename_theme(id: String, name: String) -> () = |_, session| session.with(|ws| ws.rename_theme(&id, &name));

    fn delete_theme(id: String) -> () = |_, session| session.with(|ws| ws.delete_theme(&id));

    /// Re-tags every feedback of theme `from` with `into`, then deletes `from` (one transaction).
    fn merge_themes(from: String, into: String) -> () = |_, session| session.with(|ws| ws.merge_themes(&from, &into));

    fn tag_feedback(feedback: String, theme: String, tagged: bool) -> () =
        |_, session| session.with(|ws| ws.tag_feedback(&feedback, &theme, tagged));

    fn link_feedback(feedback: String, item: String, linked: bool) -> () =
        |_, session| session.with(|ws| ws.link_feedback(&feedback, &item, linked));
}
