//! Phase timings on stderr when `LODESTAR_TIMINGS` is set (for measuring exports).

use std::sync::OnceLock;
use std::time::Instant;

fn start() -> &'static Option<Instant> {
    static START: OnceLock<Option<Instant>> = OnceLock::new();
    START.get_or_init(|| std::env::var_os("LODESTAR_TIMINGS").map(|_| Instant::now()))
}

/// Prints the time since the first call and `label`.
pub fn lap(label: &str) {
    if let Some(t) = start() {
        eprintln!("{:8.1} ms  {label}", t.elapsed().as_secs_f64() * 1000.0);
    }
}
