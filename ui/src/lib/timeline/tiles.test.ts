import { describe, expect, it } from "vitest";
import { TILE, tilesMeeting } from "./tiles";

describe("tilesMeeting", () => {
  it("covers the window with whole tiles, cut at the plan's right and bottom edges", () => {
    const tiles = tilesMeeting({ x0: 300, y0: 10, x1: 700, y1: 300 }, 600, 400);
    expect(tiles.map((t) => t.key)).toEqual(["1:0", "2:0", "1:1", "2:1"]);
    expect(tiles[0].box).toEqual({ x0: TILE, y0: 0, x1: 2 * TILE, y1: TILE });
    // The last column and row stop where the plan does.
    expect(tiles[3].box).toEqual({ x0: 2 * TILE, y0: TILE, x1: 600, y1: 400 });
  });

  it("gives a tile once the window reaches into it by a pixel, and none beyond the plan", () => {
    expect(tilesMeeting({ x0: 0, y0: 0, x1: TILE, y1: TILE }, 5000, 5000).map((t) => t.key)).toEqual(["0:0"]);
    expect(tilesMeeting({ x0: 0, y0: 0, x1: TILE + 1, y1: TILE }, 5000, 5000).map((t) => t.key)).toEqual(["0:0", "1:0"]);
    expect(tilesMeeting({ x0: 900, y0: 0, x1: 1200, y1: 100 }, 800, 100)).toEqual([]);
    expect(tilesMeeting({ x0: -50, y0: -50, x1: 10, y1: 10 }, 800, 100).map((t) => t.key)).toEqual(["0:0"]);
  });

  it("keeps a tile's key and box as the window moves within the plan, so it is painted once", () => {
    const a = tilesMeeting({ x0: 0, y0: 0, x1: 1000, y1: 500 }, 10000, 2000);
    const b = tilesMeeting({ x0: 100, y0: 0, x1: 1100, y1: 500 }, 10000, 2000);
    const boxes = new Map(a.map((t) => [t.key, t.box]));
    for (const t of b) if (boxes.has(t.key)) expect(t.box).toEqual(boxes.get(t.key));
    expect(b.filter((t) => !boxes.has(t.key)).map((t) => t.key)).toEqual(["4:0", "4:1"]);
  });
});
