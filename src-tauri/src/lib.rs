//! The Lodestar desktop shell: window, menus, dialogs and thin commands over the
//! `lodestar` core. No business rule lives here.

mod commands;
mod menu;
pub mod renderer;
mod session;
mod startup_probe;

use session::Session;

pub fn run() {
    startup_probe::mark("main");
    tauri::Builder::default()
        // First plugin: a second launch exits at once and focuses this window instead.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| session::focus_main_window(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(Session::default())
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .setup(|app| {
            startup_probe::mark("setup");
            let handle = app.handle().clone();
            let path = lodestar::workspace_path::startup_workspace();
            if let Err(e) = session::open(&handle, &path) {
                // Never fall back to overwriting: say why, and let the user pick another file.
                session::show_error(&handle, "Could not open the workspace", &e);
            }
            session::retitle(&handle);
            session::start_daily_backups(&handle);
            startup_probe::mark("workspace-open");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_info,
            commands::workspace::open_sample,
            commands::workspace::retry_open,
            commands::workspace::import_csv_file,
            commands::workspace::confirm_csv_import,
            commands::workspace::cancel_csv_import,
            commands::strategy::get_strategy,
            commands::strategy::update_product,
            commands::okr::okr_view,
            commands::okr::create_cycle,
            commands::okr::create_objective,
            commands::okr::update_objective,
            commands::okr::delete_objective,
            commands::okr::create_key_result,
            commands::okr::update_key_result,
            commands::okr::delete_key_result,
            commands::okr::add_checkin,
            commands::okr::create_milestone,
            commands::okr::update_milestone,
            commands::okr::set_milestone_done,
            commands::okr::delete_milestone,
            commands::okr::bind_milestone,
            commands::okr::record_pivot,
            commands::okr::history,
            commands::roadmap::roadmap_view,
            commands::roadmap::roadmap_item,
            commands::roadmap::roadmap_board,
            commands::roadmap::roadmap_conflicts,
            commands::roadmap::edit_roadmap,
            commands::roadmap::undo_roadmap,
            commands::roadmap::edit_state,
            commands::roadmap::redo_roadmap,
            commands::roadmap::save_baseline,
            commands::roadmap::delete_baseline,
            commands::export::export_defaults,
            commands::export::export_preview,
            commands::export::export_file,
            commands::export::copy_export_png,
            commands::metrics::metrics_view,
            commands::metrics::kpi_chart,
            commands::metrics::create_kpi,
            commands::metrics::update_kpi,
            commands::metrics::delete_kpi,
            commands::metrics::add_measurement,
            commands::metrics::delete_measurement,
            commands::metrics::bind_key_result_kpi,
            commands::backlog::backlog_view,
            commands::feedback::feedback_inbox,
            commands::feedback::themes_view,
            commands::feedback::item_feedback,
            commands::feedback::create_feedback,
            commands::feedback::update_feedback,
            commands::feedback::delete_feedback,
            commands::feedback::create_theme,
            commands::feedback::rename_theme,
            commands::feedback::delete_theme,
            commands::feedback::merge_themes,
            commands::feedback::tag_feedback,
            commands::feedback::link_feedback,
            commands::experiments::experiments_view,
            commands::experiments::create_experiment,
            commands::experiments::update_experiment,
            commands::experiments::delete_experiment,
            commands::decisions::decisions,
            commands::decisions::create_decision,
            commands::decisions::update_decision,
            commands::decisions::delete_decision,
            commands::dashboard::dashboard,
            commands::search::search,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Lodestar");
}
