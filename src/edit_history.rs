//! Undo and redo of roadmap edits within a session: each applied edit keeps its
//! inverse, so undo applies the inverse and redo applies the inverse's inverse.

use crate::error::{Error, ErrorCode, Result};
use crate::model::RoadmapEdit;
use crate::views::roadmap::EditState;
use crate::Workspace;

struct Step {
    label: String,
    /// The edit that takes the workspace back (on the undo stack) or forward again
    /// (on the redo stack).
    edit: RoadmapEdit,
}

#[derive(Default)]
pub struct EditHistory {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// Words for the Edit menu and tooltips: "Undo move of “Guided setup”".
pub fn describe(edit: &RoadmapEdit) -> &'static str {
    use RoadmapEdit as E;
    match edit {
        E::MoveItem { lane: Some(_), .. } => "move to another lane",
        E::MoveItem { .. } => "move",
        E::ResizeItem { .. } => "resize",
        E::SetItemDates { .. } => "date change",
        E::ReorderLanes { .. } => "lane order",
        E::LinkObjective { .. } => "goal link",
        E::UnlinkObjective { .. } => "goal unlink",
        E::AddDependency { .. } => "new dependency",
        E::RemoveDependency { .. } => "dependency removal",
        E::SetHorizon { .. } => "horizon change",
        E::CreateItem { .. } => "new item",
        E::UpdateItem { .. } => "item edit",
        E::DeleteItem { .. } => "deletion",
        E::RestoreItem { .. } => "restore",
        E::CreateLane { .. } => "new lane",
        E::UpdateLane { .. } => "lane edit",
        E::DeleteLane { .. } => "lane deletion",
        E::SetScores { .. } => "score change",
    }
}

impl EditHistory {
    /// Applies an edit and remembers how to undo it; a new edit clears the redo stack.
    pub fn apply(&mut self, ws: &mut Workspace, edit: &RoadmapEdit) -> Result<EditState> {
        let inverse = ws.apply_roadmap_edit(edit)?;
        self.undo.push(Step { label: describe(edit).to_string(), edit: inverse });
        self.redo.clear();
        Ok(self.state())
    }

    pub fn undo(&mut self, ws: &mut Workspace) -> Result<EditState> {
        let step = self.undo.pop().ok_or_else(|| Error::new(ErrorCode::NotFound, "Nothing to undo."))?;
        match ws.apply_roadmap_edit(&step.edit) {
            Ok(forward) => {
                self.redo.push(Step { label: step.label, edit: forward });
                Ok(self.state())
            }
            Err(e) => {
                // The workspace changed under this step (e.g. the item is gone): drop it.
                Err(Error { message: format!("Could not undo the {}: {}", step.label, e.message), ..e })
            }
        }
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Result<EditState> {
        let step = self.redo.pop().ok_or_else(|| Error::new(ErrorCode::NotFound, "Nothing to redo."))?;
        match ws.apply_roadmap_edit(&step.edit) {
            Ok(back) => {
                self.undo.push(Step { label: step.label, edit: back });
                Ok(self.state())
            }
            Err(e) => Err(Error { message: format!("Could not redo the {}: {}", step.label, e.message), ..e }),
        }
    }

    /// Forgets everything (another workspace was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    pub fn state(&self) -> EditState {
        EditState { undo: self.undo.last().map(|s| s.label.clone()), redo: self.redo.last().map(|s| s.label.clone()) }
    }
}
