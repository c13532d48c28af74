use lodestar::layout::LayoutRequest;
use lodestar::model::RoadmapEdit;
use lodestar::views::roadmap::{BoardCard, ConflictNote, EditState, ItemDetail, ItemGoals, RoadmapView};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

command! {
    /// The timeline's geometry for a range, zoom and filters, with conflicts, coverage,
    /// allocation, baselines and slips. A large plan's answer is read and laid out while
    /// the window keeps painting.
    fn roadmap_view(request: LayoutRequest) -> RoadmapView =
        |_, session| session.with_history(|ws, history| ws.roadmap_view(&request, today(), history.state()));

    /// One item for the side panel: its fields, its *why*, conflicts and dependencies.
    fn roadmap_item(id: String) -> ItemDetail = |_, session| session.with(|ws| ws.roadmap_item_detail(&id));

    /// The goals an item serves as of today: its goal signal, the key results it serves
    /// with their figures, and the key results it could serve (grouped by objective).
    fn roadmap_item_goals(id: String) -> ItemGoals = |_, session| session.with(|ws| ws.roadmap_item_goals(&id, today()));

    /// Cards of the now–next–later board.
    fn roadmap_board() -> Vec<BoardCard> = |_, session| session.with(|ws| ws.roadmap_board());

    /// Every conflict with its sentence (the view only counts them, to stay light).
    fn roadmap_conflicts() -> Vec<ConflictNote> = |_, session| session.with(|ws| ws.roadmap_conflicts());

    /// Applies one roadmap edit (saved at once) and returns what undo/redo would do now.
    fn edit_roadmap(edit: RoadmapEdit) -> EditState = |_, session| session.with_history(|ws, history| history.apply(ws, &edit));

    /// What Undo and Redo would do now (the same history the roadmap uses), for views that
    /// edit items without loading the roadmap (the backlog).
    fn edit_state() -> EditState = |_, session| session.with_history(|_, history| Ok(history.state()));

    fn undo_roadmap() -> EditState = |_, session| session.with_history(|ws, history| history.undo(ws));

    fn redo_roadmap() -> EditState = |_, session| session.with_history(|ws, history| history.redo(ws));

    /// Saves today's plan as a named baseline; answers its id.
    fn save_baseline(name: String) -> String = |_, session| session.with(|ws| ws.save_baseline(&name, today()));

    fn delete_baseline(id: String) -> () = |_, session| session.with(|ws| ws.delete_baseline(&id));
}
