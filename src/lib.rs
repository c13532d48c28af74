//! Lodestar core: the use cases (`app`, one method on [`Workspace`] each) over the domain
//! types and their rules, storage, computations, layout, interchange and rendering.
//! Knows nothing of Tauri or the webview; the app and the CLI are thin shells over it.

mod app;
pub mod compute;
pub mod edit_history;
pub mod error;
pub mod files;
pub mod interchange;
pub mod layout;
pub mod model;
pub mod render;
mod rules;
pub mod sample;
pub mod store;
pub mod team;
pub mod timing;
pub mod views;
pub mod workspace_claim;
pub mod workspace_path;

pub use app::{Picture, PictureFormat};
pub use error::{Error, ErrorCode, Result};
pub use store::Workspace;
