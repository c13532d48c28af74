// Session undo/redo of saved product changes. Pure: every function returns a new stack.
// Undo works on commands: undoing sends the previous value back through update_product.

import type { ProductField } from "./api/types/ProductField";

export type Change = { field: ProductField; before: string | null; after: string | null };

export type UndoStack = { readonly done: readonly Change[]; readonly undone: readonly Change[] };

/** A step to apply: send `value` for `field`; adopt `next` only once the core accepted it. */
export type Step = { field: ProductField; value: string | null; next: UndoStack };

export const emptyStack: UndoStack = { done: [], undone: [] };

/** Records a change the user saved; a new change forgets what could be redone. */
export function record(stack: UndoStack, change: Change): UndoStack {
  if (change.before === change.after) return stack;
  return { done: [...stack.done, change], undone: [] };
}

export function canUndo(stack: UndoStack): boolean {
  return stack.done.length > 0;
}

export function canRedo(stack: UndoStack): boolean {
  return stack.undone.length > 0;
}

/** The step that undoes the last saved change, or null when there is none. */
export function undoStep(stack: UndoStack): Step | null {
  const last = stack.done[stack.done.length - 1];
  if (!last) return null;
  return {
    field: last.field,
    value: last.before,
    next: { done: stack.done.slice(0, -1), undone: [...stack.undone, last] },
  };
}

/** The step that redoes the last undone change, or null when there is none. */
export function redoStep(stack: UndoStack): Step | null {
  const last = stack.undone[stack.undone.length - 1];
  if (!last) return null;
  return {
    field: last.field,
    value: last.after,
    next: { done: [...stack.done, last], undone: stack.undone.slice(0, -1) },
  };
}
