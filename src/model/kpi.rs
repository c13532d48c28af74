use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::named_enum;

named_enum!(
    #[ts(export)]
    KpiCategory {
        Acquisition = "acquisition",
        Activation = "activation",
        Engagement = "engagement",
        Retention = "retention",
        Monetization = "monetization",
        Satisfaction = "satisfaction",
        Usage = "usage",
        Revenue = "revenue",
        Cost = "cost",
        Quality = "quality",
        Delivery = "delivery",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub category: KpiCategory,
    #[serde(default)]
    pub unit: Option<String>,
    /// Absent means higher is better.
    #[serde(default)]
    pub higher_is_better: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Measurement {
    pub kpi: String,
    pub date: NaiveDate,
    pub value: f64,
}

/// What the user edits on a KPI; the id is generated on creation and fixed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct KpiInput {
    pub name: String,
    pub category: KpiCategory,
    pub unit: Option<String>,
    /// The direction: true when a higher value is better (absent means higher is better).
    pub higher_is_better: Option<bool>,
}
