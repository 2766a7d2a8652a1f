import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { sessionIdForToken } from "@/lib/share/links";
import { tokenFromUrl } from "@/lib/share/schema";
import { storedSession } from "@/lib/share/testing";
import { callRoute } from "@/lib/testing/call-route";
import * as share from "./route";

const url = (id: string) => `/api/sessions/${id}/share`;

describe("/api/sessions/{id}/share", () => {
  it("POST answers 201 with a url; DELETE with that url revokes it; GET lists the active ones", async () => {
    const id = await storedSession(1);
    const created = await callRoute(share.POST, { method: "POST", url: url(id), params: { id }, body: {} });
    expect(created.status).toBe(201);
    const link = created.json as { url: string };
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/replay\//);
    const listed = await callRoute(share.GET, { url: url(id), params: { id } });
    expect(listed).toMatchObject({ status: 200, json: { items: [{ expiresAt: null }] } });

    const revoked = await callRoute(share.DELETE, {
      method: "DELETE",
      url: url(id),
      params: { id },
      body: { url: link.url },
    });
    expect(revoked.status).toBe(200);
    expect(await sessionIdForToken(tokenFromUrl(link.url) ?? "")).toBeNull();
    expect((await callRoute(share.GET, { url: url(id), params: { id } })).json).toEqual({ items: [] });
  });

  it("takes an expiry in hours", async () => {
    const id = await storedSession(1);
    const created = await callRoute(share.POST, {
      method: "POST",
      url: url(id),
      params: { id },
      body: { expiresInHours: 0.5 },
    });
    expect(created.status).toBe(201);
    const { expiresAt } = created.json as { expiresAt: string };
    expect(Math.abs(new Date(expiresAt).getTime() - Date.now() - 1_800_000)).toBeLessThan(60_000);
  });

  it("refuses bad input with a 4xx naming the field, and changes nothing", async () => {
    const id = await storedSession(1);
    const cases = [
      { method: "POST", body: { expiresInHours: -1 }, status: 400, field: "expiresInHours" },
      { method: "POST", body: { expiresInHours: "2" }, status: 400, field: "expiresInHours" },
      { method: "POST", body: { extra: 1 }, status: 400, field: "extra" },
      { method: "DELETE", body: { url: "https://x.example/sessions/abc" }, status: 400, field: "url" },
      { method: "DELETE", body: { url: `/replay/${"a".repeat(43)}` }, status: 404, field: "id" },
    ];
    for (const c of cases) {
      const handler = c.method === "POST" ? share.POST : share.DELETE;
      const response = await callRoute(handler, {
        method: c.method,
        url: url(id),
        params: { id },
        body: c.body,
      });
      expect(response, JSON.stringify(c)).toMatchObject({ status: c.status });
      expect(response.fields).toContain(c.field);
    }
    const missing = await callRoute(share.POST, {
      method: "POST",
      url: url("cnone"),
      params: { id: "cnone" },
      body: {},
    });
    expect(missing.status).toBe(404);
    expect(await getDb().shareLink.count({ where: { sessionId: id } })).toBe(0);
  });

  it("never answers 500 to junk bodies", async () => {
    const id = await storedSession(1);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (body, post) => {
        const response = await callRoute(post ? share.POST : share.DELETE, {
          method: post ? "POST" : "DELETE",
          url: url(id),
          params: { id },
          body,
        });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
