// The timeline's plan drawn on a canvas: baseline ghosts, dependency arrows, bars and milestone
// diamonds, exactly as the core laid them out. WebKitGTK repaints a scrolled area whole in
// every frame when it paints in software (as it does for many Linux users); a painted canvas
// repaints as a picture copy, where the same plan as SVG elements cost ~6 ms a frame at 10,000
// items. The canvases are tiles (tiles.ts). What is interactive (focus, keys, hit-testing,
// names for assistive technology) stays in an SVG layer above them; this module only paints.
import type { Arrow } from "../api/types/Arrow";
import type { Bar } from "../api/types/Bar";
import type { Diamond } from "../api/types/Diamond";
import type { Ghost } from "../api/types/Ghost";
import type { Health } from "../api/types/Health";
import { healthInfo } from "../health";
import { roundedPath } from "./path";
import { pointsBox, rectBox, type Box } from "./visible";

/** The design tokens the plan is painted with, resolved (a canvas cannot read CSS variables). */
export type Palette = { surface: string; text: string; muted: string; border: string; success: string; warning: string; danger: string; neutral: string };

const TOKENS: (keyof Palette)[] = ["surface", "text", "muted", "border", "success", "warning", "danger", "neutral"];

/** Reads the tokens as they apply to `el` (light or dark). */
export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const p = {} as Palette;
  for (const t of TOKENS) p[t] = style.getPropertyValue(`--${t}`).trim() || "#888";
  return p;
}

/** How far a bar's paint reaches beyond its box: a short bar's conflict badge sits after it. */
const BAR_REACH = 18;
/** How far right of its diamond a milestone's label may reach (see the Timeline's milestoneLabel). */
const LABEL_REACH = 240;

// The area each thing paints on, in plan pixels: what a tile must hold to paint it whole.
export const barArea = (b: Bar): Box => rectBox(b, BAR_REACH);
export const ghostArea = (g: Ghost): Box => rectBox(g, 1);
export const arrowArea = (a: Arrow): Box => pointsBox(a.points, 8);
export const diamondArea = (d: Diamond): Box => ({ x0: d.x - 8, y0: d.y - 8, x1: d.x + LABEL_REACH, y1: d.y + 10 });

const BAR_FONT = '500 12px "Inter", system-ui, sans-serif';
const BADGE_FONT = '600 11px "Inter", system-ui, sans-serif';

export type PlanPicture = {
  bars: readonly Bar[];
  ghosts: readonly Ghost[];
  arrows: readonly Arrow[];
  diamonds: readonly Diamond[];
  /** A lane's colour by id (dropped items are hatched in it). */
  laneColour: (lane: string) => string;
  /** The milestone's label as it fits its row ("" for none). */
  milestoneLabel: (d: Diamond) => string;
  /** The bar being dragged: drawn faint under its ghost. */
  dragged: string | null;
};

/** The goal line's colour: its goals' most severe health. */
function goalColour(p: Palette, health: Health | null): string {
  return p[healthInfo(health).tone];
}

/**
 * Paints `pic` on `ctx`, whose bitmap covers `win` (plan pixels) at `scale` device pixels per
 * CSS pixel. Clears first. `pic` holds what meets `win`; what lies beyond its edges is cut off.
 */
export function paintPlan(ctx: CanvasRenderingContext2D, win: Box, scale: number, pic: PlanPicture, p: Palette): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(scale, 0, 0, scale, -win.x0 * scale, -win.y0 * scale);
  for (const g of pic.ghosts) paintGhost(ctx, g, p);
  for (const a of pic.arrows) paintArrow(ctx, a, p);
  // In passes, so that the font is set once (setting it costs as much as a bar): bodies, then
  // titles and checks, then conflict badges on top. Bars in a row never overlap, and a title
  // never leaves its bar, so the order within a bar is kept.
  for (const b of pic.bars) {
    ctx.globalAlpha = b.item === pic.dragged ? 0.35 : 1;
    paintBody(ctx, b, p, () => hatch(ctx, pic.laneColour(b.lane)));
  }
  ctx.font = BAR_FONT;
  for (const b of pic.bars) {
    // A title costs ~30 µs to shape: it (and the check mark before it) is drawn only in the
    // tiles it can reach, not in every tile a long bar crosses. 14 px a UTF-16 unit bounds
    // every glyph of the 12 px font (an emoji is two units).
    const from = Math.min(b.label_x, b.check_x ?? b.label_x);
    if (from >= win.x1 || b.label_x + 14 * b.label.length + 12 <= win.x0) continue;
    ctx.globalAlpha = b.item === pic.dragged ? 0.35 : 1;
    paintTitle(ctx, b, p);
  }
  ctx.font = BADGE_FONT;
  ctx.textAlign = "center";
  for (const b of pic.bars) {
    if (b.conflicts === 0) continue;
    ctx.globalAlpha = b.item === pic.dragged ? 0.35 : 1;
    paintBadge(ctx, b, p);
  }
  ctx.textAlign = "start";
  ctx.globalAlpha = 1;
  ctx.font = BAR_FONT;
  for (const d of pic.diamonds) paintDiamond(ctx, d, pic.milestoneLabel(d), p);
}

