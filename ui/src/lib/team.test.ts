import { describe, expect, it } from "vitest";
import type { TeamStatus } from "./api/types/TeamStatus";
import { activityLine, activityValues, clockTime, conflictsMineFirst, placeTeamError, shownActivity, syncSummary, waitingText } from "./team";

const now = new Date("2026-12-05T15:00:00Z");
const base: TeamStatus = {
  space: "Checkout",
  server: "postgresql://alice@db.example.com:5432/plans",
  role: "alice",
  last_sync: "2026-12-05T14:58:00Z",
  pending: 0,
  offline_since: null,
  last_error: null,
  conflicts: 0,
};

describe("the sidebar's sync status", () => {
  it("says In sync when nothing waits and the last sync worked", () => {
    expect(syncSummary(base, now, "UTC")).toEqual({ tone: "in_sync", text: "In sync", detail: "Last sync 14:58" });
  });

  it("counts the changes waiting, in the singular for one", () => {
    expect(syncSummary({ ...base, pending: 1 }, now, "UTC").text).toBe("1 change waiting");
    expect(syncSummary({ ...base, pending: 3 }, now, "UTC").text).toBe("3 changes waiting");
  });

  it("says since when the server has been unreachable, with what waits", () => {
    const s = syncSummary({ ...base, pending: 2, offline_since: "2026-12-05T10:42:10Z", last_error: "connection refused" }, now, "UTC");
    expect(s).toEqual({ tone: "offline", text: "Offline since 10:42", detail: "2 changes waiting" });
  });

  it("names the day when the server has been away since another day", () => {
    expect(syncSummary({ ...base, offline_since: "2026-12-01T09:05:00Z" }, now, "UTC").text).toBe("Offline since 1 Dec 09:05");
  });

  it("shows the last error in words when the server refused", () => {
    const s = syncSummary({ ...base, last_error: "The server refused the password for role alice." }, now, "UTC");
    expect(s.tone).toBe("error");
    expect(s.text).toBe("The server refused the password for role alice.");
  });

  it("reads the time in the user's time zone", () => {
    expect(clockTime("2026-12-05T10:42:00Z", now, "Europe/Berlin")).toBe("11:42");
  });
});

describe("team words", () => {
  it("puts my conflicts first, newest first within each", () => {
    const c = (id: number, mine: boolean, made_at: string) => ({ id, author: mine ? "alice" : "bob", mine, made_at, summary: "", reason: "" });
    const sorted = conflictsMineFirst([c(1, false, "2026-12-05T10:00:00Z"), c(2, true, "2026-12-04T10:00:00Z"), c(3, true, "2026-12-05T11:00:00Z")]);
    expect(sorted.map((x) => x.id)).toEqual([3, 2, 1]);
  });

  it("says who changed which record and what it set", () => {
    const a = {
      author: "bob",
      made_at: "2026-12-05T10:00:00Z",
      table: "roadmap_items",
      record: "r3",
      op: "update",
      values: [
        { field: "start_date", value: "2026-12-01" },
        { field: "end_date", value: "null" },
      ],
    };
    expect(activityLine(a)).toBe("bob changed roadmap item r3");
    expect(activityValues(a)).toBe("start date: 2026-12-01 · end date: —");
    expect(activityLine({ ...a, table: "key_results", op: "insert" })).toBe("bob added key result r3");
    expect(activityLine({ ...a, table: "roadmap_item_objectives", record: '["r3","o1"]', op: "delete" })).toBe("bob deleted item's objective r3 – o1");
  });

  it("names the product as the product, and leaves revisions to the History timeline", () => {
    const a = { author: "bob", made_at: "2026-12-05T10:00:00Z", table: "product", record: "product", op: "update", values: [] };
    expect(activityLine(a)).toBe("bob changed the product");
    expect(shownActivity([a, { ...a, table: "revisions", record: "03cf", op: "insert" }])).toEqual([a]);
  });

  it("waits in words", () => {
    expect(waitingText(1)).toBe("1 change waiting");
  });

  it("puts an error at the field it names, and a refusal or an unreachable server in words", () => {
    expect(placeTeamError({ code: "invalid", message: "Name the space", record: "team", field: "space" })).toEqual({ field: "space", message: "Name the space" });
    const refused = "The server at db:5432 did not accept role “bob”: password authentication failed. Give the password, or set PGPASSWORD or a line in ~/.pgpass.";
    expect(placeTeamError({ code: "denied", message: refused, record: null, field: null })).toEqual({ field: "password", message: refused });
    const notMember = "Role “bob” may not do this on db:5432: not an owner.";
    expect(placeTeamError({ code: "denied", message: notMember, record: null, field: null })).toEqual({ field: null, message: notMember });
    expect(placeTeamError({ code: "offline", message: "Cannot reach the server at db:5432: connection refused", record: null, field: null })).toEqual({
      field: null,
      message: "Cannot reach the server at db:5432: connection refused",
    });
  });
});
