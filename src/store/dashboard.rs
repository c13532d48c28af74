//! The Home dashboard, assembled from the figures the other views compute.

/// How many upcoming milestones and top themes the dashboard lists.
pub(crate) const UPCOMING: usize = 5;
pub(crate) const TOP_THEMES: usize = 5;
