use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    /// Where the product is in its life; planning and allocation differ per stage.
    #[ts(export)]
    LifecycleStage {
        Development = "development",
        Introduction = "introduction",
        Growth = "growth",
        Maturity = "maturity",
        Decline = "decline",
    }
);

named_enum!(
    /// The product fields that carry a revision history.
    #[ts(export)]
    ProductField {
        Name = "name",
        Vision = "vision",
        Strategy = "strategy",
        LifecycleStage = "lifecycle_stage",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Product {
    pub name: String,
    #[serde(default)]
    pub vision: Option<String>,
    #[serde(default)]
    pub strategy: Option<String>,
    #[serde(default)]
    pub lifecycle_stage: Option<LifecycleStage>,
}

impl Product {
    pub const DEFAULT_NAME: &'static str = "Untitled product";
}

impl Default for Product {
    fn default() -> Self {
        Product { name: Self::DEFAULT_NAME.into(), vision: None, strategy: None, lifecycle_stage: None }
    }
}

/// One recorded change of a field: what it was, what it became, when (RFC 3339, UTC),
/// and, for a deliberate adjustment of a goal, why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Revision {
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub changed_at: String,
    pub reason: Option<String>,
    /// In a team space, the server role that made the change; None when made here
    /// before the workspace was shared (or not yet synced).
    pub author: Option<String>,
}
