//! The weekly review as a status report in plain Markdown (`lodestar report weekly
//! --markdown`, the Review view's "Copy status report"): titles, not ids; three
//! sections; plain lists, no HTML; user text escaped so it stays text when pasted into
//! a chat, a wiki or a GitHub comment.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::compute::okr::Health;
use crate::views::review::ReviewView;

/// Escapes user text for Markdown: the characters Markdown (or HTML inside it) reads as
/// emphasis, code, links, headings, tables or tags get a backslash, and so does what
/// would start a list at the start of a line ("- x", "+ x", "1. x"); line breaks become
/// spaces. Dots and dashes inside text ("v1.2", "30-day") stay as they are.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, ch) in text.chars().enumerate() {
        let list_marker = (i == 0 && matches!(ch, '-' | '+')) || (i == digits && digits > 0 && matches!(ch, '.' | ')'));
        if list_marker || matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&') {
            out.push('\\');
        }
        out.push(if matches!(ch, '\r' | '\n' | '\t') { ' ' } else { ch });
    }
    out
}

/// "1 Feb", with the year when it is not `year`.
fn day(d: NaiveDate, year: i32) -> String {
    if d.year() == year {
        d.format("%-d %b").to_string()
    } else {
        d.format("%-d %b %Y").to_string()
    }
}

/// "9–15 Feb 2027", "26 Jan – 1 Feb 2027", "27 Dec 2026 – 2 Jan 2027".
fn week_span(from: NaiveDate, to: NaiveDate) -> String {
    if from.year() != to.year() {
        format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
    } else if from.month() != to.month() {
        format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y"))
    } else {
        format!("{}–{}", from.format("%-d"), to.format("%-d %b %Y"))
    }
}

/// A share as a whole percentage, half up (62.5 % reads "63 %", as the app shows it).
fn percent(p: f64) -> String {
    format!("{:.0} %", (p * 100.0).round())
}

fn points(change: f64) -> String {
    let pts = (change * 100.0).round();
    if pts == 0.0 {
        "no change this week".into()
    } else if pts > 0.0 {
        format!("+{pts:.0} pts this week")
    } else {
        format!("−{:.0} pts this week", -pts)
    }
}

