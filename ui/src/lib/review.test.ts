import { describe, expect, it } from "vitest";
import { navShortcut, VIEW_KEYS } from "./keys";
import { changeTone, formatChange, pickedDay, titleOf } from "./review";

describe("weekly review words", () => {
  it("says a change in points, rounded, with its sign", () => {
    expect(formatChange(0.08)).toBe("+8 pts");
    expect(formatChange(-0.031)).toBe("−3 pts");
    expect(formatChange(0.004)).toBe("±0 pts");
    expect(formatChange(null)).toBe("—");
    expect(changeTone(0.08)).toBe("up");
    expect(changeTone(-0.2)).toBe("down");
    expect(changeTone(null)).toBe("flat");
  });

  it("names records by title and falls back to the id", () => {
    expect(titleOf([{ id: "o1", title: "Make onboarding effortless" }], "o1")).toBe("Make onboarding effortless");
    expect(titleOf([], "o9")).toBe("o9");
  });

  it("takes a picked day, or today when the picker is cleared", () => {
    expect(pickedDay("2027-02-15")).toBe("2027-02-15");
    expect(pickedDay("")).toBeNull();
  });

  it("opens with g then w, after the other views", () => {
    expect(VIEW_KEYS.at(-1)).toEqual({ id: "review", label: "Review", letter: "w" });
    expect(navShortcut({ key: "w", ctrlKey: false, metaKey: false, shiftKey: false }, false, true)).toBe("review");
    expect(new Set(VIEW_KEYS.map((v) => v.letter)).size).toBe(VIEW_KEYS.length);
  });
});
