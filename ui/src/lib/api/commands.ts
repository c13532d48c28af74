// The only module that talks to the Rust side. One typed function per command.
// A rejected invoke carries a LodestarError; anything else is normalised to `internal`.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { toLodestarError } from "../errors";
import type { CheckIn } from "./types/CheckIn";
import type { Cycle } from "./types/Cycle";
import type { HistoryView } from "./types/HistoryView";
import type { KeyResultInput } from "./types/KeyResultInput";
import type { MilestoneInput } from "./types/MilestoneInput";
import type { ObjectiveInput } from "./types/ObjectiveInput";
import type { OkrView } from "./types/OkrView";
import type { PivotKind } from "./types/PivotKind";
import type { ProductField } from "./types/ProductField";
import type { StrategyView } from "./types/StrategyView";
import type { BoardCard } from "./types/BoardCard";
import type { ConflictNote } from "./types/ConflictNote";
import type { EditState } from "./types/EditState";
import type { ItemDetail } from "./types/ItemDetail";
import type { LayoutRequest } from "./types/LayoutRequest";
import type { RoadmapEdit } from "./types/RoadmapEdit";
import type { RoadmapView } from "./types/RoadmapView";
import type { WorkspaceInfo } from "./types/WorkspaceInfo";
import type { CsvImport } from "./types/CsvImport";
import type { CsvPreview } from "./types/CsvPreview";
import type { Lane } from "./types/Lane";
import type { ExportFormat } from "./types/ExportFormat";
import type { ExportKind } from "./types/ExportKind";
import type { PictureOptions } from "./types/PictureOptions";

/** Name of the event the Rust side emits after File ▸ New / Open / Import. */
export const WORKSPACE_CHANGED = "workspace-changed";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toLodestarError(e);
  }
}

/** Which workspace is open; called first thing at startup. */
export function workspaceInfo(): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("workspace_info");
}

/** The product with its vision, strategy, stage and all their revisions (newest first). */
export function getStrategy(): Promise<StrategyView> {
  return call<StrategyView>("get_strategy");
}

/** Sets one product field; the core validates and answers with the new state. */
export function updateProduct(field: ProductField, value: string | null): Promise<StrategyView> {
  return call<StrategyView>("update_product", { field, value });
}

/** Opens the bundled sample workspace ("Acme Analytics"). */
/** Opens again the workspace that could not be opened (or answers the open one's info). */
export function retryOpen(): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("retry_open");
}

/** A CSV import picked in the File menu, waiting for the user's look at its rows. */
export type CsvImportPreview = { what: CsvImport; file: string; preview: CsvPreview; lanes: Lane[] };

export const CSV_IMPORT_PREVIEW = "csv-import-preview";

export function onCsvImportPreview(handler: (p: CsvImportPreview) => void): Promise<UnlistenFn> {
  return listen<CsvImportPreview>(CSV_IMPORT_PREVIEW, (event) => handler(event.payload));
}

/** Opens the native file picker for a CSV of roadmap items, feedback or KPI measurements;
 *  its preview arrives as a `csv-import-preview` event (as from the File menu). */
export function importCsvFile(what: CsvImport): Promise<null> {
  return call<null>("import_csv_file", { what });
}

/** Imports the previewed CSV (all or nothing); answers how many items were added. */
export function confirmCsvImport(): Promise<number> {
  return call<number>("confirm_csv_import");
}

export function cancelCsvImport(): Promise<null> {
  return call<null>("cancel_csv_import");
}

export function openSample(): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("open_sample");
}

