//! The Lodestar desktop shell: window, menus, dialogs and thin commands over the
//! `lodestar` core. No business rule lives here.

#[cfg(test)]
mod bindings;
mod commands;
mod logs;
mod menu;
pub mod renderer;
mod session;
mod startup_probe;
mod team;

use session::Session;

pub fn run() {
    startup_probe::mark("main");
    tauri::Builder::default()
        // First plugin: a second launch exits at once and focuses this window instead.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| session::focus_main_window(app)))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(Session::default())
        .manage(team::Team::default())
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .setup(|app| {
            startup_probe::mark("setup");
            let handle = app.handle().clone();
            logs::start(&handle);
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
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("error while running Lodestar");
}
