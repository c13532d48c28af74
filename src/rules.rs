//! The domain's rules for single records: names that are not empty, dates in order,
//! numbers finite and in range, colours that are colours, references that resolve,
//! graphs without cycles. Every edit (the application layer) and the whole-document
//! check of an import (`crate::interchange::validate`) use them, so a record is held
//! to the same rules however it arrives. Pure: no storage, no clock.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::model::{Lane, RoadmapItem};

/// The longest name or title a record takes, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// The longest feedback text kept, in characters (a long interview transcript fits).
pub(crate) const MAX_TEXT_CHARS: usize = 20_000;

/// The longest title of a goal (objective, key result, milestone), in characters.
pub(crate) const MAX_TITLE_CHARS: usize = 200;

/// Longest product name accepted; it titles windows and exported pictures.
pub(crate) const MAX_PRODUCT_NAME_CHARS: usize = 120;

/// A required one-line text (a name or title): trimmed, not empty, not too long.
pub(crate) fn required_name(record: &str, field: &str, text: &str) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(record, field, format!("The {field} cannot be empty.")));
    }
    if t.chars().count() > MAX_NAME_CHARS {
        return Err(Error::invalid(record, field, format!("The {field} is too long: at most {MAX_NAME_CHARS} characters.")));
    }
    Ok(t.to_string())
}

/// An optional text: trimmed, and absent when blank.
pub(crate) fn optional_text(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// The rules of one lane: a name, and a colour that is a colour.
pub(crate) fn lane_rules(l: &Lane) -> Result<()> {
    let rec = named("lane", &l.id);
    not_blank(&rec, "name", &l.name)?;
    if let Some(color) = &l.color {
        if !is_hex_color(color) {
            return Err(Error::invalid(rec, "color", format!("\"{color}\" is not a colour: use #rrggbb, e.g. #4f7cff.")));
        }
    }
    Ok(())
}

/// The rules of one roadmap item, given the ids that exist. Dependency cycles are
/// checked over the whole graph elsewhere.
pub(crate) fn item_rules(
    r: &RoadmapItem,
    lanes: &HashSet<&str>,
    objectives: &HashSet<&str>,
    key_results: &HashSet<&str>,
    items: &HashSet<&str>,
) -> Result<()> {
    let rec = named("roadmap item", &r.id);
    not_blank(&rec, "title", &r.title)?;
    reference(&rec, "lane", Some(&r.lane), lanes, "lane")?;
    match (r.start, r.end) {
        (Some(s), Some(e)) if e < s => return Err(Error::invalid(rec, "end", format!("The item ends ({e}) before it starts ({s})."))),
        (Some(_), None) => return Err(Error::invalid(rec, "end", "The item has a start but no end.")),
        (None, Some(_)) => return Err(Error::invalid(rec, "start", "The item has an end but no start.")),
        _ => {}
    }
    list(&rec, "objectives", &r.objectives, objectives, "objective")?;
    list(&rec, "key_results", &r.key_results, key_results, "key result")?;
    list(&rec, "depends_on", &r.depends_on, items, "roadmap item")?;
    if let Some(key) = &r.external_key {
        not_blank(&rec, "external_key", key)?;
    }
    if r.depends_on.iter().any(|d| d == &r.id) {
        return Err(Error::invalid(rec, "depends_on", "An item cannot depend on itself."));
    }
    if let Some(rice) = &r.rice {
        finite(&rec, "rice.reach", rice.reach)?;
        finite(&rec, "rice.impact", rice.impact)?;
        finite(&rec, "rice.effort", rice.effort)?;
        if rice.reach < 0.0 {
            return Err(Error::invalid(rec, "rice.reach", "Reach cannot be negative."));
        }
        if rice.impact < 0.0 {
            return Err(Error::invalid(rec, "rice.impact", "Impact cannot be negative."));
        }
        unit_interval(&rec, "rice.confidence", rice.confidence)?;
        if rice.effort <= 0.0 {
            return Err(Error::invalid(rec, "rice.effort", "Effort must be greater than 0."));
        }
    }
    if let Some(ice) = &r.ice {
        for (field, v) in [("ice.impact", ice.impact), ("ice.confidence", ice.confidence), ("ice.ease", ice.ease)] {
            finite(&rec, field, v)?;
            if !(1.0..=10.0).contains(&v) {
                return Err(Error::invalid(rec, field, format!("{v} is out of range: ICE scores go from 1 to 10.")));
            }
        }
    }
    Ok(())
}

pub(crate) fn named(kind: &str, id: &str) -> String {
    format!("{kind} \"{id}\"")
}

/// Collects the ids of one kind, refusing empty and duplicate ones.
pub(crate) fn ids<'a>(kind: &str, all: impl Iterator<Item = &'a str>) -> Result<HashSet<&'a str>> {
    let mut seen = HashSet::new();
    for id in all {
        if id.trim().is_empty() {
            return Err(Error::invalid(format!("{kind} \"{id}\""), "id", format!("Every {kind} needs a non-empty id.")));
        }
        if !seen.insert(id) {
            return Err(Error::invalid(
                named(kind, id),
                "id",
                format!("Two records of kind {kind} have the id \"{id}\"; ids must be unique."),
            ));
        }
    }
    Ok(seen)
}

