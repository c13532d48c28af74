// Backlog, feedback, experiments and decisions. Each command's typed function is
// generated from the Rust side (bindings.ts). Score edits are the roadmap edit
// `set_scores` (editRoadmap), so they share the roadmap's undo and redo.
export {
  backlogView,
  feedbackInbox,
  themesView,
  itemFeedback,
  createFeedback,
  updateFeedback,
  deleteFeedback,
  createTheme,
  renameTheme,
  deleteTheme,
  mergeThemes,
  tagFeedback,
  linkFeedback,
  experimentsView,
  createExperiment,
  updateExperiment,
  deleteExperiment,
  decisions,
  createDecision,
  updateDecision,
  deleteDecision,
} from "./bindings";
