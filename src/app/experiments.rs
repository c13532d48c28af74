use crate::error::Result;
use crate::model::*;
#[allow(unused_imports)]
use crate::store::experiments::*;
#[allow(unused_imports)]
use crate::store::*;
use crate::store::{next_id, not_found, Workspace};
use crate::views::experiments::*;

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
