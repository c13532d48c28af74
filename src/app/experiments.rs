//! Experiments: validated edits, each one transaction, and the board grouped by status.

use super::reference;
use crate::error::Result;
use crate::model::*;
use crate::rules::{optional_text, required_name};
use crate::store::experiments::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::experiments::*;
use rusqlite::Transaction;

impl Workspace {
    /// Creates an experiment and returns its generated id.
    pub fn create_experiment(&mut self, input: &ExperimentInput) -> Result<String> {
        self.write(|tx| {
            let e = validate_experiment(tx, "experiment", input)?;
            let id = next_id(tx, "experiments", "e")?;
            write(tx, &id, &e, true)?;
            Ok(id)
        })
    }

    pub fn update_experiment(&mut self, id: &str, input: &ExperimentInput) -> Result<()> {
        self.write(|tx| {
            let e = validate_experiment(tx, &format!("experiment \"{id}\""), input)?;
            if !write(tx, id, &e, false)? {
                return Err(not_found("experiment", id));
            }
            Ok(())
        })
    }

    pub fn delete_experiment(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            if !crate::store::delete(tx, "experiments", id)? {
                return Err(not_found("experiment", id));
            }
            Ok(())
        })
    }

    /// Every experiment, grouped by status (planned, running, validated, invalidated;
    /// each group present, possibly empty), in the order created within a group.
    pub fn experiments_view(&self) -> Result<ExperimentsView> {
        let doc = self.document()?;
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
