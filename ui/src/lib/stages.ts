import type { LifecycleStage } from "./api/types/LifecycleStage";

export type StageInfo = { value: LifecycleStage; label: string; hint: string };

/** The five stages in lifecycle order, each with what it means for planning. */
export const STAGES: readonly StageInfo[] = [
  {
    value: "development",
    label: "Development",
    hint: "Before launch: invest in discovery and validating the problem; expect few metrics yet.",
  },
  {
    value: "introduction",
    label: "Introduction",
    hint: "Just launched: plan for activation and early adoption, and iterate fast on feedback.",
  },
  {
    value: "growth",
    label: "Growth",
    hint: "Demand is rising: scale acquisition, reliability and the features that drive adoption.",
  },
  {
    value: "maturity",
    label: "Maturity",
    hint: "Growth is flattening: defend share, improve retention and efficiency, pay down tech debt.",
  },
  {
    value: "decline",
    label: "Decline",
    hint: "Usage is falling: cut cost, harvest or pivot, and plan migration or sunset.",
  },
];

export const NO_STAGE_HINT = "Set the stage to plan and allocate for where the product is in its life.";

/** Label of a stage; null or empty is "Not set"; an unknown value is shown as given. */
export function stageLabel(stage: string | null): string {
  if (stage === null || stage === "") return "Not set";
  return STAGES.find((s) => s.value === stage)?.label ?? stage;
}

/** The planning hint for a stage (a nudge to set one when it is not set). */
export function stageHint(stage: string | null): string {
  if (stage === null || stage === "") return NO_STAGE_HINT;
  return STAGES.find((s) => s.value === stage)?.hint ?? "";
}
