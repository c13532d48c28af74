// What a new layout changed on the painted plan. After an edit the core sends the whole plan
// again; painting every tile in view again cost ~15-20 ms at 10,000 items, where an edit
// usually moves one bar and what hangs on it (its arrows, conflict badges, a milestone label).
// Only the tiles meeting the areas returned here are painted again.
import type { RoadmapGeometry } from "../api/types/RoadmapGeometry";
import { arrowArea, barReach, diamondArea, ghostArea } from "./paint";
import type { Box } from "./visible";

/** Beyond this many changed things, painting everything again is as quick. */
const MAX_CHANGES = 500;

/**
 * The areas (plan pixels) whose painting differs between `before` and `after`: each changed,
 * added or removed bar, arrow, baseline ghost or milestone, where it was and where it is.
 * Null when everything must be painted again: another range, zoom or plan size, or many changes.
 */
export function changedAreas(before: RoadmapGeometry, after: RoadmapGeometry): Box[] | null {
  if (before.from !== after.from || before.px_per_day !== after.px_per_day || before.width !== after.width || before.height !== after.height) return null;
  const out: Box[] = [];
  const ok =
    diff(before.bars, after.bars, (b) => b.item, barReach, out) &&
    diff(before.arrows, after.arrows, (a) => `${a.from}>${a.to}`, arrowArea, out) &&
    diff(before.ghosts, after.ghosts, (g) => g.item, ghostArea, out) &&
    diff(before.milestones, after.milestones, (d) => d.milestone, diamondArea, out);
  return ok ? out : null;
}

/** Pushes the areas of what differs between two lists keyed by `key`; false past MAX_CHANGES. */
function diff<T extends object>(before: readonly T[], after: readonly T[], key: (t: T) => string, area: (t: T) => Box, out: Box[]): boolean {
  const old = new Map(before.map((t) => [key(t), t]));
  for (const t of after) {
    const k = key(t);
    const was = old.get(k);
    old.delete(k);
    if (was !== undefined && same(was, t)) continue;
    out.push(area(t));
    if (was !== undefined) out.push(area(was));
    if (out.length > MAX_CHANGES) return false;
  }
  for (const was of old.values()) out.push(area(was));
  return out.length <= MAX_CHANGES;
}

/** Field by field; arrays (an arrow's points) by their contents. */
function same(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) {
    const [u, v] = [x[k], y[k]];
    if (u === v) continue;
    if (Array.isArray(u) && Array.isArray(v) && JSON.stringify(u) === JSON.stringify(v)) continue;
    return false;
  }
  return true;
}
