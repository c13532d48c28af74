// Backlog, feedback, experiments and decisions: one typed function per command, through
// the same `call` as commands.ts. Every figure (scores, ranks, counts, trends) is the core's.
import { call } from "./commands";
import type { BacklogView } from "./types/BacklogView";
import type { DecisionCard } from "./types/DecisionCard";
import type { DecisionInput } from "./types/DecisionInput";
import type { ExperimentInput } from "./types/ExperimentInput";
import type { ExperimentsView } from "./types/ExperimentsView";
import type { FeedbackEntry } from "./types/FeedbackEntry";
import type { FeedbackFilter } from "./types/FeedbackFilter";
import type { FeedbackInbox } from "./types/FeedbackInbox";
import type { FeedbackInput } from "./types/FeedbackInput";
import type { ScoreBy } from "./types/ScoreBy";
import type { ThemesView } from "./types/ThemesView";

// ---- Backlog. Score edits are the roadmap edit `set_scores` (editRoadmap in commands.ts),
// so they share the roadmap's undo and redo.

/** Every backlog item with both scores, ranked by `by` (items without that score last). */
export function backlogView(by: ScoreBy): Promise<BacklogView> {
  return call<BacklogView>("backlog_view", { by });
}

// ---- Feedback.

/** The inbox, newest first, with the theme and item pickers' lists. */
export function feedbackInbox(filter: FeedbackFilter | null): Promise<FeedbackInbox> {
  return call<FeedbackInbox>("feedback_inbox", { filter });
}

/** Themes by count, their monthly trend and how many records are untagged. */
export function themesView(): Promise<ThemesView> {
  return call<ThemesView>("themes_view");
}

/** The feedback linked to one roadmap item, newest first. */
export function itemFeedback(item: string): Promise<FeedbackEntry[]> {
  return call<FeedbackEntry[]>("item_feedback", { item });
}

/** Answers the new record's id. */
export function createFeedback(input: FeedbackInput): Promise<string> {
  return call<string>("create_feedback", { input });
}

export function updateFeedback(id: string, input: FeedbackInput): Promise<null> {
  return call<null>("update_feedback", { id, input });
}

export function deleteFeedback(id: string): Promise<null> {
  return call<null>("delete_feedback", { id });
}

/** Answers the new theme's id. */
export function createTheme(name: string): Promise<string> {
  return call<string>("create_theme", { name });
}

export function renameTheme(id: string, name: string): Promise<null> {
  return call<null>("rename_theme", { id, name });
}

export function deleteTheme(id: string): Promise<null> {
  return call<null>("delete_theme", { id });
}

/** Re-tags every record of `from` with `into`, then deletes `from` (one transaction). */
export function mergeThemes(from: string, into: string): Promise<null> {
  return call<null>("merge_themes", { from, into });
}

export function tagFeedback(feedback: string, theme: string, tagged: boolean): Promise<null> {
  return call<null>("tag_feedback", { feedback, theme, tagged });
}

export function linkFeedback(feedback: string, item: string, linked: boolean): Promise<null> {
  return call<null>("link_feedback", { feedback, item, linked });
}

// ---- Experiments.

/** Every experiment, grouped planned → running → validated → invalidated. */
export function experimentsView(): Promise<ExperimentsView> {
  return call<ExperimentsView>("experiments_view");
}

/** Answers the new experiment's id. */
export function createExperiment(input: ExperimentInput): Promise<string> {
  return call<string>("create_experiment", { input });
}

export function updateExperiment(id: string, input: ExperimentInput): Promise<null> {
  return call<null>("update_experiment", { id, input });
}

export function deleteExperiment(id: string): Promise<null> {
  return call<null>("delete_experiment", { id });
}

// ---- Decisions.

/** The decision log, newest first; only those containing `query` when given. */
export function decisions(query: string | null): Promise<DecisionCard[]> {
  return call<DecisionCard[]>("decisions", { query });
}

/** Answers the new decision's id. */
export function createDecision(input: DecisionInput): Promise<string> {
  return call<string>("create_decision", { input });
}

export function updateDecision(id: string, input: DecisionInput): Promise<null> {
  return call<null>("update_decision", { id, input });
}

export function deleteDecision(id: string): Promise<null> {
  return call<null>("delete_decision", { id });
}
