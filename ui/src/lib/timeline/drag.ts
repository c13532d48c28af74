// Drag math: pointer deltas → a day delta for move / resize-start / resize-end, the lane under
// the pointer, and the ghost rectangle shown while dragging. Pure and synchronous: nothing here
// touches the DOM or the core.
import { ROW_HEIGHT } from "../api/constants";
import { addDays, snapDelta } from "./scale";

export type DragMode = "move" | "resize-start" | "resize-end";

export type Rect = { x: number; y: number; width: number; height: number };
export type LaneBand = { id: string; y: number; height: number };

/** Width of the grab zone at each end of a bar; narrow bars keep a middle to move by. */
export const EDGE_PX = 6;
/** A pointer that moved less than this is a click, not a drag. */
export const CLICK_SLOP_PX = 3;
/** A lane row's height, as the core lays the timeline out. */
export const ROW_PX = ROW_HEIGHT;

/** What pointerdown at `offsetX` (from the bar's left edge) grabs. */
export function hitZone(offsetX: number, width: number, edge = EDGE_PX): DragMode {
  const zone = Math.min(edge, width / 3);
  if (offsetX <= zone) return "resize-start";
  if (offsetX >= width - zone) return "resize-end";
  return "move";
}

export function isClick(dx: number, dy: number, slop = CLICK_SLOP_PX): boolean {
  return Math.hypot(dx, dy) < slop;
}

/**
 * The day delta a horizontal pointer delta means, snapped to `snap` days. Resizing never makes
 * the item shorter than one day (`spanDays` = days from start to end inclusive).
 */
export function dragDays(mode: DragMode, dx: number, pxPerDay: number, snap: number, spanDays: number): number {
  let days = snapDelta(dx / pxPerDay, snap);
  if (mode === "resize-start") days = Math.min(days, spanDays - 1);
  if (mode === "resize-end") days = Math.max(days, -(spanDays - 1));
  return days === 0 ? 0 : days;
}

/** Index of the lane at y (clamped to the first and last lane), by binary search; -1 when none. */
export function laneIndexAt(y: number, lanes: readonly LaneBand[]): number {
  if (lanes.length === 0) return -1;
  let lo = 0;
  let hi = lanes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lanes[mid].y <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The lane id at y, or null when there are no lanes. */
export function laneAt(y: number, lanes: readonly LaneBand[]): string | null {
  const i = laneIndexAt(y, lanes);
  return i < 0 ? null : lanes[i].id;
}

/** Where the ghost sits: the bar shifted/stretched by `days`; in another lane, on the row under y. */
export function ghostRect(bar: Rect, mode: DragMode, days: number, pxPerDay: number, target: LaneBand | null, pointerY: number, barLane: string | null, targetLane: string | null): Rect {
  const shift = days * pxPerDay;
  let { x, width } = bar;
  if (mode === "move") x += shift;
  else if (mode === "resize-start") {
    x += shift;
    width -= shift;
  } else width += shift;
  let y = bar.y;
  if (mode === "move" && target && targetLane !== barLane) {
    const rows = Math.max(1, Math.round(target.height / ROW_PX));
    const row = Math.min(rows - 1, Math.max(0, Math.floor((pointerY - target.y) / ROW_PX)));
    y = target.y + row * ROW_PX + (ROW_PX - bar.height) / 2;
  }
  return { x, y, width: Math.max(width, 2), height: bar.height };
}

/** The item's dates after the drag (inclusive). */
export function draggedDates(start: string, end: string, mode: DragMode, days: number): { start: string; end: string } {
  if (mode === "move") return { start: addDays(start, days), end: addDays(end, days) };
  if (mode === "resize-start") return { start: addDays(start, days), end };
  return { start, end: addDays(end, days) };
}
