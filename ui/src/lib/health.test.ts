import { describe, expect, it } from "vitest";
import { healthInfo, healthText, toneColor } from "./health";

describe("health", () => {
  it("gives every state a word and a tone", () => {
    expect(healthInfo("on_track")).toEqual({ label: "On track", tone: "success", icon: null });
    expect(healthInfo("at_risk").tone).toBe("warning");
    expect(healthInfo("off_track").tone).toBe("danger");
    expect(healthInfo("not_started").tone).toBe("neutral");
    expect(healthInfo("dropped").label).toBe("Dropped");
    expect(healthInfo(null).label).toBe("Not measured");
  });

  it("marks final states with a check or a cross", () => {
    expect(healthText("achieved")).toBe("Achieved ✓");
    expect(healthText("missed")).toBe("Missed ✗");
    expect(healthText("at_risk")).toBe("At risk");
  });

  it("maps tones to the design tokens", () => {
    expect(toneColor("success")).toBe("var(--success)");
    expect(toneColor("danger")).toBe("var(--danger)");
  });
});
