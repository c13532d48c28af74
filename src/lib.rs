//! Lodestar core: domain types, validation, storage, interchange.
//! Knows nothing of Tauri or the webview; the app and the CLI are thin shells over it.

pub mod app;
pub mod compute;
pub mod edit_history;
pub mod error;
pub mod files;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod render;
pub mod rules;
pub mod sample;
pub mod store;
pub mod timing;
pub mod views;
pub mod workspace_claim;
pub mod workspace_path;

pub use app::{Picture, PictureFormat};
pub use error::{Error, ErrorCode, Result};
pub use store::Workspace;
