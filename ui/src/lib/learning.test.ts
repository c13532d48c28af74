import { describe, expect, it } from "vitest";
import {
  decisionForm,
  decisionInput,
  excerpt,
  experimentForm,
  experimentInput,
  feedbackForm,
  feedbackInput,
  formatMonth,
  inboxFilter,
  recordHash,
  recordKindLabel,
  sourceLabel,
  toggled,
} from "./learning";

describe("feedback", () => {
  it("builds the inbox filter, null when nothing is chosen", () => {
    expect(inboxFilter({ theme: "", source: "", query: "  " })).toBeNull();
    expect(inboxFilter({ theme: "untagged", source: "", query: "" })).toEqual({ theme: null, untagged: true, source: null, roadmap_item: null, query: null });
    expect(inboxFilter({ theme: "t1", source: "sales", query: " week ", item: "r1" })).toEqual({ theme: "t1", untagged: false, source: "sales", roadmap_item: "r1", query: "week" });
  });

  it("cuts long text at a word", () => {
    expect(excerpt("short")).toBe("short");
    const cut = excerpt("Took us a week to connect our data, and then another week to get the charts right.", 40);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(41);
    expect(cut).toBe("Took us a week to connect our data, and…");
  });

  it("round-trips a record and trims its text", () => {
    const f = feedbackForm(
      { id: "f1", date: "2026-09-10", source: "interview", customer: "Northwind", text: "x", themes: [{ id: "t1", name: "Setup" }], roadmap_items: [{ id: "r1", title: "G" }] },
      "2026-11-25",
    );
    expect(feedbackInput({ ...f, text: "  hello  ", customer: " " })).toEqual({
      ok: true,
      value: { date: "2026-09-10", source: "interview", customer: null, text: "hello", themes: ["t1"], roadmap_items: ["r1"] },
    });
    expect(feedbackForm(null, "2026-11-25").date).toBe("2026-11-25");
    expect(feedbackInput({ ...f, date: "" }).ok).toBe(false);
  });

  it("toggles ids in a list", () => {
    expect(toggled(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggled(["a"], "a", true)).toEqual(["a"]);
  });

  it("labels sources and months", () => {
    expect(sourceLabel("sales")).toBe("Sales call");
    expect(formatMonth("2026-09")).toBe("Sep 2026");
    expect(formatMonth("bad")).toBe("bad");
  });
});

describe("experiments", () => {
  it("turns blank fields into null and keeps the status", () => {
    const f = { ...experimentForm(null), title: " Checklist ", belief: "  ", status: "running" as const, objective: "o1" };
    expect(experimentInput(f)).toEqual({
      title: "Checklist",
      belief: null,
      measure: null,
      success_signal: null,
      change_our_mind: null,
      status: "running",
      result: null,
      objective: "o1",
      roadmap_item: null,
    });
  });
});

describe("decisions", () => {
  it("round-trips a decision", () => {
    const card = { decision: { id: "d1", date: "2026-09-26", title: "Defer SSO", rationale: null, alternatives: "Ship it", links: ["r1"] }, links: [] };
    expect(decisionInput(decisionForm(card, "2026-11-25"))).toEqual({
      ok: true,
      value: { date: "2026-09-26", title: "Defer SSO", rationale: null, alternatives: "Ship it", links: ["r1"] },
    });
  });

  it("links each record kind into its view", () => {
    expect(recordHash("roadmap_item")).toBe("#/roadmap");
    expect(recordHash("key_result")).toBe("#/okrs");
    expect(recordHash("experiment")).toBe("#/experiments");
    expect(recordHash(null)).toBeNull();
    expect(recordKindLabel(null)).toBe("Deleted record");
    expect(recordKindLabel("kpi")).toBe("KPI");
  });
});
