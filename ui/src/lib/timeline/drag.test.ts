import { describe, expect, it } from "vitest";
import { dragDays, draggedDates, ghostRect, hitZone, isClick, laneAt, laneIndexAt } from "./drag";

const lanes = [
  { id: "a", y: 0, height: 64 },
  { id: "b", y: 64, height: 32 },
  { id: "c", y: 96, height: 96 },
];

describe("drag", () => {
  it("grabs the start or end edge in the first and last 6 px, else moves", () => {
    expect(hitZone(2, 100)).toBe("resize-start");
    expect(hitZone(6, 100)).toBe("resize-start");
    expect(hitZone(50, 100)).toBe("move");
    expect(hitZone(97, 100)).toBe("resize-end");
  });

  it("keeps a middle to move by on narrow bars", () => {
    expect(hitZone(4.5, 12)).toBe("move");
    expect(hitZone(1, 12)).toBe("resize-start");
  });

  it("treats less than 3 px as a click", () => {
    expect(isClick(1, 2)).toBe(true);
    expect(isClick(3, 0)).toBe(false);
  });

  it("turns a pointer delta into snapped days", () => {
    expect(dragDays("move", 61, 6, 1, 10)).toBe(10);
    expect(dragDays("move", -13, 6, 1, 10)).toBe(-2);
    expect(dragDays("move", 9, 2, 7, 10)).toBe(7);
    expect(dragDays("move", 5, 2, 7, 10)).toBe(0);
    expect(dragDays("move", 1, 24, 1, 10)).toBe(0);
  });

  it("never resizes an item below one day", () => {
    expect(dragDays("resize-start", 600, 6, 1, 10)).toBe(9);
    expect(dragDays("resize-end", -600, 6, 1, 10)).toBe(-9);
    expect(dragDays("resize-end", 60, 6, 1, 10)).toBe(10);
  });

  it("finds the lane under y, clamped to the first and last", () => {
    expect(laneAt(-20, lanes)).toBe("a");
    expect(laneAt(63.9, lanes)).toBe("a");
    expect(laneAt(64, lanes)).toBe("b");
    expect(laneAt(150, lanes)).toBe("c");
    expect(laneAt(9999, lanes)).toBe("c");
    expect(laneIndexAt(10, [])).toBe(-1);
  });

  it("moves, stretches and shrinks the ghost by whole days", () => {
    const bar = { x: 60, y: 5, width: 60, height: 22 };
    expect(ghostRect(bar, "move", 2, 6, null, 0, "a", "a")).toEqual({ x: 72, y: 5, width: 60, height: 22 });
    expect(ghostRect(bar, "resize-start", -1, 6, null, 0, "a", "a")).toEqual({ x: 54, y: 5, width: 66, height: 22 });
    expect(ghostRect(bar, "resize-end", 3, 6, null, 0, "a", "a")).toEqual({ x: 60, y: 5, width: 78, height: 22 });
  });

  it("puts the ghost on the row under the pointer in another lane", () => {
    const bar = { x: 60, y: 5, width: 60, height: 22 };
    expect(ghostRect(bar, "move", 0, 6, lanes[2], 140, "a", "c").y).toBe(96 + 32 + 5);
    expect(ghostRect(bar, "move", 0, 6, lanes[2], 500, "a", "c").y).toBe(96 + 64 + 5);
  });

  it("shifts or stretches inclusive dates", () => {
    expect(draggedDates("2027-01-04", "2027-02-12", "move", 14)).toEqual({ start: "2027-01-18", end: "2027-02-26" });
    expect(draggedDates("2027-01-04", "2027-02-12", "resize-start", -3)).toEqual({ start: "2027-01-01", end: "2027-02-12" });
    expect(draggedDates("2027-01-04", "2027-02-12", "resize-end", 7)).toEqual({ start: "2027-01-04", end: "2027-02-19" });
  });
});
