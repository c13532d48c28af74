// Which shapes intersect the viewport: a uniform grid over the geometry, built once per view,
// queried on every scroll frame. Pure; answers indices into the input array, ascending.
export type Box = { x0: number; y0: number; x1: number; y1: number };

export class GridIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private generation = 0;

  constructor(
    private readonly boxes: readonly Box[],
    private readonly cellW = 512,
    private readonly cellH = 256,
  ) {
    this.stamp = new Uint32Array(boxes.length);
    const cells = this.cells;
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      const cx0 = Math.floor(b.x0 / cellW);
      const cx1 = Math.floor(b.x1 / cellW);
      const cy0 = Math.floor(b.y0 / cellH);
      const cy1 = Math.floor(b.y1 / cellH);
      for (let cx = cx0; cx <= cx1; cx++)
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = cellKey(cx, cy);
          const list = cells.get(key);
          if (list) list.push(i);
          else cells.set(key, [i]);
        }
    }
  }

  get size(): number {
    return this.boxes.length;
  }

  /** Indices of the boxes intersecting `view` (edges touching count), ascending. */
  query(view: Box): number[] {
    const out: number[] = [];
    this.generation = (this.generation + 1) >>> 0 || 1;
    const g = this.generation;
    const cx0 = Math.floor(view.x0 / this.cellW);
    const cx1 = Math.floor(view.x1 / this.cellW);
    const cy0 = Math.floor(view.y0 / this.cellH);
    const cy1 = Math.floor(view.y1 / this.cellH);
    for (let cx = cx0; cx <= cx1; cx++)
      for (let cy = cy0; cy <= cy1; cy++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (!list) continue;
        for (const i of list) {
          if (this.stamp[i] === g) continue;
          this.stamp[i] = g;
          const b = this.boxes[i];
          if (b.x1 >= view.x0 && b.x0 <= view.x1 && b.y1 >= view.y0 && b.y0 <= view.y1) out.push(i);
        }
      }
    return out.sort((a, b) => a - b);
  }
}

function cellKey(cx: number, cy: number): number {
  // Cells stay well inside ±2^20 for any real range, so this is collision-free.
  return (cx + 1_048_576) * 2_097_152 + (cy + 1_048_576);
}

export function rectBox(r: { x: number; y: number; width: number; height: number }, pad = 0): Box {
  return { x0: r.x - pad, y0: r.y - pad, x1: r.x + r.width + pad, y1: r.y + r.height + pad };
}

export function pointsBox(points: readonly (readonly [number, number])[], pad = 0): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0: x0 - pad, y0: y0 - pad, x1: x1 + pad, y1: y1 + pad };
}

/** First index whose span [x, x + width] reaches `x0`, in spans sorted by x (binary search). */
function lowerBound<T extends { x: number; width: number }>(spans: readonly T[], x0: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].x + spans[mid].width < x0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans (axis ticks, sorted by x and not overlapping) that intersect [x0, x1]. */
export function visibleSpans<T extends { x: number; width: number }>(spans: readonly T[], x0: number, x1: number): T[] {
  const out: T[] = [];
  for (let i = lowerBound(spans, x0); i < spans.length && spans[i].x <= x1; i++) out.push(spans[i]);
  return out;
}
