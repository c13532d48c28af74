//! With `LODESTAR_STARTUP_PROBE` set, the app prints when it reached each start-up
//! phase (Unix epoch milliseconds), for `scripts/bench-startup`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

static MARKS: Mutex<Vec<(&'static str, u128)>> = Mutex::new(Vec::new());
static FIRST_CALL_SEEN: AtomicBool = AtomicBool::new(false);

fn enabled() -> bool {
    std::env::var_os("LODESTAR_STARTUP_PROBE").is_some()
}

fn now_ms() -> u128 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis()).unwrap_or(0)
}

/// Notes that start-up reached `phase`.
pub fn mark(phase: &'static str) {
    if enabled() {
        if let Ok(mut marks) = MARKS.lock() {
            marks.push((phase, now_ms()));
        }
    }
}

/// Called on every command from the UI; the first one prints the phases.
pub fn first_ipc() {
    if FIRST_CALL_SEEN.swap(true, Ordering::Relaxed) || !enabled() {
        return;
    }
    let at = now_ms();
    if let Ok(marks) = MARKS.lock() {
        for (phase, ms) in marks.iter() {
            println!("lodestar-{phase}-epoch-ms={ms}");
        }
    }
    println!("lodestar-first-ipc-epoch-ms={at}");
}
