// Workspace, strategy, OKRs, roadmap and exports. Each command's typed function is
// generated from the Rust side (bindings.ts); this module only adds the event listeners.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { CSV_IMPORT_PREVIEW, WORKSPACE_CHANGED } from "./constants";
import type { CsvImportPreview } from "./types/CsvImportPreview";
import type { WorkspaceInfo } from "./types/WorkspaceInfo";

export { call } from "./ipc";
export { CSV_IMPORT_PREVIEW, WORKSPACE_CHANGED } from "./constants";
export type { CsvImportPreview } from "./types/CsvImportPreview";
export {
  workspaceInfo,
  getStrategy,
  updateProduct,
  retryOpen,
  importCsvFile,
  confirmCsvImport,
  previewCsvImport,
  cancelCsvImport,
  openSample,
  okrView,
  createCycle,
  createObjective,
  updateObjective,
  deleteObjective,
  createKeyResult,
  updateKeyResult,
  deleteKeyResult,
  addCheckin,
  createMilestone,
  updateMilestone,
  setMilestoneDone,
  deleteMilestone,
  bindMilestone,
  recordPivot,
  history,
  roadmapView,
  roadmapItem,
  roadmapBoard,
  roadmapConflicts,
  editRoadmap,
  editState,
  undoRoadmap,
  redoRoadmap,
  saveBaseline,
  deleteBaseline,
  roadmapItemGoals,
  exportDefaults,
  exportPreview,
  copyExportPng,
  exportFile,
} from "./bindings";

/** Calls `handler` with each CSV import's preview (from the File menu or a view's "Import CSV…"). */
export function onCsvImportPreview(handler: (p: CsvImportPreview) => void): Promise<UnlistenFn> {
  return listen<CsvImportPreview>(CSV_IMPORT_PREVIEW, (event) => handler(event.payload));
}

/** Calls `handler` whenever the Rust side switched to another workspace. */
export function onWorkspaceChanged(handler: (info: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return listen<WorkspaceInfo>(WORKSPACE_CHANGED, (event) => handler(event.payload));
}
