//! Calendars (iCalendar, RFC 5545): the plan's dates where PMs and their stakeholders
//! plan their weeks. One all-day event per milestone and per scheduled roadmap item;
//! each event's UID comes from the record's id and the plan's own id, so a calendar
//! that imports the file again updates its events instead of adding copies. Pure: the
//! caller reads the records and writes the bytes.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// One all-day event.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    /// `item` or `milestone`: part of the UID.
    pub kind: &'static str,
    pub id: String,
    pub title: String,
    /// First day.
    pub start: NaiveDate,
    /// Last day (inclusive; the file's DTEND is the day after, as RFC 5545 wants).
    pub end: NaiveDate,
    pub description: String,
    pub categories: Vec<String>,
    /// Dropped items and the like: still listed, marked cancelled.
    pub cancelled: bool,
}

/// The whole calendar as text, CRLF line ends, long lines folded.
pub fn calendar(name: &str, plan_id: &str, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |s: String| fold_into(&mut out, &s);
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Lodestar//Roadmap calendar//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    let dtstamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let domain = if plan_id.is_empty() { "plan".to_string() } else { plan_id.to_ascii_lowercase() };
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}-{}@{domain}.lodestar", e.kind, uid_safe(&e.id)));
        line(format!("DTSTAMP:{dtstamp}"));
        line(format!("DTSTART;VALUE=DATE:{}", e.start.format("%Y%m%d")));
        line(format!("DTEND;VALUE=DATE:{}", (e.end + Duration::days(1)).format("%Y%m%d")));
        line(format!("SUMMARY:{}", escape(&e.title)));
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&e.description)));
        }
        if !e.categories.is_empty() {
            line(format!("CATEGORIES:{}", e.categories.iter().map(|c| escape(c)).collect::<Vec<_>>().join(",")));
        }
        line(format!("STATUS:{}", if e.cancelled { "CANCELLED" } else { "CONFIRMED" }));
        // All-day plan dates inform; they do not make anyone busy.
        line("TRANSP:TRANSPARENT".into());
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// TEXT values escape backslash, semicolon and comma, and write line breaks as `\n`.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => s.push_str("\\\\"),
            ';' => s.push_str("\\;"),
            ',' => s.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                s.push_str("\\n");
            }
            '\n' => s.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    s
}

/// Ids are the user's text: keep a UID to characters every calendar takes, and keep two
/// ids that differ only in other characters apart.
fn uid_safe(id: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if id.chars().all(plain) {
        return id.to_string();
    }
    let kept: String = id.chars().map(|c| if plain(c) { c } else { '_' }).collect();
    format!("{kept}-{:08x}", fnv1a(id))
}

fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// Appends `line` folded at 75 octets (continuations start with one space), never
/// inside a UTF-8 character, ended by CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn odd_ids_keep_distinct_uids() {
        assert_eq!(uid_safe("r-guided"), "r-guided");
        assert_ne!(uid_safe("a b"), uid_safe("a/b"));
    }
}
