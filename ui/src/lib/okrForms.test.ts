import { describe, expect, it } from "vitest";
import { checkInForm, checkInInput, keyResultForm, keyResultInput, objectiveForm, objectiveInput, parseNumber, textOrNull } from "./okrForms";

describe("number parsing", () => {
  it("reads plain, negative, decimal-comma and grouped numbers", () => {
    expect(parseNumber("46")).toEqual({ value: 46 });
    expect(parseNumber(" -2.5 ")).toEqual({ value: -2.5 });
    expect(parseNumber("1,5")).toEqual({ value: 1.5 });
    expect(parseNumber("12,000")).toEqual({ value: 12000 });
    expect(parseNumber("1 200")).toEqual({ value: 1200 });
    expect(parseNumber(".5")).toEqual({ value: 0.5 });
  });

  it("treats blank as not set", () => {
    expect(parseNumber("")).toEqual({ value: null });
    expect(parseNumber("   ")).toEqual({ value: null });
  });

  it("explains what is wrong with non-numbers", () => {
    expect(parseNumber("lots")).toEqual({ error: "“lots” is not a number. Enter digits, e.g. 46 or 2.5." });
    expect(parseNumber("46%")).toEqual({ error: "Enter the number without its unit, e.g. 46." });
    expect("error" in parseNumber("4.6.1")).toBe(true);
  });
});

describe("objective form", () => {
  it("sends blanks as null and keeps the title as typed", () => {
    const f = { ...objectiveForm(null, "2027-Q1"), title: " Grow ", owner: "  ", weight: "" };
    const r = objectiveInput(f);
    expect(r).toEqual({
      ok: true,
      value: { title: " Grow ", description: null, cycle: "2027-Q1", parent: null, category: null, owner: null, status: "active", weight: null, ambition: "aspirational" },
    });
  });

  it("round-trips an existing objective", () => {
    const o = { id: "o1", title: "T", description: "D", cycle: "2026-Q4", parent: "p", category: "adoption" as const, owner: "Dana", status: "draft" as const, weight: 2, ambition: "committed" as const, carried_from: null };
    const r = objectiveInput(objectiveForm(o, null));
    expect(r.ok && r.value).toEqual({ title: "T", description: "D", cycle: "2026-Q4", parent: "p", category: "adoption", owner: "Dana", status: "draft", weight: 2, ambition: "committed" });
  });

  it("reports a non-numeric weight at the weight field", () => {
    const r = objectiveInput({ ...objectiveForm(null, null), weight: "heavy" });
    expect(r.ok).toBe(false);
    expect(!r.ok && Object.keys(r.errors)).toEqual(["weight"]);
  });
});

describe("key result form", () => {
  it("parses numbers and leaves range rules to the core", () => {
    const r = keyResultInput({ ...keyResultForm(null), title: "Raise retention", unit: "%", baseline: "40", target: "40", kpi: "k1" });
    expect(r).toEqual({ ok: true, value: { title: "Raise retention", kind: "increase", unit: "%", baseline: 40, target: 40, weight: null, kpi: "k1" } });
  });

  it("reports every bad number at once", () => {
    const r = keyResultInput({ ...keyResultForm(null), baseline: "x", target: "y" });
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(["baseline", "target"]);
  });
});

describe("check-in form", () => {
  it("prefills the last confidence and today", () => {
    expect(checkInForm(0.7, "2026-11-25")).toEqual({ value: "", confidence: "0.7", note: "", date: "2026-11-25" });
    expect(checkInForm(null, "2026-11-25").confidence).toBe("");
  });

  it("requires a value", () => {
    const r = checkInInput(checkInForm(null, "2026-11-25"), "kr1");
    expect(!r.ok && r.errors.value).toBe("Enter a number.");
  });

  it("builds the check-in", () => {
    const r = checkInInput({ value: "43,4", confidence: "0.6", note: " ok ", date: "2026-11-25" }, "kr1");
    expect(r).toEqual({ ok: true, value: { key_result: "kr1", date: "2026-11-25", value: 43.4, confidence: 0.6, note: "ok" } });
  });

  it("trims optional text", () => {
    expect(textOrNull("  ")).toBeNull();
  });
});

import { placeError } from "./okrForms";

describe("placing core errors", () => {
  it("puts an error under the field it names", () => {
    expect(placeError({ message: "Target must differ from the baseline.", field: "target" }, ["title", "target"])).toEqual({
      errors: { target: "Target must differ from the baseline." },
      general: null,
    });
  });

  it("keeps errors about other fields visible in the form", () => {
    expect(placeError({ message: "Boom", field: null }, ["title"])).toEqual({ errors: {}, general: "Boom" });
    expect(placeError({ message: "No such KPI", field: "objective" }, ["title"]).general).toBe("No such KPI");
  });
});
