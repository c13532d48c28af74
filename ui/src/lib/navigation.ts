// Where things open: the view a hash names and the view that opens when there is no hash.
// Navigation is by `location.hash` ("#/okrs").
import { VIEW_KEYS, type ViewId } from "./keys";

/** The view a hash names ("#/okrs", "#/okrs?objective=o1"); null when it names none. */
export function viewInHash(hash: string): ViewId | null {
  const id = hash.replace(/^#\/?/, "").split(/[?/]/)[0];
  return VIEW_KEYS.some((v) => v.id === id) ? (id as ViewId) : null;
}

/** The view that opens without a hash: Home once there is something to show, else Strategy
 *  (where an empty workspace starts: the vision). `isEmpty` null: not known yet. */
export function defaultView(isEmpty: boolean | null): ViewId {
  return isEmpty === false ? "home" : "strategy";
}

/** The hash that opens a view and brings one of its records into view ("#/okrs?focus=o1"). */
export function recordHash(view: ViewId, id: string): string {
  return `#/${view}?focus=${encodeURIComponent(id)}`;
}

/** The record a hash asks to bring into view, if any. */
export function focusInHash(hash: string): string | null {
  const q = hash.indexOf("?");
  return q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get("focus");
}

/** The attributes by which views mark a record's element, for `revealRecord`. */
const RECORD_ATTRIBUTES = ["data-objective-id", "data-kr-id", "data-feedback-id", "data-experiment-id", "data-decision-id", "data-kpi-id", "data-theme-id", "data-milestone-id"];

/**
 * Waits (up to `timeoutMs`) for the element of record `id` to be drawn, scrolls it to the
 * middle, marks it briefly and moves focus to it. False when it never appears.
 */
export async function revealRecord(id: string, timeoutMs = 3000): Promise<boolean> {
  const selector = RECORD_ATTRIBUTES.map((a) => `[${a}="${CSS.escape(id)}"]`).join(",");
  const until = performance.now() + timeoutMs;
  for (;;) {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.scrollIntoView({ block: "center" });
      el.classList.add("revealed");
      setTimeout(() => el.classList.remove("revealed"), 1600);
      if (!el.hasAttribute("tabindex") && !(el instanceof HTMLAnchorElement || el instanceof HTMLButtonElement)) el.tabIndex = -1;
      el.focus({ preventScroll: true });
      // Some records open by their control (a theme filters the inbox to itself).
      if (el.dataset.reveal === "click") el.click();
      return true;
    }
    if (performance.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}