function isSolid(b: Bar): boolean {
  return b.status === "planned" || b.status === "in_progress" || b.status === "done";
}

function paintBody(ctx: CanvasRenderingContext2D, b: Bar, p: Palette, hatchOf: () => CanvasPattern | string) {
  const solid = isSolid(b);
  const alpha = ctx.globalAlpha;
  if (b.no_goal) {
    // The missing "why": a dashed amber outline around the bar.
    ctx.beginPath();
    ctx.roundRect(b.x - 2.5, b.y - 2.5, b.width + 5, b.height + 5, 5.5);
    ctx.setLineDash([3, 2.5]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.warning;
    ctx.globalAlpha = alpha * 0.9;
    ctx.stroke();
    ctx.globalAlpha = alpha;
    ctx.setLineDash([]);
  }
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.width, b.height, 4);
  if (solid) {
    ctx.globalAlpha = alpha * (b.status === "done" ? 0.6 : 1);
    ctx.fillStyle = b.fill;
    ctx.fill();
    ctx.globalAlpha = alpha;
  } else {
    ctx.fillStyle = b.status === "dropped" ? hatchOf() : p.surface;
    ctx.fill();
    ctx.strokeStyle = b.fill;
    ctx.lineWidth = b.status === "idea" ? 1.5 : 1;
    if (b.status === "dropped") ctx.setLineDash([2, 2]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (b.status === "in_progress") {
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, Math.min(4, b.width), b.height, 2);
    ctx.fillStyle = "rgba(0, 0, 0, 0.28)";
    ctx.fill();
  }
  if ((b.goal_progress !== null || b.goal_health !== null) && b.width >= 8) {
    // The goal signal: a thin line along the bottom, as long as the goals' progress, in their
    // health's colour, over a light track so any colour reads on any lane colour.
    const y = b.y + b.height - 4;
    ctx.beginPath();
    ctx.roundRect(b.x + 2, y, b.width - 4, 3, 1.5);
    ctx.fillStyle = solid ? "rgba(255, 255, 255, 0.88)" : p.border;
    ctx.fill();
    const w = (b.width - 4) * Math.min(1, Math.max(0, b.goal_progress ?? 0));
    if (w > 0) {
      ctx.beginPath();
      ctx.roundRect(b.x + 2, y, w, 3, Math.min(1.5, w / 2));
      ctx.fillStyle = goalColour(p, b.goal_health);
      ctx.fill();
    }
  }
}

/** A done item's check mark and the title, in BAR_FONT (set by the caller). */
function paintTitle(ctx: CanvasRenderingContext2D, b: Bar, p: Palette) {
  const solid = isSolid(b);
  const alpha = ctx.globalAlpha;
  if (b.check_x !== null) {
    const my = b.y + b.height / 2;
    ctx.beginPath();
    ctx.moveTo(b.check_x, my);
    ctx.lineTo(b.check_x + 3, my + 3);
    ctx.lineTo(b.check_x + 9, my - 3.5);
    ctx.strokeStyle = solid ? b.text : p.text;
    ctx.lineWidth = 1.8;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.globalAlpha = alpha * 0.75;
    ctx.stroke();
    ctx.globalAlpha = alpha;
    ctx.lineCap = "butt";
    ctx.lineJoin = "miter";
  }
  if (b.label) {
    // The core fitted the label (the same text an export draws): drawn as is.
    const y = b.y + b.height / 2 + 4.2;
    ctx.fillStyle = solid ? b.text : b.status === "dropped" ? p.muted : p.text;
    ctx.globalAlpha = alpha * (b.status === "done" ? 0.75 : 1);
    ctx.fillText(b.label, b.label_x, y);
    if (b.status === "dropped") {
      const w = ctx.measureText(b.label).width;
      ctx.fillRect(b.label_x, y - 4, w, 1);
    }
    ctx.globalAlpha = alpha;
  }
}

/** The conflict badge, in BADGE_FONT centred (set by the caller). */
function paintBadge(ctx: CanvasRenderingContext2D, b: Bar, p: Palette) {
  const [cx, cy] = badgeCentre(b);
  ctx.beginPath();
  ctx.arc(cx, cy, 7, 0, Math.PI * 2);
  ctx.fillStyle = p.danger;
  ctx.fill();
  ctx.strokeStyle = p.surface;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.fillStyle = "#fff";
  ctx.fillText("!", cx, cy + 4);
}

/** Where a bar's conflict badge sits: inside its right end, or just after a short bar. */
export function badgeCentre(b: Bar): [number, number] {
  return [b.width >= 30 ? b.x + b.width - 11 : b.x + b.width + 9, b.y + b.height / 2];
}

function paintGhost(ctx: CanvasRenderingContext2D, g: Ghost, p: Palette) {
  ctx.beginPath();
  ctx.roundRect(g.x + 0.5, g.y + 0.5, Math.max(1, g.width - 1), g.height - 1, 4);
  ctx.setLineDash([3, 2]);
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.text;
  ctx.globalAlpha = 0.4;
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

function paintArrow(ctx: CanvasRenderingContext2D, a: Arrow, p: Palette) {
  const colour = a.violated ? p.danger : p.neutral;
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1.5;
  ctx.stroke(new Path2D(roundedPath(a.points, 5)));
  const n = a.points.length;
  if (n < 2) return;
  // The head: a triangle whose tip is on the last point, along the last segment.
  const [x1, y1] = a.points[n - 1];
  const [x0, y0] = a.points[n - 2];
  const angle = Math.atan2(y1 - y0, x1 - x0);
  ctx.save();
  ctx.translate(x1, y1);
  ctx.rotate(angle);
  const s = 1.3125; // the marker's 8-unit box drawn 7 stroke widths wide
  ctx.beginPath();
  ctx.moveTo((0.5 - 7) * s, (0.5 - 4) * s);
  ctx.lineTo((7.5 - 7) * s, 0);
  ctx.lineTo((0.5 - 7) * s, (7.5 - 4) * s);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.restore();
}

function paintDiamond(ctx: CanvasRenderingContext2D, d: Diamond, label: string, p: Palette) {
  ctx.beginPath();
  ctx.moveTo(d.x, d.y - 6);
  ctx.lineTo(d.x + 6, d.y);
  ctx.lineTo(d.x, d.y + 6);
  ctx.lineTo(d.x - 6, d.y);
  ctx.closePath();
  ctx.fillStyle = d.done ? p.success : p.text;
  ctx.fill();
  ctx.strokeStyle = p.surface;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  if (!label) return;
  // A halo in the surface colour keeps the label legible over grid lines (BAR_FONT is set).
  ctx.lineWidth = 3;
  ctx.lineJoin = "round";
  ctx.strokeText(label, d.x + 10, d.y + 4);
  ctx.lineJoin = "miter";
  ctx.fillStyle = p.text;
  ctx.fillText(label, d.x + 10, d.y + 4);
}

const hatches = new Map<string, CanvasPattern | string>();

/** Diagonal lines in the lane's colour, 6 px apart: a dropped item's fill (made once a colour). */
function hatch(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | string {
  let h = hatches.get(colour);
  if (h === undefined) hatches.set(colour, (h = makeHatch(ctx, colour)));
  return h;
}

function makeHatch(ctx: CanvasRenderingContext2D, colour: string): CanvasPattern | string {
  const tile = document.createElement("canvas");
  tile.width = tile.height = 6;
  const t = tile.getContext("2d");
  if (!t) return "transparent";
  t.strokeStyle = colour;
  t.globalAlpha = 0.55;
  t.lineWidth = 2;
  // A 45° line through the tile, with its wrapped corners, tiles seamlessly.
  for (const o of [-6, 0, 6]) {
    t.beginPath();
    t.moveTo(o, 6);
    t.lineTo(o + 6, 0);
    t.stroke();
  }
  return ctx.createPattern(tile, "repeat") ?? "transparent";
}
