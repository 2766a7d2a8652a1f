import { readFile } from "node:fs/promises";
import { writeTimes } from "@/lib/bench/live-figures";
import { median, percentile } from "@/lib/bench/report";
import { type ReceivedLine, watchSession } from "@/lib/bench/stream-client";
import { createMagnetSession, firstProfileId } from "@/lib/bench/studio-api";
import type { StudioProcess } from "@/lib/bench/studio-harness";
import { markersOf, uniqueAnswer } from "@/lib/bench/unique-answer";
import {
  DEFAULT_FAKE_BEHAVIOUR,
  type FakeOpenAIServer,
  type FaultRule,
} from "@/lib/testing/fake-openai-server";
import {
  dropStreams,
  getSession,
  monitorHealth,
  postJunkImports,
  roundsLost,
  runToEnd,
  sleep,
  waitSettled,
  watchersLeft,
} from "./studio-client";

// The four drills of issue 10, against the built app run as `npm run studio` runs it. Each returns
// one line of figures and whether its invariants held (rounds lost 0, watchers left 0, …).

export interface DrillContext {
  studio: StudioProcess;
  fake: FakeOpenAIServer;
  /** Starts the studio again on the same data (after a crash). */
  restart(): Promise<StudioProcess>;
  log(line: string): void;
}

export interface DrillResult {
  line: string;
  ok: boolean;
}

const FAULTS: FaultRule["fault"][] = ["rate-limit", "server-error", "drop", "empty", "stall"];

/** 1: 20 % of calls fail (429, 500, reset, empty, 10 s stall) across 10 sessions of 3 rounds. */
export async function providerFaultsDrill(
  context: DrillContext,
  sessions = 10,
  rounds = 3,
): Promise<DrillResult> {
  const { studio, fake } = context;
  // Five independent draws of p each: 1 - (1 - p)^5 = 20 % of calls get a fault.
  const p = 1 - 0.8 ** (1 / FAULTS.length);
  fake.setBehaviour({
    ...DEFAULT_FAKE_BEHAVIOUR,
    latencyMs: 50,
    tokensPerSecond: 400,
    answerTokens: 20,
    faults: FAULTS.map((fault) => ({ fault, probability: p, stallMs: 10_000 })),
    seed: 7,
  });
  const first = fake.requests.length;
  const profileId = await firstProfileId(studio.url);
  const ids = await Promise.all(
    Array.from({ length: sessions }, () => createMagnetSession(studio.url, profileId, rounds)),
  );
  await Promise.all(ids.map((id) => runToEnd(studio.url, id)));
  let states = await waitSettled(studio.url, ids, 300_000);
  // A call that failed all its attempts fails its session; resuming it is what a user does.
  for (let resume = 0; resume < 2 && states.some((s) => s.status === "failed"); resume++) {
    const failed = ids.filter((_, i) => states[i]?.status === "failed");
    await Promise.all(failed.map((id) => runToEnd(studio.url, id)));
    states = await waitSettled(studio.url, ids, 300_000);
  }
  fake.setBehaviour({ faults: [] });
  const injected = fake.requests.slice(first).filter((r) => r.fault !== null);
  const byKind = FAULTS.map((kind) => `${kind} ×${injected.filter((r) => r.fault === kind).length}`);
  const completed = states.filter((s) => s.status === "completed").length;
  const lost = states.reduce((sum, s) => sum + roundsLost(s), 0);
  const watchers = await watchersLeft(studio.url);
  return {
    line:
      `faults injected ${injected.length} of ${fake.requests.length - first} calls (${byKind.join(", ")}), ` +
      `sessions completed ${completed}/${sessions}, rounds lost ${lost}, watchers left ${watchers}`,
    ok: completed === sessions && lost === 0 && watchers === 0,
  };
}

/** 2: SIGKILL the web process mid-round, restart, resume: rounds 1..N, none lost or doubled. */
export async function crashDrill(
  context: DrillContext,
  rounds = 4,
): Promise<DrillResult & { studio: StudioProcess }> {
  const { fake } = context;
  fake.setBehaviour({ ...DEFAULT_FAKE_BEHAVIOUR, latencyMs: 100, tokensPerSecond: 100, answerTokens: 30 });
  let studio = context.studio;
  const id = await createMagnetSession(studio.url, await firstProfileId(studio.url), rounds);
  await runToEnd(studio.url, id);
  const before = await untilMidRound(studio.url, id);
  const app = await appProcessOf(studio);
  process.kill(app, "SIGKILL");
  context.log(`drill 2: killed the app (pid ${app}) after ${before.rounds.length} rounds, mid-round`);
  await new Promise((resolve) => studio.child.once("exit", resolve));
  studio = await context.restart();
  const settled = await getSession(studio.url, id);
  await runToEnd(studio.url, id);
  const [after] = await waitSettled(studio.url, [id], 120_000);
  if (!after) throw new Error("the session vanished");
  const kept = before.rounds.every((r, i) => after.rounds[i]?.counselorReply === r.counselorReply);
  const lost = roundsLost(after) + (kept ? 0 : 1);
  const watchers = await watchersLeft(studio.url);
  return {
    studio,
    line:
      `faults injected 1 (SIGKILL of the app mid-round ${before.rounds.length + 1}), status after restart ` +
      `${settled.status}, sessions completed ${after.status === "completed" ? 1 : 0}/1, rounds ` +
      `${after.rounds.map((r) => r.index).join(",")}, rounds lost ${lost}, watchers left ${watchers}`,
    ok: after.status === "completed" && settled.status === "stopped" && lost === 0 && watchers === 0,
  };
}

