use chrono::NaiveDate;
use lodestar::views::dashboard::DashboardView;

command! {
    /// The Home dashboard as of a date (default: today).
    fn dashboard(as_of: Option<NaiveDate>) -> DashboardView =
        |_, session| session.with(|ws| ws.dashboard(as_of.unwrap_or_else(|| chrono::Local::now().date_naive())));
}
