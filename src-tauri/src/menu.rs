//! The File and Edit menus. File actions open native dialogs on a worker thread
//! (dialogs block), call the core, then tell the UI that the workspace changed.

use std::path::{Path, PathBuf};

use lodestar::files::write_atomically;
use lodestar::interchange::csv::{CsvExport, CsvImport, CsvPreview};
use lodestar::interchange::{parse_document, to_json};
use lodestar::sample::sample_document;
use lodestar::store::{backups_dir, list_backups};
use lodestar::workspace_path::{data_dir, sample_workspace, EXTENSION};
use lodestar::{Error, ErrorCode, Workspace};
use tauri::menu::{Menu, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};

use crate::session::{self, Session};

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let item = |id: &str, label: &str, accel: Option<&str>| {
        let b = MenuItemBuilder::with_id(id, label);
        match accel {
            Some(a) => b.accelerator(a).build(app),
            None => b.build(app),
        }
    };
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("new", "New Workspace…", Some("CmdOrCtrl+N"))?)
        .item(&item("open", "Open…", Some("CmdOrCtrl+O"))?)
        .item(&item("open-sample", "Open Sample Workspace", None)?)
        .item(&item("restore-backup", "Restore from Backup…", None)?)
        .separator()
        .item(&item("import-json", "Import JSON…", Some("CmdOrCtrl+I"))?)
        .item(&item("export-json", "Export JSON…", Some("CmdOrCtrl+Shift+E"))?)
        .separator()
        .item(&item("import-csv-items", "Import Roadmap Items from CSV…", None)?)
        .item(&item("import-csv-feedback", "Import Feedback from CSV…", None)?)
        .item(&item("import-csv-measurements", "Import KPI Measurements from CSV…", None)?)
        .item(&item("export-csv-items", "Export Roadmap Items as CSV…", None)?)
        .item(&item("export-csv-okrs", "Export OKRs as CSV…", None)?)
        .item(&item("export-calendar", "Export Dates to Calendar (.ics)…", None)?)
        .separator()
        .item(&item("share-team", "Share with Team…", None)?)
        .item(&item("join-team", "Join Team Space…", None)?)
        .separator()
        .quit()
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit").cut().copy().paste().separator().select_all().build()?;
    Menu::with_items(app, &[&file, &edit])
}

pub fn handle(app: &AppHandle, event: MenuEvent) {
    let id = event.id().0.clone();
    let app = app.clone();
    // Dialogs block until answered: keep them off the main thread.
    std::thread::spawn(move || {
        let result = match id.as_str() {
            "new" => new_workspace(&app),
            "open" => open_workspace(&app),
            "open-sample" => open_sample_workspace(&app, &sample_workspace()).map(|_| true),
            "restore-backup" => restore_backup(&app),
            "import-json" => import_json(&app),
            "export-json" => export_json(&app).map(|_| false),
            "import-csv-items" => import_csv(&app, CsvImport::Items),
            "import-csv-feedback" => import_csv(&app, CsvImport::Feedback),
            "import-csv-measurements" => import_csv(&app, CsvImport::Measurements),
            "export-csv-items" => export_csv(&app, CsvExport::Items, "roadmap items").map(|_| false),
            "export-csv-okrs" => export_csv(&app, CsvExport::Okrs, "OKRs").map(|_| false),
            "export-calendar" => export_calendar(&app).map(|_| false),
            "share-team" => ask_for_team_dialog(&app, TeamDialog::Share),
            "join-team" => ask_for_team_dialog(&app, TeamDialog::Join),
            _ => Ok(false),
        };
        match result {
            Ok(true) => session::announce_change(&app),
            Ok(false) => {}
            Err(e) => session::show_error(&app, "Lodestar", &e),
        }
    });
}

fn workspace_filter() -> (&'static str, [&'static str; 3]) {
    ("Lodestar workspace", [EXTENSION, "db", "sqlite"])
}

/// Asks where to create a new workspace, refusing to reuse an existing file.
fn new_workspace(app: &AppHandle) -> lodestar::Result<bool> {
    let Some(path) = new_workspace_path(app, "New workspace", &format!("New product.{EXTENSION}"))? else {
        return Ok(false);
    };
    session::open(app, &path)?;
    Ok(true)
}

