//! Goal edits that undo as one step: closing a cycle (with its preview), moving a key
//! result, duplicating an objective. They share the session's undo history with the
//! roadmap edits, so Ctrl+Z and the undo button reverse them.

use chrono::NaiveDate;
use lodestar::model::GoalEdit;
use lodestar::views::cycle_close::CycleClose;
use lodestar::views::roadmap::EditState;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

command! {
    /// What closing `cycle` would do, nothing written. `carry_to` null with `default_next`
    /// true: carried into the next cycle by start date; null with false: nothing carried.
    /// `as_of` null: today.
    fn preview_cycle_close(cycle: String, carry_to: Option<String>, default_next: bool, as_of: Option<NaiveDate>, force: bool) -> CycleClose =
        |_, session| session.with(|ws| {
            let as_of = as_of.unwrap_or_else(today);
            match (carry_to, default_next) {
                (Some(n), _) => ws.preview_cycle_close(&cycle, Some(&n), as_of, force),
                (None, true) => ws.cycle_close_defaults(&cycle, as_of, force),
                (None, false) => ws.preview_cycle_close(&cycle, None, as_of, force),
            }
        });

    /// Applies a goal edit (saved at once) as one undoable step; answers what undo/redo would do now.
    fn edit_goals(edit: GoalEdit) -> EditState = |_, session| session.with_history(|ws, history| history.apply_goal_edit(ws, &edit));
}
