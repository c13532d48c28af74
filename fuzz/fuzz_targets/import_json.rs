//! Any bytes as a workspace JSON document: parsing and validation return a typed
//! error or a document, never panic; a valid document imports into a workspace.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = lodestar::interchange::parse_document(text) else { return };
    if lodestar::interchange::validate(&doc).is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut ws = lodestar::Workspace::open(&dir.path().join("f.lodestar")).unwrap();
    let _ = ws.import_document(&doc, chrono::Utc::now());
});
