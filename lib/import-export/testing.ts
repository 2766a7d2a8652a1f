// Fixtures for the importer's tests: files in the official scripts' output shape, built at test time
// from the real seeds and published dialogues in ../shared/data/magnet (never copied into the repo).
// Product code never imports it.

import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { VARIANTS, type Variant } from "@/lib/pipeline/types";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";

export const MAGNET_DATA_DIR = path.resolve(process.cwd(), "../shared/data/magnet");
export const SEED_FILE = path.join(MAGNET_DATA_DIR, "intake-forms.json");
export const SESSIONS_DIR = path.join(MAGNET_DATA_DIR, "sessions");

const messageSchema = z.object({ role: z.enum(["counselor", "client"]), message: z.string() });

const seedSchema = z.looseObject({
  AI_client: z.looseObject({ intake_form: z.string(), attitude: z.string() }),
  AI_counselor: z.looseObject({
    CBT: z.looseObject({ init_history_counselor: z.string(), init_history_client: z.string() }),
  }),
  ground_truth_CBT: z.array(z.string()),
});

const publishedSessionSchema = z.looseObject({
  AI_client: seedSchema.shape.AI_client,
  cbt_technique: z.string(),
  cbt_plan: z.string(),
  dialogue: z.array(messageSchema),
});

export type SeedFixture = z.infer<typeof seedSchema>;
export type PublishedSessionFixture = z.infer<typeof publishedSessionSchema>;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));

export function readSeeds(): SeedFixture[] {
  return z.array(seedSchema).parse(readJson(SEED_FILE));
}

export function readPublishedSession(number: number): PublishedSessionFixture {
  return publishedSessionSchema.parse(readJson(path.join(SESSIONS_DIR, `session_${number}.json`)));
}

// Published sessions that exist (the published set has gaps): the dialogue text of each variant's
// fixture comes from a different one, so two methods' session_N differ as they would in reality.
const TEXT_SOURCES = [1, 2, 3, 5, 6, 7];

export interface OfficialOutputOptions {
  /** Counselor/client rounds after the opening (default 20). */
  rounds?: number;
  cost?: number;
}

/** What the official script of `variant` writes as session_N.json for seed N − 1. */
export function officialOutput(
  seeds: SeedFixture[],
  n: number,
  variant: Variant,
  options: OfficialOutputOptions = {},
) {
  const seed = seeds[n - 1];
  const text = readPublishedSession(TEXT_SOURCES[VARIANTS.indexOf(variant)]);
  const plans = VARIANT_SHAPES[variant].planner;
  const rounds = text.dialogue.slice(2, 2 + 2 * (options.rounds ?? 20)).map((message) => ({
    role: message.role,
    message: message.message.replace("[/END]", "").trim(),
  }));
  return {
    example: seed,
    cbt_technique: plans ? text.cbt_technique : null,
    cbt_plan: plans ? text.cbt_plan : null,
    cost: options.cost ?? 0.0123,
    history: [
      { role: "counselor", message: seed.AI_counselor.CBT.init_history_counselor },
      { role: "client", message: seed.AI_counselor.CBT.init_history_client },
      ...rounds,
    ],
  };
}
