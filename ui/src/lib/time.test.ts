import { describe, expect, it } from "vitest";
import { formatFull, formatWhen } from "./time";

const now = new Date("2026-11-25T18:00:00Z");

describe("formatWhen", () => {
  it("shows a change made earlier today as 'today' with the time", () => {
    expect(formatWhen("2026-11-25T16:40:00Z", now, "UTC")).toBe("today 16:40");
  });

  it("shows a change made yesterday as 'yesterday' with a zero-padded time", () => {
    expect(formatWhen("2026-11-24T09:05:00Z", now, "UTC")).toBe("yesterday 09:05");
  });

  it("shows older changes as a day, short month and year", () => {
    expect(formatWhen("2026-11-03T12:00:00Z", now, "UTC")).toBe("3 Nov 2026");
    expect(formatWhen("2025-09-30T12:00:00Z", now, "UTC")).toBe("30 Sep 2025");
  });

  it("decides 'today' by the calendar day in the given time zone, not in UTC", () => {
    // 23:30 UTC on the 24th is already 00:30 on the 25th in Berlin (UTC+1 in November).
    expect(formatWhen("2026-11-24T23:30:00Z", now, "Europe/Berlin")).toBe("today 00:30");
    expect(formatWhen("2026-11-24T23:30:00Z", now, "UTC")).toBe("yesterday 23:30");
  });

  it("uses the 24-hour clock, midnight as 00", () => {
    expect(formatWhen("2026-11-25T00:00:00Z", now, "UTC")).toBe("today 00:00");
  });

  it("returns text that is not a timestamp unchanged", () => {
    expect(formatWhen("not a date", now, "UTC")).toBe("not a date");
  });
});

describe("formatFull", () => {
  it("gives date and time for a tooltip", () => {
    expect(formatFull("2026-11-03T16:40:00Z", "UTC")).toBe("3 Nov 2026, 16:40");
  });
});
