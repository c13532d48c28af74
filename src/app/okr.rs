use crate::compute::okr::{lowest_confidence, okr_figures};
use crate::compute::smart::{check_key_result, check_objective};
use crate::error::{Error, ErrorCode, Result};
use crate::model::*;
use crate::store::exists;
use crate::store::okr::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::okr::*;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Transaction;
use rusqlite::{params, OptionalExtension};
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
            tx.execute("INSERT INTO cycles (id, start, end) VALUES (?1, ?2, ?3)", params![id, cycle.start, cycle.end])?;
            Ok(())
        })
    }

    /// Creates an objective and returns its generated id.
    pub fn create_objective(&mut self, input: &ObjectiveInput, now: DateTime<Utc>) -> Result<String> {
        self.write(|tx| {
            validate_objective(tx, None, input)?;
            let id = next_id(tx, "objectives", "o")?;
            tx.execute(
                "INSERT INTO objectives (id, title, description, cycle, parent, category, owner, status, weight)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    input.title.trim(),
                    clean(&input.description),
                    input.cycle,
                    input.parent,
                    input.category,
                    clean(&input.owner),
                    input.status,
                    input.weight
                ],
            )?;
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
            let new = Objective {
                id: id.to_string(),
                title: input.title.trim().to_string(),
                description: clean(&input.description),
                cycle: input.cycle.clone(),
                parent: input.parent.clone(),
                category: input.category,
                owner: clean(&input.owner),
                status: input.status,
                weight: input.weight,
            };
            tx.execute(
                "UPDATE objectives SET title = ?2, description = ?3, cycle = ?4, parent = ?5, category = ?6, owner = ?7,
                     status = ?8, weight = ?9 WHERE id = ?1",
                params![id, new.title, new.description, new.cycle, new.parent, new.category, new.owner, new.status, new.weight],
            )?;
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
            tx.execute("DELETE FROM objectives WHERE id = ?1", [id])?;
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
            tx.execute(
                "INSERT INTO key_results (id, objective, title, kind, unit, baseline, target, weight, kpi)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    objective,
                    input.title.trim(),
                    input.kind,
                    clean(&input.unit),
                    input.baseline,
                    input.target,
                    input.weight,
                    input.kpi
                ],
            )?;
            record(tx, "key_result", &id, "created", None, Some(input.title.trim().to_string()), None, now)?;
            Ok(id)
        })
    }

    pub fn update_key_result(&mut self, id: &str, input: &KeyResultInput, reason: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            let old = read_key_result(tx, id)?;
            validate_key_result(tx, input)?;
            let unit = clean(&input.unit);
            tx.execute(
                "UPDATE key_results SET title = ?2, kind = ?3, unit = ?4, baseline = ?5, target = ?6, weight = ?7, kpi = ?8
                 WHERE id = ?1",
                params![id, input.title.trim(), input.kind, unit, input.baseline, input.target, input.weight, input.kpi],
            )?;
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
            tx.execute("DELETE FROM key_results WHERE id = ?1", [id])?;
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
            let start: Option<NaiveDate> = tx
                .query_row("SELECT c.start FROM objectives o JOIN cycles c ON c.id = o.cycle WHERE o.id = ?1", [&kr.objective], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(start) = start.filter(|s| c.date < *s) {
                return Err(Error::invalid(rec, "date", format!("The check-in ({}) is before its cycle starts ({start}).", c.date)));
            }
            tx.execute(
                "INSERT INTO checkins (key_result, date, value, confidence, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![c.key_result, c.date, c.value, c.confidence, clean(&c.note)],
            )?;
            Ok(())
        })
    }

    pub fn create_milestone(&mut self, input: &MilestoneInput) -> Result<String> {
        self.write(|tx| {
            validate_milestone(tx, input)?;
            let id = next_id(tx, "milestones", "m")?;
            tx.execute(
                "INSERT INTO milestones (id, objective, title, due, roadmap_item) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, input.objective, input.title.trim(), input.due, input.roadmap_item],
            )?;
            Ok(id)
        })
    }

    pub fn update_milestone(&mut self, id: &str, input: &MilestoneInput) -> Result<()> {
        self.write(|tx| {
            validate_milestone(tx, input)?;
            let n = tx.execute(
                "UPDATE milestones SET objective = ?2, title = ?3, due = ?4, roadmap_item = ?5 WHERE id = ?1",
                params![id, input.objective, input.title.trim(), input.due, input.roadmap_item],
            )?;
            if n == 0 {
                return Err(not_found("milestone", id));
            }
            Ok(())
        })
    }

    /// Marks a milestone done on a date, or not done (`None`).
    pub fn set_milestone_done(&mut self, id: &str, done_on: Option<NaiveDate>) -> Result<()> {
        self.write(|tx| {
            if tx.execute("UPDATE milestones SET done_on = ?2 WHERE id = ?1", params![id, done_on])? == 0 {
                return Err(not_found("milestone", id));
            }
            Ok(())
        })
    }

    pub fn delete_milestone(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if tx.execute("DELETE FROM milestones WHERE id = ?1", [id])? == 0 {
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
                tx.execute(
                    "INSERT OR IGNORE INTO key_result_milestones (key_result, milestone) VALUES (?1, ?2)",
                    params![key_result, milestone],
                )?;
            } else {
                tx.execute("DELETE FROM key_result_milestones WHERE key_result = ?1 AND milestone = ?2", params![key_result, milestone])?;
            }
            Ok(())
        })
    }

    pub fn record_pivot(&mut self, date: NaiveDate, kind: PivotKind, description: &str) -> Result<()> {
        let description = description.trim();
        if description.is_empty() {
            return Err(Error::invalid("pivot", "description", "Say what changed and why."));
        }
        self.write(|tx| {
            tx.execute("INSERT INTO pivots (date, kind, description) VALUES (?1, ?2, ?3)", params![date, kind, description])?;
            Ok(())
        })
    }

    /// Every revision of the product, objectives and key results, and every pivot, newest first.
    pub fn history(&self) -> Result<HistoryView> {
        let mut stmt = self.conn.prepare(
            "SELECT r.entity, r.entity_id, r.field, r.old_value, r.new_value, r.changed_at, r.reason,
                    COALESCE(o.title, k.title, (SELECT name FROM product), '')
             FROM revisions r
             LEFT JOIN objectives o ON r.entity = 'objective' AND o.id = r.entity_id
             LEFT JOIN key_results k ON r.entity = 'key_result' AND k.id = r.entity_id
             ORDER BY r.id DESC",
        )?;
        let entries = stmt
            .query_map([], |r| {
                let entity: String = r.get(0)?;
                let mut title: String = r.get(7)?;
                let field: String = r.get(2)?;
                let old: Option<String> = r.get(3)?;
                if entity != "product" && field == "deleted" {
                    title = old.clone().unwrap_or_default();
                }
                Ok(HistoryEntry {
                    entity,
                    entity_id: r.get(1)?,
                    entity_title: title,
                    revision: Revision { field, old_value: old, new_value: r.get(4)?, changed_at: r.get(5)?, reason: r.get(6)? },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare("SELECT id, date, kind, description FROM pivots ORDER BY date DESC, id DESC")?;
        let pivots = stmt
            .query_map([], |r| Ok(Pivot { id: r.get(0)?, date: r.get(1)?, kind: r.get(2)?, description: r.get(3)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(HistoryView { entries, pivots })
    }

    /// The figures of every objective (optionally of one cycle) as of a date.
    pub fn okr_report(&self, as_of: NaiveDate, cycle: Option<&str>) -> Result<OkrReport> {
        let doc = self.export_document()?;
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
        let doc = self.export_document()?;
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
                let key_results = krs
                    .iter()
                    .map(|kr| {
                        let mut checkins: Vec<&CheckIn> =
                            doc.checkins.iter().filter(|c| c.key_result == kr.id && c.date <= as_of).collect();
                        checkins.sort_by_key(|c| c.date);
                        let kpi_history: Vec<&Measurement> = match &kr.kpi {
                            Some(k) => doc.measurements.iter().filter(|m| &m.kpi == k && m.date <= as_of).collect(),
                            None => vec![],
                        };
                        KeyResultCard {
                            key_result: (*kr).clone(),
                            smart: check_key_result(kr, cycle, as_of, &checkins, &kpi_history),
                            checkins: checkins.into_iter().cloned().collect(),
                            bound_milestones: doc
                                .key_result_milestones
                                .iter()
                                .filter(|b| b.key_result == kr.id)
                                .map(|b| b.milestone.clone())
                                .collect(),
                        }
                    })
                    .collect();
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
        let mut stmt = self.conn.prepare(
            "SELECT COALESCE(k.objective, r.entity_id), r.reason FROM revisions r
             LEFT JOIN key_results k ON r.entity = 'key_result' AND k.id = r.entity_id
             WHERE r.reason IS NOT NULL AND r.entity IN ('objective', 'key_result') ORDER BY r.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
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
