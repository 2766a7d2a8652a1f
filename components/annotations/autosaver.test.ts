import { afterEach, describe, expect, it, vi } from "vitest";
import { Autosaver, type SaveStatus } from "./autosaver";

// The autosaver against a fake server: saves are one at a time, each on the version the last one
// returned; a 409 stops saving and keeps the data; a failed request is retried.

interface Sent {
  baseVersion: number;
  data: unknown;
}

function fakeServer(answers: (sent: Sent) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Sent;
      sent.push(body);
      const answer = answers(body);
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    }),
  );
  return sent;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("Autosaver", () => {
  it("saves the latest data once after a pause, then bases the next save on the returned version", async () => {
    vi.useFakeTimers();
    let version = 3;
    const sent = fakeServer(() => ({ status: 200, body: { version: ++version, updatedAt: "" } }));
    const states: SaveStatus["state"][] = [];
    const saver = new Autosaver<number>("/x", 3, (s) => states.push(s.state), 500);
    saver.change(1);
    saver.change(2);
    await vi.advanceTimersByTimeAsync(600);
    saver.change(3);
    await saver.flush();
    expect(sent).toEqual([
      { baseVersion: 3, data: 2 },
      { baseVersion: 4, data: 3 },
    ]);
    expect(states.at(-1)).toBe("saved");
    expect(saver.dirty).toBe(false);
  });

  it("stops at a 409 and keeps the unsaved data instead of overwriting the newer save", async () => {
    const sent = fakeServer(() => ({
      status: 409,
      body: { error: { message: "Reload to see the latest" } },
    }));
    const statuses: SaveStatus[] = [];
    const saver = new Autosaver<string>("/x", 1, (s) => statuses.push(s), 10_000);
    saver.change("mine");
    await saver.flush();
    saver.change("more");
    await saver.flush();
    expect(sent).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: "conflict", message: "Reload to see the latest" });
    expect(saver.dirty).toBe(true);
  });

  it("retries when the studio cannot be reached", async () => {
    vi.useFakeTimers();
    let calls = 0;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        calls++;
        if (calls === 1) throw new TypeError("offline");
        return new Response(JSON.stringify({ version: 1, updatedAt: "" }), { status: 200 });
      }),
    );
    const states: SaveStatus["state"][] = [];
    const saver = new Autosaver<string>("/x", 0, (s) => states.push(s.state), 10);
    saver.change("text");
    await vi.advanceTimersByTimeAsync(20);
    expect(states.at(-1)).toBe("error");
    await vi.advanceTimersByTimeAsync(5_100);
    expect(calls).toBe(2);
    expect(states.at(-1)).toBe("saved");
  });
});
