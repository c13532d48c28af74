//! SQLite storage: opening (with refusal of foreign, damaged and newer files),
//! migrations, and one repository file per concept.

mod okr;
mod open;
mod product;
mod roadmap;
mod snapshot;

pub use open::{check, CheckReport, Workspace, APPLICATION_ID, SCHEMA_VERSION};
