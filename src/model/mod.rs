//! Domain types, one file per concept. They are also the records of the public
//! workspace format (docs/WORKSPACE-FORMAT.md), so serde names match the format exactly
//! and unknown fields are refused.

pub mod cycle;
pub mod date_range;
pub mod decision;
pub mod experiment;
pub mod feedback;
pub mod goal_edit;
pub mod key_result;
pub mod kpi;
pub mod milestone;
pub mod objective;
pub mod pivot;
pub mod product;
pub mod roadmap;

pub use cycle::Cycle;
pub use decision::{Decision, DecisionInput};
pub use experiment::{Experiment, ExperimentInput, ExperimentStatus};
pub use feedback::{Feedback, FeedbackInput, FeedbackSource, Theme};
pub use goal_edit::{GoalEdit, StatusBack};
pub use key_result::{CheckIn, KeyResult, KeyResultInput, KeyResultKind, KeyResultMilestone};
pub use kpi::{Kpi, KpiCategory, KpiInput, Measurement};
pub use milestone::{Milestone, MilestoneInput};
pub use objective::{Ambition, Objective, ObjectiveCategory, ObjectiveInput, ObjectiveStatus};
pub use pivot::{Pivot, PivotKind};
pub use product::{LifecycleStage, Product, ProductField, Revision};
pub use roadmap::{
    Baseline, BaselineItem, Edge, Horizon, Ice, ItemKind, ItemScores, ItemSnapshot, ItemStatus, Lane, Moscow, Rice, RoadmapEdit,
    RoadmapItem,
};

/// An enumeration named by its snake_case text in JSON (the store keeps the same text
/// in SQLite: `store::sql_types`).
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        $(#[$meta])*
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted names, for error messages.
            pub fn names() -> String {
                [$($text),+].join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!("\"{other}\" is not one of: {}", $name::names())),
                }
            }
        }
    };
}
pub(crate) use named_enum;
