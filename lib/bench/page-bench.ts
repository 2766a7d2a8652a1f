import { studioAuthHeaders } from "@/lib/bench/studio-auth";
import { describeStoredSession, insertSessions, type StoredSession } from "./bench-db";
import { type Timed, timeGets } from "./http-timing";
import { type PageWeight, pageWeight } from "./page-weight";
import { formatTable, median, ms, percentile } from "./report";
import { watchSession } from "./stream-client";
import { createMagnetSession, firstProfileId, startRun } from "./studio-api";
import { sharedStudio } from "./studio-harness";
import type { BenchPart, BenchPartResult } from "./types";

// Server times of the built app on a full database: the session page of a 20-round session with all
// its agent calls stored, and the sessions list API over 10,000 sessions.

const PAGE_ROUNDS = 20;
/** Longer than the live part's answers: closer to real candidates and replies (the paper allows 512). */
const PAGE_ANSWER_TOKENS = 80;
const LIST_SESSIONS = 10_000;
const REQUESTS = 20;

const LIST_QUERIES: [string, string][] = [
  ["first page", "page=1&pageSize=25"],
  ["filtered + sorted", "status=completed&variant=magnet&sort=roundCount&order=desc&page=1&pageSize=25"],
  ["deep page (300)", "page=300&pageSize=25"],
];

export const pageBench: BenchPart = {
  name: "pages",
  async run(options) {
    const studio = await sharedStudio(options);
    options.log(`pages: generating a ${PAGE_ROUNDS}-round session (fake server at L = 0)…`);
    studio.pace(0, 0, PAGE_ANSWER_TOKENS);
    const sessionId = await createMagnetSession(studio.url, await firstProfileId(studio.url), PAGE_ROUNDS);
    const watch = await watchSession(studio.url, sessionId, 180_000);
    try {
      await startRun(studio.url, sessionId);
      const ended = await watch.ended;
      if (ended.status !== "completed")
        throw new Error(`The page session ended ${ended.status}: ${ended.reason}`);
    } finally {
      watch.close();
    }
    const stored = await describeStoredSession(studio.databaseUrl, sessionId);
    options.log(`pages: GET /sessions/<id> ×${REQUESTS}…`);
    const page = await timeGets(`${studio.url}/sessions/${sessionId}`, REQUESTS);
    const weight = pageWeight(
      await (await fetch(`${studio.url}/sessions/${sessionId}`, { headers: studioAuthHeaders() })).text(),
    );

    options.log(`pages: inserting ${LIST_SESSIONS.toLocaleString("en")} sessions…`);
    const inserted = await insertSessions(studio.databaseUrl, LIST_SESSIONS, sessionId);
    const lists: [string, Timed][] = [];
    for (const [name, query] of LIST_QUERIES) {
      options.log(`pages: GET /api/sessions?${query} ×${REQUESTS}…`);
      lists.push([name, await timeGets(`${studio.url}/api/sessions?${query}`, REQUESTS)]);
    }
    return summarise(page, weight, stored, inserted, lists);
  },
};

function summarise(
  page: Timed,
  weight: PageWeight,
  stored: StoredSession,
  inserted: number,
  lists: [string, Timed][],
): BenchPartResult {
  const row = (name: string, timed: Timed) => [
    name,
    ms(median(timed.timesMs)),
    ms(percentile(timed.timesMs, 95)),
    ms(Math.min(...timed.timesMs)),
    ms(Math.max(...timed.timesMs)),
    timed.bytes.toLocaleString("en"),
  ];
  const pageMedian = median(page.timesMs);
  const listMedians = lists.map(([, timed]) => median(timed.timesMs));
  const listP95s = lists.map(([, timed]) => percentile(timed.timesMs, 95));
  const slowestList = Math.max(...listMedians);
  return {
    report: [
      `Pages: server time (request to last byte) of the built app, ${REQUESTS} sequential requests after 3`,
      `warm-ups. Session page: a ${PAGE_ROUNDS}-round magnet session with all its agent calls stored`,
      `(${PAGE_ANSWER_TOKENS}-token answers), full server-rendered HTML. Sessions list: GET /api/sessions over`,
      `${inserted.toLocaleString("en")} inserted sessions (and the bench's own); its target is on the slowest`,
      "query's median.",
      `The session: ${stored.rounds} rounds, ${stored.agentCalls} agent calls stored in ${kb(stored.agentCallBytes)}, of which`,
      `prompt messages ${kb(stored.promptBytes)}.`,
      `Its page: ${kb(weight.total)} of HTML = markup ${kb(weight.markup)} + the data that hydrates it`,
      `${kb(weight.flightData)} + other scripts ${kb(weight.otherScripts)}.`,
      "",
      ...formatTable(
        ["request", "median ms", "p95 ms", "min ms", "max ms", "bytes"],
        [row("GET /sessions/<id>", page), ...lists.map(([name, timed]) => row(`list: ${name}`, timed))],
      ),
    ],
    targets: [
      { name: "session page, median ms", value: pageMedian, kind: "max", goal: 50 },
      { name: "session page, KB of HTML", value: weight.total / 1024, kind: "max", goal: 150 },
      { name: "sessions list (slowest query), median ms", value: slowestList, kind: "max", goal: 200 },
    ],
    json: {
      session_page_ms_median: round1(pageMedian),
      session_page_ms_p95: round1(percentile(page.timesMs, 95)),
      session_page_bytes: page.bytes,
      session_page_flight_bytes: weight.flightData,
      sessions_list_ms_median: round1(slowestList),
      sessions_list_ms_p95: round1(Math.max(...listP95s)),
    },
  };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
const round1 = (value: number) => Math.round(value * 10) / 10;
