import { describe, expect, it } from "vitest";
import { barWidth, DASH, formatConfidence, formatMove, formatDate, formatGrade, formatNumber, formatPercent, formatShortDate, formatValue, isoDate } from "./format";

describe("numbers", () => {
  it("shows null and non-finite figures as a dash, never 0", () => {
    for (const f of [formatNumber, formatPercent, formatGrade, formatConfidence]) {
      expect(f(null)).toBe(DASH);
      expect(f(undefined)).toBe(DASH);
      expect(f(Number.NaN)).toBe(DASH);
    }
    expect(formatValue(null, "%")).toBe(DASH);
  });

  it("formats percents from shares", () => {
    expect(formatPercent(0.646)).toBe("65%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.12345, 1)).toBe("12.3%");
  });

  it("gives grades exactly one decimal", () => {
    expect(formatGrade(0.7)).toBe("0.7");
    expect(formatGrade(1)).toBe("1.0");
    expect(formatGrade(0)).toBe("0.0");
  });

  it("trims decimals and groups thousands, without a negative zero", () => {
    expect(formatNumber(43.4)).toBe("43.4");
    expect(formatNumber(46)).toBe("46");
    expect(formatNumber(2.476071)).toBe("2.48");
    expect(formatNumber(12000)).toBe("12,000");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatConfidence(0.65)).toBe("0.65");
  });

  it("attaches % and spaces other units", () => {
    expect(formatValue(43.4, "%")).toBe("43.4%");
    expect(formatValue(2.8, "s")).toBe("2.8 s");
    expect(formatValue(1200, "users")).toBe("1,200 users");
    expect(formatValue(5, null)).toBe("5");
    expect(formatValue(5, "  ")).toBe("5");
  });

  it("writes a word unit once in a move, % on both sides", () => {
    expect(formatMove(43.4, 46, "%")).toBe("43.4% → 46%");
    expect(formatMove(2.6, 3.6, "sessions")).toBe("2.6 → 3.6 sessions");
    expect(formatMove(null, 3.6, "s")).toBe("— → 3.6 s");
    expect(formatMove(3, 5, null)).toBe("3 → 5");
  });

  it("clamps bar widths", () => {
    expect(barWidth(0.5)).toBe("50%");
    expect(barWidth(1.4)).toBe("100%");
    expect(barWidth(-1)).toBe("0%");
    expect(barWidth(null)).toBe("0%");
  });
});

describe("dates", () => {
  it("formats calendar dates in words", () => {
    expect(formatDate("2026-11-25")).toBe("25 Nov 2026");
    expect(formatDate("2027-01-01")).toBe("1 Jan 2027");
    expect(formatShortDate("2026-10-08")).toBe("8 Oct");
    expect(formatDate(null)).toBe(DASH);
    expect(formatDate("soon")).toBe("soon");
  });

  it("takes today's local date", () => {
    expect(isoDate(new Date(2027, 0, 5, 23, 59))).toBe("2027-01-05");
  });
});
