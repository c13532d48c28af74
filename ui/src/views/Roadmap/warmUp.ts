// Opening the roadmap the first time ran the timeline's code and templates cold: WebKit's
// JavaScript engine compiles each function on its first call and Svelte parses each template
// on its first use, which made the first open ~20 ms slower than later ones. While the app is
// idle after start-up, the timeline is drawn once, out of sight, with one lane holding one of
// each thing it draws, and taken down again.
import { flushSync, mount, unmount } from "svelte";
import type { RoadmapGeometry } from "../../lib/api/types/RoadmapGeometry";
import Timeline from "./Timeline.svelte";

const bar = (item: string, x: number, status: "planned" | "in_progress" | "done" | "dropped" | "idea", row: number) => ({
  item,
  lane: "warm",
  title: "Warm up",
  start: "2027-01-01",
  end: "2027-01-31",
  kind: "feature" as const,
  status,
  x,
  y: 8 + row * 32,
  width: 180,
  height: 24,
  row,
  fill: "#0072B2",
  text: "#ffffff",
  no_goal: row === 1,
  goal_progress: row === 0 ? 0.5 : null,
  goal_health: row === 0 ? ("on_track" as const) : null,
  conflicts: row === 2 ? 1 : 0,
  label: "Warm up",
  label_x: x + 8,
  check_x: status === "done" ? x + 160 : null,
});

const GEOMETRY: RoadmapGeometry = {
  from: "2027-01-01",
  to: "2027-03-31",
  zoom: "month",
  px_per_day: 6,
  width: 540,
  height: 112,
  axis_top: [{ start: "2027-01-01", x: 0, width: 540, label: "Q1 2027" }],
  axis_bottom: [{ start: "2027-01-01", x: 0, width: 186, label: "Jan" }],
  weekends: [],
  lanes: [{ id: "warm", name: "Warm up", colour: "#0072B2", y: 0, height: 112, rows: 3, item_count: 3 }],
  bars: [bar("warm-a", 0, "in_progress", 0), bar("warm-b", 200, "done", 1), bar("warm-c", 0, "dropped", 2), bar("warm-d", 300, "idea", 2)],
  milestones: [{ milestone: "warm-m", label: "Warm up", due: "2027-02-01", done: false, x: 190, y: 20 }],
  arrows: [{ from: "warm-a", to: "warm-b", points: [[180, 20], [190, 20], [190, 52], [200, 52]], violated: false }],
  ghosts: [{ item: "warm-a", x: 10, y: 8, width: 180, height: 24, slip_days: 3 }],
  today: 100,
};

/** Draws the timeline once out of sight and takes it down (a no-op outside a browser). */
export function warmUpTimeline(): void {
  if (typeof document === "undefined") return;
  const host = document.createElement("div");
  host.setAttribute("aria-hidden", "true");
  host.style.cssText = "position:fixed;left:-10000px;top:0;width:800px;height:300px;visibility:hidden;contain:strict";
  document.body.append(host);
  const noop = () => {};
  try {
    const timeline = mount(Timeline, {
      target: host,
      props: {
        geometry: GEOMETRY,
        laneOrder: ["warm"],
        conflictsOf: async () => [],
        selected: "warm-a",
        startDay: "2027-01-01",
        onselect: noop,
        onopen: noop,
        onedit: async () => null,
        ondelete: noop,
        oncreate: noop,
        onwindow: noop,
        onzoom: noop,
      },
    });
    flushSync();
    void host.offsetWidth; // lays it out, as a real open does
    void unmount(timeline);
  } finally {
    host.remove();
  }
}
