import { describe, expect, it } from "vitest";
import type { KpiChart } from "./api/types/KpiChart";
import { allocationGroups, plural, shownHealthCounts } from "./dashboard";
import { usableLanguage } from "./localeGuard";
import { chartData, checkedInNote, daySeconds, directionLabel, kpiForm, kpiInput, measurementInput, secondsDay } from "./metrics";
import { defaultView, focusInHash, viewInHash } from "./navigation";
import { highlightParts, hitHash, hitKindLabel, hitView, moveHighlight } from "./search";

describe("navigation", () => {
  it("reads the view from a hash, ignoring a query", () => {
    expect(viewInHash("#/okrs")).toBe("okrs");
    expect(viewInHash("#/okrs?objective=o1")).toBe("okrs");
    expect(focusInHash("#/okrs?focus=kr%201")).toBe("kr 1");
    expect(focusInHash("#/okrs")).toBeNull();
    expect(viewInHash("#metrics")).toBe("metrics");
    expect(viewInHash("")).toBeNull();
    expect(viewInHash("#/nope")).toBeNull();
  });

  it("opens Home by default unless the workspace is empty (or not known yet)", () => {
    expect(defaultView(false)).toBe("home");
    expect(defaultView(true)).toBe("strategy");
    expect(defaultView(null)).toBe("strategy");
  });
});

