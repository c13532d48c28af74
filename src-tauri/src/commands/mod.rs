//! Commands called by the UI, one file per view area; each is a call into the core.

pub mod export;
pub mod okr;
pub mod roadmap;
pub mod strategy;
pub mod workspace;
