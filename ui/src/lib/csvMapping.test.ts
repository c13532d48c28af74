import { describe, expect, it } from "vitest";
import type { ItemMapping } from "./api/types/ItemMapping";
import { rememberMapping, rememberedMapping, withColumn, withFixedLane } from "./csvMapping";

const jira: ItemMapping = {
  title: "Summary",
  lane: "Epic Link",
  fixed_lane: null,
  start: "Custom field (Start date)",
  end: "Due date",
  kind: "Issue Type",
  status: "Status",
  key: "Issue key",
  horizon: null,
  objectives: null,
  expected_impact: null,
  tradeoff: null,
  statuses: { Reopened: "in_progress" },
  kinds: {},
};

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe("CSV import mapping", () => {
  it("a fixed lane replaces the lane column, and a lane column the fixed lane", () => {
    const fixed = withFixedLane(jira, "Platform");
    expect([fixed.lane, fixed.fixed_lane]).toEqual([null, "Platform"]);
    const back = withColumn(fixed, "lane", "Project name");
    expect([back.lane, back.fixed_lane]).toEqual(["Project name", null]);
    expect(withColumn(jira, "start", "").start).toBeNull();
  });

  it("remembers a tool's mapping and offers it again only to a file that has its columns", () => {
    const storage = memory();
    rememberMapping(storage, "jira", jira);
    const columns = ["Summary", "Issue key", "Issue Type", "Status", "Epic Link", "Custom field (Start date)", "Due date"];
    expect(rememberedMapping(storage, "jira", columns)).toEqual(jira);
    expect(rememberedMapping(storage, "jira", columns.filter((c) => c !== "Epic Link"))).toBeNull();
    expect(rememberedMapping(storage, "linear", columns)).toBeNull();
    storage.setItem("lodestar.csv-mapping.plane", "{not json");
    expect(rememberedMapping(storage, "plane", columns)).toBeNull();
  });
});
