import { describe, expect, it } from "vitest";
import type { PictureOptions } from "./api/types/PictureOptions";
import { checkOptions, fileName, formatsFor, loadRemembered, mergeOptions, saveRemembered, storageKey, toggleLane } from "./exportOptions";

const defaults: PictureOptions = {
  from: "2026-01-01",
  to: "2026-12-31",
  zoom: "month",
  lanes: null,
  title: "Acme Analytics",
  subtitle: null,
  generated_on: null,
  legend: true,
  today_line: true,
  milestone_labels: true,
  scale: 2,
  pages: "one_page",
};
const today = "2026-05-04";

function memory(): Storage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
    key: (i) => [...m.keys()][i] ?? null,
    get length() {
      return m.size;
    },
  };
}

describe("merging remembered options over the defaults", () => {
  it("takes the defaults when nothing is saved", () => {
    expect(mergeOptions(defaults, null, today)).toEqual(defaults);
    expect(mergeOptions(defaults, "junk", today)).toEqual(defaults);
  });

  it("takes well-typed saved fields and ignores the rest", () => {
    const merged = mergeOptions(
      defaults,
      { zoom: "quarter", scale: 3, legend: false, title: "Board deck", lanes: ["l1"], from: "2026-03-01", to: 17, pages: "poster", subtitle: 5 },
      today,
    );
    expect(merged).toMatchObject({ zoom: "quarter", scale: 3, legend: false, title: "Board deck", lanes: ["l1"], from: "2026-03-01" });
    expect(merged.to).toBe(defaults.to);
    expect(merged.pages).toBe("one_page");
    expect(merged.subtitle).toBeNull();
  });

  it("rejects scales that are not whole numbers from 1 to 3", () => {
    expect(mergeOptions(defaults, { scale: 2.5 }, today).scale).toBe(2);
    expect(mergeOptions(defaults, { scale: 4 }, today).scale).toBe(2);
    expect(mergeOptions(defaults, { scale: "3" }, today).scale).toBe(2);
  });

  it("remembers 'generated on' as a toggle that means today", () => {
    expect(mergeOptions(defaults, { generated_on: "2025-01-01" }, today).generated_on).toBe(today);
    expect(mergeOptions({ ...defaults, generated_on: "2026-01-02" }, { generated_on: null }, today).generated_on).toBeNull();
    expect(mergeOptions({ ...defaults, generated_on: "2026-01-02" }, {}, today).generated_on).toBe(today);
  });
});

describe("storage per kind", () => {
  it("round-trips format and options under lodestar.export.<what>", () => {
    const s = memory();
    saveRemembered(s, "roadmap", { format: "pdf", options: { ...defaults, zoom: "week", pages: "a4" } });
    expect(s.getItem(storageKey("roadmap"))).toContain('"pdf"');
    expect(storageKey("okrs")).toBe("lodestar.export.okrs");
    const back = loadRemembered(s, "roadmap", defaults, today);
    expect(back.format).toBe("pdf");
    expect(back.options).toMatchObject({ zoom: "week", pages: "a4" });
    expect(loadRemembered(s, "okrs", defaults, today)).toEqual({ format: "png", options: defaults });
  });

  it("survives broken JSON and missing storage", () => {
    const s = memory();
    s.setItem(storageKey("okrs"), "{not json");
    expect(loadRemembered(s, "okrs", defaults, today)).toEqual({ format: "png", options: defaults });
    expect(loadRemembered(null, "okrs", defaults, today).options).toEqual(defaults);
  });
});

describe("type checks before sending", () => {
  it("accepts the defaults and blanks empty texts", () => {
    const r = checkOptions({ ...defaults, title: "  ", subtitle: " Q3 " });
    expect(r).toEqual({ ok: true, value: { ...defaults, title: null, subtitle: "Q3" } });
  });

  it("names the fields with the wrong type", () => {
    const r = checkOptions({ ...defaults, scale: 1.5, from: "", to: "31/12/2026" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["from", "scale", "to"]);
    expect(checkOptions({ ...defaults, scale: 0 }).ok).toBe(false);
    expect(checkOptions({ ...defaults, scale: 3 }).ok).toBe(true);
  });

  it("leaves range rules to the core", () => {
    expect(checkOptions({ ...defaults, from: "2027-01-01", to: "2026-01-01" }).ok).toBe(true);
  });
});

describe("helpers", () => {
  it("toggles lanes, null meaning all", () => {
    const all = ["a", "b", "c"];
    expect(toggleLane(null, all, "b", false)).toEqual(["a", "c"]);
    expect(toggleLane(["a", "c"], all, "b", true)).toBeNull();
    expect(toggleLane(["c"], all, "a", true)).toEqual(["a", "c"]);
    expect(toggleLane(["a"], all, "a", false)).toEqual([]);
  });


  it("names the saved file", () => {
    expect(fileName("/home/pm/roadmap.png")).toBe("roadmap.png");
    expect(fileName("C:\\Users\\pm\\okrs.pdf")).toBe("okrs.pdf");
  });
});

describe("formats", () => {
  it("offers the web page for the roadmap only", () => {
    expect(formatsFor("roadmap").map((f) => f.value)).toContain("html");
    expect(formatsFor("okrs").map((f) => f.value)).not.toContain("html");
  });
});
