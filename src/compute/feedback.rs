//! Feedback figures (docs/COMPUTATIONS.md "Feedback"): theme counts with their roadmap
//! items, and the count of each theme per calendar month.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::model::{Feedback, Theme};

/// A theme with how often it comes up: `lodestar report feedback --json` prints these.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemeCount {
    pub id: String,
    pub name: String,
    /// The number of feedback records tagged with the theme.
    pub count: u32,
    /// The items linked to those records, each once, sorted by id.
    pub roadmap_items: Vec<String>,
}

/// Every theme with its count and items, by count descending, then name (then id, so
/// two themes of one name keep a fixed order). Themes nobody mentioned count 0.
pub fn theme_counts(themes: &[Theme], feedback: &[Feedback]) -> Vec<ThemeCount> {
    let mut counts: HashMap<&str, (u32, BTreeSet<&str>)> = HashMap::new();
    for f in feedback {
        let mut seen = BTreeSet::new();
        for t in &f.themes {
            if !seen.insert(t.as_str()) {
                continue; // a record counts once per theme
            }
            let entry = counts.entry(t.as_str()).or_default();
            entry.0 += 1;
            entry.1.extend(f.roadmap_items.iter().map(String::as_str));
        }
    }
    let mut out: Vec<ThemeCount> = themes
        .iter()
        .map(|t| {
            let (count, items) = counts.remove(t.id.as_str()).unwrap_or_default();
            ThemeCount { id: t.id.clone(), name: t.name.clone(), count, roadmap_items: items.into_iter().map(str::to_string).collect() }
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)).then_with(|| a.id.cmp(&b.id)));
    out
}

/// One theme's count per month, in the months of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemeSeries {
    pub theme: String,
    pub name: String,
    pub counts: Vec<u32>,
}

/// Feedback per theme per calendar month, from the month of the oldest feedback to the
/// month of the newest (every month listed, 0 when quiet). Series follow `order`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ThemeTrend {
    /// `YYYY-MM`, oldest first.
    pub months: Vec<String>,
    pub series: Vec<ThemeSeries>,
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

pub fn theme_trend(order: &[ThemeCount], feedback: &[Feedback]) -> ThemeTrend {
    let (Some(first), Some(last)) = (feedback.iter().map(|f| f.date).min(), feedback.iter().map(|f| f.date).max()) else {
        return ThemeTrend {
            months: vec![],
            series: order.iter().map(|t| ThemeSeries { theme: t.id.clone(), name: t.name.clone(), counts: vec![] }).collect(),
        };
    };
    let (m0, m1) = (month_index(first), month_index(last));
    let n = (m1 - m0 + 1) as usize;
    let months = (m0..=m1).map(|m| format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)).collect();
    let mut by_theme: HashMap<&str, Vec<u32>> = HashMap::new();
    for f in feedback {
        let slot = (month_index(f.date) - m0) as usize;
        let mut seen = BTreeSet::new();
        for t in f.themes.iter().filter(|t| seen.insert(t.as_str())) {
            by_theme.entry(t.as_str()).or_insert_with(|| vec![0; n])[slot] += 1;
        }
    }
    let series = order
        .iter()
        .map(|t| ThemeSeries {
            theme: t.id.clone(),
            name: t.name.clone(),
            counts: by_theme.remove(t.id.as_str()).unwrap_or_else(|| vec![0; n]),
        })
        .collect();
    ThemeTrend { months, series }
}