pub fn health_words(h: Health) -> &'static str {
    match h {
        Health::NotStarted => "not started",
        Health::OnTrack => "on track",
        Health::AtRisk => "at risk",
        Health::OffTrack => "off track",
        Health::Achieved => "achieved",
        Health::Missed => "missed",
        Health::Dropped => "dropped",
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The status report of a weekly review.
pub fn weekly_markdown(view: &ReviewView) -> String {
    let r = &view.review;
    let year = r.as_of.year();
    let objective: HashMap<&str, &str> = view.objectives.iter().map(|o| (o.id.as_str(), o.title.as_str())).collect();
    let key_result: HashMap<&str, &str> = view.key_results.iter().map(|k| (k.id.as_str(), k.title.as_str())).collect();
    let milestone: HashMap<&str, _> = view.milestones.iter().map(|m| (m.id.as_str(), m)).collect();
    let item: HashMap<&str, _> = view.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let name = |map: &HashMap<&str, &str>, id: &str| escape(map.get(id).copied().unwrap_or(id));

    let product = if view.product_name.trim().is_empty() { "Untitled product" } else { view.product_name.as_str() };
    let mut out = format!("# {} — weekly review, {}\n", escape(product), week_span(r.week.from, r.week.to));

    out += "\n## Progress\n\n";
    let mut lines = Vec::new();
    for p in &r.progress {
        let mut line = format!("- {} — ", name(&objective, &p.objective));
        match (p.progress, p.change) {
            (Some(v), Some(c)) => line += &format!("{} ({})", percent(v), points(c)),
            (Some(v), None) => line += &format!("{} (no figure a week ago)", percent(v)),
            (None, _) => line += "no progress yet (no key results)",
        }
        if let Some(h) = p.health {
            line += &format!(", {}", health_words(h));
        }
        lines.push(line);
    }
    for d in &r.checkins_due {
        let last = d.last_checkin.map_or("never checked in".to_string(), |l| format!("last {}", day(l, year)));
        lines.push(format!("- Check-in due: {} ({last})", name(&key_result, &d.key_result)));
    }
    for d in &r.confidence_drops {
        lines.push(format!("- Confidence down: {}, {} → {}", name(&key_result, &d.key_result), percent(d.from), percent(d.to)));
    }
    section(&mut out, lines, "No open objectives this week.");

    out += "\n## Plans\n\n";
    let mut lines = Vec::new();
    let mut milestones = |ids: &[String], what: &str, date: &dyn Fn(&crate::model::Milestone) -> String| {
        for id in ids {
            match milestone.get(id.as_str()) {
                Some(m) => lines.push(format!("- Milestone {what}: {} ({})", escape(&m.title), date(m))),
                None => lines.push(format!("- Milestone {what}: {}", escape(id))),
            }
        }
    };
    milestones(&r.milestones_done, "done", &|m| m.done_on.map_or(String::new(), |d| format!("done {}", day(d, year))));
    milestones(&r.milestones_overdue, "overdue", &|m| format!("due {}", day(m.due, year)));
    milestones(&r.milestones_next, "next", &|m| format!("due {}", day(m.due, year)));
    for id in &r.items_next {
        match item.get(id.as_str()) {
            Some(i) => {
                let start = i.start.map_or(String::new(), |s| day(s, year));
                let until = i.end.map_or(String::new(), |e| format!(" (until {})", day(e, year)));
                lines.push(format!("- Starting {start}: {}{until}", escape(&i.title)));
            }
            None => lines.push(format!("- Starting: {}", escape(id))),
        }
    }
    let baseline = escape(view.baseline_name.as_deref().or(r.baseline.as_deref()).unwrap_or(""));
    for s in &r.slips {
        let title = item.get(s.item.as_str()).map_or(escape(&s.item), |i| escape(&i.title));
        lines.push(format!("- {title} ends {} later than in '{baseline}'", plural(s.days as u64, "day", "days")));
    }
    section(&mut out, lines, "Nothing due.");

    out += "\n## Problems\n\n";
    let mut lines = Vec::new();
    let healths: HashMap<&str, Option<Health>> = r.progress.iter().map(|p| (p.objective.as_str(), p.health)).collect();
    for id in &r.problems.objectives {
        let h =
            healths.get(id.as_str()).copied().flatten().map_or("At risk", |h| if h == Health::OffTrack { "Off track" } else { "At risk" });
        lines.push(format!("- {h}: {}", name(&objective, id)));
    }
    if r.problems.conflicts > 0 {
        lines.push(format!("- {} on the roadmap", plural(r.problems.conflicts as u64, "conflict", "conflicts")));
    }
    section(&mut out, lines, "No goals at risk and no roadmap conflicts.");
    out
}

fn section(out: &mut String, lines: Vec<String>, empty: &str) {
    if lines.is_empty() {
        *out += empty;
        *out += "\n";
    }
    for l in lines {
        *out += &l;
        *out += "\n";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_stay_text() {
        assert_eq!(
            escape("**Bold** # <b>x</b> [a](b) `c` _d_ | ~e~ & \\"),
            "\\*\\*Bold\\*\\* \\# \\<b\\>x\\</b\\> \\[a\\](b) \\`c\\` \\_d\\_ \\| \\~e\\~ \\& \\\\"
        );
        assert_eq!(escape("Raise 30-day retention v1.2\nnext"), "Raise 30-day retention v1.2 next");
        assert_eq!(escape("- not a list"), "\\- not a list");
        assert_eq!(escape("2027. A year"), "2027\\. A year");
    }

    #[test]
    fn weeks_read_as_people_write_them() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(week_span(d("2027-02-09"), d("2027-02-15")), "9–15 Feb 2027");
        assert_eq!(week_span(d("2027-01-26"), d("2027-02-01")), "26 Jan – 1 Feb 2027");
        assert_eq!(week_span(d("2026-12-27"), d("2027-01-02")), "27 Dec 2026 – 2 Jan 2027");
        assert_eq!(points(0.08), "+8 pts this week");
        assert_eq!(points(-0.031), "−3 pts this week");
        assert_eq!(points(0.004), "no change this week");
    }
}
