import { describe, expect, it } from "vitest";
import type { BacklogEntry } from "./api/types/BacklogEntry";
import {
  EISENHOWER,
  eisenhowerOf,
  eisenhowerStep,
  formatScore,
  iceFormula,
  orderRows,
  riceFormula,
  scoreErrorField,
  scoreForm,
  scoresFromForm,
  valueEffortOf,
  withQuadrant,
} from "./backlog";

function entry(over: Partial<BacklogEntry>): BacklogEntry {
  return {
    id: "r1",
    title: "Alpha",
    lane: "l1",
    kind: "feature",
    status: "planned",
    start: null,
    end: null,
    no_goal: false,
    rice: null,
    ice: null,
    moscow: null,
    urgent: null,
    important: null,
    rice_score: null,
    ice_score: null,
    rank: null,
    value: null,
    effort: null,
    ...over,
  };
}

describe("score form", () => {
  it("round-trips an entry's scores", () => {
    const e = entry({ rice: { reach: 1200, impact: 2, confidence: 0.8, effort: 3 }, ice: { impact: 8, confidence: 6, ease: 5 }, moscow: "must", urgent: true, important: false });
    const parsed = scoresFromForm(scoreForm(e));
    expect(parsed).toEqual({ ok: true, value: { rice: e.rice, ice: e.ice, moscow: "must", urgent: true, important: false } });
  });

  it("treats an all-blank group as not scored", () => {
    const parsed = scoresFromForm(scoreForm(entry({})));
    expect(parsed).toEqual({ ok: true, value: { rice: null, ice: null, moscow: null, urgent: null, important: null } });
  });

  it("refuses a half-filled group, naming the blank fields", () => {
    const f = { ...scoreForm(entry({})), reach: "100", impact: "2" };
    const parsed = scoresFromForm(f);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(["confidence", "effort"]);
  });

  it("refuses text that is not a number and accepts 1,200", () => {
    const bad = scoresFromForm({ ...scoreForm(entry({})), iceImpact: "lots", iceConfidence: "5", ease: "5" });
    expect(bad.ok).toBe(false);
    const good = scoresFromForm({ ...scoreForm(entry({})), reach: "1,200", impact: "1", confidence: "0.5", effort: "2" });
    expect(good.ok && good.value.rice?.reach).toBe(1200);
  });

  it("maps the core's error fields to form keys", () => {
    expect(scoreErrorField("rice.confidence")).toBe("confidence");
    expect(scoreErrorField("ice.impact")).toBe("iceImpact");
    expect(scoreErrorField("ice.ease")).toBe("ease");
    expect(scoreErrorField("title")).toBeNull();
    expect(scoreErrorField(null)).toBeNull();
  });
});

describe("display", () => {
  it("formats scores and formulas without computing them", () => {
    expect(formatScore(1866.6667)).toBe("1,867");
    expect(formatScore(12.345)).toBe("12.3");
    expect(formatScore(0.456)).toBe("0.46");
    expect(formatScore(null)).toBe("—");
    expect(riceFormula(entry({ rice: { reach: 4000, impact: 2, confidence: 0.7, effort: 3 } }))).toBe("4,000 × 2 × 0.7 ÷ 3");
    expect(iceFormula(entry({ ice: { impact: 6, confidence: 7, ease: 7 } }))).toBe("6 × 7 × 7");
    expect(riceFormula(entry({}))).toBe("");
  });

  it("keeps the core's ranking order and sorts by title or MoSCoW for reading", () => {
    const rows = [entry({ id: "b", title: "Bravo", moscow: "could" }), entry({ id: "a", title: "alpha", moscow: null }), entry({ id: "c", title: "Charlie", moscow: "must" })];
    expect(orderRows(rows, "rice").map((r) => r.id)).toEqual(["b", "a", "c"]);
    expect(orderRows(rows, "title").map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(orderRows(rows, "moscow").map((r) => r.id)).toEqual(["c", "b", "a"]);
  });
});

describe("Eisenhower matrix", () => {
  it("places items by both flags, untriaged when either is unset", () => {
    expect(eisenhowerOf({ urgent: true, important: true })?.id).toBe("do");
    expect(eisenhowerOf({ urgent: false, important: true })?.id).toBe("schedule");
    expect(eisenhowerOf({ urgent: true, important: false })?.id).toBe("delegate");
    expect(eisenhowerOf({ urgent: false, important: false })?.id).toBe("drop");
    expect(eisenhowerOf({ urgent: null, important: true })).toBeNull();
  });

  it("moves with the arrow keys: left urgent, up important", () => {
    expect(eisenhowerStep({ urgent: false, important: true }, "ArrowLeft")).toEqual({ urgent: true, important: true });
    expect(eisenhowerStep({ urgent: true, important: true }, "ArrowDown")).toEqual({ urgent: true, important: false });
    expect(eisenhowerStep({ urgent: true, important: true }, "ArrowLeft")).toBeNull();
    expect(eisenhowerStep({ urgent: null, important: null }, "ArrowUp")).toEqual({ urgent: false, important: true });
    expect(eisenhowerStep({ urgent: true, important: true }, "Enter")).toBeNull();
  });

  it("keeps the other scores when moving to a quadrant", () => {
    const e = entry({ rice: { reach: 1, impact: 1, confidence: 1, effort: 1 }, moscow: "should", urgent: null, important: null });
    const drop = EISENHOWER.find((q) => q.id === "drop")!;
    expect(withQuadrant(e, drop)).toEqual({ rice: e.rice, ice: null, moscow: "should", urgent: false, important: false });
  });
});

describe("value / effort matrix", () => {
  it("splits at the core's medians", () => {
    expect(valueEffortOf({ value: 10, effort: 1 }, 5, 2)).toBe("quick");
    expect(valueEffortOf({ value: 10, effort: 3 }, 5, 2)).toBe("big");
    expect(valueEffortOf({ value: 1, effort: 2 }, 5, 2)).toBe("fill");
    expect(valueEffortOf({ value: 1, effort: 5 }, 5, 2)).toBe("sink");
    expect(valueEffortOf({ value: 5, effort: 2 }, 5, 2)).toBe("quick");
    expect(valueEffortOf({ value: null, effort: 2 }, 5, 2)).toBeNull();
    expect(valueEffortOf({ value: 1, effort: 2 }, null, null)).toBeNull();
  });
});
