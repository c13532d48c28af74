import { describe, expect, it } from "vitest";
import { barLabel, formatShare, goalLineColour, goalSignalText, keyResultGroups, servedKeyResultSentence, formatDays, formatRange, formatShortRange, historyTitle, itemErrorField, itemForm, itemFromForm, moveInOrder, newItem, stepHorizon } from "./roadmap";

describe("roadmap words", () => {
  it("formats ranges within and across years", () => {
    expect(formatRange("2027-01-04", "2027-02-12")).toBe("4 Jan – 12 Feb 2027");
    expect(formatRange("2026-12-20", "2027-02-12")).toBe("20 Dec 2026 – 12 Feb 2027");
    expect(formatRange("2027-01-04", "2027-01-04")).toBe("4 Jan 2027");
    expect(formatShortRange("2027-01-18", "2027-02-26")).toBe("18 Jan – 26 Feb");
  });

  it("shows shares as whole percents and undefined as a dash", () => {
    expect(formatShare(0.846)).toBe("85%");
    expect(formatShare(null)).toBe("—");
    expect(formatShare(0)).toBe("0%");
  });

  it("signs day counts", () => {
    expect(formatDays(7)).toBe("+7 d");
    expect(formatDays(-3)).toBe("−3 d");
    expect(formatDays(0)).toBe("0 d");
  });

  it("names a bar with its lane, dates, status and why", () => {
    const bar = { title: "Guided setup", start: "2027-01-04", end: "2027-02-12", status: "planned" as const, no_goal: false, conflicts: 0 };
    expect(barLabel(bar, "Onboarding")).toBe("Guided setup, Onboarding, 4 Jan – 12 Feb 2027, planned, serves a goal");
    expect(barLabel({ ...bar, no_goal: true, status: "in_progress", conflicts: 1 }, "Mobile")).toBe(
      "Guided setup, Mobile, 4 Jan – 12 Feb 2027, in progress, serves no goal, 1 conflict",
    );
    expect(barLabel({ ...bar, goal_progress: 0.57, goal_health: "at_risk" }, "Onboarding")).toBe(
      "Guided setup, Onboarding, 4 Jan – 12 Feb 2027, planned, serves a goal, goals 57%, at risk",
    );
  });

  it("titles undo and redo with the core's label", () => {
    expect(historyTitle("Undo", "move")).toBe("Undo move");
    expect(historyTitle("Redo", null)).toBe("Nothing to redo");
  });
});

describe("item form", () => {
  const base = newItem("l1", "2027-01-04", "2027-01-17");

  it("round-trips an item", () => {
    const r = itemFromForm(base, itemForm(base));
    expect(r).toEqual({ ok: true, value: base });
  });

  it("reads scores and blanks", () => {
    const f = { ...itemForm(base), reach: "1000", impact: "2", confidence: "0,8", effort: "4", expected_impact: "  ", urgent: "yes" as const };
    const r = itemFromForm(base, f);
    expect(r.ok && r.value.rice).toEqual({ reach: 1000, impact: 2, confidence: 0.8, effort: 4 });
    expect(r.ok && r.value.expected_impact).toBe(null);
    expect(r.ok && r.value.urgent).toBe(true);
  });

  it("refuses half-filled scores and non-numbers at their group", () => {
    expect(itemFromForm(base, { ...itemForm(base), reach: "10" })).toEqual({ ok: false, errors: { rice: "Fill in every RICE figure, or none." } });
    expect(itemFromForm(base, { ...itemForm(base), ease: "lots" })).toEqual({ ok: false, errors: { ice: "Enter a number, e.g. 3 or 0.8." } });
  });

  it("maps the core's field names to panel fields", () => {
    expect(itemErrorField("end")).toBe("end");
    expect(itemErrorField("rice.effort")).toBe("rice");
    expect(itemErrorField("effort")).toBe("rice");
    expect(itemErrorField("order")).toBe(null);
    expect(itemErrorField(null)).toBe(null);
  });
});

describe("reordering", () => {
  it("moves a lane up or down, not past the ends", () => {
    expect(moveInOrder(["a", "b", "c"], "b", -1)).toEqual(["b", "a", "c"]);
    expect(moveInOrder(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
  });

  it("steps a horizon across the board's columns", () => {
    expect(stepHorizon(null, 1)).toBe("now");
    expect(stepHorizon("next", 1)).toBe("later");
    expect(stepHorizon("later", 1)).toBe("later");
    expect(stepHorizon("now", -1)).toBe(null);
  });
});

describe("the goal signal in words", () => {
  const kr = {
    id: "kr-ret30",
    title: "Raise 30-day retention",
    objective: "o-retention",
    objective_title: "Keep customers",
    unit: "%",
    progress: 0.57,
    health: "at_risk" as const,
    forecast_value: 46.2,
    forecast_progress: 0.7,
    deadline: "2026-12-31",
  };

  it("says which key result the item serves, how it is doing and where it is heading", () => {
    expect(servedKeyResultSentence(kr)).toBe("Serves KR ‘Raise 30-day retention’ — 57%, at risk, forecast 46.2% by 31 Dec");
    expect(servedKeyResultSentence({ ...kr, forecast_value: 44.8712 })).toBe("Serves KR ‘Raise 30-day retention’ — 57%, at risk, forecast 44.9% by 31 Dec");
    expect(servedKeyResultSentence({ ...kr, unit: null })).toBe("Serves KR ‘Raise 30-day retention’ — 57%, at risk, forecast 70% by 31 Dec");
    expect(servedKeyResultSentence({ ...kr, forecast_value: null, forecast_progress: null, health: null, progress: null })).toBe("Serves KR ‘Raise 30-day retention’ — not measured yet");
  });

  it("shows the signal and colours the line by health", () => {
    expect(goalSignalText(0.5, "off_track")).toBe("50% · off track");
    expect(goalSignalText(null, null)).toBeNull();
    expect(goalLineColour("at_risk")).toBe("var(--warning)");
    expect(goalLineColour(null)).toBe("var(--neutral)");
  });

  it("groups the key results not yet served by objective", () => {
    const c = (id: string, objective: string) => ({ id, title: id, objective, objective_title: objective.toUpperCase(), cycle: null });
    const groups = keyResultGroups([c("k1", "o1"), c("k2", "o1"), c("k3", "o2")], ["k2"]);
    expect(groups.map((g) => [g.title, g.options.map((o) => o.id)])).toEqual([["O1", ["k1"]], ["O2", ["k3"]]]);
  });
});
