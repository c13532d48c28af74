//! Reading the files users import and writing the files they export.

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

/// Reads a text file exported by another tool: UTF-8 or UTF-16 by their byte-order mark,
/// else UTF-8, else Windows-1252 (what older Jira Server and Western European Excel write),
/// so an accented header never refuses the file.
pub fn read_text(file: &Path) -> Result<String> {
    let bytes = std::fs::read(file).map_err(|e| Error::new(ErrorCode::Io, format!("Cannot read {}: {e}", file.display())))?;
    Ok(decode_text(&bytes))
}

pub fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_in_utf16_and_windows_1252_are_read_as_text() {
        assert_eq!(decode_text("Résumé,État".as_bytes()), "Résumé,État");
        assert_eq!(decode_text(b"\xEF\xBB\xBFTitle"), "Title");
        assert_eq!(decode_text(b"R\xE9sum\xE9,\xC9tat"), "Résumé,État");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Clé".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(decode_text(&utf16), "Clé");
    }
}
