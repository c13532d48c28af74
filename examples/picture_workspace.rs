//! Writes a workspace to time picture exports through the CLI: a synthetic roadmap of
//! ITEMS items over one year from 2027-01-01 in LANES lanes (4 lanes: a dense picture,
//! few lanes of many rows; 12: a sparse one).
//!
//! `cargo run --release --example picture_workspace -- OUT.lodestar [ITEMS] [LANES]`

use chrono::NaiveDate;
use lodestar::sample::synthetic_roadmap;
use lodestar::Workspace;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = std::path::PathBuf::from(args.get(1).expect("usage: picture_workspace OUT.lodestar [ITEMS] [LANES]"));
    let items: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let lanes: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(12);
    let from = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    let _ = std::fs::remove_file(&path);
    let mut ws = Workspace::open(&path).expect("create the workspace");
    ws.import_document(&synthetic_roadmap(items, lanes, from, 365, 42), chrono::Utc::now()).expect("import");
    eprintln!("{items} items in {lanes} lanes over one year from {from}: {}", path.display());
}
