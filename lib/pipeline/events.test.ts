import { describe, expect, it, vi } from "vitest";
import { createEmitter, type PipelineEvent } from "./events";

describe("createEmitter", () => {
  it("stamps session, increasing seq and a timestamp", () => {
    const seen: PipelineEvent[] = [];
    const emit = createEmitter("s", (e) => seen.push(e), 7);
    emit({ type: "round-started", roundIndex: 1 });
    emit({ type: "call-delta", callId: "c", delta: "Hi" });
    expect(seen.map((e) => [e.sessionId, e.seq, e.type])).toEqual([
      ["s", 7, "round-started"],
      ["s", 8, "call-delta"],
    ]);
    expect(seen[1].timestamp).toBeGreaterThanOrEqual(seen[0].timestamp);
  });

  it("survives a sink that throws, reporting it once", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const emit = createEmitter("s", () => {
      throw new Error("sink broke");
    });
    emit({ type: "round-started", roundIndex: 1 });
    emit({ type: "round-started", roundIndex: 2 });
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
