import { describe, expect, it } from "vitest";
import { canRedo, canUndo, emptyStack, record, redoStep, undoStep, type UndoStack } from "./undo";

describe("undo stack", () => {
  it("has nothing to undo or redo at the start of a session", () => {
    expect(canUndo(emptyStack)).toBe(false);
    expect(canRedo(emptyStack)).toBe(false);
    expect(undoStep(emptyStack)).toBeNull();
    expect(redoStep(emptyStack)).toBeNull();
  });

  it("undoes the last saved change by sending back its previous value", () => {
    let s = record(emptyStack, { field: "name", before: "Acme", after: "Acme Analytics" });
    s = record(s, { field: "vision", before: null, after: "Every team decides with data." });
    const step = undoStep(s)!;
    expect(step.field).toBe("vision");
    expect(step.value).toBeNull();
    const step2 = undoStep(step.next)!;
    expect(step2).toMatchObject({ field: "name", value: "Acme" });
    expect(canUndo(step2.next)).toBe(false);
  });

  it("redoes an undone change by sending its new value again", () => {
    const s = record(emptyStack, { field: "lifecycle_stage", before: "growth", after: "maturity" });
    const undone = undoStep(s)!.next;
    expect(canRedo(undone)).toBe(true);
    const redo = redoStep(undone)!;
    expect(redo).toMatchObject({ field: "lifecycle_stage", value: "maturity" });
    expect(canUndo(redo.next)).toBe(true);
    expect(canRedo(redo.next)).toBe(false);
  });

  it("forgets what could be redone once a new change is saved", () => {
    let s = record(emptyStack, { field: "name", before: "A", after: "B" });
    s = undoStep(s)!.next;
    s = record(s, { field: "name", before: "A", after: "C" });
    expect(canRedo(s)).toBe(false);
    expect(undoStep(s)!.value).toBe("A");
  });

  it("does not record a change that changes nothing", () => {
    expect(record(emptyStack, { field: "name", before: "A", after: "A" })).toBe(emptyStack);
  });

  it("never mutates the stack it was given", () => {
    const s: UndoStack = record(emptyStack, { field: "name", before: "A", after: "B" });
    const frozen = JSON.stringify(s);
    undoStep(s);
    record(s, { field: "vision", before: null, after: "x" });
    expect(JSON.stringify(s)).toBe(frozen);
  });
});
