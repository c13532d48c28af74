use lodestar::interchange::csv::{CsvImport, CsvPreview, ItemMapping};
use lodestar::views::WorkspaceInfo;
use lodestar::workspace_path::sample_workspace;
use lodestar::Error;

use crate::session;

command! {
    /// The open workspace. The UI's first call: with `LODESTAR_STARTUP_PROBE` set, its
    /// arrival time is printed for `scripts/bench-startup`.
    fn workspace_info() -> WorkspaceInfo = |_, session| {
        crate::startup_probe::first_ipc();
        session.with(|ws| ws.info())
    };

    /// "Try again" after a workspace could not be opened (e.g. another window had it): opens
    /// it again; the open workspace's info when one is open.
    fn retry_open() -> WorkspaceInfo = |app, session| {
        if !session.is_open() {
            if let Some(path) = session.refused_path() {
                session::open(app, &path)?;
                session::retitle(app);
            }
        }
        session.with(|ws| ws.info())
    };

    /// Opens the sample workspace (Acme Analytics), creating it on first use.
    fn open_sample() -> WorkspaceInfo = |app, session| {
        crate::menu::open_sample_workspace(app, &sample_workspace())?;
        let info = session.with(|ws| ws.info())?;
        session::announce_change(app);
        Ok(info)
    };

    /// The views' "Import CSV…" (roadmap items, feedback, KPI measurements): the same file
    /// picker and preview as the File menu; the preview arrives as a `csv-import-preview` event.
    fn import_csv_file(what: CsvImport) -> () = |app, _| crate::menu::import_csv(app, what).map(|_| ());

    /// The waiting CSV import previewed again with the items' mapping the user chose.
    fn preview_csv_import(mapping: Option<ItemMapping>) -> CsvPreview = |_, session| {
        let (what, text) = session.pending_csv().ok_or_else(no_pending_csv)?;
        session.with(|ws| ws.preview_csv(what, &text, mapping.as_ref()))
    };

    /// Imports the CSV file whose preview the user confirmed (all or nothing), with the
    /// items' mapping chosen in the preview; answers the number of records added or changed.
    fn confirm_csv_import(mapping: Option<ItemMapping>) -> usize = |app, session| {
        let (what, text) = session.pending_csv().ok_or_else(no_pending_csv)?;
        let added = session.with(|ws| ws.import_csv(what, &text, mapping.as_ref()))?;
        session.set_pending_csv(None);
        session::announce_change(app);
        Ok(added)
    };

    /// Drops the CSV import the user cancelled.
    fn cancel_csv_import() -> () = |_, session| {
        session.set_pending_csv(None);
        Ok(())
    };
}

fn no_pending_csv() -> Error {
    Error::new(lodestar::ErrorCode::NotFound, "There is no CSV import waiting; use File ▸ Import Roadmap Items from CSV… again.")
}