/// Asks where to save a new workspace (native dialog); `None` when cancelled, an error
/// when the file chosen already exists.
pub fn new_workspace_path(app: &AppHandle, title: &str, suggested: &str) -> lodestar::Result<Option<PathBuf>> {
    let (name, exts) = workspace_filter();
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .set_directory(data_dir())
        .set_file_name(suggested)
        .add_filter(name, &exts)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok());
    session::after_file_dialog(app);
    let Some(path) = picked else {
        return Ok(None);
    };
    let path = with_extension(path);
    if path.exists() {
        return Err(Error::new(
            ErrorCode::Invalid,
            format!("{} already exists. Choose a new name, or use File ▸ Open… to open it.", path.display()),
        ));
    }
    Ok(Some(path))
}

fn open_workspace(app: &AppHandle) -> lodestar::Result<bool> {
    let (name, exts) = workspace_filter();
    let Some(path) = app
        .dialog()
        .file()
        .set_title("Open workspace")
        .set_directory(data_dir())
        .add_filter(name, &exts)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        session::after_file_dialog(app);
        return Ok(false);
    };
    session::after_file_dialog(app);
    session::open(app, &path)?;
    Ok(true)
}

/// Opens the sample workspace, filling it with Acme Analytics when it is new or empty.
pub fn open_sample_workspace(app: &AppHandle, path: &Path) -> lodestar::Result<()> {
    let mut ws = Workspace::open(path)?;
    if ws.is_empty()? {
        ws.import_document(&sample_document(chrono::Local::now().date_naive()), chrono::Utc::now())?;
    }
    drop(ws);
    session::open(app, path)
}

/// Event asking the UI to open the Share with Team or Join Team Space dialog
/// (`TeamDialog`): the server address, space and password are typed in the window.
pub const TEAM_DIALOG: &str = "team-dialog";

#[derive(Clone, Copy, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TeamDialog {
    Share,
    Join,
}

fn ask_for_team_dialog(app: &AppHandle, which: TeamDialog) -> lodestar::Result<bool> {
    app.emit(TEAM_DIALOG, which).map_err(|e| Error::internal(format!("Could not open the team dialog: {e}")))?;
    Ok(false)
}

/// Replaces the open workspace's contents with a backup the user picks (the picker
/// starts in the workspace's backups folder), after a confirmation naming its date.
/// The core validates the file first and keeps the replaced contents as a backup.
fn restore_backup(app: &AppHandle) -> lodestar::Result<bool> {
    let session = app.state::<Session>();
    let path = session.with(|ws| Ok(ws.path().to_path_buf()))?;
    let dir = backups_dir(&path);
    let (name, exts) = workspace_filter();
    let Some(file) = app
        .dialog()
        .file()
        .set_title("Restore from backup")
        .set_directory(if dir.is_dir() { dir } else { path.parent().map(Path::to_path_buf).unwrap_or_else(data_dir) })
        .add_filter(name, &exts)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
    else {
        session::after_file_dialog(app);
        return Ok(false);
    };
    session::after_file_dialog(app);
    let known = list_backups(&path)?.into_iter().find(|b| b.path == file);
    let when = match &known {
        Some(b) => b.taken_at.with_timezone(&chrono::Local).format("%A %-d %B %Y, %H:%M").to_string(),
        None => std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .map(|t| chrono::DateTime::<chrono::Local>::from(t).format("%A %-d %B %Y, %H:%M").to_string())
            .unwrap_or_else(|_| "an unknown date".into()),
    };
    let confirmed = app
        .dialog()
        .message(format!(
            "Replace everything in {} with the backup of {when} ({})?\n\nThe current contents are kept as a backup first, so this can be undone the same way.",
            path.display(),
            file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        ))
        .title("Restore from backup")
        .kind(MessageDialogKind::Warning)
        .buttons(MessageDialogButtons::OkCancelCustom("Restore".into(), "Cancel".into()))
        .blocking_show();
    if !confirmed {
        return Ok(false);
    }
    session.with(|ws| ws.restore_from(&file, chrono::Utc::now()))?;
    // Reopen: starts a fresh undo history, which cannot span a restore.
    session::open(app, &path)?;
    Ok(true)
}

/// Replaces the open workspace's contents with a JSON document, after confirmation.
fn import_json(app: &AppHandle) -> lodestar::Result<bool> {
    let Some((file, text)) = pick_text(app, "Import workspace JSON", "Lodestar workspace JSON", "json")? else {
        return Ok(false);
    };
    let doc = parse_document(&text)?;
    let session = app.state::<Session>();
    let target = session.with(|ws| ws.info())?;
    if !target.is_empty {
        let replace = app
            .dialog()
            .message(format!(
                "Replace everything in “{}” ({}) with the contents of {}? This cannot be undone from inside the app.",
                target.product_name,
                target.path,
                file.display()
            ))
            .title("Import JSON")
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom("Replace".into(), "Cancel".into()))
            .blocking_show();
        if !replace {
            return Ok(false);
        }
    }
    session.with(|ws| ws.import_document(&doc, chrono::Utc::now()))?;
    Ok(true)
}

