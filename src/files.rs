//! Writing the files users export.

use std::path::Path;

use crate::error::{Error, ErrorCode, Result};

/// Writes through a temporary file beside `file` and a rename, so a failed write never
/// leaves half a file where the user expects a whole one.
pub fn write_atomically(file: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = file.as_os_str().to_owned();
    tmp.push(".lodestar-tmp");
    std::fs::write(&tmp, bytes).and_then(|_| std::fs::rename(&tmp, file)).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::new(ErrorCode::Io, format!("Cannot write {}: {e}", file.display()))
    })
}
