// Shapes of client profiles at the edges: what may be written, how the list is queried, and what the
// list and detail endpoints return. Safe to import from client components.

import { z } from "zod";
import {
  Attitude,
  ProfileSource,
  SessionAwaiting,
  SessionSource,
  SessionStatus,
  SessionVariant,
} from "@/lib/db/generated/enums";
import { pageSchema, textSchema } from "@/lib/http/fields";

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

const requiredText = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const attitudeSchema = z.enum(Attitude);
export const profileSourceSchema = z.enum(ProfileSource);

export const profileInputSchema = z.object({
  externalKey: optionalText(200),
  source: profileSourceSchema,
  name: requiredText(200),
  age: z
    .int()
    .min(0)
    .max(130)
    .nullish()
    .transform((value) => value ?? null),
  gender: optionalText(100),
  occupation: optionalText(500),
  education: optionalText(500),
  maritalStatus: optionalText(200),
  familyDetails: optionalText(2_000),
  presentingProblem: requiredText(20_000),
  reasonForCounseling: requiredText(10_000),
  pastHistory: optionalText(10_000),
  functioning: optionalText(10_000),
  socialSupport: optionalText(10_000),
  // Kept exactly as written (not trimmed): it is the source of the profile's import key.
  intakeText: z
    .string()
    .max(50_000)
    .refine((value) => value.trim() !== "", "must not be empty"),
  clientInformation: requiredText(5_000),
  attitude: attitudeSchema,
  attitudeInstruction: requiredText(5_000),
  openingCounselor: requiredText(5_000),
  openingClient: requiredText(5_000),
  referenceTechniques: z.array(requiredText(200)).max(20).default([]),
});

export type ProfileInput = z.input<typeof profileInputSchema>;
export type ProfileData = z.output<typeof profileInputSchema>;

// Query-string values arrive as strings, and empty form fields as "".
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const profileListQuerySchema = z.object({
  search: z.preprocess(blankToUndefined, textSchema(200).optional()),
  attitude: z.preprocess(blankToUndefined, attitudeSchema.optional()),
  technique: z.preprocess(blankToUndefined, textSchema(200).optional()),
  source: z.preprocess(blankToUndefined, profileSourceSchema.optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  ),
});

export type ProfileListQueryInput = z.input<typeof profileListQuerySchema>;
export type ProfileListQuery = z.output<typeof profileListQuerySchema>;

// Dates travel as ISO strings in JSON and come back as Date objects.
const timestamp = z.coerce.date();

export const profileSummarySchema = z.object({
  id: z.string(),
  externalKey: z.string().nullable(),
  source: profileSourceSchema,
  name: z.string(),
  age: z.number().int().nullable(),
  gender: z.string().nullable(),
  occupation: z.string().nullable(),
  presentingProblem: z.string(),
  reasonForCounseling: z.string(),
  attitude: attitudeSchema,
  referenceTechniques: z.array(z.string()),
  sessionCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const profileListResponseSchema = pageSchema(profileSummarySchema);

export type ProfileListResponse = z.infer<typeof profileListResponseSchema>;

export const profileSessionSummarySchema = z.object({
  id: z.string(),
  variant: z.enum(SessionVariant),
  status: z.enum(SessionStatus),
  awaiting: z.enum(SessionAwaiting).nullable(),
  source: z.enum(SessionSource),
  technique: z.string().nullable(),
  roundCount: z.number().int(),
  sessionNumber: z.number().int().nullable(),
  createdAt: timestamp,
});

export type ProfileSessionSummary = z.infer<typeof profileSessionSummarySchema>;

export const profileDetailSchema = profileSummarySchema.extend({
  education: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  familyDetails: z.string().nullable(),
  pastHistory: z.string().nullable(),
  functioning: z.string().nullable(),
  socialSupport: z.string().nullable(),
  intakeText: z.string(),
  clientInformation: z.string(),
  attitudeInstruction: z.string(),
  openingCounselor: z.string(),
  openingClient: z.string(),
  recentSessions: z.array(profileSessionSummarySchema),
});

export type ProfileDetail = z.infer<typeof profileDetailSchema>;
