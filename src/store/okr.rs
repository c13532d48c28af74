//! Cycles, objectives, key results, check-ins and milestones: validated edits, each one
//! transaction with its revisions; and the OKR view and report assembled from them.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::snapshot::{key_result_from_row, objective_from_row, KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS};
use super::{exists, not_found};
use crate::compute::okr::OkrData;
use crate::error::{Error, Result};
use crate::interchange::Document;
use crate::model::*;

pub(crate) const MAX_TITLE_CHARS: usize = 200;

pub(crate) fn okr_data(doc: &Document) -> OkrData<'_> {
    OkrData {
        cycles: &doc.cycles,
        objectives: &doc.objectives,
        key_results: &doc.key_results,
        checkins: &doc.checkins,
        milestones: &doc.milestones,
        key_result_milestones: &doc.key_result_milestones,
    }
}

pub(crate) fn validate_objective(tx: &Transaction<'_>, id: Option<&str>, input: &ObjectiveInput) -> Result<()> {
    const REC: &str = "objective";
    title(REC, &input.title)?;
    let cycle_start: Option<String> = match &input.cycle {
        Some(c) => {
            if !exists(tx, "cycles", c)? {
                return Err(Error::invalid(REC, "cycle", format!("There is no cycle “{c}”.")));
            }
            Some(c.clone())
        }
        None => None,
    };
    if let Some(parent) = &input.parent {
        if Some(parent.as_str()) == id {
            return Err(Error::invalid(REC, "parent", "An objective cannot be its own parent."));
        }
        let parent_cycle: Option<Option<String>> =
            tx.query_row("SELECT cycle FROM objectives WHERE id = ?1", [parent], |r| r.get(0)).optional()?;
        let Some(parent_cycle) = parent_cycle else {
            return Err(Error::invalid(REC, "parent", format!("There is no objective “{parent}”.")));
        };
        if let (Some(mine), Some(theirs)) = (&cycle_start, &parent_cycle) {
            if mine != theirs {
                return Err(Error::invalid(
                    REC,
                    "parent",
                    format!("The parent objective is in cycle {theirs}, this one in {mine}: align objectives within one cycle."),
                ));
            }
        }
        if let Some(id) = id {
            // Walking up from the new parent must never reach this objective.
            let mut at = Some(parent.clone());
            let mut steps = 0;
            while let Some(p) = at {
                if p == id {
                    return Err(Error::invalid(
                        REC,
                        "parent",
                        "That parent is one of this objective's own sub-objectives: the tree would loop.",
                    ));
                }
                steps += 1;
                if steps > 10_000 {
                    break;
                }
                at = tx.query_row("SELECT parent FROM objectives WHERE id = ?1", [&p], |r| r.get(0)).optional()?.flatten();
            }
        }
    }
    weight(REC, input.weight)
}

pub(crate) fn validate_key_result(tx: &Transaction<'_>, input: &KeyResultInput) -> Result<()> {
    const REC: &str = "key result";
    title(REC, &input.title)?;
    for (field, v) in [("baseline", input.baseline), ("target", input.target)] {
        if v.is_some_and(|v| !v.is_finite()) {
            return Err(Error::invalid(REC, field, "Enter a finite number."));
        }
    }
    if let (Some(b), Some(t)) = (input.baseline, input.target) {
        match input.kind {
            KeyResultKind::Increase if t <= b => {
                return Err(Error::invalid(
                    REC,
                    "target",
                    format!("An increase needs a target above the baseline ({b}); for a decrease choose the kind “decrease”."),
                ))
            }
            KeyResultKind::Decrease if t >= b => {
                return Err(Error::invalid(
                    REC,
                    "target",
                    format!("A decrease needs a target below the baseline ({b}); for an increase choose the kind “increase”."),
                ))
            }
            _ => {}
        }
    }
    if input.kind.moves() && input.baseline.is_none() {
        return Err(Error::invalid(REC, "baseline", "Set the baseline: the value the key result starts from."));
    }
    weight(REC, input.weight)?;
    if let Some(k) = &input.kpi {
        if !exists(tx, "kpis", k)? {
            return Err(Error::invalid(REC, "kpi", format!("There is no KPI “{k}”.")));
        }
    }
    Ok(())
}

pub(crate) fn validate_milestone(tx: &Transaction<'_>, input: &MilestoneInput) -> Result<()> {
    const REC: &str = "milestone";
    title(REC, &input.title)?;
    if let Some(o) = &input.objective {
        if !exists(tx, "objectives", o)? {
            return Err(Error::invalid(REC, "objective", format!("There is no objective “{o}”.")));
        }
    }
    if let Some(r) = &input.roadmap_item {
        if !exists(tx, "roadmap_items", r)? {
            return Err(Error::invalid(REC, "roadmap_item", format!("There is no roadmap item “{r}”.")));
        }
    }
    Ok(())
}

pub(crate) fn title(rec: &str, t: &str) -> Result<()> {
    let t = t.trim();
    if t.is_empty() {
        return Err(Error::invalid(rec, "title", "The title cannot be empty."));
    }
    if t.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(rec, "title", format!("The title is too long: at most {MAX_TITLE_CHARS} characters.")));
    }
    Ok(())
}

pub(crate) fn weight(rec: &str, w: Option<f64>) -> Result<()> {
    match w {
        Some(w) if !w.is_finite() || w < 0.0 => {
            Err(Error::invalid(rec, "weight", "The weight must be a number of 0 or more (1 is the default)."))
        }
        _ => Ok(()),
    }
}

pub(crate) fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Numbers in revisions are written the way JSON writes them.
pub(crate) fn num(v: f64) -> String {
    serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_else(|| v.to_string())
}

pub(crate) fn read_objective(tx: &Transaction<'_>, id: &str) -> Result<Objective> {
    tx.query_row(&format!("SELECT {OBJECTIVE_COLUMNS} FROM objectives WHERE id = ?1"), [id], objective_from_row)
        .optional()?
        .ok_or_else(|| not_found("objective", id))
}

pub(crate) fn read_key_result(tx: &Transaction<'_>, id: &str) -> Result<KeyResult> {
    tx.query_row(&format!("SELECT {KEY_RESULT_COLUMNS} FROM key_results WHERE id = ?1"), [id], key_result_from_row)
        .optional()?
        .ok_or_else(|| not_found("key result", id))
}

/// Appends a revision row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record(
    tx: &Transaction<'_>,
    entity: &str,
    id: &str,
    field: &str,
    old: Option<String>,
    new: Option<String>,
    reason: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO revisions (entity, entity_id, field, old_value, new_value, changed_at, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![entity, id, field, old, new, now.to_rfc3339_opts(SecondsFormat::Secs, true), reason],
    )?;
    Ok(())
}