pub(crate) fn reference(rec: &str, field: &str, target: Option<&str>, known: &HashSet<&str>, kind: &str) -> Result<()> {
    match target {
        Some(t) if !known.contains(t) => {
            Err(Error::invalid(rec, field, format!("It refers to {kind} \"{t}\", which does not exist in this document.")))
        }
        _ => Ok(()),
    }
}

pub(crate) fn list(rec: &str, field: &str, targets: &[String], known: &HashSet<&str>, kind: &str) -> Result<()> {
    let mut seen = HashSet::new();
    for t in targets {
        reference(rec, field, Some(t), known, kind)?;
        if !seen.insert(t.as_str()) {
            return Err(Error::invalid(rec, field, format!("\"{t}\" is listed twice.")));
        }
    }
    Ok(())
}

pub(crate) fn not_blank(rec: &str, field: &str, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(rec, field, format!("The {field} cannot be empty.")));
    }
    Ok(())
}

pub(crate) fn finite(rec: &str, field: &str, v: f64) -> Result<()> {
    if !v.is_finite() {
        return Err(Error::invalid(rec, field, format!("{v} is not a finite number.")));
    }
    Ok(())
}

pub(crate) fn finite_opt(rec: &str, field: &str, v: Option<f64>) -> Result<()> {
    v.map_or(Ok(()), |v| finite(rec, field, v))
}

pub(crate) fn weight(rec: &str, w: Option<f64>) -> Result<()> {
    if let Some(w) = w {
        finite(rec, "weight", w)?;
        if w < 0.0 {
            return Err(Error::invalid(rec, "weight", format!("The weight {w} is negative; weights are 0 or more.")));
        }
    }
    Ok(())
}

pub(crate) fn unit_interval(rec: &str, field: &str, v: f64) -> Result<()> {
    finite(rec, field, v)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(Error::invalid(rec, field, format!("{v} is out of range: confidence goes from 0 to 1.")));
    }
    Ok(())
}

pub(crate) fn is_hex_color(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

/// Finds a cycle in a graph given as node → successors; returns the path around it.
pub(crate) fn find_cycle<'a>(nodes: &[&'a str], next: &HashMap<&'a str, Vec<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    for &start in nodes {
        if marks.contains_key(start) {
            continue;
        }
        // Iterative depth-first search; `path` is the current chain.
        let mut path: Vec<(&str, usize)> = vec![(start, 0)];
        marks.insert(start, Mark::Open);
        while let Some((node, child)) = path.last().copied() {
            let succ = next.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if child < succ.len() {
                path.last_mut().unwrap().1 += 1;
                let n = succ[child];
                match marks.get(n) {
                    Some(Mark::Open) => {
                        let from = path.iter().position(|(p, _)| *p == n).unwrap_or(0);
                        let mut cycle: Vec<&str> = path[from..].iter().map(|(p, _)| *p).collect();
                        cycle.push(n);
                        return Some(cycle);
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(n, Mark::Open);
                        path.push((n, 0));
                    }
                }
            } else {
                marks.insert(node, Mark::Done);
                path.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_or_overlong_name_is_refused_at_its_field_and_a_good_one_is_trimmed() {
        let e = required_name("KPI", "name", "   ").unwrap_err();
        assert_eq!((e.record.as_deref(), e.field.as_deref()), (Some("KPI"), Some("name")));
        let e = required_name("KPI", "name", &"x".repeat(MAX_NAME_CHARS + 1)).unwrap_err();
        assert!(e.message.contains("too long"), "{}", e.message);
        assert_eq!(required_name("KPI", "name", "  Activation  ").unwrap(), "Activation");
    }

    #[test]
    fn an_item_that_ends_before_it_starts_is_refused_at_its_end() {
        let item = RoadmapItem {
            start: chrono::NaiveDate::from_ymd_opt(2027, 3, 1),
            end: chrono::NaiveDate::from_ymd_opt(2027, 2, 1),
            ..RoadmapItem::new("r1", "l1", "Search")
        };
        let lanes: HashSet<&str> = ["l1"].into();
        let e = item_rules(&item, &lanes, &HashSet::new(), &HashSet::new(), &HashSet::new()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("end"));
    }

    #[test]
    fn a_dependency_loop_is_found_with_its_path() {
        let next: HashMap<&str, Vec<&str>> = [("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"])].into();
        assert_eq!(find_cycle(&["a", "b", "c"], &next), Some(vec!["a", "b", "c", "a"]));
        let next: HashMap<&str, Vec<&str>> = [("a", vec!["b"]), ("b", vec![])].into();
        assert_eq!(find_cycle(&["a", "b"], &next), None);
    }
}
