//! Any JSON as the inputs the app sends over IPC (roadmap edits, objectives, key
//! results, check-ins), applied to the sample workspace: validation answers with a
//! typed error, never a panic, and the file stays healthy.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lodestar::model::{CheckIn, KeyResultInput, ObjectiveInput, RoadmapEdit};

/// The sample workspace, made once; each input edits a fresh copy of it.
fn sample() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
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
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.lodestar");
    std::fs::copy(sample().join("sample.lodestar"), &path).unwrap();
    let mut ws = lodestar::Workspace::open(&path).unwrap();
    let now = chrono::Utc::now();
    match pick % 4 {
        0 => {
            if let Ok(edit) = serde_json::from_slice::<RoadmapEdit>(rest) {
                let _ = ws.apply_roadmap_edit(&edit);
            }
        }
        1 => {
            if let Ok(input) = serde_json::from_slice::<ObjectiveInput>(rest) {
                let _ = ws.create_objective(&input, now);
                let _ = ws.update_objective("o-retention", &input, Some("fuzz"), now);
            }
        }
        2 => {
            if let Ok(input) = serde_json::from_slice::<KeyResultInput>(rest) {
                let _ = ws.create_key_result("o-retention", &input, now);
            }
        }
        _ => {
            if let Ok(c) = serde_json::from_slice::<CheckIn>(rest) {
                let _ = ws.add_checkin(&c);
            }
        }
    }
    drop(ws);
    lodestar::store::check(&path).expect("the workspace must stay healthy");
});
