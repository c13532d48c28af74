//! Any bytes as a CSV file (decoded as an import decodes them) of roadmap items —
//! previewed with the detected mapping and with one pointing every field at some column,
//! imported, and imported again (the update path) — and of measurements and feedback,
//! into the sample workspace: errors, never a panic. Seeded with real exports
//! (tests/fixtures/csv) by scripts/fuzz.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lodestar::interchange::csv::{CsvImport, MAPPABLE_FIELDS};

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
    let Some(&pick) = data.first() else { return };
    let text = lodestar::files::decode_text(data);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.lodestar");
    std::fs::copy(sample().join("sample.lodestar"), &path).unwrap();
    let mut ws = lodestar::Workspace::open(&path).unwrap();
    if let Ok(p) = ws.preview_csv(CsvImport::Items, &text, None) {
        // Every field read from some column of the file, as a user could choose.
        let columns = p.columns.clone();
        if !columns.is_empty() {
            let mut m = p.mapping.clone().unwrap_or_default();
            for (k, field) in MAPPABLE_FIELDS.iter().enumerate() {
                let column = columns[(pick as usize + k) % columns.len()].clone();
                m.set(field, Some(column)).unwrap();
            }
            let _ = ws.preview_csv(CsvImport::Items, &text, Some(&m));
        }
    }
    let _ = ws.import_csv(CsvImport::Items, &text, None);
    let _ = ws.import_csv(CsvImport::Items, &text, None);
    let _ = ws.preview_csv(CsvImport::Measurements, &text, None);
    let _ = ws.preview_csv(CsvImport::Feedback, &text, None);
});
