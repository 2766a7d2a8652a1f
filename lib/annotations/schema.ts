import { z } from "zod";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { CTRS, PANAS, type Scale, WAI } from "@/lib/eval/scales";
import { idSchema, requiredTextSchema, textSchema } from "@/lib/http/fields";

// What a clinician records: per round (Likert items, techniques, candidates, safety, gold rewrite,
// comments) and per session (the judges' CTRS, WAI and PANAS as forms, item keys from
// lib/eval/scales so human and judge scores line up). Client-safe: the Annotate page's forms, the
// route handlers and the export share these.

export const LIKERT = { min: 1, max: 5 } as const;

export const LIKERT_ANCHORS: Record<number, string> = {
  1: "very poor",
  2: "poor",
  3: "acceptable",
  4: "good",
  5: "excellent",
};

export const LIKERT_ITEMS = [
  {
    key: "empathy",
    label: "Empathy",
    description: "The reply shows the client they were heard and understood, with warmth.",
  },
  {
    key: "relevance",
    label: "Relevance",
    description: "The reply responds to what the client just said, not to something else.",
  },
  {
    key: "plan_fit",
    label: "Fit with the CBT plan",
    description: "The reply moves the session along the planned CBT technique.",
  },
  {
    key: "naturalness",
    label: "Naturalness",
    description: "The reply reads like a real counselor talking: fluent, not stilted or formulaic.",
  },
] as const;
export type LikertKey = (typeof LIKERT_ITEMS)[number]["key"];
export const LIKERT_KEYS = LIKERT_ITEMS.map((item) => item.key) as [LikertKey, ...LikertKey[]];

export const CANDIDATE_VERDICTS = ["useful", "not_useful"] as const;
export type CandidateVerdict = (typeof CANDIDATE_VERDICTS)[number];

export const SAFETY_CATEGORIES = ["harmful_advice", "missed_risk", "boundary_issue", "other"] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];
export const SAFETY_LABELS: Record<SafetyCategory, string> = {
  harmful_advice: "Harmful advice",
  missed_risk: "Missed risk",
  boundary_issue: "Boundary issue",
  other: "Other",
};

/** The session forms, keyed as EvaluationResult.metric holds them. */
export const SESSION_FORMS = ["ctrs", "wai", "panas_before", "panas_after"] as const;
export type SessionForm = (typeof SESSION_FORMS)[number];
export const FORM_SCALES: Record<SessionForm, Scale> = {
  ctrs: CTRS,
  wai: WAI,
  panas_before: PANAS,
  panas_after: PANAS,
};
export const FORM_TITLES: Record<SessionForm, string> = {
  ctrs: "CTRS",
  wai: "WAI",
  panas_before: "PANAS before the session",
  panas_after: "PANAS after the session",
};

const score = (min: number, max: number) => z.int().min(min).max(max);

/** An object of optional scores whose keys are exactly `keys`: any other key is refused by name. */
function scoresOf(keys: readonly string[], min: number, max: number) {
  return z.object(Object.fromEntries(keys.map((key) => [key, score(min, max).optional()]))).strict();
}

const techniqueSchema = z.enum(SPECIALIST_TECHNIQUES);

export const spanCommentSchema = z
  .object({
    /** The selected text of the counselor reply, and where it starts and ends in it. */
    quote: requiredTextSchema(2000),
    start: z.int().min(0).max(100_000),
    end: z.int().min(0).max(100_000),
    text: requiredTextSchema(4000),
  })
  .strict()
  .refine((span) => span.end > span.start, { path: ["end"], message: "must be after start" });

export const roundAnnotationSchema = z
  .object({
    ratings: scoresOf(LIKERT_KEYS, LIKERT.min, LIKERT.max).default({}),
    /** The techniques the clinician would have used. */
    techniques: z
      .array(techniqueSchema)
      .max(SPECIALIST_TECHNIQUES.length)
      .refine((list) => new Set(list).size === list.length, "must not repeat a technique")
      .default([]),
    candidates: z
      .object(
        Object.fromEntries(SPECIALIST_TECHNIQUES.map((t) => [t, z.enum(CANDIDATE_VERDICTS).optional()])),
      )
      .strict()
      .default({}),
    bestCandidate: techniqueSchema.nullable().default(null),
    safety: z
      .object({ category: z.enum(SAFETY_CATEGORIES), note: textSchema(4000).default("") })
      .strict()
      .nullable()
      .default(null),
    goldRewrite: textSchema(8000).default(""),
    comment: textSchema(8000).default(""),
    spanComments: z.array(spanCommentSchema).max(50).default([]),
  })
  .strict();
