//! Roadmap edits, each one transaction that returns its inverse (so undo and redo
//! cover every edit), baselines, and the Roadmap view assembled from the store.

use crate::compute::okr::{okr_figures, Health};
use crate::compute::roadmap::Conflict;
use crate::compute::roadmap::{
    allocation, conflicts, default_range, goal_signals, objective_of_key_result, plan_span, served_objectives, serves_a_goal, why_coverage,
    GoalSignal,
};
use crate::error::{Error, Result};
use crate::interchange::Document;
use crate::layout::{layout, LayoutInput, LayoutRequest};
use crate::model::date_range::check_range;
use crate::model::*;
use crate::rules::{find_cycle, item_rules, lane_rules};
use crate::store;
use crate::store::exists;
use crate::store::roadmap::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::roadmap::*;
use chrono::Duration;
use chrono::NaiveDate;
use rusqlite::Transaction;
use std::collections::{HashMap, HashSet};

impl Workspace {
    /// Applies one roadmap edit in one transaction and returns the edit that undoes it.
    pub fn apply_roadmap_edit(&mut self, edit: &RoadmapEdit) -> Result<RoadmapEdit> {
        self.write(|tx| apply(tx, edit))
    }

    /// Saves today's dated items as a named baseline and returns its id.
    pub fn save_baseline(&mut self, name: &str, today: NaiveDate) -> Result<String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::invalid("baseline", "name", "Name the baseline, e.g. “Q1 plan as approved”."));
        }
        self.write(|tx| {
            let id = next_id(tx, "baselines", "b")?;
            insert_baseline_of_dated_items(tx, &id, name, today)?;
            Ok(id)
        })
    }

    pub fn delete_baseline(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !crate::store::delete(tx, "baselines", id)? {
                return Err(not_found("baseline", id));
            }
            Ok(())
        })
    }

    /// `lodestar report roadmap`: coverage, conflicts, and allocation inside `[from, to]`
    /// (default: the earliest start to the latest end), and each item's goal signal as
    /// of `as_of`.
    pub fn roadmap_report(&self, from: Option<NaiveDate>, to: Option<NaiveDate>, as_of: NaiveDate) -> Result<RoadmapReport> {
        if let (Some(f), Some(t)) = (from, to) {
            // As in the view: an inverted or endless range is a mistake, not an allocation.
            check_range("roadmap", f, t)?;
        }
        let doc = self.document()?;
        let items = &doc.roadmap_items;
        let range = default_range(items);
        let from = from.or(range.map(|r| r.0));
        let to = to.or(range.map(|r| r.1));
        let allocation = match (from, to) {
            (Some(f), Some(t)) => allocation(items, f, t),
            _ => allocation(items, NaiveDate::MIN, NaiveDate::MIN),
        };
        let figures = okr_figures(&super::okr::okr_data(&doc), as_of);
        let mut signals = goal_signals(items, &doc.key_results, &figures);
        signals.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(RoadmapReport {
            coverage: why_coverage(items),
            conflicts: conflicts(items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones),
            allocation,
            items: signals,
        })
    }

    /// The Roadmap view for a range, zoom and filters, as of `today`.
    pub fn roadmap_view(&self, req: &LayoutRequest, today: NaiveDate, history: EditState) -> Result<RoadmapView> {
        check_range("roadmap", req.from, req.to)?;
        let doc = self.document()?;
        let all_conflicts = conflicts(&doc.roadmap_items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones);
        let baseline = match &req.baseline {
            Some(id) => Some(doc.baselines.iter().find(|b| &b.id == id).ok_or_else(|| not_found("baseline", id))?),
            None => None,
        };
        // The goal signal of every item, from the OKR figures computed once.
        let figures = okr_figures(&super::okr::okr_data(&doc), today);
        let signals = goal_signals(&doc.roadmap_items, &doc.key_results, &figures);
        let signal_of: HashMap<&str, &GoalSignal> = signals.iter().map(|s| (s.id.as_str(), s)).collect();
        // The filters the layout cannot apply alone: "Goals at risk" (it needs the
        // signal) and the goal filter counting items that serve one of the objective's
        // key results. Only when set, so the unfiltered roadmap copies nothing.
        let kr_objective = objective_of_key_result(&doc.key_results);
        let filtered_items: Vec<RoadmapItem>;
        let mut layout_req = std::borrow::Cow::Borrowed(req);
        let shown_items: &[RoadmapItem] = if req.goals_at_risk == Some(true) || req.objective.is_some() {
            filtered_items = doc
                .roadmap_items
                .iter()
                .filter(|i| {
                    req.goals_at_risk != Some(true) || signal_of.get(i.id.as_str()).and_then(|s| s.goal_health).is_some_and(goals_at_risk)
                })
                .filter(|i| req.objective.as_deref().is_none_or(|o| served_objectives(i, &kr_objective).contains(&o)))
                .cloned()
                .collect();
            layout_req.to_mut().objective = None;
            &filtered_items
        } else {
            &doc.roadmap_items
        };
        let mut geometry = layout(
            &LayoutInput {
                lanes: &doc.lanes,
                items: shown_items,
                milestones: &doc.milestones,
                conflicts: &all_conflicts,
                baseline: baseline.map(|b| b.items.as_slice()),
                today,
            },
            &layout_req,
        );
        for bar in &mut geometry.bars {
            if let Some(s) = signal_of.get(bar.item.as_str()) {
                bar.goal_progress = s.goal_progress;
                bar.goal_health = s.goal_health;
            }
        }
        Ok(RoadmapView {
            geometry,
            lanes: doc.lanes.clone(),
            objectives: objective_refs(&doc),
            baselines: doc
                .baselines
                .iter()
                .map(|b| BaselineSummary { id: b.id.clone(), name: b.name.clone(), saved_on: b.saved_on, items: b.items.len() as u32 })
                .collect(),
            slips: baseline.map(|b| slips(&doc, b)).unwrap_or_default(),
            conflict_count: all_conflicts.len() as u32,
            coverage: why_coverage(&doc.roadmap_items),
            allocation: allocation(&doc.roadmap_items, req.from, req.to),
            unscheduled: doc.roadmap_items.iter().filter(|i| i.start.is_none()).count() as u32,
            plan_span: plan_span(&doc.roadmap_items, &doc.milestones).map(|(from, to)| PlanSpan { from, to }),
            history,
        })
    }

    /// Every conflict with the sentence that explains it.
    pub fn roadmap_conflicts(&self) -> Result<Vec<ConflictNote>> {
        let doc = self.document()?;
        let names = Names::new(&doc);
        Ok(conflicts(&doc.roadmap_items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones)
            .iter()
            .map(|c| explain(&names, c))
            .collect())
    }

    /// One item with its *why*, for the side panel.
    pub fn roadmap_item_detail(&self, id: &str) -> Result<ItemDetail> {
        let doc = self.document()?;
        let item = doc.roadmap_items.iter().find(|i| i.id == id).ok_or_else(|| not_found("roadmap item", id))?;
        let refs = objective_refs(&doc);
        let names = Names::new(&doc);
        let titles: HashMap<&str, &str> = doc.roadmap_items.iter().map(|i| (i.id.as_str(), i.title.as_str())).collect();
        let item_ref = |id: &str| ItemRef { id: id.to_string(), title: titles.get(id).unwrap_or(&"").to_string() };
        Ok(ItemDetail {
            objectives: refs.into_iter().filter(|o| item.objectives.contains(&o.id)).collect(),
            feedback_count: doc.feedback.iter().filter(|f| f.roadmap_items.iter().any(|r| r == id)).count() as u32,
            feedback: {
                let themes: HashMap<&str, &str> = doc.themes.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect();
                let mut list: Vec<_> = doc
                    .feedback
                    .iter()
                    .filter(|f| f.roadmap_items.iter().any(|r| r == id))
                    .map(|f| super::feedback::entry(f, &themes, &titles))
                    .collect();
                list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
                list
            },
            milestones: doc.milestones.iter().filter(|m| m.roadmap_item.as_deref() == Some(id)).cloned().collect(),
            conflicts: conflicts(&doc.roadmap_items, &doc.objectives, &doc.key_results, &doc.cycles, &doc.milestones)
                .iter()
                .filter(|c| involves(c, id))
                .map(|c| explain(&names, c))
                .collect(),
            depends_on: item.depends_on.iter().map(|d| item_ref(d)).collect(),
            dependents: doc.roadmap_items.iter().filter(|i| i.depends_on.iter().any(|d| d == id)).map(|i| item_ref(&i.id)).collect(),
            item: item.clone(),
        })
    }

    /// What the item's side panel says about the goals it serves as of `as_of`: its goal
    /// signal, each key result it serves with its figures, and the key results it could
    /// serve (for the picker; linking saves the whole item, so it is undoable).
    pub fn roadmap_item_goals(&self, id: &str, as_of: NaiveDate) -> Result<ItemGoals> {
        let doc = self.document()?;
        let item = doc.roadmap_items.iter().find(|i| i.id == id).ok_or_else(|| not_found("roadmap item", id))?;
        let figures = okr_figures(&super::okr::okr_data(&doc), as_of);
        let signal = goal_signals(std::slice::from_ref(item), &doc.key_results, &figures).remove(0);
        let objectives: HashMap<&str, &Objective> = doc.objectives.iter().map(|o| (o.id.as_str(), o)).collect();
        let cycle_end: HashMap<&str, NaiveDate> = doc.cycles.iter().map(|c| (c.id.as_str(), c.end)).collect();
        let objective_figures: HashMap<&str, &crate::compute::okr::ObjectiveFigures> = figures.iter().map(|f| (f.id.as_str(), f)).collect();
        let key_results: HashMap<&str, &KeyResult> = doc.key_results.iter().map(|k| (k.id.as_str(), k)).collect();
        let title_of = |o: &str| objectives.get(o).map_or_else(|| o.to_string(), |o| o.title.clone());
        let served = item
            .key_results
            .iter()
            .filter_map(|k| {
                let kr = key_results.get(k.as_str())?;
                let of = objective_figures.get(kr.objective.as_str());
                let f = of.and_then(|of| of.key_results.iter().find(|f| f.id == kr.id));
                Some(ServedKeyResult {
                    id: kr.id.clone(),
                    title: kr.title.clone(),
                    objective: kr.objective.clone(),
                    objective_title: title_of(&kr.objective),
                    unit: kr.unit.clone(),
                    progress: f.and_then(|f| f.progress),
                    health: of.and_then(|of| of.health),
                    forecast_value: f.and_then(|f| f.forecast_value),
                    forecast_progress: f.and_then(|f| f.forecast_progress),
                    deadline: objectives
                        .get(kr.objective.as_str())
                        .and_then(|o| o.cycle.as_deref())
                        .and_then(|c| cycle_end.get(c).copied()),
                })
            })
            .collect();
        let mut choices = Vec::with_capacity(doc.key_results.len());
        let mut krs_of: HashMap<&str, Vec<&KeyResult>> = HashMap::new();
        for kr in &doc.key_results {
            krs_of.entry(kr.objective.as_str()).or_default().push(kr);
        }
        for o in &doc.objectives {
            for kr in krs_of.get(o.id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                choices.push(KeyResultChoice {
                    id: kr.id.clone(),
                    title: kr.title.clone(),
                    objective: o.id.clone(),
                    objective_title: o.title.clone(),
                    cycle: o.cycle.clone(),
                });
            }
        }
        Ok(ItemGoals { as_of, signal, key_results: served, choices })
    }

    /// Every item still to do (not done, not dropped), for the now–next–later board.
    pub fn roadmap_board(&self) -> Result<Vec<BoardCard>> {
        let doc = self.document()?;
        Ok(doc
            .roadmap_items
            .iter()
            .filter(|i| !matches!(i.status, ItemStatus::Done | ItemStatus::Dropped))
            .map(|i| BoardCard {
                id: i.id.clone(),
                title: i.title.clone(),
                lane: i.lane.clone(),
                kind: i.kind,
                status: i.status,
                horizon: i.horizon,
                start: i.start,
                end: i.end,
                no_goal: !serves_a_goal(i),
            })
            .collect())
    }
}