describe("search", () => {
  it("sends each hit kind to its view", () => {
    expect(hitView("objective")).toBe("okrs");
    expect(hitView("key_result")).toBe("okrs");
    expect(hitView("roadmap_item")).toBe("roadmap");
    expect(hitView("feedback")).toBe("feedback");
    expect(hitView("theme")).toBe("feedback");
    expect(hitView("experiment")).toBe("experiments");
    expect(hitView("decision")).toBe("decisions");
    expect(hitView("kpi")).toBe("metrics");
    expect(hitHash({ kind: "kpi", id: "k1" })).toBe("#/metrics?focus=k1");
    expect(hitHash({ kind: "key_result", id: "kr 1" })).toBe("#/okrs?focus=kr%201");
    expect(hitKindLabel("key_result")).toBe("Key result");
    expect(hitKindLabel("other")).toBe("other");
  });

  it("moves the highlight with wrapping", () => {
    expect(moveHighlight(-1, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(-1, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(1, 3, "Home")).toBe(0);
    expect(moveHighlight(1, 3, "End")).toBe(2);
    expect(moveHighlight(1, 0, "ArrowDown")).toBe(-1);
    expect(moveHighlight(1, 3, "x")).toBe(1);
  });

  it("marks every case-insensitive occurrence of the query", () => {
    expect(highlightParts("Raise retention, keep Retention", "retention")).toEqual([
      { text: "Raise ", match: false },
      { text: "retention", match: true },
      { text: ", keep ", match: false },
      { text: "Retention", match: true },
    ]);
    expect(highlightParts("abc", "")).toEqual([{ text: "abc", match: false }]);
    expect(highlightParts("abc", "x")).toEqual([{ text: "abc", match: false }]);
    expect(highlightParts("", "")).toEqual([]);
  });
});

describe("dashboard", () => {
  it("shows counts above zero, trouble first", () => {
    const shown = shownHealthCounts([
      { health: "on_track", count: 2 },
      { health: "at_risk", count: 1 },
      { health: "off_track", count: 0 },
      { health: "achieved", count: 1 },
    ]);
    expect(shown.map((c) => c.health)).toEqual(["at_risk", "on_track", "achieved"]);
  });

  it("groups the core's shares into short- and long-term kinds without adding them up", () => {
    const g = allocationGroups({ feature: 0.5, growth: 0.1, reliability: 0.2, tech_debt: 0.15, discovery: 0.05 });
    expect(g.short.map((s) => [s.kind, s.share])).toEqual([
      ["feature", 0.5],
      ["growth", 0.1],
    ]);
    expect(g.long.map((s) => s.kind)).toEqual(["reliability", "tech_debt", "discovery"]);
    expect(g.long[0].colour).toMatch(/^#/);
  });

  it("pluralises", () => {
    expect(plural(1, "goal")).toBe("1 goal");
    expect(plural(3, "goal")).toBe("3 goals");
  });
});

describe("metrics forms", () => {
  it("turns a KPI into a form and back", () => {
    const f = kpiForm({ id: "k1", name: "Cycle time", category: "delivery", unit: "days", higher_is_better: false });
    expect(f).toEqual({ name: "Cycle time", category: "delivery", unit: "days", direction: "lower" });
    expect(kpiInput({ ...f, unit: "  " })).toEqual({ name: "Cycle time", category: "delivery", unit: null, higher_is_better: false });
    expect(kpiForm(null).direction).toBe("higher");
    expect(directionLabel(null)).toBe("Higher is better");
    expect(directionLabel(false)).toBe("Lower is better");
  });

  it("parses a measurement: a number is required, a blank date means today", () => {
    expect(measurementInput({ date: "2026-11-25", value: "43,5" })).toEqual({ ok: true, value: { date: "2026-11-25", value: 43.5 } });
    expect(measurementInput({ date: "", value: "7" })).toEqual({ ok: true, value: { date: null, value: 7 } });
    const bad = measurementInput({ date: "25/11", value: "" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(["date", "value"]);
    const unit = measurementInput({ date: "", value: "43%" });
    expect(unit.ok).toBe(false);
  });

  it("names the key results a measurement checked in", () => {
    const krs = [{ id: "kr1", title: "Raise retention" }];
    expect(checkedInNote([], krs)).toBe("");
    expect(checkedInNote(["kr1"], krs)).toBe("Checked in to KR “Raise retention”.");
    expect(checkedInNote(["kr1", "kr9"], krs)).toBe("Checked in to KR “Raise retention”, “kr9”.");
  });
});

describe("chart data", () => {
  const chart: KpiChart = {
    kpi: { id: "k1", name: "Retention", category: "retention", unit: "%", higher_is_better: true },
    measurements: [
      { id: 1, date: "2026-09-20", value: 40 },
      { id: 2, date: "2026-10-15", value: 41 },
      { id: 3, date: "2026-10-15", value: 41.5 },
    ],
    key_results: [
      { id: "kr1", title: "Raise", objective: "o1", objective_title: "O", kind: "increase", unit: "%", baseline: 40, target: 46, cycle: "Q4", cycle_start: "2026-10-01", cycle_end: "2026-12-31" },
      { id: "kr2", title: "Keep", objective: "o1", objective_title: "O", kind: "at_least", unit: "%", baseline: null, target: 39, cycle: "Q4", cycle_start: "2026-10-01", cycle_end: "2026-12-31" },
      { id: "kr3", title: "No cycle", objective: "o2", objective_title: "P", kind: "increase", unit: "%", baseline: 1, target: 2, cycle: null, cycle_start: null, cycle_end: null },
    ],
  };

  it("converts days to UTC seconds and back", () => {
    expect(daySeconds("1970-01-02")).toBe(86_400);
    expect(secondsDay(daySeconds("2026-11-25"))).toBe("2026-11-25");
  });

  it("lays measurements and targets on the union of their days", () => {
    const d = chartData(chart);
    expect(d.x.map(secondsDay)).toEqual(["2026-09-20", "2026-10-01", "2026-10-15", "2026-12-31"]);
    const [measured, target1, path1, target2] = d.series;
    expect(measured.role).toBe("measured");
    expect(measured.values).toEqual([40, null, 41.5, null]); // the day's last measurement
    expect(target1).toMatchObject({ keyResult: "kr1", role: "target" });
    expect(target1.values).toEqual([null, 46, 46, 46]); // flat over the cycle, null outside
    expect(path1).toMatchObject({ keyResult: "kr1", role: "path" });
    expect(path1.values).toEqual([null, 40, null, 46]); // baseline at start, target at end
    expect(target2).toMatchObject({ keyResult: "kr2", role: "target" });
    expect(d.series).toHaveLength(4); // no path for "keep at least"; kr3 has no cycle
  });

  it("is empty without measurements or targets", () => {
    expect(chartData({ ...chart, measurements: [], key_results: [] })).toEqual({
      x: [],
      series: [{ keyResult: null, role: "measured", label: "Measured", values: [] }],
    });
  });
});

describe("locale guard", () => {
  it("tells a usable language from a POSIX one", () => {
    expect(usableLanguage("en-US")).toBe(true);
    expect(usableLanguage(undefined)).toBe(false);
    expect(usableLanguage("")).toBe(false);
    expect(usableLanguage("C")).toBe(false); // LANG=C
  });
});
