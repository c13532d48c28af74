//! An empty Tauri 2 app: one window, one page, one command. With
//! `LODESTAR_STARTUP_PROBE` set it prints the probe lines Lodestar prints
//! (`lodestar-main-epoch-ms=`, `lodestar-setup-epoch-ms=`, `lodestar-first-ipc-epoch-ms=`),
//! so `scripts/bench-startup` times both the same way.

// Hides the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

static MARKS: Mutex<Vec<(&str, u128)>> = Mutex::new(Vec::new());
static FIRST_CALL_SEEN: AtomicBool = AtomicBool::new(false);

fn mark(phase: &'static str) {
    if std::env::var_os("LODESTAR_STARTUP_PROBE").is_some() {
        let ms = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0);
        if let Ok(mut marks) = MARKS.lock() {
            marks.push((phase, ms));
        }
    }
}

/// The page's one call on load; the first one prints the phases.
#[tauri::command]
fn ready() {
    if FIRST_CALL_SEEN.swap(true, Ordering::Relaxed) {
        return;
    }
    mark("first-ipc");
    if let Ok(marks) = MARKS.lock() {
        for (phase, ms) in marks.iter() {
            println!("lodestar-{phase}-epoch-ms={ms}");
        }
    }
}

fn main() {
    mark("main");
    tauri::Builder::default()
        .setup(|_| {
            mark("setup");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the empty app");
}
