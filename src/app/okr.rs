//! Cycles, objectives, key results, check-ins and milestones: checked edits, each one
//! transaction with its revisions; and the OKR view, report and history assembled from them.

use crate::compute::okr::OkrData;
use crate::compute::okr::{lowest_confidence, okr_figures};
use crate::compute::smart::{check_key_result, check_objective};
use crate::error::{Error, ErrorCode, Result};
use crate::interchange::Document;
use crate::model::*;
use crate::rules::MAX_TITLE_CHARS;
use crate::store;
use crate::store::exists;
use crate::store::okr::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::okr::*;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Transaction;
use std::collections::HashMap;

impl Workspace {
    pub fn create_cycle(&mut self, cycle: &Cycle) -> Result<()> {
        let id = cycle.id.trim();
        if id.is_empty() {
            return Err(Error::invalid("cycle", "id", "Give the cycle a name, e.g. 2027-Q1."));
        }
        if cycle.end < cycle.start {
            return Err(Error::invalid("cycle", "end", format!("The cycle ends ({}) before it starts ({}).", cycle.end, cycle.start)));
        }
        self.write(|tx| {
            if exists(tx, "cycles", id)? {
                return Err(Error::invalid("cycle", "id", format!("A cycle named “{id}” already exists.")));
            }
            store::okr::insert_cycle(tx, &Cycle { id: id.to_string(), ..cycle.clone() })?;
            Ok(())
        })
    }

    /// Creates an objective and returns its generated id.
    pub fn create_objective(&mut self, input: &ObjectiveInput, now: DateTime<Utc>) -> Result<String> {
        self.write(|tx| {
            validate_objective(tx, None, input)?;
            let id = next_id(tx, "objectives", "o")?;
            store::okr::insert_objective(tx, &objective_of(&id, input))?;
            record(tx, "objective", &id, "created", None, Some(input.title.trim().to_string()), None, now)?;
            Ok(id)
        })
    }

