//! The span of days a roadmap view, report or picture covers, and its limit.

use chrono::{Months, NaiveDate};

use crate::error::{Error, Result};

/// The longest range a view, report or picture may cover. A plan is read over months and
/// quarters; twenty years is far beyond any, and keeps a mistyped year (0001 to 9999)
/// from asking for a picture millions of pixels wide.
pub const MAX_RANGE_YEARS: u32 = 20;

/// Refuses, at field `to` of `record`, a range that ends before it starts or spans more
/// than [`MAX_RANGE_YEARS`] years.
pub fn check_range(record: &str, from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::invalid(record, "to", format!("The range ends ({to}) before it starts ({from}).")));
    }
    // Past the calendar's end, every `to` is within the limit.
    let last = from.checked_add_months(Months::new(MAX_RANGE_YEARS * 12)).unwrap_or(NaiveDate::MAX);
    if to > last {
        return Err(Error::invalid(
            record,
            "to",
            format!("The range from {from} to {to} is longer than {MAX_RANGE_YEARS} years; choose an end on or before {last}."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_range_of_exactly_twenty_years_is_accepted_and_a_day_more_is_refused_at_to() {
        assert!(check_range("roadmap", d("2027-01-01"), d("2047-01-01")).is_ok());
        let e = check_range("roadmap", d("2027-01-01"), d("2047-01-02")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("to"));
        assert!(e.message.contains("2047-01-01"), "{}", e.message);
    }

    #[test]
    fn the_whole_calendar_and_an_inverted_range_are_refused() {
        assert!(check_range("roadmap", d("0001-01-01"), d("9999-12-31")).is_err());
        assert!(check_range("roadmap", d("2027-02-01"), d("2027-01-31")).unwrap_err().message.contains("before it starts"));
        // A range starting near the calendar's end cannot overflow the limit's arithmetic.
        assert!(check_range("roadmap", NaiveDate::MAX, NaiveDate::MAX).is_ok());
    }
}
