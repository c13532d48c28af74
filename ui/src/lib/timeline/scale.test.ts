import { describe, expect, it } from "vitest";
import { addDays, dayAt, dayNumber, daysBetween, isoFromDayNumber, firstRange, loadRange, MAX_RANGE_DAYS, nearEdge, snapDays, snapDelta, stepZoom, xOf } from "./scale";

describe("scale", () => {
  it("round-trips dates through day numbers", () => {
    expect(isoFromDayNumber(dayNumber("2027-01-04"))).toBe("2027-01-04");
    expect(dayNumber("1970-01-02")).toBe(1);
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2027-01-31", 1)).toBe("2027-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(daysBetween("2027-01-04", "2027-02-12")).toBe(39);
  });

  it("reads the day under x at month zoom", () => {
    expect(dayAt(0, "2027-01-01", 6)).toBe("2027-01-01");
    expect(dayAt(5.9, "2027-01-01", 6)).toBe("2027-01-01");
    expect(dayAt(6, "2027-01-01", 6)).toBe("2027-01-02");
    expect(dayAt(-1, "2027-01-01", 6)).toBe("2026-12-31");
  });

  it("places a day's left edge at its offset times px per day", () => {
    expect(xOf("2027-01-11", "2027-01-01", 24)).toBe(240);
  });

  it("snaps to days at week and month zoom and to weeks at quarter and year zoom", () => {
    expect(snapDays("week")).toBe(1);
    expect(snapDays("month")).toBe(1);
    expect(snapDays("quarter")).toBe(7);
    expect(snapDays("year")).toBe(7);
    expect(snapDelta(2.4, 1)).toBe(2);
    expect(snapDelta(-0.4, 1)).toBe(0);
    expect(Object.is(snapDelta(-0.4, 1), -0)).toBe(false);
    expect(snapDelta(4, 7)).toBe(7);
    expect(snapDelta(-11, 7)).toBe(-14);
  });

  it("steps zoom within week…year", () => {
    expect(stepZoom("month", 1)).toBe("quarter");
    expect(stepZoom("year", 1)).toBe("year");
    expect(stepZoom("week", -1)).toBe("week");
  });

  it("loads at least a year on each side of the visible window", () => {
    expect(loadRange("2027-01-01", "2027-06-01")).toEqual({ from: "2026-01-01", to: "2028-05-31" });
    expect(firstRange("2027-01-01", "2027-06-01")).toEqual({ from: "2026-12-01", to: "2027-07-02" });
    expect(nearEdge("2027-01-10", "2027-02-01", "2027-01-01", "2028-01-01", 30)).toBe(true);
    expect(nearEdge("2027-03-10", "2027-05-01", "2027-01-01", "2028-01-01", 30)).toBe(false);
  });

  it("covers the whole plan too, so that scrolling through it needs no new request", () => {
    // A plan of 2025–2029 seen in early 2027: a year beyond each end of the plan.
    const plan = { from: "2025-03-01", to: "2029-10-31" };
    expect(loadRange("2027-01-01", "2027-06-01", plan)).toEqual({ from: "2024-03-01", to: "2030-10-31" });
    // Seen beyond its end: a year beyond the window.
    expect(loadRange("2031-01-01", "2031-06-01", plan)).toEqual({ from: "2024-03-01", to: "2032-05-31" });
    // No plan (nothing dated): around the window only.
    expect(loadRange("2027-01-01", "2027-06-01", null)).toEqual(loadRange("2027-01-01", "2027-06-01"));
    // A plan longer than the core draws: the window's range, as without one.
    expect(loadRange("2027-01-01", "2027-06-01", { from: "2000-01-01", to: "2030-01-01" })).toEqual(loadRange("2027-01-01", "2027-06-01"));
  });

  it("never asks for more than the core's twenty years, even for a window wider than that", () => {
    // A 2,560 px window at year zoom shows ~12 years; a window's width on each side would be 36.
    const wide = loadRange("2027-01-01", "2039-01-01");
    expect(daysBetween(wide.from, wide.to)).toBe(MAX_RANGE_DAYS);
    expect(MAX_RANGE_DAYS).toBeLessThanOrEqual(20 * 365);
    // Narrowed around the window's middle (1 Jan 2033).
    expect(daysBetween(wide.from, "2033-01-01")).toBeGreaterThanOrEqual(MAX_RANGE_DAYS / 2 - 1);
    expect(daysBetween("2033-01-01", wide.to)).toBeGreaterThanOrEqual(MAX_RANGE_DAYS / 2 - 1);
    const first = firstRange("2000-01-01", "2030-01-01");
    expect(daysBetween(first.from, first.to)).toBe(MAX_RANGE_DAYS);
  });
});
