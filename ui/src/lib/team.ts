// Words for team spaces: the sidebar's sync status, the conflicts' order, the activity lines
// and where a Share or Join error goes. The clock is passed in, never read here.
import type { Activity } from "./api/types/Activity";
import type { LodestarError } from "./api/types/LodestarError";
import type { TeamConflict } from "./api/types/TeamConflict";
import type { TeamStatus } from "./api/types/TeamStatus";
import { formatFull } from "./time";

/** How the sync stands, by how much it needs the user: an error over offline over waiting. */
export type SyncTone = "in_sync" | "waiting" | "offline" | "error";

export type SyncSummary = { tone: SyncTone; text: string; detail: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** "10:42" today; "3 Nov 10:42" on another day (local time, or `timeZone`). */
export function clockTime(iso: string, now: Date, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const fmt = (d: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(d)
      .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  const d = fmt(date);
  const n = fmt(now);
  const clock = `${pad(Number(d.hour) % 24)}:${d.minute}`;
  return d.day === n.day && d.month === n.month && Math.abs(now.getTime() - date.getTime()) < 86_400_000 * 2
    ? clock
    : `${d.day} ${d.month} ${clock}`;
}

/** "1 change waiting", "3 changes waiting". */
export function waitingText(pending: number): string {
  return `${pending} ${pending === 1 ? "change" : "changes"} waiting`;
}

/** The sidebar's one line: "In sync", "N changes waiting", "Offline since 10:42", or the error. */
export function syncSummary(status: TeamStatus, now: Date, timeZone?: string): SyncSummary {
  const pending = status.pending;
  const waiting = pending > 0 ? waitingText(pending) : "";
  if (status.offline_since) {
    return { tone: "offline", text: `Offline since ${clockTime(status.offline_since, now, timeZone)}`, detail: waiting || "Nothing waiting" };
  }
  if (status.last_error) return { tone: "error", text: status.last_error, detail: waiting };
  if (pending > 0) return { tone: "waiting", text: waiting, detail: "" };
  return {
    tone: "in_sync",
    text: "In sync",
    detail: status.last_sync ? `Last sync ${clockTime(status.last_sync, now, timeZone)}` : "",
  };
}

/** The conflicts whose author is this copy's role first (they are the user's to settle), newest first within each. */
export function conflictsMineFirst(conflicts: readonly TeamConflict[]): TeamConflict[] {
  return [...conflicts].sort((a, b) => Number(b.mine) - Number(a.mine) || b.made_at.localeCompare(a.made_at));
}

const RECORD_NAMES: Record<string, string> = {
  product: "product",
  cycles: "cycle",
  kpis: "KPI",
  objectives: "objective",
  key_results: "key result",
  measurements: "KPI measurement",
  checkins: "check-in",
  lanes: "lane",
  roadmap_items: "roadmap item",
  roadmap_item_objectives: "item's objective",
  roadmap_item_dependencies: "dependency",
  milestones: "milestone",
  key_result_milestones: "key result's milestone",
  baselines: "baseline",
  baseline_items: "baseline item",
  themes: "theme",
  feedback: "feedback",
  feedback_themes: "feedback theme",
  feedback_items: "feedback link",
  experiments: "experiment",
  decisions: "decision",
  decision_links: "decision link",
  pivots: "pivot",
  revisions: "revision",
};

/** "roadmap item", "key result", … for a table name. */
export function recordName(table: string): string {
  return RECORD_NAMES[table] ?? table.replace(/_/g, " ").replace(/s$/, "");
}

const OPS: Record<string, string> = { insert: "added", update: "changed", delete: "deleted" };

/** A record's id as written: a link's pair of ids (`["r1","o2"]`) as "r1 – o2". */
export function recordId(record: string): string {
  if (!record.startsWith("[")) return record;
  try {
    const ids: unknown = JSON.parse(record);
    return Array.isArray(ids) ? ids.map(String).join(" – ") : record;
  } catch {
    return record;
  }
}

/** "alice changed roadmap item r3", for one line of Team activity. */
export function activityLine(a: Activity): string {
  if (a.table === "product") return `${a.author} changed the product`;
  return `${a.author} ${OPS[a.op] ?? a.op} ${recordName(a.table)} ${recordId(a.record)}`;
}

/** The activity worth a line: a goal's revision is already on the History timeline, with its author. */
export function shownActivity(activity: readonly Activity[]): Activity[] {
  return activity.filter((a) => a.table !== "revisions");
}

/** "title: Guided setup · start: 2026-12-01" (the values the change set), shortened to `max` characters. */
export function activityValues(a: Activity, max = 160): string {
  if (a.op === "delete") return "";
  const text = a.values
    .filter((v) => !["id", "uid", "rowid"].includes(v.field))
    .map((v) => `${v.field.replace(/_/g, " ")}: ${v.value === "null" ? "—" : v.value}`)
    .join(" · ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type TeamField = "server" | "space" | "password" | "role";

/**
 * Where a Share, Join or member error is shown: at the field it names; a refused password
 * at the password field; anything else (an unreachable server, a refusal) above the
 * buttons, in the core's words.
 */
export function placeTeamError(error: LodestarError): { field: TeamField | null; message: string } {
  const field = error.field as TeamField | null;
  if (field && ["server", "space", "password", "role"].includes(field)) return { field, message: error.message };
  if (error.code === "denied" && /password/i.test(error.message)) return { field: "password", message: error.message };
  return { field: null, message: error.message };
}

/** Full time for a tooltip, from the core's RFC 3339. */
export const fullTime = formatFull;
