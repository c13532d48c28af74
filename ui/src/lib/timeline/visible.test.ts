import { describe, expect, it } from "vitest";
import { GridIndex, pointsBox, rectBox, visibleSpans } from "./visible";

describe("visible", () => {
  const rects = [
    { x: 0, y: 0, width: 100, height: 22 },
    { x: 900, y: 0, width: 100, height: 22 },
    { x: 0, y: 600, width: 2000, height: 22 },
    { x: 480, y: 40, width: 80, height: 22 },
  ];
  const index = new GridIndex(rects.map((r) => rectBox(r)), 256, 128);

  it("answers only what intersects the viewport, ascending", () => {
    expect(index.query({ x0: 400, y0: 0, x1: 800, y1: 100 })).toEqual([3]);
    expect(index.query({ x0: 0, y0: 0, x1: 2000, y1: 700 })).toEqual([0, 1, 2, 3]);
    expect(index.query({ x0: 1500, y0: 500, x1: 1600, y1: 700 })).toEqual([2]);
    expect(index.query({ x0: 3000, y0: 0, x1: 4000, y1: 100 })).toEqual([]);
  });

  it("answers nothing from an empty index and finds boxes left of or above the origin", () => {
    expect(new GridIndex([]).query({ x0: 0, y0: 0, x1: 1000, y1: 1000 })).toEqual([]);
    const signed = new GridIndex([rectBox({ x: -700, y: -300, width: 50, height: 22 }), rectBox({ x: 10, y: 10, width: 5, height: 5 })], 256, 128);
    expect(signed.query({ x0: -1000, y0: -1000, x1: 0, y1: 0 })).toEqual([0]);
    expect(signed.query({ x0: -1000, y0: -1000, x1: 1000, y1: 1000 })).toEqual([0, 1]);
  });

  it("reports a box spanning many cells once", () => {
    expect(index.query({ x0: 0, y0: 590, x1: 2000, y1: 640 })).toEqual([2]);
  });

  it("matches a brute-force filter on random boxes", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const boxes = Array.from({ length: 2000 }, () => rectBox({ x: rnd() * 20000, y: rnd() * 5000, width: rnd() * 400, height: 22 }));
    const grid = new GridIndex(boxes);
    for (let k = 0; k < 20; k++) {
      const v = { x0: rnd() * 20000, y0: rnd() * 5000, x1: 0, y1: 0 };
      v.x1 = v.x0 + 1200;
      v.y1 = v.y0 + 800;
      const brute = boxes.flatMap((b, i) => (b.x1 >= v.x0 && b.x0 <= v.x1 && b.y1 >= v.y0 && b.y0 <= v.y1 ? [i] : []));
      expect(grid.query(v)).toEqual(brute);
    }
  });

  it("boxes polylines and pads them", () => {
    expect(pointsBox([[10, 20], [30, 5], [15, 40]], 2)).toEqual({ x0: 8, y0: 3, x1: 32, y1: 42 });
  });

  it("finds the axis ticks in a window by binary search", () => {
    const ticks = Array.from({ length: 12 }, (_, i) => ({ x: i * 100, width: 100, label: String(i) }));
    expect(visibleSpans(ticks, 250, 420).map((t) => t.label)).toEqual(["2", "3", "4"]);
    expect(visibleSpans(ticks, 5000, 6000)).toEqual([]);
  });
});
