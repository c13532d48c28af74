// Keyboard decisions as pure functions of a key event's shape.

export type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey?: boolean };

export type ControlKind = "input" | "textarea" | "select";

/** What a key does inside a field editor: save it, revert it to the saved value, or nothing. */
export function fieldKeyAction(kind: ControlKind, e: KeyLike): "commit" | "revert" | null {
  if (e.key === "Escape") return "revert";
  if (e.key !== "Enter") return null;
  if (kind === "input") return "commit";
  if (kind === "textarea" && (e.ctrlKey || e.metaKey)) return "commit";
  return null;
}

export type TargetLike = { tagName?: string; isContentEditable?: boolean; type?: string } | null;

const NON_TEXT_INPUTS = ["button", "checkbox", "radio", "submit", "reset", "range", "color", "file", "image"];

/** True when the focused element takes typed text (where Ctrl+Z belongs to the field). */
export function isTextEntry(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  if (tag === "TEXTAREA") return true;
  if (tag === "INPUT") return !NON_TEXT_INPUTS.includes((target.type ?? "text").toLowerCase());
  return false;
}

/** The app-wide shortcut a key press means, when focus is not in a text field. */
export function globalShortcut(e: KeyLike, inTextEntry: boolean): "undo" | "redo" | "help" | null {
  if (inTextEntry || e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && key === "z") return e.shiftKey ? "redo" : "undo";
  if (mod && key === "y" && !e.shiftKey) return "redo";
  if (!mod && e.key === "?") return "help";
  return null;
}

/** "⌘" on macOS, "Ctrl" elsewhere. */
export function modLabel(platform: string): string {
  return /mac|iphone|ipad/i.test(platform) ? "⌘" : "Ctrl";
}

export type ViewId =
  | "home"
  | "okrs"
  | "roadmap"
  | "backlog"
  | "metrics"
  | "feedback"
  | "experiments"
  | "decisions"
  | "strategy"
  | "history"
  | "review";

/** Views in sidebar order; Ctrl+1…9 (the first nine) and the `g` letters follow it. */
export const VIEW_KEYS: readonly { id: ViewId; label: string; letter: string }[] = [
  { id: "home", label: "Home", letter: "d" },
  { id: "okrs", label: "OKRs", letter: "o" },
  { id: "roadmap", label: "Roadmap", letter: "r" },
  { id: "backlog", label: "Backlog", letter: "b" },
  { id: "metrics", label: "Metrics", letter: "m" },
  { id: "feedback", label: "Feedback", letter: "f" },
  { id: "experiments", label: "Experiments", letter: "e" },
  { id: "decisions", label: "Decisions", letter: "l" },
  { id: "strategy", label: "Strategy", letter: "s" },
  { id: "history", label: "History", letter: "h" },
  // Last, so that Ctrl+1…9 keep their views; `g w` (weekly) opens it.
  { id: "review", label: "Review", letter: "w" },
];

/**
 * View navigation: Ctrl/⌘+1…9 anywhere; `g` then a view's letter outside text fields;
 * `n` (new item) outside text fields. `gPending` says a `g` was just pressed.
 */
export function navShortcut(e: KeyLike, inTextEntry: boolean, gPending: boolean): ViewId | "g" | "new" | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.shiftKey && !e.altKey && /^[1-9]$/.test(e.key)) return VIEW_KEYS[Number(e.key) - 1]?.id ?? null;
  if (inTextEntry || mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (gPending) return VIEW_KEYS.find((v) => v.letter === key)?.id ?? null;
  if (e.key === "g") return "g";
  if (e.key === "n") return "new";
  return null;
}
