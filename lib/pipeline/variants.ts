import type { Variant } from "./types";

export interface VariantShape {
  /** A CBT plan is made before round 1. */
  planner: boolean;
  /** Who writes the counselor turn: specialists + fuser, or one baseline counselor. */
  counselor: "multi_agent" | "cactus" | "psych8k";
  /** The selector picks which candidates are fused (otherwise all five are). */
  selector: boolean;
}

export const VARIANT_SHAPES: Record<Variant, VariantShape> = {
  magnet: { planner: true, counselor: "multi_agent", selector: true },
  no_planner: { planner: false, counselor: "multi_agent", selector: true },
  no_selector: { planner: true, counselor: "multi_agent", selector: false },
  no_planner_no_selector: { planner: false, counselor: "multi_agent", selector: false },
  cactus_baseline: { planner: true, counselor: "cactus", selector: false },
  psych8k_baseline: { planner: false, counselor: "psych8k", selector: false },
};
