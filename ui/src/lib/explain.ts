// "How is this computed?": the definitions of docs/COMPUTATIONS.md in plain words, filled with
// the figures the core sent (formatting only; nothing is computed here).
import type { Cycle } from "./api/types/Cycle";
import type { ObjectiveFigures } from "./api/types/ObjectiveFigures";
import { formatConfidence, formatDate, formatGrade, formatPercent } from "./format";
import { healthText } from "./health";

export type Figure = "progress" | "expected" | "health" | "forecast" | "grade" | "confidence";

export type Explanation = { title: string; lines: string[] };

export type Context = { figures: ObjectiveFigures; cycle: Cycle | null; asOf: string; lowestConfidence: number | null };

export function explain(figure: Figure, ctx: Context): Explanation {
  const f = ctx.figures;
  const c = ctx.cycle;
  const span = c ? `${formatDate(c.start)} to ${formatDate(c.end)}` : "its cycle";
  switch (figure) {
    case "progress":
      return {
        title: "Progress",
        lines: [
          "Each key result's progress runs from 0% at its baseline to 100% at its target (keep-above/below and milestone results count 0% or 100%; a result bound to milestones counts the share done).",
          "The objective's progress is the weighted mean of its key results and its child objectives (weight 1 unless set). With neither, there is no progress: “—”, not 0.",
          `Now, as of ${formatDate(ctx.asOf)}: ${formatPercent(f.progress)}.`,
        ],
      };
    case "expected":
      return {
        title: "Expected by today",
        lines: [
          `How far through the cycle the day is: days since the cycle began ÷ days in the cycle (${span}), between 0% and 100%.`,
          `As of ${formatDate(ctx.asOf)} that is ${formatPercent(f.expected)}, shown as the tick on the bar.`,
        ],
      };
    case "health":
      return {
        title: "Health",
        lines: [
          "Compares expected with actual progress. Behind by at most 10 points: on track; by at most 25: at risk; more: off track.",
          "On track becomes at risk when a key result's latest confidence is below 0.5. Before the cycle starts: not started. Achieved, missed and dropped objectives keep that status.",
          `Here: expected ${formatPercent(f.expected)}, progress ${formatPercent(f.progress)}, lowest confidence ${formatConfidence(ctx.lowestConfidence)} → ${healthText(f.health)}.`,
        ],
      };
    case "forecast":
      return {
        title: "Forecast",
        lines: [
          "For each key result with at least two points (the baseline on the cycle's first day counts), a straight line is fitted through its check-ins (least squares) and read on the cycle's last day.",
          "That value goes through the progress formula; the objective's forecast is the weighted mean of the forecasts that exist.",
          `Forecast at ${c ? formatDate(c.end) : "cycle end"}: ${formatPercent(f.forecast_progress)}.`,
        ],
      };
    case "grade":
      return {
        title: "Grade",
        lines: [
          "The 0.0–1.0 score: progress at the cycle's end (or today, while the cycle is open), rounded half up to one decimal.",
          "About 0.7 on a stretch objective is a success; a steady 1.0 suggests the goals are not ambitious enough.",
          `Grade now: ${formatGrade(f.grade)}.`,
        ],
      };
    case "confidence":
      return {
        title: "Confidence",
        lines: [
          "Each key result's confidence is the one given at its latest check-in, from 0 (no chance) to 1 (certain); none yet: unknown.",
          "The objective shows its lowest one: below 0.5 turns an on-track objective at risk.",
          `Lowest now: ${formatConfidence(ctx.lowestConfidence)}.`,
        ],
      };
  }
}
