//! The backlog: the ranking report and the Backlog view. Score edits are roadmap edits
//! (`RoadmapEdit::SetScores`), so they undo and redo like every other item edit.
