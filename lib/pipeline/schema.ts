import { z } from "zod";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { PROMPT_ROLES, PROMPT_VARIABLE_DOCS, type PromptRole, type PromptVariable } from "@/lib/prompts";
import { AGENT_KINDS, PROVIDERS } from "@/lib/providers";
import { type ProfileSnapshot, type SessionConfig, VARIANTS } from "./types";

// Schemas for what crosses the engine's edge as JSON: Session.config read back from the database, and
// requests that start sessions. Parsed values have the engine's own types.

const promptRoles = PROMPT_ROLES as [PromptRole, ...PromptRole[]];
const promptVariables = Object.keys(PROMPT_VARIABLE_DOCS) as [PromptVariable, ...PromptVariable[]];

export const promptTemplateSchema = z.object({
  role: z.enum(promptRoles),
  version: z.number().int().min(1),
  system: z.string().min(1),
  user: z.string().min(1),
  variables: z.array(z.enum(promptVariables)),
  note: z.string().optional(),
});

export const modelRefSchema = z.object({ provider: z.enum(PROVIDERS), modelId: z.string().min(1) });

export const callSettingsSchema = z.object({
  temperature: z.number().min(0).max(2),
  maxOutputTokens: z.number().int().min(1),
  timeoutMs: z.number().int().min(1),
  structuredOutput: z.boolean().optional(),
});

const agentSetupSchema = z.object({ model: modelRefSchema, settings: callSettingsSchema });

export const sessionConfigSchema: z.ZodType<SessionConfig> = z.object({
  maxRounds: z.number().int().min(1).max(100),
  minRoundsBeforeEnd: z.number().int().min(0),
  switches: z.object({ fuseSelectedOnly: z.boolean(), shortAnswers: z.boolean() }),
  sequential: z.boolean(),
  agents: z.record(z.enum(AGENT_KINDS), agentSetupSchema),
  prompts: z.record(z.enum(promptRoles), promptTemplateSchema),
  retry: z.object({
    maxAttempts: z.number().int().min(1).max(10),
    baseDelayMs: z.number().min(0),
    maxDelayMs: z.number().min(0),
  }),
  previousSession: z.string().min(1).optional(),
});

export const profileSnapshotSchema: z.ZodType<ProfileSnapshot> = z.object({
  clientInformation: z.string().min(1),
  reasonForCounseling: z.string().min(1),
  intakeText: z.string().min(1),
  attitude: z.enum(ATTITUDES),
  attitudeInstruction: z.string(),
  openingCounselor: z.string().min(1),
  openingClient: z.string().min(1),
});

export const variantSchema = z.enum(VARIANTS);
