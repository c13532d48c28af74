import { describe, expect, it } from "vitest";
import type { Product } from "./api/types/Product";
import type { Revision } from "./api/types/Revision";
import { fieldControlId, fieldErrorId, fieldLabel, isChange, revisionValueText, revisionsOf, savedText, toWire } from "./fields";
import { STAGES, stageHint, stageLabel } from "./stages";

const product: Product = { name: "Acme Analytics", vision: "Every team decides with data in minutes.", strategy: null, lifecycle_stage: "growth" };

describe("field labels and ids", () => {
  it("labels every product field in words", () => {
    expect(fieldLabel("name")).toBe("Product name");
    expect(fieldLabel("lifecycle_stage")).toBe("Lifecycle stage");
  });

  it("shows an unknown field name as given", () => {
    expect(fieldLabel("tagline")).toBe("tagline");
  });

  it("uses the control ids the end-to-end tests rely on", () => {
    expect(fieldControlId("name")).toBe("product-name");
    expect(fieldControlId("vision")).toBe("product-vision");
    expect(fieldControlId("strategy")).toBe("product-strategy");
    expect(fieldControlId("lifecycle_stage")).toBe("product-stage");
    expect(fieldErrorId("name")).toBe("product-name-error");
  });
});

describe("what is sent to the core", () => {
  it("sends the name exactly as typed, even empty, so the core can refuse it", () => {
    expect(toWire("name", "")).toBe("");
    expect(toWire("name", "  Acme ")).toBe("  Acme ");
  });

  it("sends an emptied optional field as not set", () => {
    expect(toWire("vision", "")).toBeNull();
    expect(toWire("lifecycle_stage", "")).toBeNull();
    expect(toWire("strategy", "Win mid-market")).toBe("Win mid-market");
  });

  it("shows a field that is not set as empty text", () => {
    expect(savedText(product, "strategy")).toBe("");
    expect(savedText(product, "lifecycle_stage")).toBe("growth");
  });

  it("calls the core only when the value really changed", () => {
    expect(isChange(product, "name", "Acme Analytics")).toBe(false);
    expect(isChange(product, "strategy", "")).toBe(false);
    expect(isChange(product, "name", "Acme")).toBe(true);
    expect(isChange(product, "vision", "")).toBe(true);
    expect(isChange(product, "lifecycle_stage", "maturity")).toBe(true);
  });
});

describe("history", () => {
  const revisions: Revision[] = [
    { field: "vision", old_value: "a", new_value: "b", changed_at: "2026-11-25T16:40:00Z", reason: null, author: null },
    { field: "name", old_value: null, new_value: "Acme", changed_at: "2026-11-24T10:00:00Z", reason: null, author: null },
    { field: "vision", old_value: null, new_value: "a", changed_at: "2026-11-03T09:00:00Z", reason: null, author: null },
  ];

  it("picks one field's revisions and keeps newest first", () => {
    expect(revisionsOf(revisions, "vision").map((r) => r.new_value)).toEqual(["b", "a"]);
    expect(revisionsOf(revisions, "strategy")).toEqual([]);
  });

  it("shows empty values as 'Not set' and stages by their label", () => {
    expect(revisionValueText("vision", null)).toBe("Not set");
    expect(revisionValueText("lifecycle_stage", "maturity")).toBe("Maturity");
    expect(revisionValueText("vision", "x")).toBe("x");
  });
});

describe("stages", () => {
  it("lists the five lifecycle stages in order, each with a planning hint", () => {
    expect(STAGES.map((s) => s.value)).toEqual(["development", "introduction", "growth", "maturity", "decline"]);
    for (const s of STAGES) expect(s.hint.length).toBeGreaterThan(20);
  });

  it("labels a missing stage 'Not set' and nudges to set it", () => {
    expect(stageLabel(null)).toBe("Not set");
    expect(stageHint(null)).toMatch(/Set the stage/);
    expect(stageHint("decline")).toMatch(/sunset/);
  });
});
