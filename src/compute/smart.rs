//! The SMART check of objectives and key results: each finding names the criterion
//! that fails and says, in a sentence, what to fix.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::model::{CheckIn, Cycle, KeyResult, KeyResultKind, Measurement, Objective};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SmartCriterion {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SmartFinding {
    pub criterion: SmartCriterion,
    pub message: String,
}

/// Words that promise a direction without saying how far.
const VAGUE_WORDS: &[&str] = &[
    "better",
    "improve",
    "improved",
    "improving",
    "optimize",
    "optimise",
    "optimized",
    "enhance",
    "enhanced",
    "boost",
    "more",
    "great",
    "best",
    "world-class",
    "awesome",
    "good",
    "nicer",
    "faster",
    "easier",
];

/// True when the text leans on a vague word and carries no number.
pub fn is_vague(text: &str) -> Option<&'static str> {
    if text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let lower = text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric() && c != '-').find_map(|w| VAGUE_WORDS.iter().copied().find(|v| *v == w))
}

/// Findings about an objective itself. An objective measured through aligned child
/// objectives (`children > 0`) needs no key results of its own.
pub fn check_objective(o: &Objective, cycle: Option<&Cycle>, key_results: &[&KeyResult], children: usize) -> Vec<SmartFinding> {
    let mut out = Vec::new();
    if key_results.is_empty() && children == 0 {
        out.push(finding(
            SmartCriterion::Specific,
            "It has no key result: add 2–5 measurable results, e.g. “Raise 30-day retention from 40% to 46%”.".into(),
        ));
    }
    if let Some(word) = is_vague(&o.title) {
        out.push(finding(
            SmartCriterion::Specific,
            format!("“{word}” with no number says nothing about how much: name the result, e.g. “Raise activation from 22% to 30%”."),
        ));
    }
    let unmeasured = key_results.iter().filter(|k| k.kind != KeyResultKind::Milestone && (k.target.is_none() || blank(&k.unit))).count();
    if unmeasured > 0 {
        out.push(finding(
            SmartCriterion::Measurable,
            format!("{unmeasured} of its key results lack a target or a unit: set both so progress can be measured."),
        ));
    }
    if o.parent.is_none() && o.category.is_none() {
        out.push(finding(
            SmartCriterion::Relevant,
            "It is not aligned: choose a parent objective or a category (strategy, execution, customer value, adoption, team growth)."
                .into(),
        ));
    }
    if cycle.is_none() {
        out.push(finding(SmartCriterion::TimeBound, "It has no deadline: put it in a cycle, e.g. 2027-Q1.".into()));
    }
    out
}

/// Findings about one key result. `history` is what has been seen of its metric:
/// its check-ins, or its bound KPI's measurements when it has fewer than two.
pub fn check_key_result(
    kr: &KeyResult,
    cycle: Option<&Cycle>,
    as_of: NaiveDate,
    checkins: &[&CheckIn],
    kpi_history: &[&Measurement],
) -> Vec<SmartFinding> {
    let mut out = Vec::new();
    if let Some(word) = is_vague(&kr.title) {
        if kr.target.is_none() {
            out.push(finding(
                SmartCriterion::Specific,
                format!("“{word}” is not a result: say from what to what, e.g. “load time from 3.2 s to 2.2 s”."),
            ));
        }
    }
    if kr.kind != KeyResultKind::Milestone {
        if kr.target.is_none() {
            out.push(finding(SmartCriterion::Measurable, "It has no target: set the value that counts as done.".into()));
        }
        if blank(&kr.unit) {
            out.push(finding(SmartCriterion::Measurable, "It has no unit: say what is counted (%, users, s, …).".into()));
        }
    }
    if let (true, Some(target), Some(cycle)) = (kr.kind.moves(), kr.target, cycle) {
        let points: Vec<(NaiveDate, f64)> = if checkins.len() >= 2 {
            checkins.iter().map(|c| (c.date, c.value)).collect()
        } else {
            kpi_history.iter().map(|m| (m.date, m.value)).collect()
        };
        let current = checkins.last().map(|c| c.value).or(kr.baseline);
        let days_left = (cycle.end - as_of.max(cycle.start)).num_days();
        if let (Some(current), Some(best)) = (current, best_rate(&points, kr.kind == KeyResultKind::Increase)) {
            if days_left > 0 && (target - current).abs() > f64::EPSILON {
                let required = (target - current).abs() / days_left as f64;
                if best > 0.0 && required > 2.0 * best {
                    out.push(finding(
                        SmartCriterion::Achievable,
                        format!(
                            "It needs {:.3} {} a day until {}, more than twice the best pace seen so far ({:.3} a day): \
                             lower the target, extend the deadline, or plan what will change the pace.",
                            required,
                            kr.unit.as_deref().unwrap_or("units"),
                            cycle.end,
                            best
                        ),
                    ));
                } else if best <= 0.0 {
                    out.push(finding(
                        SmartCriterion::Achievable,
                        "The metric has not moved toward the target yet: check that the plan can move it at all.".into(),
                    ));
                }
            }
        }
    }
    if cycle.is_none() {
        out.push(finding(SmartCriterion::TimeBound, "Its objective has no cycle, so it has no deadline.".into()));
    }
    out
}

/// The fastest move toward the target between two consecutive readings, per day.
fn best_rate(points: &[(NaiveDate, f64)], upward: bool) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let mut sorted = points.to_vec();
    sorted.sort_by_key(|p| p.0);
    sorted
        .windows(2)
        .filter_map(|w| {
            let days = (w[1].0 - w[0].0).num_days();
            (days > 0).then(|| {
                let delta = w[1].1 - w[0].1;
                (if upward { delta } else { -delta }) / days as f64
            })
        })
        .reduce(f64::max)
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn finding(criterion: SmartCriterion, message: String) -> SmartFinding {
    SmartFinding { criterion, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_words_without_numbers_are_found() {
        assert_eq!(is_vague("Improve onboarding"), Some("improve"));
        assert_eq!(is_vague("Make reporting better"), Some("better"));
        assert_eq!(is_vague("Improve activation from 22% to 30%"), None);
        assert_eq!(is_vague("Raise 30-day retention"), None);
    }
}