fn apply(tx: &Transaction<'_>, edit: &RoadmapEdit) -> Result<RoadmapEdit> {
    use RoadmapEdit as E;
    Ok(match edit {
        E::MoveItem { item, days, lane } => {
            let (start, end, old_lane) = dates_and_lane(tx, item)?;
            let (Some(start), Some(end)) = (start, end) else {
                return Err(Error::invalid(rec(item), "start", "The item has no dates yet: set a start and an end first."));
            };
            let moved_lane = match lane {
                Some(l) if *l != old_lane => {
                    require(tx, "lanes", l, "lane")?;
                    Some(l.clone())
                }
                _ => None,
            };
            let shift = Duration::days(*days);
            store::roadmap::move_item(tx, item, start + shift, end + shift, moved_lane.as_deref())?;
            E::MoveItem { item: item.clone(), days: -days, lane: moved_lane.map(|_| old_lane) }
        }
        E::ResizeItem { item, edge, days } => {
            let (start, end, _) = dates_and_lane(tx, item)?;
            let (Some(mut start), Some(mut end)) = (start, end) else {
                return Err(Error::invalid(rec(item), "start", "The item has no dates yet: set a start and an end first."));
            };
            match edge {
                Edge::Start => start += Duration::days(*days),
                Edge::End => end += Duration::days(*days),
            }
            if end < start {
                let field = if *edge == Edge::Start { "start" } else { "end" };
                return Err(Error::invalid(rec(item), field, "An item lasts at least one day: its end cannot come before its start."));
            }
            store::roadmap::set_item_dates(tx, item, Some(start), Some(end))?;
            E::ResizeItem { item: item.clone(), edge: *edge, days: -days }
        }
        E::SetItemDates { item, start, end } => {
            let (old_start, old_end, _) = dates_and_lane(tx, item)?;
            match (start, end) {
                (Some(s), Some(e)) if e < s => {
                    return Err(Error::invalid(rec(item), "end", format!("The item ends ({e}) before it starts ({s}).")))
                }
                (Some(_), None) => return Err(Error::invalid(rec(item), "end", "Give the item an end as well.")),
                (None, Some(_)) => return Err(Error::invalid(rec(item), "start", "Give the item a start as well.")),
                _ => {}
            }
            store::roadmap::set_item_dates(tx, item, *start, *end)?;
            E::SetItemDates { item: item.clone(), start: old_start, end: old_end }
        }
        E::ReorderLanes { order } => {
            let old = lane_order(tx)?;
            let given: HashSet<&String> = order.iter().collect();
            if given.len() != order.len() || given != old.iter().collect() {
                return Err(Error::invalid("lanes", "order", "The new order must list every lane exactly once."));
            }
            store::roadmap::set_lane_order(tx, order)?;
            E::ReorderLanes { order: old }
        }
        E::LinkObjective { item, objective } => {
            require(tx, "roadmap_items", item, "roadmap item")?;
            require(tx, "objectives", objective, "objective")?;
            if !store::roadmap::link_objective(tx, item, objective)? {
                return Err(Error::invalid(rec(item), "objectives", "The item already serves this objective."));
            }
            E::UnlinkObjective { item: item.clone(), objective: objective.clone() }
        }
        E::UnlinkObjective { item, objective } => {
            let old = read_item(tx, item)?;
            if !store::roadmap::unlink_objective(tx, item, objective)? {
                return Err(Error::invalid(rec(item), "objectives", "The item does not serve this objective."));
            }
            // A link puts the goal last: when it was not last, only the whole item puts it back in place.
            if old.objectives.last() == Some(objective) {
                E::LinkObjective { item: item.clone(), objective: objective.clone() }
            } else {
                E::UpdateItem { item: old }
            }
        }
        E::AddDependency { item, depends_on } => {
            require(tx, "roadmap_items", item, "roadmap item")?;
            require(tx, "roadmap_items", depends_on, "roadmap item")?;
            if item == depends_on {
                return Err(Error::invalid(rec(item), "depends_on", "An item cannot depend on itself."));
            }
            let mut graph = store::roadmap::dependency_graph(tx)?;
            graph.entry(item.clone()).or_default().push(depends_on.clone());
            refuse_cycle(&graph)?;
            if !store::roadmap::add_dependency(tx, item, depends_on)? {
                return Err(Error::invalid(rec(item), "depends_on", "The item already depends on that one."));
            }
            E::RemoveDependency { item: item.clone(), depends_on: depends_on.clone() }
        }
        E::RemoveDependency { item, depends_on } => {
            let old = read_item(tx, item)?;
            if !store::roadmap::remove_dependency(tx, item, depends_on)? {
                return Err(Error::invalid(rec(item), "depends_on", "The item does not depend on that one."));
            }
            // As for goals: an added dependency goes last, so keep its place otherwise.
            if old.depends_on.last() == Some(depends_on) {
                E::AddDependency { item: item.clone(), depends_on: depends_on.clone() }
            } else {
                E::UpdateItem { item: old }
            }
        }
        E::SetHorizon { item, horizon } => {
            let old = store::roadmap::item_horizon(tx, item)?.ok_or_else(|| not_found("roadmap item", item))?;
            store::roadmap::set_horizon(tx, item, *horizon)?;
            E::SetHorizon { item: item.clone(), horizon: old }
        }
        E::CreateItem { item } => {
            let mut item = item.clone();
            if item.id.trim().is_empty() {
                item.id = next_id(tx, "roadmap_items", "r")?;
            } else if exists(tx, "roadmap_items", &item.id)? {
                return Err(Error::invalid(rec(&item.id), "id", "Another item already has this id."));
            }
            check_item(tx, &item)?;
            insert_item(tx, &item, None)?;
            E::DeleteItem { item: item.id }
        }
        E::UpdateItem { item } => {
            let old = read_item(tx, &item.id)?;
            check_item(tx, item)?;
            store::roadmap::update_item(tx, item)?;
            E::UpdateItem { item: old }
        }
        E::DeleteItem { item } => {
            let snapshot = snapshot(tx, item)?;
            store::delete(tx, "roadmap_items", item)?;
            E::RestoreItem { snapshot }
        }
        E::RestoreItem { snapshot } => {
            restore(tx, snapshot)?;
            E::DeleteItem { item: snapshot.item.id.clone() }
        }
        E::CreateLane { lane, position } => {
            let mut lane = lane.clone();
            if lane.id.trim().is_empty() {
                lane.id = next_id(tx, "lanes", "l")?;
            } else if exists(tx, "lanes", &lane.id)? {
                return Err(Error::invalid(format!("lane \"{}\"", lane.id), "id", "Another lane already has this id."));
            }
            lane_rules(&lane)?;
            let mut order = lane_order(tx)?;
            let at = position.map_or(order.len(), |p| (p as usize).min(order.len()));
            order.insert(at, lane.id.clone());
            store::roadmap::insert_lane(tx, &Lane { name: lane.name.trim().to_string(), ..lane.clone() }, at)?;
            store::roadmap::set_lane_order(tx, &order)?;
            E::DeleteLane { lane: lane.id }
        }
        E::UpdateLane { lane } => {
            lane_rules(lane)?;
            let old = store::roadmap::read_lane(tx, &lane.id)?.ok_or_else(|| not_found("lane", &lane.id))?;
            store::roadmap::update_lane(tx, &Lane { name: lane.name.trim().to_string(), ..lane.clone() })?;
            E::UpdateLane { lane: old }
        }
        E::DeleteLane { lane } => {
            let order = lane_order(tx)?;
            let position = order.iter().position(|l| l == lane).ok_or_else(|| not_found("lane", lane))?;
            let count = store::roadmap::items_in_lane(tx, lane)?;
            if count > 0 {
                return Err(Error::invalid(
                    format!("lane \"{lane}\""),
                    "items",
                    format!("The lane still holds {count} items: move or delete them first."),
                ));
            }
            let old = store::roadmap::read_lane(tx, lane)?.ok_or_else(|| not_found("lane", lane))?;
            store::delete(tx, "lanes", lane)?;
            E::CreateLane { lane: old, position: Some(position as u32) }
        }
        E::SetScores { item, scores } => {
            let old = read_item(tx, item)?;
            let new = RoadmapItem {
                rice: scores.rice.clone(),
                ice: scores.ice.clone(),
                moscow: scores.moscow,
                urgent: scores.urgent,
                important: scores.important,
                ..old.clone()
            };
            // The same rules as every item edit (RICE confidence 0–1, effort > 0, ICE 1–10).
            check_item(tx, &new)?;
            store::roadmap::set_scores(tx, &new)?;
            E::SetScores { item: item.clone(), scores: ItemScores::of(&old) }
        }
    })
}

