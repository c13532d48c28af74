use chrono::NaiveDate;
use lodestar::model::{CheckIn, Cycle, KeyResultInput, MilestoneInput, ObjectiveInput, PivotKind};
use lodestar::views::okr::{HistoryView, OkrView};

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}

command! {
    /// A cycle's objectives with every figure as of a date (default: today).
    /// `cycle` null: the cycle containing `as_of`.
    fn okr_view(cycle: Option<String>, as_of: Option<NaiveDate>) -> OkrView =
        |_, session| session.with(|ws| ws.okr_view(cycle.as_deref(), as_of.unwrap_or_else(today)));

    fn create_cycle(cycle: Cycle) -> () = |_, session| session.with(|ws| ws.create_cycle(&cycle));

    /// Answers the new objective's id.
    fn create_objective(input: ObjectiveInput) -> String = |_, session| session.with(|ws| ws.create_objective(&input, now()));

    /// A non-empty `reason` records the change as a deliberate adjustment.
    fn update_objective(id: String, input: ObjectiveInput, reason: Option<String>) -> () =
        |_, session| session.with(|ws| ws.update_objective(&id, &input, reason.as_deref(), now()));

    fn delete_objective(id: String) -> () = |_, session| session.with(|ws| ws.delete_objective(&id, now()));

    /// Answers the new key result's id.
    fn create_key_result(objective: String, input: KeyResultInput) -> String =
        |_, session| session.with(|ws| ws.create_key_result(&objective, &input, now()));

    fn update_key_result(id: String, input: KeyResultInput, reason: Option<String>) -> () =
        |_, session| session.with(|ws| ws.update_key_result(&id, &input, reason.as_deref(), now()));

    fn delete_key_result(id: String) -> () = |_, session| session.with(|ws| ws.delete_key_result(&id, now()));

    fn add_checkin(checkin: CheckIn) -> () = |_, session| session.with(|ws| ws.add_checkin(&checkin));

    /// Answers the new milestone's id.
    fn create_milestone(input: MilestoneInput) -> String = |_, session| session.with(|ws| ws.create_milestone(&input));

    fn update_milestone(id: String, input: MilestoneInput) -> () = |_, session| session.with(|ws| ws.update_milestone(&id, &input));

    /// `done_on` null marks the milestone as not done.
    fn set_milestone_done(id: String, done_on: Option<NaiveDate>) -> () =
        |_, session| session.with(|ws| ws.set_milestone_done(&id, done_on));

    fn delete_milestone(id: String) -> () = |_, session| session.with(|ws| ws.delete_milestone(&id));

    /// Binds (or unbinds) a milestone to a milestone-kind key result.
    fn bind_milestone(key_result: String, milestone: String, bound: bool) -> () =
        |_, session| session.with(|ws| ws.bind_milestone(&key_result, &milestone, bound));

    fn record_pivot(date: NaiveDate, kind: PivotKind, description: String) -> () =
        |_, session| session.with(|ws| ws.record_pivot(date, kind, &description));

    /// Revisions of goals and product fields, and pivots; newest first.
    fn history() -> HistoryView = |_, session| session.with(|ws| ws.history());
}
