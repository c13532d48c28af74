//! Closing a cycle (docs/COMPUTATIONS.md, "Closing a cycle"): the active objectives of
//! the cycle become achieved or missed by their progress on its end date, and the
//! missed ones are carried into the next cycle with what is left to do. One function
//! (`close_in`) does it inside a transaction: the close commits it, the preview rolls
//! it back, so what the preview shows is exactly what the close writes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Transaction};

use super::okr::okr_data;
use crate::compute::okr::okr_figures;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store;
use crate::store::okr::record;
use crate::store::snapshot::read_document;
use crate::store::{next_id, not_found, Workspace};
use crate::views::cycle_close::*;

/// Progress is a weighted mean in floating point: (0.1 + 0.2) / 0.3 is not exactly 1.
/// "Progress is 1" is read with this slack (the definition means the number on paper).
const EPSILON: f64 = 1e-9;

fn at_one(p: Option<f64>) -> bool {
    p.is_some_and(|p| p >= 1.0 - EPSILON)
}

impl Workspace {
    /// What closing `cycle` would do, without writing anything: the same computation as
    /// [`Workspace::close_cycle`] (with the ids it would create), refused the same way.
    pub fn preview_cycle_close(&mut self, cycle: &str, carry_to: Option<&str>, as_of: NaiveDate, force: bool) -> Result<CycleClose> {
        // Run the close in a transaction that is never committed: dropping it rolls back.
        // This is the one place that opens a transaction outside `Workspace::write`, and
        // it writes nothing that outlives it.
        let tx = self.conn.transaction()?;
        let (close, _) = close_in(&tx, cycle, carry_to, as_of, force, Utc::now())?;
        drop(tx);
        Ok(close)
    }

    /// Closes `cycle` in one transaction; answers what it did and the edit that reverses it.
    pub fn close_cycle(
        &mut self,
        cycle: &str,
        carry_to: Option<&str>,
        as_of: NaiveDate,
        force: bool,
        now: DateTime<Utc>,
    ) -> Result<ClosedCycle> {
        let (close, undo) = self.write(|tx| close_in(tx, cycle, carry_to, as_of, force, now))?;
        Ok(ClosedCycle { close, undo })
    }

    /// The choices for closing `cycle` as of a date: the default next cycle and the
    /// preview with it (what the app's dialog opens with).
    pub fn cycle_close_defaults(&mut self, cycle: &str, as_of: NaiveDate, force: bool) -> Result<CycleClose> {
        let first = self.preview_cycle_close(cycle, None, as_of, force)?;
        match first.default_next.clone() {
            Some(next) => self.preview_cycle_close(cycle, Some(&next), as_of, force),
            None => Ok(first),
        }
    }
}

/// Appends a revision and answers its row id (an undo removes exactly these rows).
#[allow(clippy::too_many_arguments)]
pub(super) fn revision(
    tx: &Transaction<'_>,
    entity: &str,
    id: &str,
    field: &str,
    old: Option<String>,
    new: Option<String>,
    now: DateTime<Utc>,
) -> Result<i64> {
    record(tx, entity, id, field, old, new, None, now)?;
    Ok(tx.last_insert_rowid())
}

