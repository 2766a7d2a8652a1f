import "server-only";
import { getDb } from "@/lib/db/client";
import { dialogueOf } from "@/lib/export/magnet";
import type { ExportSession } from "@/lib/export/records";
import { type ModelResolver, type RunContext, runAgentCall } from "@/lib/pipeline/call";
import { buildSessionConfig } from "@/lib/pipeline/config";
import { contextOf } from "@/lib/pipeline/engine";
import { createEmitter, type EventSink } from "@/lib/pipeline/events";
import { errorMessage } from "@/lib/pipeline/retry";
import type { RetryPolicy } from "@/lib/pipeline/types";
import { type JudgeKind, renderJudgePrompt } from "@/lib/prompts/judge";
import type { ModelRef } from "@/lib/providers";
import { PrismaSessionStore } from "@/lib/sessions/store";
import { judgeSetup } from "./judge-model";
import { parseJudgement } from "./parse";
import { PANAS, SCALES, type Scale, type ScaleItem } from "./scales";

// One judged item = `runs` separate calls at temperature 0 (the official code asks for n = 3 choices in
// one request; chat-completions servers often lack n). Every attempt is an AgentCall of the session; a
// run that stays malformed or failing after its retries is stored as failed with no score.

export interface JudgeRun {
  judge: ModelRef;
  runs: number;
  models?: ModelResolver;
  retry?: Partial<RetryPolicy>;
  /** Item calls in flight at once. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Where the judge calls' progress goes (the bus, so the studio streams them); none: nowhere. */
  events?: EventSink;
  onItem?: (done: { failed: boolean }) => void;
}

export interface ItemOutcome {
  kind: JudgeKind;
  item: string;
  run: number;
  score: number | null;
  reason: string | null;
  error: string | null;
  agentCallId: string | null;
}

export function transcriptOf(session: ExportSession): string {
  return dialogueOf(session)
    .map((m) => `${m.role === "counselor" ? "Counselor" : "Client"}: ${m.message}`)
    .join("\n");
}

interface Task {
  kind: JudgeKind;
  scale: Scale;
  item: ScaleItem;
  run: number;
  transcript?: string;
  intakeForm?: string;
}

/** Judges one session on the given judged scales; PANAS "before" once per profile and judge. */
export async function judgeSession(
  session: ExportSession,
  kinds: JudgeKind[],
  run: JudgeRun,
): Promise<ItemOutcome[]> {
  const transcript = transcriptOf(session);
  const intakeForm = session.profile.intakeText;
  const tasks: Task[] = [];
  for (const kind of kinds) {
    const scale = kind.startsWith("panas") ? PANAS : SCALES[kind === "ctrs" ? "ctrs" : "wai"];
    for (const item of scale.items) {
      for (let r = 1; r <= run.runs; r++) {
        tasks.push({
          kind,
          scale,
          item,
          run: r,
          transcript: kind === "panas_before" ? undefined : transcript,
          intakeForm: kind.startsWith("panas") ? intakeForm : undefined,
        });
      }
    }
  }
  const ctx = runContext(session.id, run);
  return pool(tasks, run.concurrency ?? 4, run.signal, async (task) => {
    const outcome = await judgeOne(ctx, task, run);
    run.onItem?.({ failed: outcome.score === null });
    return outcome;
  });
}

function runContext(sessionId: string, run: JudgeRun): RunContext {
  const config = buildSessionConfig({ retry: run.retry });
  const store = new PrismaSessionStore();
  return contextOf({ sessionId, config, store, models: run.models }, createEmitter(sessionId, run.events));
}

async function judgeOne(ctx: RunContext, task: Task, run: JudgeRun): Promise<ItemOutcome> {
  const base = { kind: task.kind, item: task.item.key, run: task.run };
  try {
    const result = await runAgentCall(ctx, {
      prompt: renderJudgePrompt(task),
      agent: "counselor",
      setup: judgeSetup(run.judge),
      roundIndex: null,
      clean: (raw) => {
        parseJudgement(raw, task.scale);
        return raw.trim();
      },
      signal: run.signal ?? new AbortController().signal,
    });
    const { score, reason } = parseJudgement(result.text, task.scale);
    return { ...base, score, reason, error: null, agentCallId: result.callId };
  } catch (error) {
    return { ...base, score: null, reason: null, error: errorMessage(error), agentCallId: null };
  }
}

/** Replaces this judge's earlier results for the session (and, for PANAS before, the profile). */
export async function saveOutcomes(
  session: { id: string; profileId: string },
  outcomes: ItemOutcome[],
  judge: ModelRef,
): Promise<void> {
  const db = getDb();
  const simulated = judge.provider === "offline";
  const kinds = [...new Set(outcomes.map((o) => o.kind))];
  const target = (kind: JudgeKind) =>
    kind === "panas_before" ? { profileId: session.profileId } : { sessionId: session.id };
  await db.$transaction([
    ...kinds.map((kind) =>
      db.evaluationResult.deleteMany({ where: { ...target(kind), metric: kind, judgeModel: judge.modelId } }),
    ),
    db.evaluationResult.createMany({
      data: outcomes.map((o) => ({
        ...target(o.kind),
        metric: o.kind,
        item: o.item,
        run: o.run,
        judgeModel: judge.modelId,
        simulated,
        status: o.score === null ? ("failed" as const) : ("succeeded" as const),
        score: o.score,
        reason: o.reason,
        error: o.error,
        agentCallId: o.agentCallId,
      })),
    }),
  ]);
}

/** Whether the profile already has a complete PANAS "before" from this judge. */
export async function hasPanasBefore(profileId: string, judgeModel: string, runs: number): Promise<boolean> {
  const count = await getDb().evaluationResult.count({
    where: { profileId, metric: "panas_before", judgeModel, status: "succeeded" },
  });
  return count >= PANAS.items.length * runs;
}

async function pool<T, R>(
  items: T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) {
      const at = next++;
      results[at] = await work(items[at]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results.filter((r) => r !== undefined);
}
