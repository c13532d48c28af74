//! The one error type of the core. It crosses IPC as `{code, message, record, field}`:
//! the UI branches on `code` and shows `message` at the field named by `field`.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// Bad user input; `record` and `field` say where.
    Invalid,
    NotFound,
    /// The file is not a Lodestar workspace (not SQLite, or another program's database).
    NotAWorkspace,
    /// The file is a workspace but its contents are damaged.
    Damaged,
    /// The file was written by a newer Lodestar with a schema this version does not know.
    NewerVersion,
    Io,
    /// A team server that cannot be reached (network down, server stopped): edits wait.
    Offline,
    /// A team server that refuses this role: wrong password, not a member, not an owner.
    Denied,
    /// Anything unexpected; the full chain is in `message` and the log.
    Internal,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, rename = "LodestarError")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    /// The record concerned, e.g. `product` or `objectives "o1"`.
    pub record: Option<String>,
    /// The field concerned, e.g. `name`.
    pub field: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), record: None, field: None }
    }

    /// Invalid input at `record`/`field`; the message should say what to do.
    pub fn invalid(record: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Self {
        Error { code: ErrorCode::Invalid, message: message.into(), record: Some(record.into()), field: Some(field.into()) }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    /// A one-line description naming record and field, for the CLI and logs.
    pub fn one_line(&self) -> String {
        match (&self.record, &self.field) {
            (Some(r), Some(f)) => format!("{r}, field \"{f}\": {}", self.message),
            (Some(r), None) => format!("{r}: {}", self.message),
            (None, Some(f)) => format!("field \"{f}\": {}", self.message),
            (None, None) => self.message.clone(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.one_line())
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DatabaseCorrupt) => Error::new(ErrorCode::Damaged, format!("The workspace file is damaged: {e}")),
            Some(C::NotADatabase) => Error::new(ErrorCode::NotAWorkspace, format!("This file is not a Lodestar workspace: {e}")),
            Some(C::DatabaseBusy) | Some(C::DatabaseLocked) => Error::new(
                ErrorCode::Io,
                "The workspace is being changed by another program (another Lodestar window or command); try again.",
            ),
            _ => Error::internal(format!("Storage error: {e}")),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorCode::Io, e.to_string())
    }
}
