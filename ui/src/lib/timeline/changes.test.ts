import { describe, expect, it } from "vitest";
import type { Bar } from "../api/types/Bar";
import type { RoadmapGeometry } from "../api/types/RoadmapGeometry";
import { changedAreas } from "./changes";
import type { Box } from "./visible";

const bar = (item: string, x: number, y: number, extra: Partial<Bar> = {}): Bar => ({
  item,
  lane: "l1",
  title: item,
  start: "2027-01-01",
  end: "2027-01-10",
  kind: "feature",
  status: "planned",
  x,
  y,
  width: 60,
  height: 24,
  row: 0,
  fill: "#0072B2",
  text: "#ffffff",
  no_goal: false,
  goal_progress: null,
  goal_health: null,
  conflicts: 0,
  label: item,
  label_x: x + 8,
  check_x: null,
  ...extra,
});

const plan = (bars: Bar[], more: Partial<RoadmapGeometry> = {}): RoadmapGeometry => ({
  from: "2027-01-01",
  to: "2027-12-31",
  zoom: "month",
  px_per_day: 6,
  width: 2190,
  height: 400,
  axis_top: [],
  axis_bottom: [],
  weekends: [],
  lanes: [],
  bars,
  milestones: [{ milestone: "m1", label: "Beta", due: "2027-02-01", done: false, x: 186, y: 20 }],
  arrows: [{ from: "a", to: "b", points: [[60, 20], [70, 20], [70, 52], [80, 52]], violated: false }],
  ghosts: [],
  today: null,
  ...more,
});

const covers = (areas: Box[], x: number, y: number) => areas.some((a) => a.x0 <= x && x <= a.x1 && a.y0 <= y && y <= a.y1);

describe("changedAreas", () => {
  const before = plan([bar("a", 0, 8), bar("b", 80, 40), bar("c", 1000, 200)]);

  it("finds nothing when an edit changed nothing drawn", () => {
    expect(changedAreas(before, plan([bar("a", 0, 8), bar("b", 80, 40), bar("c", 1000, 200)]))).toEqual([]);
  });

  it("gives a moved bar's old and new places, and leaves the others alone", () => {
    const after = plan([bar("a", 0, 8), bar("b", 80, 40), bar("c", 1300, 200)]);
    const areas = changedAreas(before, after)!;
    expect(areas).toHaveLength(2);
    expect(covers(areas, 1030, 212)).toBe(true); // where c was
    expect(covers(areas, 1330, 212)).toBe(true); // where c is
    expect(covers(areas, 30, 20)).toBe(false); // a, untouched
    // The room just before the new place: a milestone label there may now be cut shorter.
    expect(covers(areas, 1300 - 200, 212)).toBe(true);
  });

  it("sees a change that keeps the place: a conflict badge, a goal line, a status", () => {
    for (const extra of [{ conflicts: 1 }, { goal_progress: 0.5, goal_health: "on_track" as const }, { status: "done" as const }]) {
      const areas = changedAreas(before, plan([bar("a", 0, 8, extra), bar("b", 80, 40), bar("c", 1000, 200)]))!;
      expect(covers(areas, 30, 20)).toBe(true);
      expect(covers(areas, 1030, 212)).toBe(false);
    }
  });

  it("gives added and removed bars, and a changed arrow, by where they are or were", () => {
    const after = plan([bar("a", 0, 8), bar("d", 500, 100)], {
      arrows: [{ from: "a", to: "b", points: [[60, 20], [70, 20], [70, 52], [80, 52]], violated: true }],
    });
    const areas = changedAreas(before, after)!;
    expect(covers(areas, 530, 112)).toBe(true); // d, added
    expect(covers(areas, 110, 52)).toBe(true); // b, removed
    expect(covers(areas, 1030, 212)).toBe(true); // c, removed
    expect(covers(areas, 70, 36)).toBe(true); // the arrow, now violated
  });

  it("asks for everything for another range, zoom or plan size, or a great many changes", () => {
    expect(changedAreas(before, plan(before.bars, { from: "2026-12-01" }))).toBeNull();
    expect(changedAreas(before, plan(before.bars, { px_per_day: 2 }))).toBeNull();
    expect(changedAreas(before, plan(before.bars, { height: 432 }))).toBeNull();
    const many = Array.from({ length: 400 }, (_, i) => bar(`x${i}`, i * 5, 8));
    const moved = many.map((b) => ({ ...b, y: b.y + 32 }));
    expect(changedAreas(plan(many), plan(moved))).toBeNull();
  });
});
