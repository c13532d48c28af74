//! The time scale: pixels per day by zoom, and the two rows of axis ticks.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Zoom {
    Week,
    Month,
    Quarter,
    Year,
}

impl Zoom {
    /// Chosen so one unit of the lower axis row is about 170–190 px wide.
    pub fn px_per_day(self) -> f64 {
        match self {
            Zoom::Week => 24.0,
            Zoom::Month => 6.0,
            Zoom::Quarter => 2.0,
            Zoom::Year => 0.5,
        }
    }

    /// Dragging snaps to days, or to weeks when zoomed out to quarters or years.
    pub fn snap_days(self) -> i64 {
        match self {
            Zoom::Week | Zoom::Month => 1,
            Zoom::Quarter | Zoom::Year => 7,
        }
    }
}

/// One labelled period on the axis.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Tick {
    pub start: NaiveDate,
    pub x: f64,
    pub width: f64,
    pub label: String,
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Month,
    Quarter,
    Year,
}

fn unit_start(d: NaiveDate, unit: Unit) -> NaiveDate {
    match unit {
        Unit::Day => d,
        Unit::Month => d.with_day(1).expect("day 1 exists"),
        Unit::Quarter => NaiveDate::from_ymd_opt(d.year(), d.month0() / 3 * 3 + 1, 1).expect("quarter start exists"),
        Unit::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("1 January exists"),
    }
}

fn next(d: NaiveDate, unit: Unit) -> NaiveDate {
    match unit {
        Unit::Day => d + Duration::days(1),
        Unit::Month => d.checked_add_months(chrono::Months::new(1)).expect("in range"),
        Unit::Quarter => d.checked_add_months(chrono::Months::new(3)).expect("in range"),
        Unit::Year => d.checked_add_months(chrono::Months::new(12)).expect("in range"),
    }
}

fn label(d: NaiveDate, unit: Unit, with_year: bool) -> String {
    match unit {
        Unit::Day => d.day().to_string(),
        Unit::Month if with_year => format!("{} {}", MONTHS[d.month0() as usize], d.year()),
        Unit::Month => MONTHS[d.month0() as usize].to_string(),
        Unit::Quarter if with_year => format!("Q{} {}", d.month0() / 3 + 1, d.year()),
        Unit::Quarter => format!("Q{}", d.month0() / 3 + 1),
        Unit::Year => d.year().to_string(),
    }
}

/// The periods of `unit` covering `[from, to]`, clipped to the range.
fn row(unit: Unit, from: NaiveDate, to: NaiveDate, ppd: f64, with_year: bool) -> Vec<Tick> {
    let x_of = |d: NaiveDate| (d - from).num_days() as f64 * ppd;
    let end_x = x_of(to) + ppd;
    let mut out = Vec::new();
    let mut start = unit_start(from, unit);
    while start <= to {
        let following = next(start, unit);
        let x = x_of(start.max(from));
        out.push(Tick { start, x, width: x_of(following).min(end_x) - x, label: label(start, unit, with_year) });
        start = following;
    }
    out
}

/// (upper row, lower row) for a zoom: month over day, quarter over month, year over quarter.
pub fn ticks(zoom: Zoom, from: NaiveDate, to: NaiveDate, ppd: f64) -> (Vec<Tick>, Vec<Tick>) {
    let (upper, lower) = match zoom {
        Zoom::Week => (Unit::Month, Unit::Day),
        Zoom::Month => (Unit::Quarter, Unit::Month),
        Zoom::Quarter | Zoom::Year => (Unit::Year, Unit::Quarter),
    };
    (row(upper, from, to, ppd, true), row(lower, from, to, ppd, false))
}

/// Saturdays and Sundays in the range, as (x, width) spans.
pub fn weekends(from: NaiveDate, to: NaiveDate, ppd: f64) -> Vec<(f64, f64)> {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| d.weekday() == Weekday::Sat || (d.weekday() == Weekday::Sun && *d == from))
        .map(|d| {
            let days = if d.weekday() == Weekday::Sat && d < to { 2.0 } else { 1.0 };
            ((d - from).num_days() as f64 * ppd, days * ppd)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn month_zoom_shows_quarters_over_months_clipped_to_the_range() {
        let (top, bottom) = ticks(Zoom::Month, date("2027-01-15"), date("2027-04-10"), 6.0);
        let labels: Vec<&str> = bottom.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Jan", "Feb", "Mar", "Apr"]);
        assert_eq!(bottom[0].x, 0.0);
        assert_eq!(bottom[0].width, 17.0 * 6.0); // Jan 15–31
        assert_eq!(bottom[1].x, 17.0 * 6.0);
        assert_eq!(bottom[3].width, 10.0 * 6.0); // Apr 1–10
        assert_eq!(top.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["Q1 2027", "Q2 2027"]);
    }

    #[test]
    fn weekends_are_shaded_at_week_zoom() {
        // 2027-01-04 is a Monday; the range ends on Sunday the 17th.
        let spans = weekends(date("2027-01-04"), date("2027-01-17"), 24.0);
        assert_eq!(spans, vec![(5.0 * 24.0, 48.0), (12.0 * 24.0, 48.0)]);
    }
}