async function untilMidRound(baseUrl: string, id: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = await getSession(baseUrl, id);
    const next = state.agentCalls.filter((c) => c.roundIndex === state.rounds.length + 1).length;
    if (state.rounds.length >= 1 && next > 0 && state.status === "running") return state;
    await sleep(20);
  }
  throw new Error("the session never got into its second round");
}

/** The `next start` process under the studio CLI (Linux: /proc's children list). */
async function appProcessOf(studio: StudioProcess): Promise<number> {
  const pid = studio.child.pid;
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8");
  for (const child of children.split(" ").filter(Boolean)) {
    const command = await readFile(`/proc/${child}/cmdline`, "utf8").catch(() => "");
    if (command.includes("next")) return Number(child);
  }
  throw new Error(`no next process under the studio (pid ${pid})`);
}

/** 3: 200 watchers on one running session: every watcher sees every delta in order. */
export async function watchersDrill(context: DrillContext, watchers = 200): Promise<DrillResult> {
  const { studio, fake } = context;
  fake.setBehaviour({
    ...DEFAULT_FAKE_BEHAVIOUR,
    latencyMs: 100,
    tokensPerSecond: 40,
    answerTokens: 40,
    answer: uniqueAnswer,
  });
  const first = fake.requests.length;
  const id = await createMagnetSession(studio.url, await firstProfileId(studio.url), 1);
  const rssBefore = await rssOf(await appProcessOf(studio));
  const watches = await Promise.all(
    Array.from({ length: watchers }, () => watchSession(studio.url, id, 120_000)),
  );
  await runToEnd(studio.url, id);
  await Promise.all(watches.map((watch) => watch.ended));
  const rssPeak = await rssOf(await appProcessOf(studio));
  for (const watch of watches) watch.close();
  const stored = await getSession(studio.url, id);
  const complete = watches.filter((watch) => sawEveryDelta(watch.lines, stored)).length;
  const written = writeTimes(fake.requests.slice(first));
  const delays = watches.flatMap((watch) => tokenDelays(watch.lines, written));
  const left = await watchersLeft(studio.url);
  const rssAfter = await rssOf(await appProcessOf(studio));
  return {
    line:
      `watchers ${watchers}, every delta in order ${complete}/${watchers}, token → watcher median ` +
      `${median(delays).toFixed(1)} ms, p95 ${percentile(delays, 95).toFixed(1)} ms (${delays.length} sightings), ` +
      `app RSS ${rssBefore} → ${rssPeak} → ${rssAfter} MB (before, 200 watching, after), ` +
      `sessions completed ${stored.status === "completed" ? 1 : 0}/1, rounds lost ${roundsLost(stored)}, watchers left ${left}`,
    ok: complete === watchers && left === 0 && roundsLost(stored) === 0,
  };
}

/** The deltas of every finished call, in order, give its stored raw output. */
function sawEveryDelta(
  lines: readonly ReceivedLine[],
  stored: { agentCalls: { id: string; rawOutput: string | null }[] },
) {
  const texts = new Map<string, string>();
  for (const line of lines) {
    const event = line.decoded?.kind === "event" ? line.decoded.event : undefined;
    if (event?.type === "call-delta") texts.set(event.callId, (texts.get(event.callId) ?? "") + event.delta);
  }
  return stored.agentCalls.every((call) => (texts.get(call.id) ?? "") === (call.rawOutput ?? ""));
}

function tokenDelays(lines: readonly ReceivedLine[], written: Map<number, number>): number[] {
  return lines.flatMap((line) => {
    const event = line.decoded?.kind === "event" ? line.decoded.event : undefined;
    if (event?.type !== "call-delta") return [];
    return markersOf(event.delta).flatMap((marker) => {
      const at = written.get(marker);
      return at === undefined ? [] : [line.at - at];
    });
  });
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/** 4: 1,000 dropped streams and 50 concurrent imports of junk: health 200 throughout, watchers 0. */
export async function floodDrill(context: DrillContext, streams = 1_000, imports = 50): Promise<DrillResult> {
  const { studio } = context;
  const id = await createMagnetSession(studio.url, await firstProfileId(studio.url), 1);
  const monitor = monitorHealth(studio.url);
  const [, statuses] = await Promise.all([
    dropStreams(studio.url, id, streams),
    postJunkImports(studio.url, imports),
  ]);
  await sleep(500);
  const { checks, failures, slowestMs } = await monitor.stop();
  const serverErrors = statuses.filter((status) => status >= 500 || status === 0).length;
  const left = await watchersLeft(studio.url);
  return {
    line:
      `streams dropped ${streams}, junk imports ${imports} (answers ${summarise(statuses)}), health ` +
      `${checks - failures}/${checks} answered 200 (slowest ${slowestMs.toFixed(0)} ms), watchers left ${left}`,
    ok: failures === 0 && serverErrors === 0 && left === 0,
  };
}

function summarise(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${status || "no answer"} ×${n}`).join(", ");
}
