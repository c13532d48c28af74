use lodestar::team::{Activity, Conflict, Member, SyncReport, TeamStatus};

use crate::team;

command! {
    /// Where the open workspace's team sync stands; null when it is not shared.
    fn team_status() -> Option<TeamStatus> = |_, session| session.with(|ws| ws.team_status());

    /// Shares the open workspace as a new space on a PostgreSQL server; this role owns it.
    /// The password (optional: else `PGPASSWORD` or ~/.pgpass) is kept in the OS keyring
    /// or for this session, never in the workspace.
    fn team_share(server_url: String, space: String, password: Option<String>) -> TeamStatus =
        |app, _| team::share(app, &server_url, &space, password.as_deref());

    /// Joins a space: into the open workspace when it is empty, else into a new workspace
    /// file the user names in a save dialog (then open). Null when that dialog was cancelled.
    fn team_join(server_url: String, space: String, password: Option<String>) -> Option<TeamStatus> =
        |app, _| team::join(app, &server_url, &space, password.as_deref());

    /// Pushes this copy's changes and pulls the team's now.
    fn team_sync() -> SyncReport = |app, _| team::sync_now(app);

    /// A new password after the server refused the one kept; a sync follows.
    fn team_set_password(password: String) -> () = |app, _| team::set_password(app, &password);

    /// Stops sharing this workspace; the file keeps everything.
    fn team_leave() -> () = |app, _| team::leave(app);

    fn team_members() -> Vec<Member> = |app, _| team::members(app);

    /// Adds (or removes) a member by server role; owners only. Answers the members after it.
    fn team_change_member(role: String, add: bool) -> Vec<Member> = |app, _| team::change_member(app, &role, add);

    /// Edits set aside because, merged with the team's, they broke a rule; newest first.
    fn team_conflicts() -> Vec<Conflict> = |_, session| session.with(|ws| ws.team_conflicts());

    /// Makes a set-aside edit again (refused while it still breaks a rule).
    fn team_reapply_conflict(id: i64) -> () = |_, session| session.with(|ws| ws.team_reapply_conflict(id));

    fn team_dismiss_conflict(id: i64) -> () = |_, session| session.with(|ws| ws.team_dismiss_conflict(id));

    /// Who changed what in the space, newest first; `record` narrows it to one record.
    fn team_activity(record: Option<String>, limit: u32) -> Vec<Activity> =
        |_, session| session.with(|ws| ws.team_activity(record.as_deref(), limit));
}
