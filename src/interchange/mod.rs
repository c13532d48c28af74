//! The public workspace interchange format (JSON, version 1): parsing with errors that
//! name record and field, validation of every rule, and writing.

pub mod csv;
mod csv_items;
mod document;
pub mod ics;
pub(crate) mod validate;

pub use document::{parse_document, to_json, Document, FORMAT_NAME, FORMAT_VERSION};
pub use validate::validate;
