// Health as shown: a word, a tone (colour) and, for final states, an icon. Colour never alone.
import type { Health } from "./api/types/Health";

export type Tone = "success" | "warning" | "danger" | "neutral";

export type HealthInfo = { label: string; tone: Tone; icon: "check" | "cross" | null };

const INFO: Record<Health, HealthInfo> = {
  on_track: { label: "On track", tone: "success", icon: null },
  at_risk: { label: "At risk", tone: "warning", icon: null },
  off_track: { label: "Off track", tone: "danger", icon: null },
  not_started: { label: "Not started", tone: "neutral", icon: null },
  achieved: { label: "Achieved", tone: "success", icon: "check" },
  missed: { label: "Missed", tone: "danger", icon: "cross" },
  dropped: { label: "Dropped", tone: "neutral", icon: null },
};

/** How a health value is shown; null (no key results yet) is "Not measured". */
export function healthInfo(h: Health | null): HealthInfo {
  return h === null ? { label: "Not measured", tone: "neutral", icon: null } : INFO[h];
}

/** The chip text, e.g. "Achieved ✓", "Missed ✗", "At risk". */
export function healthText(h: Health | null): string {
  const i = healthInfo(h);
  return i.icon === "check" ? `${i.label} ✓` : i.icon === "cross" ? `${i.label} ✗` : i.label;
}

/** The CSS colour token of a tone. */
export function toneColor(t: Tone): string {
  return { success: "var(--success)", warning: "var(--warning)", danger: "var(--danger)", neutral: "var(--neutral)" }[t];
}