/// The "Goals at risk" filter: goals at risk, off track or missed.
fn goals_at_risk(h: Health) -> bool {
    matches!(h, Health::AtRisk | Health::OffTrack | Health::Missed)
}

fn rec(item: &str) -> String {
    format!("roadmap item \"{item}\"")
}

fn require(tx: &Transaction<'_>, table: &str, id: &str, kind: &str) -> Result<()> {
    if exists(tx, table, id)? {
        Ok(())
    } else {
        Err(not_found(kind, id))
    }
}

/// The item's own rules (as on import) and no dependency cycle with the stored graph.
fn check_item(tx: &Transaction<'_>, item: &RoadmapItem) -> Result<()> {
    let ids = |table| store::roadmap::ids(tx, table);
    let (lanes, objectives, key_results, mut items) = (ids("lanes")?, ids("objectives")?, ids("key_results")?, ids("roadmap_items")?);
    items.push(item.id.clone());
    fn set(v: &[String]) -> HashSet<&str> {
        v.iter().map(String::as_str).collect()
    }
    item_rules(item, &set(&lanes), &set(&objectives), &set(&key_results), &set(&items))?;
    if let Some(key) = &item.external_key {
        if let Some(other) = store::roadmap::item_with_external_key(tx, key)?.filter(|other| other != &item.id) {
            return Err(Error::invalid(
                rec(&item.id),
                "external_key",
                format!("Item \"{other}\" was imported from \"{key}\" already: an external key names one item."),
            ));
        }
    }
    let mut graph = store::roadmap::dependency_graph(tx)?;
    graph.insert(item.id.clone(), item.depends_on.clone());
    refuse_cycle(&graph)
}

