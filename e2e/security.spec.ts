import { request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";

// What a browser is told and refused: the content security policy (and that the studio's pages
// still work under it), framing, sniffing, foreign hosts and cross-site requests.

const PAGES = [
  "/sessions",
  "/sessions/new",
  "/profiles",
  "/prompts",
  "/experiments",
  "/annotate",
  "/settings",
];

test.use({ colorScheme: "dark" });

test("every page works under the content security policy: no violations, the theme script runs", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));

  // A session page too: it streams its live state with fetch, which the policy must allow.
  const profiles = await (await page.request.get("/api/profiles?source=sample&pageSize=1")).json();
  const draft = await page.request.post("/api/sessions", {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
  });
  const imported = await (await page.request.get("/api/sessions?source=imported&pageSize=1")).json();
  const sessionPages = [`/sessions/${(await draft.json()).id}`, `/sessions/${imported.items[0].id}`];

  for (const path of [...PAGES, ...sessionPages]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-/);
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-powered-by"], path).toBeUndefined();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // The inline theme script is allowed by its hash: in dark mode it marks the page before paint.
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  // Client navigation loads Next's chunks under the policy as well.
  await page.getByTestId("nav-profiles").click();
  await expect(page.getByTestId("profile-table").locator("tbody tr").first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("a cross-site form post (blind CSRF) is refused and changes nothing", async ({ page, baseURL }) => {
  const count = async () => (await (await page.request.get("/api/sessions?pageSize=1")).json()).total;
  const profiles = await (await page.request.get("/api/profiles?pageSize=1")).json();
  const before = await count();
  // A page on another site posting JSON-looking text/plain, which needs no CORS preflight.
  const body = JSON.stringify({ profileId: profiles.items[0].id, variant: "magnet" }).slice(0, -1);
  await page.route("http://evil.example/", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" enctype="text/plain" action="${baseURL}/api/sessions">
        <input name='${body},"x":"' value='"}'></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const answer = page.waitForResponse(`${baseURL}/api/sessions`);
  await page.goto("http://evil.example/");
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({
    error: { code: "forbidden", issues: [{ field: "origin" }] },
  });
  expect(await count()).toBe(before);
});

test("a non-JSON body is 415, a foreign Origin 403, a foreign Host 403", async ({ page, baseURL }) => {
  const textPlain = await page.request.post("/api/sessions", {
    headers: { "content-type": "text/plain" },
    data: '{"profileId":"x","variant":"magnet"}',
  });
  expect(textPlain.status()).toBe(415);
  const foreign = await page.request.post("/api/sessions", {
    headers: { origin: "https://evil.example" },
    data: { profileId: "x", variant: "magnet" },
  });
  expect(foreign.status()).toBe(403);
  const foreignUpload = await page.request.post("/api/import", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    multipart: { files: { name: "session_1.json", mimeType: "application/json", buffer: Buffer.from("[]") } },
  });
  expect(foreignUpload.status()).toBe(403);

  // DNS rebinding: a page of evil.example whose name now resolves to this machine.
  const url = new URL(`${baseURL}/api/profiles`);
  const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { host: `evil.example:${url.port}` },
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
  expect(rebound.status).toBe(403);
  expect(JSON.parse(rebound.body)).toMatchObject({
    error: { code: "forbidden", issues: [{ field: "host" }] },
  });
});
