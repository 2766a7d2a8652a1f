import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { dialogueOf } from "@/lib/export/magnet";
import { limitToId, streamExportSessions } from "@/lib/export/records";
import type { ExportFilter } from "@/lib/export/schema";
import { type DiversityScores, diversityOf } from "./diversity";
import { type DiversitySet, diversitySetSchema } from "./schema";

// Diversity describes a set of sessions, so it is stored once per measured set: both unit variants
// (the paper's Llama-3 tokens and our word split) with the filter, the session count and a digest of
// the dialogues, so two measurements of an unchanged set are recognisably the same.

/** Stores the diversity of these sessions' dialogues (one list of messages per session). */
export async function storeDiversity(
  dialogues: string[][],
  filter: ExportFilter,
): Promise<{ llama3: DiversityScores; words: DiversityScores }> {
  const scores = await diversityOf(dialogues);
  const digest = createHash("sha256").update(JSON.stringify(dialogues)).digest("hex").slice(0, 16);
  const scope = { filter, sessions: dialogues.length, digest };
  await getDb().evaluationResult.createMany({
    data: [
      { metric: "diversity", scores: { ...scores.llama3 }, scope },
      { metric: "diversity_words", scores: { ...scores.words }, scope },
    ],
  });
  return scores;
}

/** Measures and stores the diversity of the sessions a filter selects; refuses an empty set. */
export async function measureDiversity(filter: ExportFilter): Promise<DiversitySet> {
  const dialogues: string[][] = [];
  for await (const session of streamExportSessions(await limitToId(filter))) {
    dialogues.push(dialogueOf(session).map((m) => m.message));
  }
  if (!dialogues.length) {
    throw new AppError("unprocessable", "No session with rounds matches these filters: nothing to measure", [
      { field: "filter", message: "selects no session with rounds" },
    ]);
  }
  await storeDiversity(dialogues, filter);
  const [latest] = await listDiversitySets(1);
  return latest;
}

/** Measured sets, newest first: each with its Llama-3 and its word-level scores. */
export async function listDiversitySets(limit = 50): Promise<DiversitySet[]> {
  const rows = await getDb().evaluationResult.findMany({
    where: { metric: { in: ["diversity", "diversity_words"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit * 2,
    select: { id: true, metric: true, scores: true, scope: true, createdAt: true },
  });
  // The two rows of one measurement share their scope and creation time.
  const sets = new Map<string, Partial<Record<"llama3" | "words", unknown>> & { first: (typeof rows)[0] }>();
  for (const row of rows) {
    const key = `${row.createdAt.toISOString()}:${JSON.stringify(row.scope)}`;
    const set = sets.get(key) ?? { first: row };
    set[row.metric === "diversity" ? "llama3" : "words"] = row.scores;
    sets.set(key, set);
  }
  return [...sets.values()]
    .filter((set) => set.llama3 && set.words)
    .slice(0, limit)
    .map(({ first, llama3, words }) => {
      const scope = first.scope as { filter?: unknown; sessions?: unknown; digest?: unknown } | null;
      return diversitySetSchema.parse({
        id: first.id,
        measuredAt: first.createdAt.toISOString(),
        filter: scope?.filter ?? {},
        sessions: scope?.sessions,
        digest: scope?.digest,
        llama3,
        words,
      });
    });
}