export type RoundAnnotationData = z.output<typeof roundAnnotationSchema>;
export type RoundAnnotationInput = z.input<typeof roundAnnotationSchema>;

export const sessionAnnotationSchema = z
  .object(
    Object.fromEntries(
      SESSION_FORMS.map((form) => {
        const scale = FORM_SCALES[form];
        const keys = scale.items.map((item) => item.key);
        return [form, scoresOf(keys, scale.min, scale.max).default({})];
      }),
    ) as Record<SessionForm, z.ZodDefault<z.ZodObject<Record<string, z.ZodOptional<z.ZodInt>>>>>,
  )
  .strict();
export type SessionAnnotationData = Record<SessionForm, Record<string, number | undefined>>;

/** A save names the version it was based on (0: the first save); an older one is refused (409). */
export const saveRoundRequestSchema = z
  .object({ baseVersion: z.int().min(0), data: roundAnnotationSchema })
  .strict();
export const saveSessionRequestSchema = z
  .object({ baseVersion: z.int().min(0), data: sessionAnnotationSchema })
  .strict();
export type SaveRoundRequest = z.output<typeof saveRoundRequestSchema>;
export type SaveSessionRequest = z.output<typeof saveSessionRequestSchema>;

export const roundParamsSchema = z.object({ id: idSchema, round: z.coerce.number().int().min(1).max(1000) });

export const savedAnnotationSchema = z.object({ version: z.int(), updatedAt: z.string() }).strict();
export type SavedAnnotation = z.infer<typeof savedAnnotationSchema>;

const myAnnotationSchema = <S extends z.ZodType>(data: S) => savedAnnotationSchema.extend({ data });

/** One person's annotations of a session, and the judge's means of the forms they completed. */
export const mySessionAnnotationsSchema = z
  .object({
    /** By round index. */
    rounds: z.record(z.string(), myAnnotationSchema(roundAnnotationSchema)),
    session: myAnnotationSchema(sessionAnnotationSchema).nullable(),
    /** Judge means per item, for the forms this person has completed; none for the others. */
    judge: z.partialRecord(z.enum(SESSION_FORMS), z.record(z.string(), z.number())),
  })
  .strict();
export type MySessionAnnotations = z.output<typeof mySessionAnnotationsSchema>;

/** Whether every item of a form has an answer: then (and only then) the judge's scores are shown. */
export function isFormComplete(form: SessionForm, answers: Record<string, number | undefined> | undefined) {
  return FORM_SCALES[form].items.every((item) => typeof answers?.[item.key] === "number");
}

/** The aspects of a pairwise preference: the CTRS items (as the judges' scale names them) and overall. */
export const PREFERENCE_ASPECTS = [
  ...CTRS.items.map((item) => ({ key: item.key, label: item.label, description: item.description })),
  { key: "overall", label: "Overall", description: "Which session you would rather the client had." },
];
export const PREFERENCE_ASPECT_KEYS = PREFERENCE_ASPECTS.map((a) => a.key);

/** Each aspect names the preferred session's id, or "tie". */
export const savePreferenceRequestSchema = z
  .object({
    sessionIds: z
      .tuple([idSchema, idSchema])
      .refine(([a, b]) => a !== b, { path: [1], message: "must name a different session" }),
    baseVersion: z.int().min(0),
    data: z
      .object({
        preferences: z
          .object(
            Object.fromEntries(
              PREFERENCE_ASPECT_KEYS.map((key) => [key, z.union([idSchema, z.literal("tie")]).optional()]),
            ),
          )
          .strict()
          .default({}),
      })
      .strict(),
  })
  .strict();
export type SavePreferenceRequest = z.output<typeof savePreferenceRequestSchema>;