fn refuse_cycle(graph: &HashMap<String, Vec<String>>) -> Result<()> {
    let nodes: Vec<&str> = graph.keys().map(String::as_str).collect();
    let next: HashMap<&str, Vec<&str>> = graph.iter().map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect())).collect();
    match find_cycle(&nodes, &next) {
        Some(cycle) => Err(Error::invalid(
            rec(cycle[0]),
            "depends_on",
            format!("That would make items depend on each other in a cycle: {}.", cycle.join(" → ")),
        )),
        None => Ok(()),
    }
}

/// Puts a deleted item back as it was, after checking it still fits.
fn restore(tx: &Transaction<'_>, s: &ItemSnapshot) -> Result<()> {
    if exists(tx, "roadmap_items", &s.item.id)? {
        return Err(Error::invalid(rec(&s.item.id), "id", "An item with this id exists again; it cannot be restored."));
    }
    check_item(tx, &s.item)?;
    store::roadmap::restore_item(tx, s)
}

fn objective_refs(doc: &Document) -> Vec<ObjectiveRef> {
    let ends: HashMap<&str, NaiveDate> = doc.cycles.iter().map(|c| (c.id.as_str(), c.end)).collect();
    doc.objectives
        .iter()
        .map(|o| ObjectiveRef {
            id: o.id.clone(),
            title: o.title.clone(),
            cycle: o.cycle.clone(),
            deadline: o.cycle.as_deref().and_then(|c| ends.get(c).copied()),
        })
        .collect()
}

