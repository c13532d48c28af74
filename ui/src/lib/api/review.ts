// The weekly review (Review view, Home tile) and its status report on the clipboard.
// Each command's typed function is generated from the Rust side (bindings.ts).
export { reviewView, copyStatusReport } from "./bindings";
export type { ReviewView } from "./types/ReviewView";
