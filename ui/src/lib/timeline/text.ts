// Labels that fit a width (milestone labels; bar titles come fitted from the core): the longest
// prefix with an ellipsis under a width. Pure, given a text measure (canvas in the app, a fake in
// tests).
export type Measure = (text: string) => number;

export const ELLIPSIS = "…";

/** `text` itself when it fits in `max` px, else its longest prefix + "…" that fits, else "". */
export function fitText(text: string, max: number, measure: Measure): string {
  if (max <= 0 || text === "") return "";
  if (measure(text) <= max) return text;
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "" : text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/** A 2D context set to `font`, made on first use (none outside a browser). */
function lazyContext(font: string): () => CanvasRenderingContext2D | null {
  let ctx: CanvasRenderingContext2D | null | undefined;
  return () => {
    if (ctx !== undefined) return ctx;
    try {
      ctx = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
      if (ctx) ctx.font = font;
    } catch {
      ctx = null;
    }
    return ctx;
  };
}

/** A memoising canvas measure for one CSS font (falls back to 7 px per character). */
export function canvasMeasure(font: string): Measure {
  const cache = new Map<string, number>();
  const context = lazyContext(font);
  return (text) => {
    let w = cache.get(text);
    if (w === undefined) {
      const ctx = context();
      w = ctx ? ctx.measureText(text).width : text.length * 7;
      if (cache.size > 50_000) cache.clear();
      cache.set(text, w);
    }
    return w;
  };
}

/** Width of one character (memoised per character by the caller). */
export type CharWidth = (ch: string) => number;

/**
 * Like `fitText`, in one pass: sums per-character widths (kerning ignored, so a pixel of slack
 * is kept) and cuts at the last character that leaves room for the ellipsis.
 */
export function fitTextByChars(text: string, max: number, width: CharWidth, slack = 1): string {
  if (max <= 0 || text === "") return "";
  const room = max - slack;
  const ell = width(ELLIPSIS);
  let sum = 0;
  let cut = -1; // last index where prefix + ellipsis fits
  for (let i = 0; i < text.length; i++) {
    sum += width(text[i]);
    if (sum + ell <= room) cut = i + 1;
    if (sum > room) break;
  }
  if (sum <= room) return text;
  if (cut <= 0) return "";
  const head = text.slice(0, cut).trimEnd();
  return head === "" ? "" : head + ELLIPSIS;
}

/** A memoising per-character canvas measure for one CSS font (7 px per character without canvas). */
export function canvasCharWidth(font: string): CharWidth {
  const cache = new Map<string, number>();
  const context = lazyContext(font);
  return (ch) => {
    let w = cache.get(ch);
    if (w === undefined) {
      const ctx = context();
      w = ctx ? ctx.measureText(ch).width : 7;
      cache.set(ch, w);
    }
    return w;
  };
}

/** Runs `work` once the fonts are in, in a task of its own. A view's module calls it as it
 *  loads (ahead of the first visit, while the app is idle) for work the first visit would
 *  otherwise wait for: e.g. making a canvas to measure labels and setting its font. */
export function afterFontsLoad(work: () => void): void {
  if (typeof document === "undefined" || !document.fonts) return;
  void document.fonts.ready.then(() => setTimeout(work, 0));
}

/** Measures the common characters (ASCII and the ellipsis) of a per-character measure. */
export function commonCharacters(width: CharWidth): void {
  for (let c = 32; c < 127; c++) width(String.fromCharCode(c));
  width(ELLIPSIS);
}
