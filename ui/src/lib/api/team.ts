// Team spaces: each command's typed function is generated from the Rust side (bindings.ts);
// this module adds the events the shell sends about the team sync.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { TEAM_CHANGES_APPLIED, TEAM_DIALOG, TEAM_STATUS } from "./constants";
import type { TeamDialog } from "./types/TeamDialog";
import type { TeamStatus } from "./types/TeamStatus";
import type { TeamSyncReport } from "./types/TeamSyncReport";

export {
  teamStatus,
  teamShare,
  teamJoin,
  teamSync,
  teamSetPassword,
  teamLeave,
  teamMembers,
  teamChangeMember,
  teamConflicts,
  teamReapplyConflict,
  teamDismissConflict,
  teamActivity,
} from "./bindings";
export type { TeamStatus, TeamDialog, TeamSyncReport };

/** Calls `handler` with the team status whenever it may have changed (null: not shared). */
export function onTeamStatus(handler: (status: TeamStatus | null) => void): Promise<UnlistenFn> {
  return listen<TeamStatus | null>(TEAM_STATUS, (event) => handler(event.payload));
}

/** Calls `handler` after a sync applied other members' changes. */
export function onTeamChangesApplied(handler: (report: TeamSyncReport) => void): Promise<UnlistenFn> {
  return listen<TeamSyncReport>(TEAM_CHANGES_APPLIED, (event) => handler(event.payload));
}

/** Calls `handler` when File ▸ Share with Team… or Join Team Space… was chosen. */
export function onTeamDialog(handler: (which: TeamDialog) => void): Promise<UnlistenFn> {
  return listen<TeamDialog>(TEAM_DIALOG, (event) => handler(event.payload));
}
