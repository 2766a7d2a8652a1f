import type { PipelineEvent } from "@/lib/pipeline/events";
import type { FakeRequestRecord } from "@/lib/testing/fake-openai-server";
import type { TokenSighting } from "./bus-tap";
import { formatTable, median, ms, percentile } from "./report";
import type { ReceivedLine } from "./stream-client";
import { markersOf } from "./unique-answer";

// What the live part reads from a watched session: per round, the tokens' delays and the wire's bytes;
// per hop, where a token's time goes; per kind of line, where the bytes go.

export interface RoundFigures {
  /** 0: the planner, before round 1. */
  round: number;
  overheadsMs: number[];
  wireBytes: number;
  /** Bytes read from the socket: the wire bytes plus HTTP/1.1 chunked framing. */
  socketBytes: number;
  textBytes: number;
  /** Bytes of the `~n` markers, in the wire lines and in the delta text. */
  wireMarkerBytes: number;
  textMarkerBytes: number;
}

export const withMarkers = (f: RoundFigures) => f.wireBytes / f.textBytes;
export const withoutMarkers = (f: RoundFigures) =>
  (f.wireBytes - f.wireMarkerBytes) / (f.textBytes - f.textMarkerBytes);

/** When the fake wrote each marked token. */
export function writeTimes(requests: readonly FakeRequestRecord[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const request of requests) {
    for (const chunk of request.chunks) {
      if (chunk.kind === "content") for (const marker of markersOf(chunk.text)) times.set(marker, chunk.at);
    }
  }
  return times;
}

export function figuresByRound(lines: readonly ReceivedLine[], written: Map<number, number>): RoundFigures[] {
  const rounds = new Map<number, RoundFigures>();
  const callRounds = new Map<string, number>();
  let current = 0;
  for (const line of lines) {
    const decoded = line.decoded;
    if (decoded?.kind === "snapshot") continue;
    const event = decoded?.kind === "event" ? decoded.event : undefined;
    if (event?.type === "round-started") current = event.roundIndex;
    if (event?.type === "call-started") callRounds.set(event.callId, event.roundIndex ?? 0);
    const round = roundOf(event, callRounds) ?? current;
    const figures = rounds.get(round) ?? emptyFigures(round);
    rounds.set(round, figures);
    figures.wireBytes += line.bytes;
    figures.socketBytes += line.socketBytes;
    figures.wireMarkerBytes += markerBytes(line.text);
    if (event?.type !== "call-delta") continue;
    figures.textBytes += Buffer.byteLength(event.delta);
    figures.textMarkerBytes += markerBytes(event.delta);
    for (const marker of markersOf(event.delta)) {
      const at = written.get(marker);
      if (at !== undefined) figures.overheadsMs.push(line.at - at);
    }
  }
  return [...rounds.values()].sort((a, b) => a.round - b.round);
}

/** The round an event belongs to; undefined for lines of no round (heartbeats, session events). */
function roundOf(event: PipelineEvent | undefined, callRounds: Map<string, number>): number | undefined {
  if (!event) return undefined;
  if ("callId" in event) return callRounds.get(event.callId);
  if (event.type === "round-completed") return event.round.index;
  if ("roundIndex" in event) return event.roundIndex;
  return undefined;
}

function emptyFigures(round: number): RoundFigures {
  return {
    round,
    overheadsMs: [],
    wireBytes: 0,
    socketBytes: 0,
    textBytes: 0,
    wireMarkerBytes: 0,
    textMarkerBytes: 0,
  };
}

function markerBytes(text: string): number {
  return markersOf(text).reduce((sum, n) => sum + String(n).length + 1, 0);
}

/** A token's way in hops: provider → engine emit → NOTIFY delivered → watcher. */
export function formatHops(
  lines: readonly ReceivedLine[],
  written: Map<number, number>,
  sightings: Map<number, TokenSighting>,
): string[] {
  const hops: [string, number[]][] = [
    ["fake write → engine emit (HTTP, AI SDK, engine; ±1 ms)", []],
    ["engine emit → NOTIFY delivered (publish queue, PostgreSQL)", []],
    ["NOTIFY delivered → watcher (hub, wire, Next.js, HTTP)", []],
  ];
  for (const line of lines) {
    if (line.decoded?.kind !== "event" || line.decoded.event.type !== "call-delta") continue;
    for (const marker of markersOf(line.decoded.event.delta)) {
      const at = written.get(marker);
      const seen = sightings.get(marker);
      if (at === undefined || seen === undefined) continue;
      hops[0][1].push(seen.emittedAt - at);
      hops[1][1].push(seen.heardAt - seen.emittedAt);
      hops[2][1].push(line.at - seen.heardAt);
    }
  }
  const rows = hops.map(([name, values]) => [
    name,
    ms(median(values)),
    ms(percentile(values, 95)),
    ms(Math.max(...values)),
  ]);
  return ["Where a token's time goes:", ...formatTable(["hop", "median ms", "p95 ms", "max ms"], rows)];
}

/** Where the wire's bytes go, by kind of line, for the whole run (snapshot included). */
export function formatBreakdown(lines: readonly ReceivedLine[]): string[] {
  const kinds = new Map<string, { lines: number; bytes: number }>();
  for (const line of lines) {
    const { decoded } = line;
    const kind =
      decoded?.kind === "event"
        ? decoded.event.type === "call-delta"
          ? "call-delta (n:text)"
          : decoded.event.type
        : (decoded?.kind ?? "blank");
    const entry = kinds.get(kind) ?? { lines: 0, bytes: 0 };
    entry.lines++;
    entry.bytes += line.bytes;
    kinds.set(kind, entry);
  }
  const total = lines.reduce((sum, line) => sum + line.bytes, 0);
  const rows = [...kinds.entries()]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, { lines: count, bytes }]) => [
      kind,
      String(count),
      String(bytes),
      (bytes / count).toFixed(0),
      `${((bytes / total) * 100).toFixed(1)}%`,
    ]);
  return ["Wire bytes by kind of line:", ...formatTable(["line", "lines", "bytes", "B/line", "share"], rows)];
}

/**
 * Bytes (wire or socket) over text bytes for the whole session, without the markers. Whole session
 * only for the socket: its bytes are counted per read, and one read can span rounds.
 */
export function wholeSessionRatio(figures: RoundFigures[], bytes: (f: RoundFigures) => number): number {
  const sum = (of: (f: RoundFigures) => number) => figures.reduce((total, f) => total + of(f), 0);
  return (
    (sum(bytes) - sum((f) => f.wireMarkerBytes)) / (sum((f) => f.textBytes) - sum((f) => f.textMarkerBytes))
  );
}
