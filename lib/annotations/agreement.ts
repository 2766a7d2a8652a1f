import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { getDb } from "@/lib/db/client";
import {
  krippendorffAlpha,
  type MeasurementLevel,
  percentAgreement,
  type Rating,
} from "@/lib/stats/krippendorff";
import {
  addSessionFormRatings,
  FORM_ITEMS,
  humanVersusJudge,
  type JudgeAgreement,
  judgeScores,
} from "./judge-agreement";
import { getQueueSessions } from "./queues";
import { LIKERT_ITEMS, type RoundAnnotationData } from "./schema";

// Agreement among a queue's annotators, item by item: Krippendorff's alpha (lib/stats; ordinal for
// scores, nominal for flags, techniques and candidate verdicts) and percent agreement; for the
// session forms also the humans against the judge; and the rounds the annotators disagree on most.

export interface ItemAgreement {
  item: string;
  label: string;
  level: MeasurementLevel;
  alpha: number | null;
  percent: number | null;
  units: number;
  pairable: number;
  /** The annotators' mean (rounded) against the judge's mean (rounded), where both exist. */
  judge: JudgeAgreement | null;
}

export interface DisagreedRound {
  sessionId: string;
  round: number;
  client: string;
  annotators: number;
  /** Σ over the Likert items of (highest − lowest), plus one per nominal item they differ on. */
  spread: number;
}

export interface QueueAgreement {
  queueId: string;
  name: string;
  items: ItemAgreement[];
  disagreedRounds: DisagreedRound[];
}

interface ItemDef {
  item: string;
  label: string;
  level: MeasurementLevel;
}

const ROUND_ITEMS: ItemDef[] = [
  ...LIKERT_ITEMS.map((i) => ({ item: `rating.${i.key}`, label: i.label, level: "ordinal" as const })),
  ...SPECIALIST_TECHNIQUES.map((t) => ({
    item: `technique.${t}`,
    label: `Technique: ${t}`,
    level: "nominal" as const,
  })),
  ...SPECIALIST_TECHNIQUES.map((t) => ({
    item: `candidate.${t}`,
    label: `Candidate useful: ${t}`,
    level: "nominal" as const,
  })),
  { item: "best_candidate", label: "Best candidate", level: "nominal" },
  { item: "safety_flag", label: "Safety flag", level: "nominal" },
];
/** The values of one round annotation, by item (absent where the annotator gave none). */
export function roundValues(data: Partial<RoundAnnotationData>): Map<string, number | string> {
  const values = new Map<string, number | string>();
  for (const [key, value] of Object.entries(data.ratings ?? {})) {
    if (typeof value === "number") values.set(`rating.${key}`, value);
  }
  for (const t of SPECIALIST_TECHNIQUES)
    values.set(`technique.${t}`, data.techniques?.includes(t) ? "yes" : "no");
  for (const [t, verdict] of Object.entries(data.candidates ?? {}))
    if (verdict) values.set(`candidate.${t}`, verdict);
  if (data.bestCandidate) values.set("best_candidate", data.bestCandidate);
  values.set("safety_flag", data.safety?.category ?? "none");
  return values;
}

export async function getQueueAgreement(user: CurrentUser, queueId: string): Promise<QueueAgreement> {
  const queue = await getQueueSessions(user, queueId);
  const sessionIds = queue.items.map((i) => i.sessionId);
  const db = getDb();
  const annotations = await db.annotation.findMany({
    where: { sessionId: { in: sessionIds } },
    select: { sessionId: true, target: true, roundIndex: true, authorId: true, data: true },
  });
  const ratings = new Map<string, Rating[]>();
  const add = (item: string, unit: string, coder: string, value: number | string) => {
    const list = ratings.get(item) ?? [];
    list.push({ unit, coder, value });
    ratings.set(item, list);
  };
  const byRound = new Map<string, Map<string, Map<string, number | string>>>();
  for (const a of annotations) {
    if (a.target === "round") {
      const unit = `${a.sessionId}:${a.roundIndex}`;
      const values = roundValues(a.data as Partial<RoundAnnotationData>);
      for (const [item, value] of values) add(item, unit, a.authorId, value);
      const coders = byRound.get(unit) ?? new Map();
      coders.set(a.authorId, values);
      byRound.set(unit, coders);
    } else {
      addSessionFormRatings(ratings, a);
    }
  }
  const judge = await judgeScores(sessionIds);
  const items = [...ROUND_ITEMS, ...FORM_ITEMS]
    .filter((def) => ratings.has(def.item))
    .map((def): ItemAgreement => {
      const list = ratings.get(def.item) ?? [];
      const { alpha, units, pairable } = krippendorffAlpha(list, def.level);
      return {
        ...def,
        alpha,
        percent: percentAgreement(list),
        units,
        pairable,
        judge: FORM_ITEMS.includes(def) ? humanVersusJudge(list, judge.get(def.item)) : null,
      };
    });
  const clientOf = new Map(queue.items.map((i) => [i.sessionId, i.client]));
  return { queueId, name: queue.name, items, disagreedRounds: mostDisagreed(byRound, clientOf) };
}

function mostDisagreed(
  byRound: Map<string, Map<string, Map<string, number | string>>>,
  clientOf: Map<string, string>,
): DisagreedRound[] {
  const rounds: DisagreedRound[] = [];
  for (const [unit, coders] of byRound) {
    if (coders.size < 2) continue;
    let spread = 0;
    for (const def of ROUND_ITEMS) {
      const values = [...coders.values()].flatMap((v) =>
        v.has(def.item) ? [v.get(def.item) as number | string] : [],
      );
      if (values.length < 2) continue;
      if (def.level === "ordinal")
        spread += Math.max(...(values as number[])) - Math.min(...(values as number[]));
      else if (new Set(values).size > 1) spread += 1;
    }
    if (spread === 0) continue;
    const [sessionId, round] = unit.split(":");
    rounds.push({
      sessionId,
      round: Number(round),
      client: clientOf.get(sessionId) ?? "",
      annotators: coders.size,
      spread,
    });
  }
  return rounds.sort((a, b) => b.spread - a.spread).slice(0, 20);
}
