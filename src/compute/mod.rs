//! Pure computations over model types, by the definitions in docs/COMPUTATIONS.md.
//! Time is passed in (`as_of`); nothing here reads the clock or the store.

pub mod backlog;
pub mod feedback;
pub mod okr;
pub mod review;
pub mod roadmap;
pub mod smart;
