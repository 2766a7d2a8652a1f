import "server-only";
import { getDb } from "@/lib/db/client";
import { krippendorffAlpha, type MeasurementLevel, type Rating } from "@/lib/stats/krippendorff";
import {
  FORM_SCALES,
  FORM_TITLES,
  SESSION_FORMS,
  type SessionAnnotationData,
  type SessionForm,
} from "./schema";

// The clinicians' session forms (CTRS, WAI, PANAS) against the judge, item by item. One definition
// for the queue's agreement page and the experiment's results page: per session, the annotators'
// mean rounded is one coder and the judge's mean rounded the other; Krippendorff's alpha (ordinal)
// over the sessions that have both.

export interface FormItem {
  item: string;
  label: string;
  level: MeasurementLevel;
}

export const FORM_ITEMS: FormItem[] = SESSION_FORMS.flatMap((form) =>
  FORM_SCALES[form].items.map((i) => ({
    item: `${form}.${i.key}`,
    label: `${FORM_TITLES[form]}: ${i.label}`,
    level: "ordinal" as const,
  })),
);

export interface JudgeAgreement {
  alpha: number | null;
  meanAbsoluteDifference: number | null;
  /** Sessions with both a human and a judged score. */
  units: number;
  /** Over those sessions: the mean of the annotators' per-session means, and of the judge's. */
  humanMean: number;
  judgeMean: number;
}

export interface ItemJudgeAgreement extends FormItem, JudgeAgreement {}

/** Each annotator's session-form scores as ratings, by "form.item"; the unit is the session. */
export function addSessionFormRatings(
  ratings: Map<string, Rating[]>,
  annotation: { sessionId: string; authorId: string; data: unknown },
): void {
  const forms = annotation.data as Partial<SessionAnnotationData>;
  for (const form of SESSION_FORMS) {
    for (const [key, value] of Object.entries(forms[form] ?? {})) {
      if (typeof value !== "number") continue;
      const item = `${form}.${key}`;
      ratings.set(item, [
        ...(ratings.get(item) ?? []),
        { unit: annotation.sessionId, coder: annotation.authorId, value },
      ]);
    }
  }
}

export function humanVersusJudge(
  human: Rating[],
  judge: Map<string, number> | undefined,
): JudgeAgreement | null {
  if (!judge?.size) return null;
  const byUnit = new Map<string, number[]>();
  for (const r of human) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), Number(r.value)]);
  const pairs: Rating[] = [];
  const humans: number[] = [];
  const judged: number[] = [];
  for (const [unit, values] of byUnit) {
    const score = judge.get(unit);
    if (score === undefined) continue;
    const consensus = values.reduce((s, v) => s + v, 0) / values.length;
    humans.push(consensus);
    judged.push(score);
    pairs.push(
      { unit, coder: "human", value: Math.round(consensus) },
      { unit, coder: "judge", value: Math.round(score) },
    );
  }
  if (!humans.length) return null;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    alpha: krippendorffAlpha(pairs, "ordinal").alpha,
    meanAbsoluteDifference: mean(humans.map((h, i) => Math.abs(h - judged[i]))),
    units: humans.length,
    humanMean: mean(humans),
    judgeMean: mean(judged),
  };
}

/** Per form item, the sessions' human-vs-judge agreement; only items with both. */
export async function getJudgeAgreementBySessions(sessionIds: string[]): Promise<ItemJudgeAgreement[]> {
  const annotations = await getDb().annotation.findMany({
    where: { sessionId: { in: sessionIds }, target: "session" },
    select: { sessionId: true, authorId: true, data: true },
  });
  if (!annotations.length) return [];
  const ratings = new Map<string, Rating[]>();
  for (const a of annotations) addSessionFormRatings(ratings, a);
  const judge = await judgeScores(sessionIds);
  return FORM_ITEMS.flatMap((def) => {
    const agreement = humanVersusJudge(ratings.get(def.item) ?? [], judge.get(def.item));
    return agreement ? [{ ...def, ...agreement }] : [];
  });
}

/** "form.item" → session → the judges' mean score (PANAS before is judged per profile). */
export async function judgeScores(sessionIds: string[]): Promise<Map<string, Map<string, number>>> {
  const db = getDb();
  const sessions = await db.session.findMany({
    where: { id: { in: sessionIds } },
    select: { id: true, profileId: true },
  });
  const [bySession, byProfile] = await Promise.all([
    db.evaluationResult.groupBy({
      by: ["sessionId", "metric", "item"],
      where: {
        sessionId: { in: sessionIds },
        metric: { in: ["ctrs", "wai", "panas_after"] },
        status: "succeeded",
      },
      _avg: { score: true },
    }),
    db.evaluationResult.groupBy({
      by: ["profileId", "metric", "item"],
      where: {
        profileId: { in: sessions.map((s) => s.profileId) },
        metric: "panas_before",
        status: "succeeded",
      },
      _avg: { score: true },
    }),
  ]);
  const scores = new Map<string, Map<string, number>>();
  const put = (item: string, sessionId: string, score: number | null) => {
    if (score === null) return;
    const map = scores.get(item) ?? new Map();
    map.set(sessionId, score);
    scores.set(item, map);
  };
  for (const row of bySession)
    if (row.sessionId) put(`${row.metric}.${row.item}`, row.sessionId, row._avg.score);
  for (const row of byProfile) {
    for (const s of sessions.filter((x) => x.profileId === row.profileId)) {
      put(`${row.metric as SessionForm}.${row.item}`, s.id, row._avg.score);
    }
  }
  return scores;
}
