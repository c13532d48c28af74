// The painted plan as square canvas tiles covering the drawn window. A tile is painted once and
// then only copied: scrolling paints a column or row of new tiles now and then, never the whole
// window (one canvas for the window, repainted at each move of it, cost 10-20 ms at 10,000 items
// in WebKitGTK's software canvas, where a title costs ~30 µs to shape). Tiles in the viewport are
// painted at once; those in the margin around it between frames, a few at a time.
import type { Box } from "./visible";

export const TILE = 256; // CSS px

/** The tiles meeting `win` within a plan of `width` × `height`, cut at the plan's edges. */
export function tilesMeeting(win: Box, width: number, height: number): { key: string; box: Box }[] {
  const out: { key: string; box: Box }[] = [];
  for (let ty = Math.max(0, Math.floor(win.y0 / TILE)); ty * TILE < Math.min(win.y1, height); ty++) {
    for (let tx = Math.max(0, Math.floor(win.x0 / TILE)); tx * TILE < Math.min(win.x1, width); tx++) {
      const box = { x0: tx * TILE, y0: ty * TILE, x1: Math.min(width, (tx + 1) * TILE), y1: Math.min(height, (ty + 1) * TILE) };
      if (box.x1 > win.x0 && box.y1 > win.y0) out.push({ key: `${tx}:${ty}`, box });
    }
  }
  return out;
}

type Tile = { canvas: HTMLCanvasElement; box: Box; version: number };

export class TileLayer {
  private tiles = new Map<string, Tile>();
  private spare: HTMLCanvasElement[] = [];
  private pending = new Set<string>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `paint` draws the plan's part in `box` on a context whose bitmap is that box at `scale`. */
  constructor(
    private host: HTMLElement,
    private paint: (ctx: CanvasRenderingContext2D, box: Box, scale: number) => void,
  ) {}

  /**
   * Shows the tiles meeting `win` within a plan of `width` × `height` and drops the rest. Those
   * new or older than `version` (bumped when the plan or its colours change) are painted now if
   * they meet `view` (what is on screen), else soon.
   */
  show(win: Box, view: Box, width: number, height: number, version: number): void {
    const scale = window.devicePixelRatio || 1;
    this.version = version;
    const keep = new Set<string>();
    for (const { key, box } of tilesMeeting(win, width, height)) {
      keep.add(key);
      let tile = this.tiles.get(key);
      // A tile cut by the plan's edge that moved, or a display of another pixel density.
      if (tile && (tile.box.x1 !== box.x1 || tile.box.y1 !== box.y1 || tile.canvas.width !== Math.round((box.x1 - box.x0) * scale))) {
        this.drop(key, tile);
        tile = undefined;
      }
      if (!tile) {
        tile = { canvas: this.canvas(box, scale), box, version: -1 };
        this.tiles.set(key, tile);
      }
      if (tile.version === version) continue;
      if (meets(box, view)) {
        this.paintTile(tile, scale);
        this.pending.delete(key);
      } else this.pending.add(key);
    }
    for (const [key, tile] of this.tiles) if (!keep.has(key)) this.drop(key, tile);
    if (this.pending.size > 0 && this.timer === null) this.timer = setTimeout(() => this.paintPending(), 0);
  }

  /** Paints waiting tiles for up to ~3 ms, then yields to the next frame. */
  private paintPending() {
    this.timer = null;
    const scale = window.devicePixelRatio || 1;
    const start = performance.now();
    for (const key of this.pending) {
      this.pending.delete(key);
      const tile = this.tiles.get(key);
      if (tile && tile.version !== this.version) this.paintTile(tile, scale);
      if (performance.now() - start > 3) break;
    }
    if (this.pending.size > 0) this.timer = setTimeout(() => this.paintPending(), 0);
  }

  /** Paints again the shown tiles that meet `region` (a bar drawn faint while dragged). */
  repaint(region: Box): void {
    const scale = window.devicePixelRatio || 1;
    for (const tile of this.tiles.values()) if (meets(tile.box, region)) this.paintTile(tile, scale);
  }

  /** Removes every tile. */
  clear(): void {
    for (const [key, tile] of this.tiles) this.drop(key, tile);
    this.spare = [];
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private paintTile(tile: Tile, scale: number) {
    const ctx = tile.canvas.getContext("2d");
    if (ctx) this.paint(ctx, tile.box, scale);
    tile.version = this.version;
  }

  private canvas(box: Box, scale: number): HTMLCanvasElement {
    const c = this.spare.pop() ?? document.createElement("canvas");
    const [w, h] = [box.x1 - box.x0, box.y1 - box.y0];
    if (c.width !== Math.round(w * scale)) c.width = Math.round(w * scale);
    if (c.height !== Math.round(h * scale)) c.height = Math.round(h * scale);
    c.style.cssText = `left:${box.x0}px;top:${box.y0}px;width:${w}px;height:${h}px`;
    this.host.append(c);
    return c;
  }

  private drop(key: string, tile: Tile) {
    tile.canvas.remove();
    this.tiles.delete(key);
    this.pending.delete(key);
    if (this.spare.length < 64) this.spare.push(tile.canvas);
  }
}

function meets(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
}