fn export_json(app: &AppHandle) -> lodestar::Result<()> {
    let session = app.state::<Session>();
    let (doc, name) = session.with(|ws| Ok((ws.export_document()?, ws.product()?.name)))?;
    let Some(file) = save_path(app, "Export workspace JSON", &format!("{}.json", safe_file_name(&name)), "json") else {
        return Ok(());
    };
    write_atomically(&file, (to_json(&doc) + "\n").as_bytes())
}

/// Roadmap items from a tracker's CSV: a preview with every bad row named, then one
/// all-or-nothing import after confirmation.
/// Event carrying a CSV import's preview to the UI, which shows its rows and problems
/// and confirms (`confirm_csv_import`) or cancels (`cancel_csv_import`).
pub const CSV_IMPORT_PREVIEW: &str = "csv-import-preview";

/// A CSV import picked in the File menu or a view, waiting for the user's look at its rows.
#[derive(Clone, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CsvImportPreview {
    what: CsvImport,
    file: String,
    preview: CsvPreview,
    /// The workspace's lanes, so the preview can name the lanes rows go to.
    lanes: Vec<lodestar::model::Lane>,
}

pub fn import_csv(app: &AppHandle, what: CsvImport) -> lodestar::Result<bool> {
    let title = match what {
        CsvImport::Items => "Import roadmap items from CSV",
        CsvImport::Feedback => "Import feedback from CSV",
        CsvImport::Measurements => "Import KPI measurements from CSV",
    };
    let Some((file, text)) = pick_text(app, title, "CSV", "csv")? else {
        return Ok(false);
    };
    let session = app.state::<Session>();
    let (preview, lanes) = session.with(|ws| Ok((ws.preview_csv(what, &text, None)?, ws.export_document()?.lanes)))?;
    // Nothing is written until the user confirms the preview in the window; until then the
    // file waits, so the items' mapping can be changed and previewed again.
    session.set_pending_csv(Some((what, text)));
    app.emit(CSV_IMPORT_PREVIEW, CsvImportPreview { what, file: file.display().to_string(), preview, lanes })
        .map_err(|e| Error::internal(format!("Could not show the import preview: {e}")))?;
    Ok(false)
}

fn export_csv(app: &AppHandle, what: CsvExport, label: &str) -> lodestar::Result<()> {
    let session = app.state::<Session>();
    let (csv, name) = session.with(|ws| Ok((ws.export_csv(what, chrono::Local::now().date_naive())?, ws.product()?.name)))?;
    let Some(file) = save_path(app, &format!("Export {label} as CSV"), &format!("{} {label}.csv", safe_file_name(&name)), "csv") else {
        return Ok(());
    };
    write_atomically(&file, csv.as_bytes())
}

/// Milestones and scheduled items as an iCalendar file, for calendar apps.
fn export_calendar(app: &AppHandle) -> lodestar::Result<()> {
    let session = app.state::<Session>();
    let (ics, name) = session.with(|ws| Ok((ws.export_calendar(None, None, chrono::Utc::now())?, ws.product()?.name)))?;
    let suggested = format!("{} dates.ics", safe_file_name(&name));
    let Some(file) = save_path(app, "Export the plan's dates to a calendar", &suggested, "ics") else {
        return Ok(());
    };
    write_atomically(&file, ics.as_bytes())
}

/// Asks for a file to read (native dialog) and reads it; `None` when cancelled.
fn pick_text(app: &AppHandle, title: &str, filter: &str, ext: &str) -> lodestar::Result<Option<(PathBuf, String)>> {
    let picked = app.dialog().file().set_title(title).add_filter(filter, &[ext]).blocking_pick_file().and_then(|p| p.into_path().ok());
    session::after_file_dialog(app);
    let Some(file) = picked else {
        return Ok(None);
    };
    let text = lodestar::files::read_text(&file)?;
    Ok(Some((file, text)))
}

/// Asks where to save a file of type `ext` (native dialog); `None` when cancelled.
pub fn save_path(app: &AppHandle, title: &str, suggested: &str, ext: &str) -> Option<PathBuf> {
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(ext.to_uppercase(), &[ext])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok());
    session::after_file_dialog(app);
    picked
}

fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(EXTENSION)
    }
}

/// A product name made safe as a file name.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_alphanumeric() || " -_.".contains(c) { c } else { '_' }).collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "workspace".into()
    } else {
        trimmed.into()
    }
}
