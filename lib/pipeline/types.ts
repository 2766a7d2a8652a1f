import type { ModelMessage } from "ai";
import type { AttitudeName, CbtTechnique, SpecialistTechnique } from "@/lib/cbt/techniques";
import type { CallRole, PromptSet } from "@/lib/prompts";
import type { AgentKind, ModelRef } from "@/lib/providers";
import type { RoundSteering } from "./steering";

export const VARIANTS = [
  "magnet",
  "no_planner",
  "no_selector",
  "no_planner_no_selector",
  "cactus_baseline",
  "psych8k_baseline",
] as const;
export type Variant = (typeof VARIANTS)[number];

/** Mirrors the SessionStatus enum of the schema. */
export const SESSION_STATUSES = [
  "draft",
  "running",
  "paused",
  "completed",
  "ended_by_client",
  "failed",
  "stopped",
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The client profile as the session froze it at creation. */
export interface ProfileSnapshot {
  clientInformation: string;
  reasonForCounseling: string;
  intakeText: string;
  attitude: AttitudeName;
  attitudeInstruction: string;
  openingCounselor: string;
  openingClient: string;
}

export interface CallSettings {
  temperature: number;
  maxOutputTokens: number;
  /** One attempt's time limit; a timed-out attempt is retried. */
  timeoutMs: number;
  /** Ask for JSON with a schema (used by the selector only). */
  structuredOutput?: boolean;
}

export interface AgentSetup {
  model: ModelRef;
  settings: CallSettings;
}

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The on/off departures from the published method (see MethodSwitches and lib/pipeline/switches.ts). */
export const METHOD_SWITCH_NAMES = ["fuseSelectedOnly", "shortAnswers"] as const;

/**
 * Our own departures from the published method, each off by default (off = the paper's behaviour).
 * Frozen with the session like everything else in its config.
 */
export interface MethodSwitches extends Record<(typeof METHOD_SWITCH_NAMES)[number], boolean> {
  /**
   * The fuser gets only the candidates the selector chose (not all five), so it can start as soon as the
   * selector and those candidates are done. Variants without a selector fuse all five either way.
   */
  fuseSelectedOnly: boolean;
  /** Every writing agent is asked for a short answer (the paper's prompts set no length). */
  shortAnswers: boolean;
}

/** Everything a session runs with; plain JSON, stored as Session.config. */
export interface SessionConfig {
  /** Counselor/client rounds after the opening exchange. */
  maxRounds: number;
  /**
   * A departure when above 0: a client's [/END] before this round is ignored (the marker is still
   * stripped). 0, the paper's behaviour, honours [/END] whenever it appears.
   */
  minRoundsBeforeEnd: number;
  switches: MethodSwitches;
  /** Run every call of a round one after another (the reference design, for benchmarks). */
  sequential: boolean;
  agents: Record<AgentKind, AgentSetup>;
  prompts: PromptSet;
  retry: RetryPolicy;
  /**
   * Only in a follow-up session: the summary of the client's previous session, which its agents get
   * (lib/prompts/follow-up.ts). Absent from a first session's config, whose prompts it leaves untouched.
   */
  previousSession?: string;
}

export interface PlanRecord {
  sessionId: string;
  /** One of the 12, or null when the answer named none of them. */
  technique: CbtTechnique | null;
  techniqueRaw: string;
  plan: string;
  tokensIn: number;
  tokensOut: number;
}

export interface RoundRecord {
  sessionId: string;
  /** 1-based; the opening exchange is not a round. */
  index: number;
  counselorReply: string;
  clientReply: string | null;
  endedByClient: boolean;
  /** Specialist techniques whose candidates were fused (all five when there is no selector). */
  selectedTechniques: SpecialistTechnique[];
  selectionRationale: string | null;
  /** The selector's answer named no technique and the fallback (all five) was used. */
  selectionFallback: boolean;
  /** Sum over the round's successful calls. */
  tokensIn: number;
  tokensOut: number;
  /** Present only when a person held a seat or changed something in the round. */
  steering?: RoundSteering;
  /** Outputs made from one regenerated since (see regenerate.ts); absent for a round as played. */
  staleOutputs?: string[];
}

export type AgentCallStatus = "succeeded" | "failed" | "cancelled";

/** One attempt of one model call: a row of AgentCall. */
export interface AgentCallRecord {
  id: string;
  sessionId: string;
  /** Null for the planner, which runs before round 1. */
  roundIndex: number | null;
  role: CallRole;
  technique: SpecialistTechnique | null;
  provider: string;
  modelId: string;
  settings: CallSettings;
  promptRole: CallRole;
  promptVersion: number;
  promptMessages: ModelMessage[];
  rawOutput: string | null;
  cleanedOutput: string | null;
  tokensIn: number | null;
  tokensOut: number | null;
  latencyMs: number;
  attempt: number;
  status: AgentCallStatus;
  error: string | null;
  startedAt: Date;
  finishedAt: Date;
}

export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
}
