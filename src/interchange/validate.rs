//! Every rule a workspace document must satisfy before anything is written
//! (docs/WORKSPACE-FORMAT.md): unique ids, references that resolve, dates in order,
//! finite numbers in range, no cycles in dependencies or the alignment tree.
//! The first broken rule is reported, naming the record and the field. The rules of
//! single records are the domain's (`crate::rules`), shared with every edit.

use std::collections::{HashMap, HashSet};

use super::document::Document;
use crate::error::{Error, Result};
use crate::model::KeyResultKind;
use crate::rules::*;

pub fn validate(doc: &Document) -> Result<()> {
    if doc.product.name.trim().is_empty() {
        return Err(Error::invalid("product", "name", "The product name cannot be empty."));
    }

    let cycles = ids("cycle", doc.cycles.iter().map(|c| c.id.as_str()))?;
    let objectives = ids("objective", doc.objectives.iter().map(|o| o.id.as_str()))?;
    let key_results = ids("key result", doc.key_results.iter().map(|k| k.id.as_str()))?;
    let kpis = ids("KPI", doc.kpis.iter().map(|k| k.id.as_str()))?;
    let milestones = ids("milestone", doc.milestones.iter().map(|m| m.id.as_str()))?;
    let lanes = ids("lane", doc.lanes.iter().map(|l| l.id.as_str()))?;
    let items = ids("roadmap item", doc.roadmap_items.iter().map(|r| r.id.as_str()))?;
    let baselines = ids("baseline", doc.baselines.iter().map(|b| b.id.as_str()))?;
    let themes = ids("theme", doc.themes.iter().map(|t| t.id.as_str()))?;
    let feedback = ids("feedback", doc.feedback.iter().map(|f| f.id.as_str()))?;
    let experiments = ids("experiment", doc.experiments.iter().map(|e| e.id.as_str()))?;
    let decisions = ids("decision", doc.decisions.iter().map(|d| d.id.as_str()))?;

    for c in &doc.cycles {
        let rec = named("cycle", &c.id);
        if c.end < c.start {
            return Err(Error::invalid(rec, "end", format!("The cycle ends ({}) before it starts ({}).", c.end, c.start)));
        }
    }

    for o in &doc.objectives {
        let rec = named("objective", &o.id);
        not_blank(&rec, "title", &o.title)?;
        reference(&rec, "cycle", o.cycle.as_deref(), &cycles, "cycle")?;
        reference(&rec, "parent", o.parent.as_deref(), &objectives, "objective")?;
        reference(&rec, "carried_from", o.carried_from.as_deref(), &objectives, "objective")?;
        if o.parent.as_deref() == Some(o.id.as_str()) {
            return Err(Error::invalid(rec, "parent", "An objective cannot be its own parent."));
        }
        weight(&rec, o.weight)?;
    }
    alignment_has_no_cycle(doc)?;

    let kind_of: HashMap<&str, KeyResultKind> = doc.key_results.iter().map(|k| (k.id.as_str(), k.kind)).collect();
    for k in &doc.key_results {
        let rec = named("key result", &k.id);
        not_blank(&rec, "title", &k.title)?;
        reference(&rec, "objective", Some(&k.objective), &objectives, "objective")?;
        reference(&rec, "kpi", k.kpi.as_deref(), &kpis, "KPI")?;
        finite_opt(&rec, "baseline", k.baseline)?;
        finite_opt(&rec, "target", k.target)?;
        weight(&rec, k.weight)?;
        if let (true, Some(b), Some(t)) = (k.kind.moves(), k.baseline, k.target) {
            if b == t {
                return Err(Error::invalid(
                    rec,
                    "target",
                    format!("The target equals the baseline ({t}): an {} key result must move away from its baseline.", k.kind.as_str()),
                ));
            }
        }
    }

    for (i, c) in doc.checkins.iter().enumerate() {
        let rec = format!("checkins[{i}]");
        reference(&rec, "key_result", Some(&c.key_result), &key_results, "key result")?;
        finite(&rec, "value", c.value)?;
        if let Some(conf) = c.confidence {
            unit_interval(&rec, "confidence", conf)?;
        }
    }

    for k in &doc.kpis {
        not_blank(&named("KPI", &k.id), "name", &k.name)?;
    }
    for (i, m) in doc.measurements.iter().enumerate() {
        let rec = format!("measurements[{i}]");
        reference(&rec, "kpi", Some(&m.kpi), &kpis, "KPI")?;
        finite(&rec, "value", m.value)?;
    }

    for m in &doc.milestones {
        let rec = named("milestone", &m.id);
        not_blank(&rec, "title", &m.title)?;
        reference(&rec, "objective", m.objective.as_deref(), &objectives, "objective")?;
        reference(&rec, "roadmap_item", m.roadmap_item.as_deref(), &items, "roadmap item")?;
    }

    let mut bound = HashSet::new();
    for (i, b) in doc.key_result_milestones.iter().enumerate() {
        let rec = format!("key_result_milestones[{i}]");
        reference(&rec, "key_result", Some(&b.key_result), &key_results, "key result")?;
        reference(&rec, "milestone", Some(&b.milestone), &milestones, "milestone")?;
        if kind_of.get(b.key_result.as_str()) != Some(&KeyResultKind::Milestone) {
            return Err(Error::invalid(
                rec,
                "key_result",
                format!("Key result \"{}\" is not of kind milestone; only milestone key results can be bound to milestones.", b.key_result),
            ));
        }
        if !bound.insert((b.key_result.as_str(), b.milestone.as_str())) {
            return Err(Error::invalid(rec, "milestone", format!("Milestone \"{}\" is bound to this key result twice.", b.milestone)));
        }
    }

    for l in &doc.lanes {
        lane_rules(l)?;
    }

    let mut external_keys = HashSet::new();
    for r in &doc.roadmap_items {
        item_rules(r, &lanes, &objectives, &key_results, &items)?;
        if let Some(key) = &r.external_key {
            if !external_keys.insert(key.as_str()) {
                return Err(Error::invalid(
                    named("roadmap item", &r.id),
                    "external_key",
                    format!("Another item was imported from \"{key}\" already: an external key names one item."),
                ));
            }
        }
    }
    dependencies_have_no_cycle(doc)?;

    for b in &doc.baselines {
        let rec = named("baseline", &b.id);
        not_blank(&rec, "name", &b.name)?;
        let mut seen = HashSet::new();
        for (i, bi) in b.items.iter().enumerate() {
            let field = |f: &str| format!("items[{i}].{f}");
            reference(&rec, &field("item"), Some(&bi.item), &items, "roadmap item")?;
            reference(&rec, &field("lane"), Some(&bi.lane), &lanes, "lane")?;
            if bi.end < bi.start {
                return Err(Error::invalid(rec, field("end"), format!("The item ends ({}) before it starts ({}).", bi.end, bi.start)));
            }
            if !seen.insert(bi.item.as_str()) {
                return Err(Error::invalid(rec, field("item"), format!("Item \"{}\" appears twice in this baseline.", bi.item)));
            }
        }
    }
    let _ = baselines;

    for t in &doc.themes {
        not_blank(&named("theme", &t.id), "name", &t.name)?;
    }
    for f in &doc.feedback {
        let rec = named("feedback", &f.id);
        not_blank(&rec, "text", &f.text)?;
        list(&rec, "themes", &f.themes, &themes, "theme")?;
        list(&rec, "roadmap_items", &f.roadmap_items, &items, "roadmap item")?;
    }
    let _ = feedback;

    for e in &doc.experiments {
        let rec = named("experiment", &e.id);
        not_blank(&rec, "title", &e.title)?;
        reference(&rec, "objective", e.objective.as_deref(), &objectives, "objective")?;
        reference(&rec, "roadmap_item", e.roadmap_item.as_deref(), &items, "roadmap item")?;
    }

    // A decision may link to a record of any kind.
    let any: HashSet<&str> =
        [&cycles, &objectives, &key_results, &kpis, &milestones, &lanes, &items, &baselines, &themes, &feedback, &experiments, &decisions]
            .into_iter()
            .flat_map(|s| s.iter().copied())
            .collect();
    for d in &doc.decisions {
        let rec = named("decision", &d.id);
        not_blank(&rec, "title", &d.title)?;
        list(&rec, "links", &d.links, &any, "record")?;
    }
    Ok(())
}

fn dependencies_have_no_cycle(doc: &Document) -> Result<()> {
    let nodes: Vec<&str> = doc.roadmap_items.iter().map(|r| r.id.as_str()).collect();
    let next = doc.roadmap_items.iter().map(|r| (r.id.as_str(), r.depends_on.iter().map(String::as_str).collect())).collect();
    match find_cycle(&nodes, &next) {
        Some(cycle) => Err(Error::invalid(
            named("roadmap item", cycle[0]),
            "depends_on",
            format!("These items depend on each other in a cycle: {}. Remove one dependency.", cycle.join(" → ")),
        )),
        None => Ok(()),
    }
}

fn alignment_has_no_cycle(doc: &Document) -> Result<()> {
    let nodes: Vec<&str> = doc.objectives.iter().map(|o| o.id.as_str()).collect();
    let next = doc.objectives.iter().map(|o| (o.id.as_str(), o.parent.iter().map(String::as_str).collect())).collect();
    match find_cycle(&nodes, &next) {
        Some(cycle) => Err(Error::invalid(
            named("objective", cycle[0]),
            "parent",
            format!("These objectives are each other's parents in a loop: {}. The alignment tree must not loop.", cycle.join(" → ")),
        )),
        None => Ok(()),
    }
}
