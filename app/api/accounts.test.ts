import { afterAll, describe, expect, it } from "vitest";
import * as sessions from "@/app/api/sessions/route";
import * as users from "@/app/api/users/[id]/route";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { listAuditEntries } from "@/lib/auth/audit";
import { ensureFirstResearcher } from "@/lib/auth/first-run";
import { getAuth } from "@/lib/auth/server";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { callRoute } from "@/lib/testing/call-route";

const ORIGIN = "http://127.0.0.1:3000";

/** Signs in through Better Auth's own handler, as the sign-in page does; returns the cookie. */
async function signIn(
  email: string,
  password: string,
): Promise<{ status: number; cookie: string; setCookie: string[] }> {
  const response = await getAuth().handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { status: response.status, cookie, setCookie: response.headers.getSetCookie() };
}

function listSessionsWith(headers: Record<string, string>) {
  return sessions.GET(
    new Request(`${ORIGIN}/api/sessions`, { headers: { host: "127.0.0.1:3000", ...headers } }),
    {
      params: Promise.resolve({}),
    },
  );
}

afterAll(async () => {
  await getDb().$disconnect();
});

describe("accounts", () => {
  it("makes the first researcher on an empty table only, with a password kept as a hash", async () => {
    const first = await ensureFirstResearcher();
    expect(first).toMatchObject({ email: "researcher@studio.local" });
    expect(await ensureFirstResearcher()).toBeNull();
    const account = await getDb().authAccount.findFirstOrThrow({ where: { user: { email: first?.email } } });
    expect(account.password).not.toContain(first?.password);
    expect(account.password?.length).toBeGreaterThan(60);
  });

  it("signs in with email + password to an httpOnly cookie that the API accepts", async () => {
    const { password } = await createUser({ email: "ann@example.org", role: "annotator" }, null);
    expect((await signIn("ann@example.org", "wrong-password-123")).status).toBe(401);
    const { status, cookie, setCookie } = await signIn("ann@example.org", password);
    expect(status).toBe(200);
    expect(cookie).toContain("better-auth.session_token=");
    const session = setCookie.find((line) => line.startsWith("better-auth.session_token="));
    expect(session).toMatch(/; HttpOnly/i);
    expect(session).toMatch(/; SameSite=Lax/i);
    expect((await listSessionsWith({ cookie })).status).toBe(200);
    expect((await listSessionsWith({})).status).toBe(401);
  });

  it("refuses sign-up: accounts are made by researchers", async () => {
    const response = await getAuth().handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ email: "me@example.org", password: "long-enough-password", name: "Me" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await getDb().user.count({ where: { email: "me@example.org" } })).toBe(0);
  });

  it("a deactivated user is signed out, cannot sign in, and its keys stop working; all audited", async () => {
    const { user, password } = await createUser({ email: "vic@example.org", role: "viewer" }, null);
    const { cookie } = await signIn(user.email, password);
    const { key } = await createApiKey(user.id, "script");
    expect((await listSessionsWith({ authorization: `Bearer ${key}` })).status).toBe(200);

    const change = await callRoute(users.PATCH, {
      method: "PATCH",
      url: `/api/users/${user.id}`,
      params: { id: user.id },
      body: { active: false },
    });
    expect(change).toMatchObject({ status: 200, json: { deactivatedAt: expect.any(String) } });
    expect((await listSessionsWith({ cookie })).status).toBe(401);
    expect((await listSessionsWith({ authorization: `Bearer ${key}` })).status).toBe(401);
    expect((await signIn(user.email, password)).status).not.toBe(200);
    const actions = (await listAuditEntries())
      .filter((entry) => entry.targetId === user.id)
      .map((e) => e.action);
    expect(actions).toEqual(["user.deactivated", "user.created"]);
  });

  it("a role change counts at once and is audited; a researcher cannot demote itself", async () => {
    const { user } = await createUser({ email: "rita@example.org", role: "researcher" }, null);
    const { key } = await createApiKey(user.id, "script");
    const post = () =>
      sessions.POST(
        new Request(`${ORIGIN}/api/sessions`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: "{}",
        }),
        { params: Promise.resolve({}) },
      );
    expect((await post()).status).toBe(400); // let in; the empty body is refused
    const demote = await callRoute(users.PATCH, {
      method: "PATCH",
      url: `/api/users/${user.id}`,
      params: { id: user.id },
      body: { role: "viewer" },
    });
    expect(demote.status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("needs the researcher role");
    const entry = (await listAuditEntries()).find(
      (e) => e.targetId === user.id && e.action === "user.role_changed",
    );
    expect(entry?.detail).toEqual({ from: "researcher", to: "viewer" });

    const self = await getDb().user.findUniqueOrThrow({ where: { email: "researcher@test.invalid" } });
    const selfDemote = await callRoute(users.PATCH, {
      method: "PATCH",
      url: `/api/users/${self.id}`,
      params: { id: self.id },
      body: { role: "viewer" },
    });
    expect(selfDemote).toMatchObject({ status: 409, fields: ["role"] });
  });

  it("keeps only a key's hash; a revoked key is refused", async () => {
    const { user } = await createUser({ email: "kim@example.org", role: "viewer" }, null);
    const { key, id } = await createApiKey(user.id, "notebook");
    const stored = await getDb().apiKey.findUniqueOrThrow({ where: { id } });
    expect(stored.hash).not.toContain(key.slice(4));
    await revokeApiKey(user.id, id);
    expect((await listSessionsWith({ authorization: `Bearer ${key}` })).status).toBe(401);
    expect((await listSessionsWith({ authorization: "Bearer mgs_made-up" })).status).toBe(401);
  });
});
