use chrono::NaiveDate;
use lodestar::views::review::ReviewView;
use lodestar::Error;

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

command! {
    /// The weekly review of the 7 days ending on a date (default: today), with titles.
    fn review_view(as_of: Option<NaiveDate>) -> ReviewView =
        |_, session| session.with(|ws| ws.review_view(as_of.unwrap_or_else(today)));

    /// Puts the weekly review's Markdown status report (the same text as
    /// `lodestar report weekly --markdown`) on the system clipboard.
    fn copy_status_report(as_of: Option<NaiveDate>) -> () = |app, session| {
        use tauri_plugin_clipboard_manager::ClipboardExt;
        let text = session.with(|ws| ws.weekly_status_report(as_of.unwrap_or_else(today)))?;
        app.clipboard().write_text(text).map_err(|e| Error::internal(format!("The status report could not be put on the clipboard: {e}")))
    };
}
