import { tapEventBus } from "./bus-tap";
import {
  figuresByRound,
  formatBreakdown,
  formatHops,
  type RoundFigures,
  wholeSessionRatio,
  withMarkers,
  withoutMarkers,
  writeTimes,
} from "./live-figures";
import { formatTable, median, ms, percentile, ratio } from "./report";
import { watchSession } from "./stream-client";
import { createMagnetSession, firstProfileId, startRun } from "./studio-api";
import { sharedStudio } from "./studio-harness";
import type { BenchPart, BenchPartResult } from "./types";

// A magnet session run by the built app against the fake server, watched over its live stream as a
// browser watches it: how long a token takes from the provider writing it to the watcher reading it
// (provider → AI SDK → engine → NOTIFY → LISTEN hub → wire encoder → HTTP), and how many bytes the
// wire spends per byte of text.

export const liveBench: BenchPart = {
  name: "live",
  async run(options) {
    const studio = await sharedStudio(options);
    studio.pace(options.latencyMs, options.tokensPerSecond, options.liveAnswerTokens);
    const rounds = options.liveRounds;
    const sessionId = await createMagnetSession(studio.url, await firstProfileId(studio.url), rounds);
    const firstRequest = studio.fake.requests.length;
    const tap = await tapEventBus(studio.databaseUrl, sessionId);
    try {
      const watch = await watchSession(studio.url, sessionId, 60_000 + rounds * 20_000);
      try {
        options.log(`live: ${rounds} rounds of a magnet session, watched over its stream…`);
        await startRun(studio.url, sessionId);
        const ended = await watch.ended;
        if (ended.status !== "completed")
          throw new Error(`The live session ended ${ended.status}: ${ended.reason}`);
        const written = writeTimes(studio.fake.requests.slice(firstRequest));
        const result = summarise(figuresByRound(watch.lines, written), written.size, rounds);
        const hops = formatHops(watch.lines, written, tap.sightings);
        result.report.push("", ...hops, "", ...formatBreakdown(watch.lines));
        return result;
      } finally {
        watch.close();
      }
    } finally {
      await tap.close();
    }
  },
};

function summarise(figures: RoundFigures[], writtenTokens: number, rounds: number): BenchPartResult {
  const overheads = figures.flatMap((f) => f.overheadsMs);
  const played = figures.filter((f) => f.round > 0);
  const overheadMedian = median(overheads);
  const overheadP95 = percentile(overheads, 95);
  const bytesRatio = ratio(median(played.map(withoutMarkers)), 1);
  const markedRatio = ratio(median(played.map(withMarkers)), 1);
  const socketRatio = ratio(
    wholeSessionRatio(figures, (f) => f.socketBytes),
    1,
  );
  const wholeRatio = ratio(
    wholeSessionRatio(figures, (f) => f.wireBytes),
    1,
  );
  const rows = figures.map((f) => [
    f.round === 0 ? "plan" : String(f.round),
    String(f.overheadsMs.length),
    ms(median(f.overheadsMs)),
    ms(percentile(f.overheadsMs, 95)),
    ms(Math.max(...f.overheadsMs)),
    String(f.wireBytes),
    String(f.textBytes),
    withMarkers(f).toFixed(2),
    withoutMarkers(f).toFixed(2),
  ]);
  const blank = ["", "", ""];
  rows.push(["median", String(overheads.length), ms(overheadMedian), ms(overheadP95), ...blank]);
  rows[rows.length - 1].push(markedRatio.toFixed(2), bytesRatio.toFixed(2));
  return {
    report: [
      `Live stream: the built app runs a magnet session of ${rounds} rounds against the fake server; a`,
      "watcher reads GET /api/sessions/<id>/stream. Overhead: from the fake writing a token to the watcher",
      `reading it (${overheads.length} of ${writtenTokens} marked tokens matched; the median row pools them).`,
      "Wire/text: bytes of stream lines ÷ bytes of delta text, per round; every filler token carries a",
      "unique `~n` marker, so `w/o markers` gives the ratio without the markers' bytes (the target).",
      "",
      ...formatTable(COLUMNS, rows),
      "",
      `Whole session without markers: wire/text ${wholeRatio.toFixed(2)}; counting the bytes read from the`,
      `socket instead (HTTP/1.1 chunked framing included): ${socketRatio.toFixed(2)}.`,
    ],
    targets: [
      // The stream holds text for up to 40 ms (STREAM_COALESCE_MS) to send fewer, larger writes.
      { name: "stream overhead, median ms", value: overheadMedian, kind: "max", goal: 50 },
      { name: "wire bytes / text bytes (median round)", value: bytesRatio, kind: "max", goal: 3 },
      {
        name: "socket bytes / text bytes, HTTP framing included (whole session)",
        value: socketRatio,
        kind: "max",
        goal: 2.5,
      },
    ],
    json: {
      stream_overhead_ms_median: round1(overheadMedian),
      stream_overhead_ms_p95: round1(overheadP95),
      wire_bytes_over_text: bytesRatio,
      wire_bytes_over_text_with_markers: markedRatio,
      http_bytes_over_text: socketRatio,
      live_rounds: rounds,
    },
  };
}

const COLUMNS = [
  "round",
  "tokens",
  "median ms",
  "p95 ms",
  "max ms",
  "wire B",
  "text B",
  "wire/text",
  "w/o markers",
];
const round1 = (value: number) => Math.round(value * 10) / 10;
