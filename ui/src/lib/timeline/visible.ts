// Which shapes intersect the viewport: a uniform grid over the geometry, built once per view,
// queried on every scroll frame. Pure; answers indices into the input array, ascending.
export type Box = { x0: number; y0: number; x1: number; y1: number };

export class GridIndex {
  // Cells of a grid over the boxes' bounds, in one array indexed by small integers (a Map keyed
  // by large numbers cost ~10 ms to build for 1,500 bars, most of the first draw's JS).
  private readonly cells: (number[] | undefined)[];
  private readonly stamp: Uint32Array;
  private readonly cx0: number;
  private readonly cy0: number;
  private readonly nx: number;
  private readonly ny: number;
  private generation = 0;

  constructor(
    private readonly boxes: readonly Box[],
    private readonly cellW = 512,
    private readonly cellH = 256,
  ) {
    this.stamp = new Uint32Array(boxes.length);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const b of boxes) {
      if (b.x0 < x0) x0 = b.x0;
      if (b.y0 < y0) y0 = b.y0;
      if (b.x1 > x1) x1 = b.x1;
      if (b.y1 > y1) y1 = b.y1;
    }
    const empty = boxes.length === 0;
    this.cx0 = empty ? 0 : Math.floor(x0 / cellW);
    this.cy0 = empty ? 0 : Math.floor(y0 / cellH);
    this.nx = empty ? 0 : Math.floor(x1 / cellW) - this.cx0 + 1;
    this.ny = empty ? 0 : Math.floor(y1 / cellH) - this.cy0 + 1;
    this.cells = new Array(this.nx * this.ny);
    for (let i = 0; i < boxes.length; i++) {
      const b = boxes[i];
      const cxa = Math.floor(b.x0 / cellW) - this.cx0;
      const cxb = Math.floor(b.x1 / cellW) - this.cx0;
      const cya = Math.floor(b.y0 / cellH) - this.cy0;
      const cyb = Math.floor(b.y1 / cellH) - this.cy0;
      for (let cx = cxa; cx <= cxb; cx++)
        for (let cy = cya; cy <= cyb; cy++) {
          const k = cx * this.ny + cy;
          const list = this.cells[k];
          if (list) list.push(i);
          else this.cells[k] = [i];
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
    const cxa = Math.max(0, Math.floor(view.x0 / this.cellW) - this.cx0);
    const cxb = Math.min(this.nx - 1, Math.floor(view.x1 / this.cellW) - this.cx0);
    const cya = Math.max(0, Math.floor(view.y0 / this.cellH) - this.cy0);
    const cyb = Math.min(this.ny - 1, Math.floor(view.y1 / this.cellH) - this.cy0);
    for (let cx = cxa; cx <= cxb; cx++)
      for (let cy = cya; cy <= cyb; cy++) {
        const list = this.cells[cx * this.ny + cy];
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
