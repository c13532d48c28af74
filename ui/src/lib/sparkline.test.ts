import { describe, expect, it } from "vitest";
import { sparkPoints, sparkPolyline } from "./sparkline";

const box = { width: 60, height: 16, pad: 2 };

describe("sparkline", () => {
  it("spreads points across the width and puts the highest value on top", () => {
    expect(sparkPoints([40, 43, 46], box)).toEqual([
      [2, 14],
      [30, 8],
      [58, 2],
    ]);
  });

  it("draws a falling metric going down", () => {
    const pts = sparkPoints([3.2, 2.8], box);
    expect(pts[0][1]).toBeLessThan(pts[1][1]);
  });

  it("centres a flat series and puts a lone value at the right edge", () => {
    expect(sparkPoints([5, 5, 5], box).map((p) => p[1])).toEqual([8, 8, 8]);
    expect(sparkPoints([7], box)).toEqual([[58, 8]]);
    expect(sparkPoints([], box)).toEqual([]);
  });

  it("formats an SVG points attribute", () => {
    expect(sparkPolyline([0, 1], box)).toBe("2,14 58,2");
  });
});

describe("a sparkline over a fixed range", () => {
  it("places confidence against 0 to 1, not against its own span", () => {
    // Box 60 × 16, pad 2: y = 2 + 12 × (1 − v). 0.8 → 4.4, 0.5 → 8.
    expect(sparkPoints([0.8, 0.5], box, [0, 1])).toEqual([
      [2, 4.4],
      [58, 8],
    ]);
  });
});
