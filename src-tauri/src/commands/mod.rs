//! Commands called by the UI, one file per view area; each is a call into the core.

pub mod backlog;
pub mod dashboard;
pub mod decisions;
pub mod experiments;
pub mod export;
pub mod feedback;
pub mod metrics;
pub mod okr;
pub mod roadmap;
pub mod search;
pub mod strategy;
pub mod workspace;