pub(super) fn delete_revisions(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    for id in ids {
        tx.execute("DELETE FROM revisions WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// The close itself, inside the caller's transaction.
pub(super) fn close_in(
    tx: &Transaction<'_>,
    cycle_id: &str,
    carry_to: Option<&str>,
    as_of: NaiveDate,
    force: bool,
    now: DateTime<Utc>,
) -> Result<(CycleClose, GoalEdit)> {
    let doc = read_document(tx)?;
    let rec = format!("cycle \"{cycle_id}\"");
    let cycle = doc.cycles.iter().find(|c| c.id == cycle_id).ok_or_else(|| not_found("cycle", cycle_id))?;
    let mut next: Vec<&Cycle> = doc.cycles.iter().filter(|n| n.start > cycle.start).collect();
    next.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let next_cycles: Vec<String> = next.iter().map(|c| c.id.clone()).collect();

    if !force && as_of <= cycle.end {
        let from = cycle.end.succ_opt().unwrap_or(cycle.end);
        return Err(Error::invalid(
            rec,
            "end",
            format!("Cycle {cycle_id} ends on {}: it can be closed from {from} on (or force the close).", cycle.end),
        ));
    }
    let active: Vec<&Objective> =
        doc.objectives.iter().filter(|o| o.cycle.as_deref() == Some(cycle_id) && o.status == ObjectiveStatus::Active).collect();
    if active.is_empty() {
        return Err(Error::invalid(rec, "status", format!("Cycle {cycle_id} is already closed: none of its objectives is active.")));
    }
    if let Some(n) = carry_to {
        let Some(target) = doc.cycles.iter().find(|c| c.id == n) else {
            return Err(Error::invalid(rec, "carry_to", format!("There is no cycle “{n}” to carry objectives into.")));
        };
        if target.start <= cycle.start {
            return Err(Error::invalid(
                rec,
                "carry_to",
                format!(
                    "Cycle {n} starts on {}, not after {cycle_id} starts ({}): carry objectives into a later cycle.",
                    target.start, cycle.start
                ),
            ));
        }
    }

    // Progress on the cycle's end date, by the same computation as every other figure.
    let figures = okr_figures(&okr_data(&doc), cycle.end);
    let by_id: HashMap<&str, _> = figures.iter().map(|f| (f.id.as_str(), f)).collect();

    let mut revisions = Vec::new();
    let mut statuses = Vec::new();
    let mut outcomes = Vec::new();
    for o in &active {
        let progress = by_id.get(o.id.as_str()).and_then(|f| f.progress);
        let becomes = if at_one(progress) { ObjectiveStatus::Achieved } else { ObjectiveStatus::Missed };
        tx.execute("UPDATE objectives SET status = ?2 WHERE id = ?1", params![o.id, becomes])?;
        revisions.push(revision(tx, "objective", &o.id, "status", Some(o.status.as_str().into()), Some(becomes.as_str().into()), now)?);
        statuses.push(StatusBack { objective: o.id.clone(), status: o.status });
        outcomes.push((o, progress, becomes));
    }

    // Carrying: first the new ids of every carried objective (so that a carried child
    // finds its carried parent whatever the order), then the rows.
    let mut created = Vec::new();
    let mut carried: HashMap<String, CarriedObjective> = HashMap::new();
    if let Some(n) = carry_to {
        let missed: Vec<&Objective> = outcomes.iter().filter(|(_, _, b)| *b == ObjectiveStatus::Missed).map(|(o, _, _)| **o).collect();
        let mut new_ids: HashMap<&str, String> = HashMap::new();
        for o in &missed {
            let id = next_id(tx, "objectives", "o")?;
            // Reserve the id at once: the next call counts rows and skips ids in use.
            store::okr::insert_objective(
                tx,
                &Objective {
                    id: id.clone(),
                    title: o.title.clone(),
                    description: o.description.clone(),
                    cycle: Some(n.to_string()),
                    parent: None,
                    category: o.category,
                    owner: o.owner.clone(),
                    status: ObjectiveStatus::Active,
                    weight: o.weight,
                    ambition: o.ambition,
                    carried_from: Some(o.id.clone()),
                },
            )?;
            new_ids.insert(o.id.as_str(), id);
        }
        let kr_figures: HashMap<&str, _> = figures.iter().flat_map(|f| f.key_results.iter()).map(|k| (k.id.as_str(), k)).collect();
        for o in &missed {
            let id = new_ids[o.id.as_str()].clone();
            let parent = o.parent.as_deref().and_then(|p| new_ids.get(p)).cloned();
            if let Some(p) = &parent {
                tx.execute("UPDATE objectives SET parent = ?2 WHERE id = ?1", params![id, p])?;
            }
            let from_cycle = o.cycle.clone().unwrap_or_default();
            revisions.push(revision(
                tx,
                "objective",
                &id,
                "carried_from",
                None,
                Some(format!("{} ({}, {from_cycle})", o.title, o.id)),
                now,
            )?);
            revisions.push(revision(tx, "objective", &o.id, "carried_to", None, Some(format!("{} ({id}, {n})", o.title)), now)?);

            let mut key_results = Vec::new();
            let mut key_results_left = Vec::new();
            let mut kr_map: HashMap<&str, String> = HashMap::new();
            for kr in doc.key_results.iter().filter(|k| k.objective == o.id) {
                let f = kr_figures.get(kr.id.as_str());
                let progress = f.and_then(|f| f.progress);
                if at_one(progress) {
                    key_results_left.push(kr.id.clone());
                    continue;
                }
                // Undefined progress is not 1: such a key result still has work left.
                let baseline = f.and_then(|f| f.current).or(kr.baseline);
                let new_kr = next_id(tx, "key_results", "kr")?;
                let input = KeyResultInput {
                    title: kr.title.clone(),
                    kind: kr.kind,
                    unit: kr.unit.clone(),
                    baseline,
                    target: kr.target,
                    weight: kr.weight,
                    kpi: kr.kpi.clone(),
                };
                store::okr::insert_key_result(tx, &new_kr, &id, &input, &kr.title, kr.unit.as_deref())?;
                revisions.push(revision(tx, "key_result", &new_kr, "created", None, Some(kr.title.clone()), now)?);
                kr_map.insert(kr.id.as_str(), new_kr.clone());
                key_results.push(CarriedKeyResult {
                    from: kr.id.clone(),
                    id: new_kr,
                    title: kr.title.clone(),
                    unit: kr.unit.clone(),
                    old_baseline: kr.baseline,
                    baseline,
                    target: kr.target,
                    progress,
                });
            }
            let mut milestones = Vec::new();
            let mut m_map: HashMap<&str, String> = HashMap::new();
            for m in doc.milestones.iter().filter(|m| m.objective.as_deref() == Some(o.id.as_str())) {
                if m.done_on.is_some_and(|d| d <= cycle.end) {
                    continue;
                }
                let new_m = next_id(tx, "milestones", "m")?;
                let input = MilestoneInput {
                    objective: Some(id.clone()),
                    title: m.title.clone(),
                    due: m.due,
                    roadmap_item: m.roadmap_item.clone(),
                };
                store::okr::insert_milestone(tx, &new_m, &input, &m.title)?;
                m_map.insert(m.id.as_str(), new_m.clone());
                milestones.push(CarriedMilestone { from: m.id.clone(), id: new_m, title: m.title.clone(), due: m.due });
            }
            let mut bound = HashSet::new();
            for b in &doc.key_result_milestones {
                if let (Some(k), Some(m)) = (kr_map.get(b.key_result.as_str()), m_map.get(b.milestone.as_str())) {
                    if bound.insert((k.clone(), m.clone())) {
                        store::okr::bind_milestone(tx, k, m)?;
                    }
                }
            }
            created.push(id.clone());
            carried.insert(o.id.clone(), CarriedObjective { id, parent, key_results, key_results_left, milestones });
        }
    }

    let objectives = outcomes
        .into_iter()
        .map(|(o, progress, becomes)| ClosingObjective {
            id: o.id.clone(),
            title: o.title.clone(),
            progress,
            becomes,
            carried: carried.remove(&o.id),
        })
        .collect();
    let close = CycleClose {
        cycle: cycle_id.to_string(),
        end: cycle.end,
        carry_to: carry_to.map(str::to_string),
        default_next: next_cycles.first().cloned(),
        next_cycles,
        objectives,
    };
    let undo =
        GoalEdit::ReopenCycle { cycle: cycle_id.to_string(), carry_to: carry_to.map(str::to_string), as_of, statuses, created, revisions };
    Ok((close, undo))
}

/// The undo of a close, inside the caller's transaction: answers the close again (for redo).
pub(super) fn reopen_in(
    tx: &Transaction<'_>,
    cycle: &str,
    carry_to: Option<&str>,
    as_of: NaiveDate,
    statuses: &[StatusBack],
    created: &[String],
    revisions: &[i64],
) -> Result<GoalEdit> {
    for id in created {
        if !store::delete(tx, "objectives", id)? {
            return Err(not_found("objective", id));
        }
    }
    for s in statuses {
        if tx.execute("UPDATE objectives SET status = ?2 WHERE id = ?1", params![s.objective, s.status])? == 0 {
            return Err(not_found("objective", &s.objective));
        }
    }
    delete_revisions(tx, revisions)?;
    // Redo closes again; it was allowed when first applied, so it is forced now.
    Ok(GoalEdit::CloseCycle { cycle: cycle.to_string(), carry_to: carry_to.map(str::to_string), as_of, force: true })
}