/** Calls `handler` whenever the Rust side switched to another workspace. */
export function onWorkspaceChanged(handler: (info: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return listen<WorkspaceInfo>(WORKSPACE_CHANGED, (event) => handler(event.payload));
}

// ---- OKRs: every figure in an OkrView is computed by the core; mutations answer nothing
// useful, so the caller reloads with okrView afterwards. Dates are "YYYY-MM-DD".

/** Cycles, objective cards with their figures, the alignment tree and KPIs.
 *  `cycle` null: the cycle containing `asOf`; `asOf` null: today. */
export function okrView(cycle: string | null, asOf: string | null): Promise<OkrView> {
  return call<OkrView>("okr_view", { cycle, as_of: asOf });
}

export function createCycle(cycle: Cycle): Promise<null> {
  return call<null>("create_cycle", { cycle });
}

/** Answers the new objective's id. */
export function createObjective(input: ObjectiveInput): Promise<string> {
  return call<string>("create_objective", { input });
}

/** A non-empty `reason` records the change as a deliberate adjustment. */
export function updateObjective(id: string, input: ObjectiveInput, reason: string | null): Promise<null> {
  return call<null>("update_objective", { id, input, reason });
}

export function deleteObjective(id: string): Promise<null> {
  return call<null>("delete_objective", { id });
}

/** Answers the new key result's id. */
export function createKeyResult(objective: string, input: KeyResultInput): Promise<string> {
  return call<string>("create_key_result", { objective, input });
}

export function updateKeyResult(id: string, input: KeyResultInput, reason: string | null): Promise<null> {
  return call<null>("update_key_result", { id, input, reason });
}

export function deleteKeyResult(id: string): Promise<null> {
  return call<null>("delete_key_result", { id });
}

export function addCheckin(checkin: CheckIn): Promise<null> {
  return call<null>("add_checkin", { checkin });
}

/** Answers the new milestone's id. */
export function createMilestone(input: MilestoneInput): Promise<string> {
  return call<string>("create_milestone", { input });
}

export function updateMilestone(id: string, input: MilestoneInput): Promise<null> {
  return call<null>("update_milestone", { id, input });
}

/** `doneOn` null marks the milestone as not done. */
export function setMilestoneDone(id: string, doneOn: string | null): Promise<null> {
  return call<null>("set_milestone_done", { id, done_on: doneOn });
}

export function deleteMilestone(id: string): Promise<null> {
  return call<null>("delete_milestone", { id });
}

/** Binds (or unbinds) a milestone to a milestone-kind key result. */
export function bindMilestone(keyResult: string, milestone: string, bound: boolean): Promise<null> {
  return call<null>("bind_milestone", { key_result: keyResult, milestone, bound });
}

export function recordPivot(date: string, kind: PivotKind, description: string): Promise<null> {
  return call<null>("record_pivot", { date, kind, description });
}

/** Revisions of goals and product fields, and pivots; newest first. */
export function history(): Promise<HistoryView> {
  return call<HistoryView>("history");
}

// ---- Roadmap: the core lays out the timeline; every edit is one call (one transaction, one
// undo step) answering what undo/redo would do now; the caller then asks for the view again.

/** The timeline's geometry for a range, zoom and filters, with conflicts, coverage and slips. */
export function roadmapView(request: LayoutRequest): Promise<RoadmapView> {
  return call<RoadmapView>("roadmap_view", { request });
}

/** One item for the side panel: its fields, its *why*, conflicts and dependencies. */
export function roadmapItem(id: string): Promise<ItemDetail> {
  return call<ItemDetail>("roadmap_item", { id });
}

/** Cards of the now–next–later board. */
export function roadmapBoard(): Promise<BoardCard[]> {
  return call<BoardCard[]>("roadmap_board");
}

/** Every conflict with its sentence (the view only counts them). */
export function roadmapConflicts(): Promise<ConflictNote[]> {
  return call<ConflictNote[]>("roadmap_conflicts");
}

export function editRoadmap(edit: RoadmapEdit): Promise<EditState> {
  return call<EditState>("edit_roadmap", { edit });
}

/** What Undo and Redo would do now (labels, or null when there is nothing). */
export function editState(): Promise<EditState> {
  return call<EditState>("edit_state");
}

export function undoRoadmap(): Promise<EditState> {
  return call<EditState>("undo_roadmap");
}

export function redoRoadmap(): Promise<EditState> {
  return call<EditState>("redo_roadmap");
}

/** Saves today's plan as a named baseline; answers its id. */
export function saveBaseline(name: string): Promise<string> {
  return call<string>("save_baseline", { name });
}

export function deleteBaseline(id: string): Promise<null> {
  return call<null>("delete_baseline", { id });
}

// ---- Exports: the core renders; the preview is exactly the SVG it would write.

/** Defaults for the export dialog: the items' date range, month zoom, scale 2, title = product name. */
export function exportDefaults(): Promise<PictureOptions> {
  return call<PictureOptions>("export_defaults");
}

/** The picture as it will be written, drawn by the core at 1× as a `data:image/png` URL (`cycle` null: the current cycle). */
export function exportPreview(what: ExportKind, options: PictureOptions, cycle: string | null): Promise<string> {
  return call<string>("export_preview", { what, options, cycle });
}

/** Opens the native save dialog, renders and writes; answers the saved path, or null when cancelled. */
/** Draws the picture as a PNG at the options' scale and puts it on the system clipboard. */
export function copyExportPng(what: ExportKind, options: PictureOptions, cycle: string | null): Promise<null> {
  return call<null>("copy_export_png", { what, options, cycle });
}

export function exportFile(what: ExportKind, format: ExportFormat, options: PictureOptions, cycle: string | null): Promise<string | null> {
  return call<string | null>("export_file", { what, format, options, cycle });
}