fn involves(c: &Conflict, id: &str) -> bool {
    match c {
        Conflict::PastObjectiveDeadline { item, .. } => item == id,
        Conflict::StartsBeforeDependencyEnds { item, depends_on } => item == id || depends_on == id,
        Conflict::MilestoneAfterCycle { milestone, .. } => milestone == id,
    }
}

/// Titles and deadlines by id, built once per view: looking each conflict's records up
/// by a scan of every item made a 10,000-item view spend ~100 ms here.
struct Names<'a> {
    titles: HashMap<&'a str, &'a str>,
    item_end: HashMap<&'a str, NaiveDate>,
    /// Objective id → (its cycle's id, the cycle's end).
    deadline: HashMap<&'a str, (&'a str, NaiveDate)>,
}

impl<'a> Names<'a> {
    /// Ids are unique within each kind; an item's title wins over an objective's, then a milestone's.
    fn new(doc: &'a Document) -> Names<'a> {
        let milestones = doc.milestones.iter().map(|m| (m.id.as_str(), m.title.as_str()));
        let objectives = doc.objectives.iter().map(|o| (o.id.as_str(), o.title.as_str()));
        let items = doc.roadmap_items.iter().map(|i| (i.id.as_str(), i.title.as_str()));
        let cycle_end: HashMap<&str, NaiveDate> = doc.cycles.iter().map(|c| (c.id.as_str(), c.end)).collect();
        Names {
            titles: milestones.chain(objectives).chain(items).collect(),
            item_end: doc.roadmap_items.iter().filter_map(|i| Some((i.id.as_str(), i.end?))).collect(),
            deadline: doc
                .objectives
                .iter()
                .filter_map(|o| {
                    let c = o.cycle.as_deref()?;
                    Some((o.id.as_str(), (c, *cycle_end.get(c)?)))
                })
                .collect(),
        }
    }
}

/// A sentence a PM can act on.
fn explain(names: &Names<'_>, c: &Conflict) -> ConflictNote {
    let title = |id: &str| names.titles.get(id).map_or_else(|| id.to_string(), |t| t.to_string());
    let deadline = |o: &str| names.deadline.get(o).map(|(c, end)| (c.to_string(), *end));
    let message = match c {
        Conflict::PastObjectiveDeadline { item, objective } => {
            let end = names.item_end.get(item.as_str()).copied();
            match (end, deadline(objective)) {
                (Some(end), Some((cycle, due))) => format!(
                    "“{}” ends on {end}, {} days after {cycle} ends ({due}), the deadline of “{}” it serves. Move it earlier, cut scope, or adjust the goal.",
                    title(item), (end - due).num_days(), title(objective)
                ),
                _ => format!("“{}” ends after the deadline of “{}”.", title(item), title(objective)),
            }
        }
        Conflict::StartsBeforeDependencyEnds { item, depends_on } => format!(
            "“{}” starts before “{}” ends, but depends on it. Start it later or finish the other sooner.",
            title(item),
            title(depends_on)
        ),
        Conflict::MilestoneAfterCycle { milestone, objective } => match deadline(objective) {
            Some((cycle, due)) => format!(
                "Milestone “{}” is due after {cycle} ends ({due}), so it cannot help “{}” in time.",
                title(milestone),
                title(objective)
            ),
            None => format!("Milestone “{}” is due after its objective's cycle ends.", title(milestone)),
        },
    };
    ConflictNote { conflict: c.clone(), message }
}

fn slips(doc: &Document, baseline: &Baseline) -> Vec<Slip> {
    let items: HashMap<&str, &RoadmapItem> = doc.roadmap_items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut out: Vec<Slip> = baseline
        .items
        .iter()
        .filter_map(|b| {
            let item = items.get(b.item.as_str())?;
            let start_days = item.start.map_or(0, |s| (s - b.start).num_days());
            let end_days = item.end.map_or(0, |e| (e - b.end).num_days());
            (start_days != 0 || end_days != 0 || item.start.is_none()).then(|| Slip {
                item: b.item.clone(),
                title: item.title.clone(),
                baseline_start: b.start,
                baseline_end: b.end,
                start: item.start,
                end: item.end,
                start_days,
                end_days,
            })
        })
        .collect();
    out.sort_by(|a, b| b.end_days.cmp(&a.end_days).then_with(|| a.title.cmp(&b.title)));
    out
}
