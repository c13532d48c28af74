// The one place that invokes the Rust side. A rejected invoke carries a LodestarError;
// anything else is normalised to `internal`. The typed function of each command is
// generated from the Rust side into bindings.ts.
import { invoke } from "@tauri-apps/api/core";
import { toLodestarError } from "../errors";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toLodestarError(e);
  }
}