    /// Edits an objective, recording one revision per changed field. A `reason` marks
    /// the change as a deliberate adjustment of the goal.
    pub fn update_objective(&mut self, id: &str, input: &ObjectiveInput, reason: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = read_objective(tx, id)?;
            validate_objective(tx, Some(id), input)?;
            let new = Objective { carried_from: old.carried_from.clone(), ..objective_of(id, input) };
            store::okr::update_objective(tx, &new)?;
            let reason = reason.map(str::trim).filter(|r| !r.is_empty());
            for (field, before, after) in [
                ("title", Some(old.title.clone()), Some(new.title.clone())),
                ("description", old.description.clone(), new.description.clone()),
                ("cycle", old.cycle.clone(), new.cycle.clone()),
                ("parent", old.parent.clone(), new.parent.clone()),
                ("category", old.category.map(|c| c.as_str().into()), new.category.map(|c| c.as_str().into())),
                ("owner", old.owner.clone(), new.owner.clone()),
                ("status", Some(old.status.as_str().into()), Some(new.status.as_str().into())),
                ("weight", old.weight.map(num), new.weight.map(num)),
                ("ambition", Some(old.ambition.as_str().into()), Some(new.ambition.as_str().into())),
            ] {
                if before != after {
                    record(tx, "objective", id, field, before, after, reason, now)?;
                }
            }
            Ok(())
        })
    }

    /// Deletes an objective with its key results, check-ins and milestones.
    pub fn delete_objective(&mut self, id: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = read_objective(tx, id)?;
            store::delete(tx, "objectives", id)?;
            record(tx, "objective", id, "deleted", Some(old.title), None, None, now)
        })
    }

    pub fn create_key_result(&mut self, objective: &str, input: &KeyResultInput, now: DateTime<Utc>) -> Result<String> {
        self.write(|tx| {
            if !exists(tx, "objectives", objective)? {
                return Err(not_found("objective", objective));
            }
            validate_key_result(tx, input)?;
            let id = next_id(tx, "key_results", "kr")?;
            store::okr::insert_key_result(tx, &id, objective, input, input.title.trim(), clean(&input.unit).as_deref())?;
            record(tx, "key_result", &id, "created", None, Some(input.title.trim().to_string()), None, now)?;
            Ok(id)
        })
    }

    pub fn update_key_result(&mut self, id: &str, input: &KeyResultInput, reason: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = read_key_result(tx, id)?;
            validate_key_result(tx, input)?;
            let unit = clean(&input.unit);
            store::okr::update_key_result(tx, id, input, input.title.trim(), unit.as_deref())?;
            let reason = reason.map(str::trim).filter(|r| !r.is_empty());
            for (field, before, after) in [
                ("title", Some(old.title.clone()), Some(input.title.trim().to_string())),
                ("kind", Some(old.kind.as_str().into()), Some(input.kind.as_str().into())),
                ("unit", old.unit.clone(), unit.clone()),
                ("baseline", old.baseline.map(num), input.baseline.map(num)),
                ("target", old.target.map(num), input.target.map(num)),
                ("weight", old.weight.map(num), input.weight.map(num)),
                ("kpi", old.kpi.clone(), input.kpi.clone()),
            ] {
                if before != after {
                    record(tx, "key_result", id, field, before, after, reason, now)?;
                }
            }
            Ok(())
        })
    }

    pub fn delete_key_result(&mut self, id: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = read_key_result(tx, id)?;
            store::delete(tx, "key_results", id)?;
            record(tx, "key_result", id, "deleted", Some(old.title), None, None, now)
        })
    }

    /// Records a check-in: a dated value with the team's confidence.
    pub fn add_checkin(&mut self, c: &CheckIn) -> Result<()> {
        self.write(|tx| {
            let kr = read_key_result(tx, &c.key_result)?;
            let rec = format!("key result \"{}\"", kr.id);
            if !c.value.is_finite() {
                return Err(Error::invalid(rec, "value", "The value must be a finite number."));
            }
            if let Some(conf) = c.confidence {
                if !(0.0..=1.0).contains(&conf) {
                    return Err(Error::invalid(rec, "confidence", format!("Confidence {conf} is out of range: use 0 to 1 (e.g. 0.7).")));
                }
            }
            let start = store::okr::cycle_start_of(tx, &kr.objective)?;
            if let Some(start) = start.filter(|s| c.date < *s) {
                return Err(Error::invalid(rec, "date", format!("The check-in ({}) is before its cycle starts ({start}).", c.date)));
            }
            store::okr::insert_checkin(tx, &CheckIn { note: clean(&c.note), ..c.clone() })?;
            Ok(())
        })
    }

    pub fn create_milestone(&mut self, input: &MilestoneInput) -> Result<String> {
        self.write(|tx| {
            validate_milestone(tx, input)?;
            let id = next_id(tx, "milestones", "m")?;
            store::okr::insert_milestone(tx, &id, input, input.title.trim())?;
            Ok(id)
        })
    }

    pub fn update_milestone(&mut self, id: &str, input: &MilestoneInput) -> Result<()> {
        self.write(|tx| {
            validate_milestone(tx, input)?;
            if !store::okr::update_milestone(tx, id, input, input.title.trim())? {
                return Err(not_found("milestone", id));
            }
            Ok(())
        })
    }

    /// Marks a milestone done on a date, or not done (`None`).
    pub fn set_milestone_done(&mut self, id: &str, done_on: Option<NaiveDate>) -> Result<()> {
        self.write(|tx| {
            if !store::okr::set_milestone_done(tx, id, done_on)? {
                return Err(not_found("milestone", id));
            }
            Ok(())
        })
    }

    pub fn delete_milestone(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !store::delete(tx, "milestones", id)? {
                return Err(not_found("milestone", id));
            }
            Ok(())
        })
    }

    /// Binds (or unbinds) a milestone to a milestone-kind key result.
    pub fn bind_milestone(&mut self, key_result: &str, milestone: &str, bound: bool) -> Result<()> {
        self.write(|tx| {
            let kr = read_key_result(tx, key_result)?;
            if !exists(tx, "milestones", milestone)? {
                return Err(not_found("milestone", milestone));
            }
            if bound {
                if kr.kind != KeyResultKind::Milestone {
                    return Err(Error::invalid(
                        format!("key result \"{key_result}\""),
                        "kind",
                        "Only a key result of kind milestone can be bound to milestones.",
                    ));
                }
                store::okr::bind_milestone(tx, key_result, milestone)?;
            } else {
                store::okr::unbind_milestone(tx, key_result, milestone)?;
            }
            Ok(())
        })
    }

    pub fn record_pivot(&mut self, date: NaiveDate, kind: PivotKind, description: &str) -> Result<()> {
        let description = description.trim();
        if description.is_empty() {
            return Err(Error::invalid("pivot", "description", "Say what changed and why."));
        }
        self.write(|tx| store::okr::insert_pivot(tx, date, kind, description))
    }

    /// Every revision of the product, objectives and key results, and every pivot, newest first.
    pub fn history(&self) -> Result<HistoryView> {
        let entries = store::okr::history_entries(&self.conn)?;
        let pivots = store::okr::pivots(&self.conn)?;
        Ok(HistoryView { entries, pivots })
    }

    /// The figures of every objective (optionally of one cycle) as of a date.
    pub fn okr_report(&self, as_of: NaiveDate, cycle: Option<&str>) -> Result<OkrReport> {
        let doc = self.document()?;
        if let Some(c) = cycle {
            if !doc.cycles.iter().any(|x| x.id == c) {
                return Err(Error::new(ErrorCode::NotFound, format!("There is no cycle \"{c}\".")));
            }
        }
        let objectives =
            okr_figures(&okr_data(&doc), as_of).into_iter().filter(|o| cycle.is_none_or(|c| o.cycle.as_deref() == Some(c))).collect();
        Ok(OkrReport { as_of, objectives })
    }

    /// The OKRs view of one cycle (default: the one containing `as_of`, else the latest).
    pub fn okr_view(&self, cycle: Option<&str>, as_of: NaiveDate) -> Result<OkrView> {
        let doc = self.document()?;
        let shown = match cycle {
            Some(c) if doc.cycles.iter().any(|x| x.id == c) => Some(c.to_string()),
            Some(c) => return Err(Error::new(ErrorCode::NotFound, format!("There is no cycle \"{c}\"."))),
            None => doc
                .cycles
                .iter()
                .find(|c| c.start <= as_of && as_of <= c.end)
                .or_else(|| doc.cycles.iter().max_by_key(|c| c.end))
                .map(|c| c.id.clone()),
        };
        let figures = okr_figures(&okr_data(&doc), as_of);
        let cycles: HashMap<&str, &Cycle> = doc.cycles.iter().map(|c| (c.id.as_str(), c)).collect();
        let adjustments = self.latest_adjustments()?;

        let all_objectives = figures
            .iter()
            .map(|f| ObjectiveSummary {
                id: f.id.clone(),
                title: f.title.clone(),
                cycle: f.cycle.clone(),
                parent: f.parent.clone(),
                progress: f.progress,
            })
            .collect();
        let objectives = doc
            .objectives
            .iter()
            .zip(figures)
            .filter(|(o, _)| o.cycle == shown || (shown.is_none() && o.cycle.is_none()))
            .map(|(o, figures)| {
                let cycle = o.cycle.as_deref().and_then(|c| cycles.get(c).copied());
                let krs: Vec<&KeyResult> = doc.key_results.iter().filter(|k| k.objective == o.id).collect();
                let key_results = krs.iter().map(|kr| key_result_card(&doc, kr, cycle, as_of)).collect();
                let milestones = doc
                    .milestones
                    .iter()
                    .filter(|m| m.objective.as_deref() == Some(o.id.as_str()))
                    .map(|m| {
                        let done = m.done_on.is_some_and(|d| d <= as_of);
                        MilestoneCard { milestone: m.clone(), done, overdue: !done && m.due < as_of }
                    })
                    .collect();
                ObjectiveCard {
                    lowest_confidence: lowest_confidence(&figures.key_results),
                    objective: o.clone(),
                    smart: check_objective(o, cycle, &krs, doc.objectives.iter().filter(|c| c.parent.as_ref() == Some(&o.id)).count()),
                    figures,
                    key_results,
                    milestones,
                    adjusted: adjustments.get(&o.id).cloned(),
                    carried_from: o.carried_from.as_ref().map(|id| {
                        let old = doc.objectives.iter().find(|x| &x.id == id);
                        crate::views::cycle_close::CarriedFrom {
                            id: id.clone(),
                            title: old.map(|x| x.title.clone()).unwrap_or_default(),
                            cycle: old.and_then(|x| x.cycle.clone()),
                        }
                    }),
                }
            })
            .collect();
        Ok(OkrView {
            as_of,
            cycles: doc.cycles.clone(),
            cycle: shown,
            objectives,
            all_objectives,
            kpis: doc.kpis.iter().map(|k| KpiSummary { id: k.id.clone(), name: k.name.clone(), unit: k.unit.clone() }).collect(),
        })
    }

    /// The latest adjustment reason per objective (adjusting a key result adjusts its objective).
    fn latest_adjustments(&self) -> Result<HashMap<String, String>> {
        store::okr::latest_adjustments(&self.conn)
    }
}

