//! The Lodestar desktop shell: window, menus, dialogs and thin commands over the
//! `lodestar` core. No business rule lives here.

mod commands;
mod menu;
mod session;

use session::Session;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(Session::default())
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .setup(|app| {
            let handle = app.handle().clone();
            let path = lodestar::workspace_path::startup_workspace();
            if let Err(e) = session::open(&handle, &path) {
                // Never fall back to overwriting: say why, and let the user pick another file.
                session::show_error(&handle, "Could not open the workspace", &e);
            }
            session::retitle(&handle);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_info,
            commands::workspace::open_sample,
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
        ])
        .run(tauri::generate_context!())
        .expect("error while running Lodestar");
}
