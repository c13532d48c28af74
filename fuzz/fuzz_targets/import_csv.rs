//! Any text as a CSV of roadmap items, measurements or feedback (first byte picks
//! which), previewed and imported into the sample workspace: errors, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lodestar::interchange::csv::CsvImport;

/// The sample workspace, made once; each input imports into a fresh copy of it.
fn sample() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = lodestar::Workspace::open(&dir.path().join("sample.lodestar")).unwrap();
        ws.import_document(&lodestar::sample::sample_document(chrono::NaiveDate::from_ymd_opt(2027, 2, 15).unwrap()), chrono::Utc::now())
            .unwrap();
        dir
    });
    dir.path()
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let what = match pick % 3 {
        0 => CsvImport::Items,
        1 => CsvImport::Measurements,
        _ => CsvImport::Feedback,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.lodestar");
    std::fs::copy(sample().join("sample.lodestar"), &path).unwrap();
    let mut ws = lodestar::Workspace::open(&path).unwrap();
    let _ = ws.preview_csv(what, text, None);
    let _ = ws.import_csv(what, text, None);
});