fn validate_objective(tx: &Transaction<'_>, id: Option<&str>, input: &ObjectiveInput) -> Result<()> {
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
        let parent_cycle = store::okr::objective_cycle(tx, parent)?;
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
                at = store::okr::objective_parent(tx, &p)?;
            }
        }
    }
    weight(REC, input.weight)
}

fn validate_key_result(tx: &Transaction<'_>, input: &KeyResultInput) -> Result<()> {
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

fn validate_milestone(tx: &Transaction<'_>, input: &MilestoneInput) -> Result<()> {
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

fn title(rec: &str, t: &str) -> Result<()> {
    let t = t.trim();
    if t.is_empty() {
        return Err(Error::invalid(rec, "title", "The title cannot be empty."));
    }
    if t.chars().count() > MAX_TITLE_CHARS {
        return Err(Error::invalid(rec, "title", format!("The title is too long: at most {MAX_TITLE_CHARS} characters.")));
    }
    Ok(())
}

fn weight(rec: &str, w: Option<f64>) -> Result<()> {
    match w {
        Some(w) if !w.is_finite() || w < 0.0 => {
            Err(Error::invalid(rec, "weight", "The weight must be a number of 0 or more (1 is the default)."))
        }
        _ => Ok(()),
    }
}

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Numbers in revisions are written the way JSON writes them.
fn num(v: f64) -> String {
    serde_json::Number::from_f64(v).map(|n| n.to_string()).unwrap_or_else(|| v.to_string())
}

/// The objective an input describes, its texts cleaned.
fn objective_of(id: &str, input: &ObjectiveInput) -> Objective {
    Objective {
        id: id.to_string(),
        title: input.title.trim().to_string(),
        description: clean(&input.description),
        cycle: input.cycle.clone(),
        parent: input.parent.clone(),
        category: input.category,
        owner: clean(&input.owner),
        status: input.status,
        weight: input.weight,
        ambition: input.ambition,
        carried_from: None,
    }
}

/// The OKR records of a document, as the computations take them.
pub(super) fn okr_data(doc: &Document) -> OkrData<'_> {
    OkrData {
        cycles: &doc.cycles,
        objectives: &doc.objectives,
        key_results: &doc.key_results,
        checkins: &doc.checkins,
        milestones: &doc.milestones,
        key_result_milestones: &doc.key_result_milestones,
    }
}

/// One key result as the OKRs view shows it as of a date: its check-ins (oldest first),
/// its confidence over time, its bound milestones and its SMART findings.
pub(super) fn key_result_card(doc: &Document, kr: &KeyResult, cycle: Option<&Cycle>, as_of: NaiveDate) -> KeyResultCard {
    let mut checkins: Vec<&CheckIn> = doc.checkins.iter().filter(|c| c.key_result == kr.id && c.date <= as_of).collect();
    checkins.sort_by_key(|c| c.date);
    let kpi_history: Vec<&Measurement> = match &kr.kpi {
        Some(k) => doc.measurements.iter().filter(|m| &m.kpi == k && m.date <= as_of).collect(),
        None => vec![],
    };
    KeyResultCard {
        key_result: kr.clone(),
        smart: check_key_result(kr, cycle, as_of, &checkins, &kpi_history),
        confidences: checkins.iter().filter_map(|c| c.confidence.map(|confidence| ConfidencePoint { date: c.date, confidence })).collect(),
        checkins: checkins.into_iter().cloned().collect(),
        bound_milestones: doc.key_result_milestones.iter().filter(|b| b.key_result == kr.id).map(|b| b.milestone.clone()).collect(),
    }
}
