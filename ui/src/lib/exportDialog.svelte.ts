// Who asked for the export dialog and with what: the views register what they show (the
// roadmap's lanes, the OKRs' cycle) so Ctrl+E and their "Export…" buttons open it in context.
import type { Cycle } from "./api/types/Cycle";
import type { ExportKind } from "./api/types/ExportKind";

export type LaneChoice = { id: string; name: string };

export type ExportRequest = {
  what: ExportKind;
  /** The OKR cycle to export (null: the current one). */
  cycle: string | null;
  /** Bumped on every request so the dialog re-reads remembered options. */
  n: number;
};

/** What the open views know; null when the view is not mounted. */
export const exportContext = $state<{ lanes: LaneChoice[] | null; cycles: Cycle[] | null; cycle: string | null }>({
  lanes: null,
  cycles: null,
  cycle: null,
});

export const exportDialog = $state<{ request: ExportRequest | null }>({ request: null });

let n = 0;

/** Opens the dialog for `what`; `cycle` defaults to the OKR view's cycle. */
export function openExport(what: ExportKind, cycle: string | null = exportContext.cycle): void {
  exportDialog.request = { what, cycle, n: ++n };
}

export function closeExport(): void {
  exportDialog.request = null;
}
