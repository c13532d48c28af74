// Sparkline geometry: the check-in values scaled into a small box. Drawing only.

export type Box = { width: number; height: number; pad: number };

export const SPARK: Box = { width: 60, height: 16, pad: 2 };

const r = (n: number) => Math.round(n * 100) / 100;

/** Points (x, y) for the values, evenly spaced left to right, the highest value at the top.
 *  A flat series sits in the middle; a single value sits at the right edge. */
export function sparkPoints(values: readonly number[], box: Box = SPARK, range?: readonly [number, number]): [number, number][] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [];
  // A fixed range (confidence: 0 to 1) keeps a small dip small; else the values' own span.
  const min = range ? range[0] : Math.min(...finite);
  const max = range ? range[1] : Math.max(...finite);
  const w = box.width - 2 * box.pad;
  const h = box.height - 2 * box.pad;
  const n = finite.length;
  return finite.map((v, i) => {
    const x = n === 1 ? box.width - box.pad : box.pad + (w * i) / (n - 1);
    const y = max === min ? box.height / 2 : box.pad + h * (1 - (Math.min(max, Math.max(min, v)) - min) / (max - min));
    return [r(x), r(y)];
  });
}

/** The points as an SVG polyline `points` attribute. */
export function sparkPolyline(values: readonly number[], box: Box = SPARK): string {
  return sparkPoints(values, box)
    .map(([x, y]) => `${x},${y}`)
    .join(" ");
}
