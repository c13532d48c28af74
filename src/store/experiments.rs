//! Experiments: validated edits, each one transaction, and the board grouped by status.

use rusqlite::{params, Transaction};

use super::{next_id, not_found, optional_text, reference, required_name, Workspace};
use crate::error::Result;
use crate::model::*;
use crate::views::experiments::*;

impl Workspace {
    /// Creates an experiment and returns its generated id.
    pub fn create_experiment(&mut self, input: &ExperimentInput) -> Result<String> {
        self.with_tx(|tx| {
            let e = validate_experiment(tx, "experiment", input)?;
            let id = next_id(tx, "experiments", "e")?;
            write(tx, &id, &e, true)?;
            Ok(id)
        })
    }

    pub fn update_experiment(&mut self, id: &str, input: &ExperimentInput) -> Result<()> {
        self.with_tx(|tx| {
            let e = validate_experiment(tx, &format!("experiment \"{id}\""), input)?;
            if !write(tx, id, &e, false)? {
                return Err(not_found("experiment", id));
            }
            Ok(())
        })
    }

    pub fn delete_experiment(&mut self, id: &str) -> Result<()> {
        self.with_tx(|tx| {
            if tx.execute("DELETE FROM experiments WHERE id = ?1", [id])? == 0 {
                return Err(not_found("experiment", id));
            }
            Ok(())
        })
    }

    /// Every experiment, grouped by status (planned, running, validated, invalidated;
    /// each group present, possibly empty), in the order created within a group.
    pub fn experiments_view(&self) -> Result<ExperimentsView> {
        let doc = self.export_document()?;
        let title_of_objective =
            |id: &Option<String>| id.as_ref().and_then(|id| doc.objectives.iter().find(|o| &o.id == id)).map(|o| o.title.clone());
        let title_of_item =
            |id: &Option<String>| id.as_ref().and_then(|id| doc.roadmap_items.iter().find(|i| &i.id == id)).map(|i| i.title.clone());
        let groups = ExperimentStatus::ALL
            .iter()
            .map(|status| ExperimentGroup {
                status: *status,
                experiments: doc
                    .experiments
                    .iter()
                    .filter(|e| e.status == *status)
                    .map(|e| ExperimentCard {
                        objective_title: title_of_objective(&e.objective),
                        roadmap_item_title: title_of_item(&e.roadmap_item),
                        experiment: e.clone(),
                    })
                    .collect(),
            })
            .collect();
        Ok(ExperimentsView { groups })
    }
}

fn validate_experiment(tx: &Transaction<'_>, rec: &str, input: &ExperimentInput) -> Result<ExperimentInput> {
    let title = required_name(rec, "title", &input.title)?;
    reference(tx, rec, "objective", "objectives", "objective", input.objective.as_deref())?;
    reference(tx, rec, "roadmap_item", "roadmap_items", "roadmap item", input.roadmap_item.as_deref())?;
    Ok(ExperimentInput {
        title,
        belief: optional_text(&input.belief),
        measure: optional_text(&input.measure),
        success_signal: optional_text(&input.success_signal),
        change_our_mind: optional_text(&input.change_our_mind),
        status: input.status,
        result: optional_text(&input.result),
        objective: input.objective.clone(),
        roadmap_item: input.roadmap_item.clone(),
    })
}

/// Inserts or updates; false when there was nothing to update.
fn write(tx: &Transaction<'_>, id: &str, e: &ExperimentInput, insert: bool) -> Result<bool> {
    let sql = if insert {
        "INSERT INTO experiments (id, title, belief, measure, success_signal, change_our_mind, status, result, objective, roadmap_item)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    } else {
        "UPDATE experiments SET title = ?2, belief = ?3, measure = ?4, success_signal = ?5, change_our_mind = ?6, status = ?7,
             result = ?8, objective = ?9, roadmap_item = ?10 WHERE id = ?1"
    };
    let n = tx.execute(
        sql,
        params![id, e.title, e.belief, e.measure, e.success_signal, e.change_our_mind, e.status, e.result, e.objective, e.roadmap_item],
    )?;
    Ok(n > 0)
}
