import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import {
  createShareLink,
  hashShareToken,
  listActiveShareLinks,
  revokeShareLink,
  sessionIdForToken,
} from "./links";
import { loadReplay } from "./replay-data";
import { tokenFromUrl } from "./schema";
import { NOTE_CANARY, PROMPT_CANARY, storedSession } from "./testing";

const ORIGIN = "http://127.0.0.1:3000";

describe("share links", () => {
  it("answers a URL whose token opens the session; only the token's hash is stored", async () => {
    const id = await storedSession(1);
    const { url } = await createShareLink(id, {}, ORIGIN);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/replay\/[A-Za-z0-9_-]{43}$/);
    const token = tokenFromUrl(url) ?? "";
    expect(await sessionIdForToken(token)).toBe(id);
    const rows = await getDb().shareLink.findMany({ where: { sessionId: id } });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0].tokenHash).toBe(hashShareToken(token));
    // Two links never share a token.
    const other = await createShareLink(id, {}, ORIGIN);
    expect(tokenFromUrl(other.url)).not.toBe(token);
  });

  it("stops opening after revocation, by URL or by id, and leaves the list", async () => {
    const id = await storedSession(1);
    const first = await createShareLink(id, {}, ORIGIN);
    const second = await createShareLink(id, {}, ORIGIN);
    expect((await listActiveShareLinks(id)).map((l) => l.id).sort()).toEqual([first.id, second.id].sort());

    await revokeShareLink(id, { url: first.url });
    expect(await sessionIdForToken(tokenFromUrl(first.url) ?? "")).toBeNull();
    expect(await loadReplay(tokenFromUrl(first.url) ?? "")).toBeNull();
    await revokeShareLink(id, { id: second.id });
    expect(await sessionIdForToken(tokenFromUrl(second.url) ?? "")).toBeNull();
    expect(await listActiveShareLinks(id)).toEqual([]);
    // Again: harmless.
    await expect(revokeShareLink(id, { url: first.url })).resolves.toMatchObject({ revoked: true });
  });

  it("stops opening at its expiry", async () => {
    const id = await storedSession(1);
    const now = new Date();
    const { url, expiresAt } = await createShareLink(id, { expiresInHours: 2 }, ORIGIN, now);
    expect(expiresAt).toBe(new Date(now.getTime() + 7_200_000).toISOString());
    const token = tokenFromUrl(url) ?? "";
    const later = (ms: number) => new Date(now.getTime() + ms);
    expect(await sessionIdForToken(token, later(7_199_000))).toBe(id);
    expect(await loadReplay(token, later(7_199_000))).not.toBeNull();
    expect(await sessionIdForToken(token, later(7_200_000))).toBeNull();
    expect(await loadReplay(token, later(7_200_001))).toBeNull();
    expect(await listActiveShareLinks(id, later(7_200_001))).toEqual([]);
  });

  it("cannot revoke another session's link, nor make one for a missing session", async () => {
    const mine = await storedSession(1);
    const theirs = await storedSession(1);
    const { url } = await createShareLink(theirs, {}, ORIGIN);
    await expect(revokeShareLink(mine, { url })).rejects.toMatchObject({ code: "not_found" });
    expect(await sessionIdForToken(tokenFromUrl(url) ?? "")).toBe(theirs);
    await expect(createShareLink("cmissing", {}, ORIGIN)).rejects.toBeInstanceOf(AppError);
    await expect(revokeShareLink(mine, { url: "https://example.org/sessions/x" })).rejects.toMatchObject({
      code: "validation",
    });
  });

  it("opens nothing for tokens that are not one", async () => {
    for (const token of ["", "x", "a".repeat(43), "../../etc", "a".repeat(44)]) {
      expect(await sessionIdForToken(token)).toBeNull();
    }
  });
});

describe("replay data", () => {
  it("carries the dialogue and outputs, never prompts, annotations or the studio's ids", async () => {
    const id = await storedSession(2);
    const { url } = await createShareLink(id, {}, ORIGIN);
    const data = await loadReplay(tokenFromUrl(url) ?? "");
    expect(data).not.toBeNull();
    const json = JSON.stringify(data);
    expect(json).not.toContain(PROMPT_CANARY);
    expect(json).not.toContain(NOTE_CANARY);
    expect(json).not.toContain(id);
    const callIds = (await getDb().agentCall.findMany({ where: { sessionId: id } })).map((c) => c.id);
    for (const callId of callIds) expect(json).not.toContain(callId);
    expect(data?.rounds.map((r) => r.clientReply)).toEqual(["Client 1", "Client 2"]);
    expect(data?.calls).toHaveLength(1 + 2 * 8);
    expect(Object.keys(data?.calls[0] ?? {}).sort()).toEqual(
      [
        "attempt",
        "endMs",
        "id",
        "latencyMs",
        "modelId",
        "provider",
        "role",
        "roundIndex",
        "startMs",
        "technique",
        "text",
        "tokensIn",
        "tokensOut",
      ].sort(),
    );
  });
});
