// A compact form of a stored session's live state for the session page. The state crosses to the
// browser as the client component's props, serialized into the HTML, and most of its bytes are
// text; so the page carries the dialogue of every round but the agents' outputs (five candidates,
// selector, fuser, client) only of the first rounds, the ones the server renders, and of a round in
// progress. The rest arrives
// with the snapshot that opens the session's live stream, which the page reads anyway (sessions
// without a stream, the imported ones, have no agent calls). Calls become tuples whose repeated
// parts (role, technique, provider, model) are named once; a round's stored replies, when equal to
// a sent call's output (the fuser's and the client's, as a rule), point at that call; call ids per
// round are implied by the calls' order. Client-safe.

import {
  isJudgeCall,
  type LiveCall,
  type LiveCallStatus,
  type LiveRound,
  type LiveSession,
} from "./live-state";

/** role, technique, provider, model */
type CallKind = [string, string | null, string, string];

/** Rounds whose agent outputs the page carries and the server renders. */
export const FULL_ROUNDS = 2;

/** id, kind, round (null: the planner), attempt, status, text (null: not sent), error, latency ms, tokens in, tokens out */
type CompactCall = [
  string,
  number,
  number | null,
  number,
  LiveCallStatus,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
];

/** A reply: its text, null, or the position of the call whose text it is. */
type Reply = string | number | null;

/**
 * index, counselor reply, client reply, ended by client, committed, selection (techniques, rationale,
 * fallback), then only for a steered, waiting or stale round: its steering marks, its pause and its
 * stale outputs.
 */
type CompactRound =
  | [number, Reply, Reply, boolean, boolean, [string[], string | null, boolean] | null]
  | [
      number,
      Reply,
      Reply,
      boolean,
      boolean,
      [string[], string | null, boolean] | null,
      LiveRound["steering"],
      LiveRound["awaiting"],
      string[],
    ];

export interface CompactSession {
  session: Omit<LiveSession, "calls" | "rounds" | "planCallIds">;
  kinds: CallKind[];
  calls: CompactCall[];
  rounds: CompactRound[];
}

/**
 * Holds for states built from stored rows and by the reducer: calls in start order, and each
 * round's call ids (and the planner's) are exactly its calls in that order.
 */
export function compactLiveSession(state: LiveSession, fullRounds = FULL_ROUNDS): CompactSession {
  const { calls, rounds, planCallIds: _, ...session } = state;
  // A round still in progress keeps its finished calls' text too: its replies are not stored yet.
  const full = new Set(
    rounds.filter((round, at) => at < fullRounds || !round.committed).map((round) => round.index),
  );
  const sent = (call: LiveCall) => call.roundIndex === null || full.has(call.roundIndex);
  const kinds: CallKind[] = [];
  const kindIndex = new Map<string, number>();
  const position = new Map<string, number>();
  const compactCalls = Object.values(calls).map((call, at): CompactCall => {
    const kind: CallKind = [call.role, call.technique, call.provider, call.modelId];
    const key = JSON.stringify(kind);
    if (!kindIndex.has(key)) kindIndex.set(key, kinds.push(kind) - 1);
    position.set(call.id, at);
    return [
      call.id,
      kindIndex.get(key) ?? 0,
      call.roundIndex,
      call.attempt,
      call.status,
      sent(call) ? call.text : null,
      call.error,
      call.latencyMs,
      call.tokensIn,
      call.tokensOut,
    ];
  });
  const reply = (round: LiveRound, text: string | null): Reply => {
    if (text === null) return null;
    const id = round.callIds.find((callId) => calls[callId]?.text === text && sent(calls[callId]));
    return id === undefined ? text : (position.get(id) ?? text);
  };
  return {
    session,
    kinds,
    calls: compactCalls,
    rounds: rounds.map((round): CompactRound => {
      const row: CompactRound = [
        round.index,
        reply(round, round.counselorReply),
        reply(round, round.clientReply),
        round.endedByClient,
        round.committed,
        round.selection
          ? [round.selection.techniques, round.selection.rationale, round.selection.fallback]
          : null,
      ];
      const marked = round.steering || round.awaiting || round.stale.length;
      return marked ? [...row, round.steering, round.awaiting, round.stale] : row;
    }),
  };
}

/** Calls expanded without their text: their cards say it is on its way (see the top of the file). */
const withheld = new WeakSet<LiveCall>();

export function isTextWithheld(call: LiveCall): boolean {
  return withheld.has(call);
}

export function expandLiveSession(compact: CompactSession): LiveSession {
  const calls: Record<string, LiveCall> = {};
  const planCallIds: string[] = [];
  const callIdsByRound = new Map<number, string[]>();
  const texts = compact.calls.map((row) => row[5] ?? "");
  for (const [
    id,
    kind,
    roundIndex,
    attempt,
    status,
    text,
    error,
    latencyMs,
    tokensIn,
    tokensOut,
  ] of compact.calls) {
    const [role, technique, provider, modelId] = compact.kinds[kind];
    calls[id] = {
      id,
      role,
      technique,
      roundIndex,
      provider,
      modelId,
      attempt,
      status,
      text: text ?? "",
      error,
      latencyMs,
      tokensIn,
      tokensOut,
    };
    if (text === null) withheld.add(calls[id]);
    if (isJudgeCall(calls[id])) continue;
    if (roundIndex === null) planCallIds.push(id);
    else callIdsByRound.set(roundIndex, [...(callIdsByRound.get(roundIndex) ?? []), id]);
  }
  const reply = (value: Reply) => (typeof value === "number" ? texts[value] : value);
  const rounds = compact.rounds.map(
    ([
      index,
      counselorReply,
      clientReply,
      endedByClient,
      committed,
      selection,
      steering,
      awaiting,
      stale,
    ]): LiveRound => ({
      index,
      callIds: callIdsByRound.get(index) ?? [],
      selection: selection
        ? { techniques: selection[0], rationale: selection[1], fallback: selection[2] }
        : null,
      counselorReply: reply(counselorReply),
      clientReply: reply(clientReply),
      endedByClient,
      committed,
      steering: steering ?? null,
      awaiting: awaiting ?? null,
      stale: stale ?? [],
    }),
  );
  return { ...compact.session, calls, planCallIds, rounds };
}
