// Hides the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    lodestar_app::renderer::choose();
    lodestar_app::run();
}
