import { describe, expect, it } from "vitest";
import type { LodestarError } from "./api/types/LodestarError";
import type { Parsed } from "./okrForms";
import { RecordPanel } from "./recordPanel.svelte";

type Rec = { id: string; title: string };
type Form = { title: string };
type Input = { title: string };

const invalid = (message: string, field: string | null): LodestarError => ({ code: "invalid", message, record: null, field });

/** A panel over an in-memory list, recording what the view would have seen. */
function setup(fail: { create?: LodestarError; update?: LodestarError; remove?: LodestarError } = {}) {
  const log: string[] = [];
  const opened: (Rec | null)[] = [];
  const panel = new RecordPanel<Rec, Form, Input>({
    draft: (r) => ({ title: r?.title ?? "" }),
    input: (f): Parsed<Input> => (f.title.trim() === "" ? { ok: false, errors: { title: "Give it a title." } } : { ok: true, value: { title: f.title.trim() } }),
    fields: ["title"],
    create: async (input) => {
      if (fail.create) throw fail.create;
      log.push(`create ${input.title}`);
    },
    update: async (r, input) => {
      if (fail.update) throw fail.update;
      log.push(`update ${r.id} ${input.title}`);
    },
    remove: async (r) => {
      if (fail.remove) throw fail.remove;
      log.push(`delete ${r.id}`);
    },
    said: { created: "Added", saved: "Saved", deleted: "Deleted" },
    after: async (said) => {
      // The view reloads after the panel has closed.
      log.push(`after ${said} (panel ${panel.current ? "open" : "closed"})`);
    },
    onopen: (r) => opened.push(r),
  });
  return { panel, log, opened };
}

describe("record panel", () => {
  it("opens on a record with its values as the draft, and on a new one empty", () => {
    const { panel, opened } = setup();
    expect(panel.current).toBeNull();
    panel.open({ id: "d1", title: "Defer SSO" });
    expect(panel.record?.id).toBe("d1");
    expect(panel.draft).toEqual({ title: "Defer SSO" });
    panel.open(null);
    expect(panel.current).not.toBeNull();
    expect(panel.record).toBeNull();
    expect(panel.draft).toEqual({ title: "" });
    expect(opened).toEqual([{ id: "d1", title: "Defer SSO" }, null]);
  });

  it("gives every open a new key, so reopening the same record starts a fresh form", () => {
    const { panel } = setup();
    const rec = { id: "d1", title: "Defer SSO" };
    panel.open(rec);
    const first = panel.current?.key;
    panel.draft.title = "changed";
    panel.open(rec);
    expect(panel.current?.key).not.toBe(first);
    expect(panel.draft.title).toBe("Defer SSO");
  });

  it("creates a new record, closes, then lets the view reload and announce", async () => {
    const { panel, log } = setup();
    panel.open(null);
    panel.draft.title = "  Ship checklist ";
    expect(await panel.save()).toBe(true);
    expect(log).toEqual(["create Ship checklist", "after Added (panel closed)"]);
    expect(panel.current).toBeNull();
    expect(panel.saving).toBe(false);
  });

  it("updates and deletes the record it holds", async () => {
    const { panel, log } = setup();
    panel.open({ id: "d1", title: "Defer SSO" });
    panel.draft.title = "Defer SSO to Q3";
    expect(await panel.save()).toBe(true);
    panel.open({ id: "d2", title: "Drop the wizard" });
    expect(await panel.remove()).toBe(true);
    expect(log).toEqual(["update d1 Defer SSO to Q3", "after Saved (panel closed)", "delete d2", "after Deleted (panel closed)"]);
  });

  it("keeps the panel open with the form's own errors and asks the core nothing", async () => {
    const { panel, log } = setup();
    panel.open(null);
    expect(await panel.save()).toBe(false);
    expect(panel.errors).toEqual({ title: "Give it a title." });
    expect(panel.current).not.toBeNull();
    expect(log).toEqual([]);
  });

  it("puts the core's error under the field it names, any other above the buttons", async () => {
    const named = setup({ create: invalid("A decision needs a title.", "title") });
    named.panel.open(null);
    named.panel.draft.title = "x";
    expect(await named.panel.save()).toBe(false);
    expect(named.panel.errors).toEqual({ title: "A decision needs a title." });
    expect(named.panel.general).toBeNull();
    expect(named.panel.current).not.toBeNull();
    expect(named.panel.saving).toBe(false);

    const other = setup({ update: invalid("The workspace is read-only.", null) });
    other.panel.open({ id: "d1", title: "Defer SSO" });
    expect(await other.panel.save()).toBe(false);
    expect(other.panel.errors).toEqual({});
    expect(other.panel.general).toBe("The workspace is read-only.");
    expect(other.log).toEqual([]);
  });

  it("keeps the record when the core refuses to delete it, and clears old errors on the next try", async () => {
    const { panel } = setup({ remove: { code: "not_found", message: "No decision d1.", record: "d1", field: null } });
    panel.open({ id: "d1", title: "Defer SSO" });
    expect(await panel.remove()).toBe(false);
    expect(panel.general).toBe("No decision d1.");
    expect(panel.record?.id).toBe("d1");
    expect(await panel.save()).toBe(true);
    expect(panel.general).toBeNull();
  });

  it("has nothing to delete for a new record, and a closed panel saves nothing", async () => {
    const { panel, log } = setup();
    panel.open(null);
    expect(await panel.remove()).toBe(false);
    panel.close();
    expect(await panel.save()).toBe(false);
    expect(log).toEqual([]);
  });

  it("saves once when Save is pressed again while the core is still writing", async () => {
    const { panel, log } = setup();
    panel.open(null);
    panel.draft.title = "Ship checklist";
    const first = panel.save();
    expect(panel.saving).toBe(true);
    expect(await panel.save()).toBe(false);
    expect(await first).toBe(true);
    expect(log.filter((l) => l.startsWith("create"))).toEqual(["create Ship checklist"]);
  });
});
