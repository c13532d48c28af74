use lodestar::render::PictureOptions;
use lodestar::views::export::{ExportFormat, ExportKind};
use lodestar::{Error, PictureFormat};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

command! {
    /// Defaults for the Export dialog: the roadmap's whole range at month zoom, 2× PNG.
    fn export_defaults() -> PictureOptions = |_, session| session.with(|ws| ws.default_picture_options(today()));

    /// The picture as it will be written, drawn at 1× with the bundled font, as a
    /// `data:image/png` URL for the dialog's preview image (`cycle` null: the current cycle).
    fn export_preview(what: ExportKind, options: PictureOptions, cycle: Option<String>) -> String =
        |_, session| session.with(|ws| ws.export_picture(what, PictureFormat::Preview, &options, cycle.as_deref(), today())?.into_text());

    /// Asks where to save (native dialog), renders and writes; the saved path, or null when cancelled.
    fn export_file(what: ExportKind, format: ExportFormat, options: PictureOptions, cycle: Option<String>) -> Option<String> = |app, session| {
        // Render first, so that bad options are refused before any dialog opens.
        let (bytes, name) = session.with(|ws| {
            let name = ws.product()?.name;
            let bytes = ws.export_picture(what, PictureFormat::File(format), &options, cycle.as_deref(), today())?.into_bytes();
            Ok((bytes, name))
        })?;
        let ext = format.extension();
        let suggested =
            format!("{} {}.{ext}", crate::menu::safe_file_name(&name), if what == ExportKind::Roadmap { "roadmap" } else { "OKRs" });
        let Some(path) = crate::menu::save_path(app, "Export", &suggested, ext) else {
            return Ok(None);
        };
        lodestar::files::write_atomically(&path, &bytes)?;
        Ok(Some(path.display().to_string()))
    };

    /// Draws the picture as the PNG export would (at the options' scale) and puts the
    /// pixels on the system clipboard, for pasting straight into a deck or a chat.
    fn copy_export_png(what: ExportKind, options: PictureOptions, cycle: Option<String>) -> () = |app, session| {
        use tauri_plugin_clipboard_manager::ClipboardExt;
        let raster =
            session.with(|ws| ws.export_picture(what, PictureFormat::Pixels, &options, cycle.as_deref(), today())?.into_pixels())?;
        let image = tauri::image::Image::new_owned(raster.rgba, raster.width, raster.height);
        app.clipboard().write_image(&image).map_err(|e| Error::internal(format!("The picture could not be put on the clipboard: {e}")))
    };
}
