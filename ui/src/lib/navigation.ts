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
