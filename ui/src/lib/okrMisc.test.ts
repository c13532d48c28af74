import { describe, expect, it } from "vitest";
import type { HistoryView } from "./api/types/HistoryView";
import type { ObjectiveFigures } from "./api/types/ObjectiveFigures";
import { explain } from "./explain";
import { navShortcut } from "./keys";
import { criterionLabel, historyFieldLabel, historyValueText, kindLabel, PIVOT_KINDS } from "./okrLabels";
import { timeline } from "./timeline";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("view navigation keys", () => {
  it("switches with Ctrl+1…9 in sidebar order, even in a field", () => {
    expect(navShortcut(key("1", { ctrlKey: true }), true, false)).toBe("home");
    expect(navShortcut(key("2", { ctrlKey: true }), true, false)).toBe("okrs");
    expect(navShortcut(key("3", { metaKey: true }), false, false)).toBe("roadmap");
    expect(navShortcut(key("9", { ctrlKey: true }), false, false)).toBe("strategy");
    expect(navShortcut(key("0", { ctrlKey: true }), false, false)).toBeNull();
  });

  it("takes g then a letter outside text fields", () => {
    expect(navShortcut(key("g"), false, false)).toBe("g");
    expect(navShortcut(key("o"), false, true)).toBe("okrs");
    expect(navShortcut(key("h"), false, true)).toBe("history");
    expect(navShortcut(key("r"), false, true)).toBe("roadmap");
    expect(navShortcut(key("x"), false, true)).toBeNull();
    expect(navShortcut(key("g"), true, false)).toBeNull();
  });

  it("n means new only outside text fields and without modifiers", () => {
    expect(navShortcut(key("n"), false, false)).toBe("new");
    expect(navShortcut(key("n"), true, false)).toBeNull();
    expect(navShortcut(key("n", { ctrlKey: true }), false, false)).toBeNull();
  });
});

describe("labels", () => {
  it("names criteria, kinds, fields and values", () => {
    expect(criterionLabel("time_bound")).toBe("Time-bound");
    expect(kindLabel("at_least")).toBe("Keep at least");
    expect(historyFieldLabel("kpi")).toBe("KPI");
    expect(historyValueText("category", "customer_value")).toBe("Deliver customer value");
    expect(historyValueText("title", null)).toBe("Not set");
    expect(PIVOT_KINDS).toHaveLength(6);
  });

  it("names the fields a cycle close and a key result move record", () => {
    expect(historyFieldLabel("carried_from")).toBe("Carried from");
    expect(historyFieldLabel("carried_to")).toBe("Carried to");
    expect(historyFieldLabel("objective")).toBe("Objective");
  });
});

describe("explanations", () => {
  const figures: ObjectiveFigures = {
    id: "o1", title: "T", cycle: "2026-Q4", parent: null, progress: 0.646, expected: 0.604, health: "on_track",
    forecast_progress: null, grade: 0.6, key_results: [], ambition: "aspirational", outcome: null,
  };
  const ctx = { figures, cycle: { id: "2026-Q4", start: "2026-10-01", end: "2026-12-31" }, asOf: "2026-11-25", lowestConfidence: 0.5 };

  it("fills in this objective's figures", () => {
    expect(explain("progress", ctx).lines.at(-1)).toBe("Now, as of 25 Nov 2026: 65%.");
    expect(explain("expected", ctx).lines[0]).toContain("1 Oct 2026 to 31 Dec 2026");
    expect(explain("health", ctx).lines.at(-1)).toBe("Here: expected 60%, progress 65%, lowest confidence 0.5 → On track.");
    expect(explain("forecast", ctx).lines.at(-1)).toBe("Forecast at 31 Dec 2026: —.");
    expect(explain("grade", ctx).lines.at(-1)).toBe("Grade now: 0.6.");
  });
});

describe("history timeline", () => {
  const rev = (entity: string, changed_at: string) => ({
    entity, entity_id: "x", entity_title: "X", revision: { field: "title", old_value: "a", new_value: "b", changed_at, reason: null, author: null },
  });
  const view: HistoryView = {
    entries: [rev("objective", "2026-11-20T10:00:00Z"), rev("key_result", "2026-11-03T09:00:00Z"), rev("product", "2026-10-01T09:00:00Z")],
    pivots: [{ id: 1, date: "2026-11-03", kind: "channel", description: "Self-serve first" }],
  };

  it("merges newest first", () => {
    expect(timeline(view).map((i) => i.type + i.when.slice(0, 10))).toEqual([
      "revision2026-11-20", "revision2026-11-03", "pivot2026-11-03", "revision2026-10-01",
    ]);
  });

  it("filters by entity type or pivots", () => {
    expect(timeline(view, "key_result")).toHaveLength(1);
    expect(timeline(view, "pivot").map((i) => i.type)).toEqual(["pivot"]);
  });
});

describe("ambition and outcome words", () => {
  it("names the chip and the outcome with its tone", async () => {
    const { ambitionChip, outcomeInfo } = await import("./okrLabels");
    expect(ambitionChip("committed")).toBe("Committed");
    expect(ambitionChip("aspirational")).toBe("Stretch");
    expect(outcomeInfo("success")).toEqual({ label: "Success", tone: "success" });
    expect(outcomeInfo("progress")).toEqual({ label: "Progress", tone: "warning" });
    expect(outcomeInfo("miss")).toEqual({ label: "Miss", tone: "danger" });
  });
});
