//! Undo and redo of roadmap edits and goal edits within a session: each applied edit
//! keeps its inverse, so undo applies the inverse and redo applies the inverse's inverse.

use crate::error::{Error, ErrorCode, Result};
use crate::model::{GoalEdit, RoadmapEdit};
use crate::views::roadmap::EditState;
use crate::Workspace;

struct Step {
    label: String,
    /// The edit that takes the workspace back (on the undo stack) or forward again
    /// (on the redo stack).
    edit: Undoable,
}

/// One step of the history: a roadmap edit or a goal edit.
enum Undoable {
    Roadmap(Box<RoadmapEdit>),
    Goals(GoalEdit),
}

impl Undoable {
    /// Applies the step and answers its inverse.
    fn run(&self, ws: &mut Workspace) -> Result<Undoable> {
        match self {
            Undoable::Roadmap(e) => ws.apply_roadmap_edit(e).map(|e| Undoable::Roadmap(Box::new(e))),
            Undoable::Goals(e) => ws.apply_goal_edit(e, chrono::Utc::now()).map(Undoable::Goals),
        }
    }
}

/// Words for a goal edit: "Undo cycle close".
pub fn describe_goal_edit(edit: &GoalEdit) -> &'static str {
    match edit {
        GoalEdit::CloseCycle { .. } => "cycle close",
        GoalEdit::ReopenCycle { .. } => "cycle reopening",
        GoalEdit::MoveKeyResult { .. } => "key result move",
        GoalEdit::DuplicateObjective { .. } => "objective duplicate",
        GoalEdit::RemoveDuplicate { .. } => "duplicate removal",
    }
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
        self.undo.push(Step { label: describe(edit).to_string(), edit: Undoable::Roadmap(Box::new(inverse)) });
        self.redo.clear();
        Ok(self.state())
    }

    /// Applies a goal edit (closing a cycle, moving a key result, …) as one undoable step.
    pub fn apply_goal_edit(&mut self, ws: &mut Workspace, edit: &GoalEdit) -> Result<EditState> {
        let inverse = ws.apply_goal_edit(edit, chrono::Utc::now())?;
        self.undo.push(Step { label: describe_goal_edit(edit).to_string(), edit: Undoable::Goals(inverse) });
        self.redo.clear();
        Ok(self.state())
    }

    pub fn undo(&mut self, ws: &mut Workspace) -> Result<EditState> {
        let step = self.undo.pop().ok_or_else(|| Error::new(ErrorCode::NotFound, "Nothing to undo."))?;
        match step.edit.run(ws) {
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
        match step.edit.run(ws) {
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
