import { describe, expect, it } from "vitest";
import { nextQuarter, quarter, quarterOf, suggestCycle } from "./cycles";

describe("quarters", () => {
  it("finds the quarter containing a date, with its first and last day", () => {
    expect(quarterOf("2027-02-15")).toEqual({ id: "2027-Q1", start: "2027-01-01", end: "2027-03-31" });
    expect(quarterOf("2026-06-30")).toEqual({ id: "2026-Q2", start: "2026-04-01", end: "2026-06-30" });
    expect(quarterOf("2026-07-01")).toEqual({ id: "2026-Q3", start: "2026-07-01", end: "2026-09-30" });
    expect(quarterOf("2026-12-31")).toEqual({ id: "2026-Q4", start: "2026-10-01", end: "2026-12-31" });
  });

  it("refuses malformed dates", () => {
    expect(quarterOf("2026-13-01")).toBeNull();
    expect(quarterOf("next week")).toBeNull();
  });

  it("rolls over the year after Q4", () => {
    expect(nextQuarter(quarter(2026, 4))).toEqual(quarter(2027, 1));
    expect(nextQuarter(quarter(2026, 2))).toEqual(quarter(2026, 3));
    expect(nextQuarter({ id: "H1", start: "2026-01-01", end: "2026-06-30" })).toBeNull();
  });

  it("suggests today's quarter, or the next one not defined yet", () => {
    expect(suggestCycle("2026-11-25", [])?.id).toBe("2026-Q4");
    expect(suggestCycle("2026-11-25", [quarter(2026, 4)])?.id).toBe("2027-Q1");
    expect(suggestCycle("2026-11-25", [quarter(2026, 4), quarter(2027, 1)])?.id).toBe("2027-Q2");
  });
});
