// The only module that talks to the Rust side. One typed function per command.
// A rejected invoke carries a LodestarError; anything else is normalised to `internal`.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { toLodestarError } from "../errors";
import type { ProductField } from "./types/ProductField";
import type { StrategyView } from "./types/StrategyView";
import type { WorkspaceInfo } from "./types/WorkspaceInfo";

/** Name of the event the Rust side emits after File ▸ New / Open / Import. */
export const WORKSPACE_CHANGED = "workspace-changed";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
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
export function openSample(): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("open_sample");
}

/** Calls `handler` whenever the Rust side switched to another workspace. */
export function onWorkspaceChanged(handler: (info: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return listen<WorkspaceInfo>(WORKSPACE_CHANGED, (event) => handler(event.payload));
}
