// Per session, the numbers the dashboard compares: judged scale scores (the session's latest judge),
// the PANAS shift as lib/eval defines it, EAD, length, technique shares, tokens and cost.
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { LLAMA3_VOCAB_SIZE, NgramPool } from "@/lib/eval/diversity";
import { panasShift, scaleMean, summarizeItems, waiMeans } from "@/lib/eval/report";
import { CTRS, WAI } from "@/lib/eval/scales";
import type { SessionResult } from "./schema";

export interface JudgedRow {
  metric: string;
  item: string;
  run: number;
  score: number | null;
  judgeModel: string | null;
  simulated: boolean;
}

export interface SessionFacts extends Omit<SessionResult, "values"> {
  rounds: { selectedTechniques: string[] }[];
  tokensIn: number;
  tokensOut: number;
  cost: number | null;
  /** The session's llama3 tokens (openings and rounds), computed once for EAD and the set pools. */
  tokens: number[];
  /** Succeeded ctrs, wai and panas_after results of the session. */
  judged: JudgedRow[];
  /** Succeeded panas_before results of the session's profile. */
  before: JudgedRow[];
}

/** The judge whose results the session is scored by: the most recent one (rows come newest first). */
export function judgeOf(rows: readonly JudgedRow[]): string | null {
  return rows[0]?.judgeModel ?? null;
}

export function sessionValues(facts: SessionFacts): Record<string, number | null> {
  const judge = judgeOf(facts.judged);
  const ofJudge = (rows: readonly JudgedRow[], metric: string) =>
    rows.filter((r) => r.metric === metric && r.judgeModel === judge);
  const ctrs = summarizeItems(ofJudge(facts.judged, "ctrs"));
  const wai = summarizeItems(ofJudge(facts.judged, "wai"));
  const feelingMeans = (rows: readonly JudgedRow[], when: "before" | "after", subject: string) =>
    Object.entries(summarizeItems(rows)).flatMap(([feeling, item]) =>
      item.mean === null ? [] : [{ attitude: facts.attitude, when, subject, feeling, mean: item.mean }],
    );
  const shift = panasShift([
    ...feelingMeans(ofJudge(facts.judged, "panas_after"), "after", facts.id),
    ...feelingMeans(ofJudge(facts.before, "panas_before"), "before", facts.profileId),
  ])[facts.attitude];
  const pool = new NgramPool();
  pool.add(facts.tokens);
  const rounds = facts.rounds.length;
  const values: Record<string, number | null> = {
    ctrs: scaleMean(ctrs, CTRS.items.length),
    wai: waiMeans(wai, WAI.items.length).raw,
    "panas.positive": shift?.positive ?? null,
    "panas.negative": shift?.negative ?? null,
    ead: facts.tokens.length ? pool.scores("llama3", LLAMA3_VOCAB_SIZE).ead : null,
    rounds,
    // Imported sessions carry no token counts: 0 there means unknown, not free.
    tokens: facts.tokensIn + facts.tokensOut || null,
    cost: facts.cost,
  };
  for (const item of CTRS.items) values[`ctrs.${item.key}`] = ctrs[item.key]?.mean ?? null;
  // A session whose rounds record no selection at all (imported without one) has no shares, not 0.
  const selected = facts.rounds.some((r) => r.selectedTechniques.length > 0);
  for (const technique of SPECIALIST_TECHNIQUES) {
    values[`technique.${technique}`] = selected
      ? facts.rounds.filter((r) => r.selectedTechniques.includes(technique)).length / rounds
      : null;
  }
  return values;
}
