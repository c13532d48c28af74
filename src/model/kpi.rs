use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::named_enum;

named_enum!(
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub kpi: String,
    pub date: NaiveDate,
    pub value: f64,
}
