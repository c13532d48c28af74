import { describe, expect, it } from "vitest";
import { roundedPath } from "./path";
import { fitText, fitTextByChars } from "./text";

const measure = (s: string) => s.length * 10;

describe("fitText", () => {
  it("keeps a title that fits", () => {
    expect(fitText("Guided setup", 120, measure)).toBe("Guided setup");
  });
  it("cuts a long title with an ellipsis that fits", () => {
    const out = fitText("Guided setup wizard", 100, measure);
    expect(out.endsWith("…")).toBe(true);
    expect(measure(out)).toBeLessThanOrEqual(100);
    expect(out).toBe("Guided se…");
  });
  it("shows nothing when not even one letter fits", () => {
    expect(fitText("Guided", 15, measure)).toBe("");
    expect(fitText("Guided", 0, measure)).toBe("");
  });
});

describe("roundedPath", () => {
  it("draws a straight line as is", () => {
    expect(roundedPath([[0, 0], [10, 0]])).toBe("M0,0 L10,0");
  });
  it("rounds elbows with a quadratic curve", () => {
    expect(roundedPath([[0, 0], [10, 0], [10, 20]], 4)).toBe("M0,0 L6,0 Q10,0 10,4 L10,20");
  });
});

describe("fitTextByChars", () => {
  const w = () => 10;
  it("keeps what fits and cuts the rest with an ellipsis", () => {
    expect(fitTextByChars("Guided setup", 121, w)).toBe("Guided setup");
    expect(fitTextByChars("Guided setup wizard", 101, w)).toBe("Guided se…");
    expect(fitTextByChars("Guided", 15, w)).toBe("");
  });
  it("agrees with fitText for a fixed-width measure", () => {
    for (const max of [0, 20, 47, 90, 130, 400]) expect(fitTextByChars("Offline mode for field teams", max + 1, w)).toBe(fitText("Offline mode for field teams", max, (s) => s.length * 10));
  });
});
