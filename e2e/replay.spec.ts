import { expect, test } from "@playwright/test";
import { completedSession, ReplayPage, shareSession } from "./pages/replay-page";
import { accessibilityViolations } from "./support/axe";

// Demo replays: a share link plays a stored session for someone with no account, with the live
// look and none of the studio's internals, until it is revoked or expires.

test.describe.configure({ mode: "serial" });

let sessionId = "";
let url = "";

test.beforeAll(async ({ request }) => {
  test.setTimeout(90_000);
  sessionId = await completedSession(request, 2);
  url = await shareSession(request, sessionId);
});

test("a share link plays the session to the end for a visitor with no cookies, and shows no prompts", async ({
  browser,
  request,
}) => {
  const detail = await (await request.get(`/api/sessions/${sessionId}`)).json();
  const callIds: string[] = detail.agentCalls.map((call: { id: string }) => call.id);
  const specialist = detail.agentCalls.find((call: { role: string }) => call.role.startsWith("specialist:"));
  const prompt = (await (await request.get(`/api/agent-calls/${specialist.id}`)).json()).promptMessages;
  const promptText: string = prompt[0].content;
  const promptPiece = promptText.slice(0, 80);

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy|Refused/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const replay = new ReplayPage(page);
  const response = await replay.open(url);
  expect(response?.status()).toBe(200);
  const html = (await response?.text()) ?? "";
  expect(html).not.toContain(promptPiece);
  expect(html).not.toContain("promptMessages");
  expect(html).not.toContain(sessionId);
  for (const id of callIds) expect(html).not.toContain(id);
  // The studio's navigation and the inspector are not there.
  await expect(page.getByTestId("nav-sessions")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /inspect/i })).toHaveCount(0);

  // It starts playing by itself: the planner runs first.
  await expect(replay.node("planner")).toHaveAttribute("data-status", "running");
  await replay.setSpeed("4");
  await expect(replay.ended).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("session-status")).toHaveText(/Completed|Ended by client/);
  for (const round of detail.rounds) {
    await expect(replay.round(round.index).getByTestId("client-reply")).toContainText(
      round.clientReply.slice(0, 40),
    );
    await expect(replay.round(round.index).getByTestId("candidate-card")).toHaveCount(5);
  }
  await expect(replay.round(1).locator('[data-choice="selected"]')).not.toHaveCount(0);
  await expect(replay.node("client")).toHaveAttribute("data-status", "done");
  await expect(replay.node("client")).toContainText(/done · \d+\.\d s/);
  await expect(page.locator("body")).not.toContainText(promptPiece);
  expect(problems).toEqual([]);
  await visitor.close();
});

test("the diagram lights each node as its call runs; jump to a round; pause holds still", async ({
  page,
}) => {
  const replay = new ReplayPage(page);
  await replay.open(url);
  // Paused, so that what the diagram shows does not depend on how fast this machine is.
  await replay.playButton.click();
  await expect(replay.playButton).toHaveText(/Play/);
  await replay.jumpTo(2);
  await expect(page.getByTestId("diagram-round")).toHaveText("round 2");
  // The nodes are named as everywhere else in the studio.
  await expect(replay.node("fuser")).toContainText("Response generator");
  await expect(replay.node("planner")).toContainText("CBT planner");
  await expect(replay.node("client")).toContainText("Simulated client");
  await expect(replay.round(1).getByText("Stored")).toBeVisible();
  await expect(replay.round(2)).toBeInViewport();
  // At a round's start the five specialists run (the selector starts with them); the fuser and client wait.
  await expect(replay.node("specialist:reflection")).toHaveAttribute("data-status", "running");
  await expect(replay.node("specialist:reflection")).toContainText("running");
  await expect(replay.node("fuser")).toHaveAttribute("data-status", "waiting");
  await expect(replay.node("client")).toHaveAttribute("data-status", "waiting");
  await expect(replay.round(2).getByTestId("client-reply")).toContainText("Waiting for the counselor");
  const where = await page.getByTestId("replay-where").textContent();
  await page.waitForTimeout(600);
  await expect(page.getByTestId("replay-where")).toHaveText(where ?? "");
  await expect(replay.node("specialist:reflection")).toHaveAttribute("data-status", "running");
  // Playing on: the specialists finish with their times, the fuser runs after them.
  await replay.playButton.click();
  await expect(replay.node("fuser")).toHaveAttribute("data-status", /running|done/, { timeout: 20_000 });
  await expect(replay.node("specialist:reflection")).toContainText(/done · \d+\.\d s/);
  await replay.setSpeed("instant");
  await expect(replay.ended).toBeVisible();
  await expect(replay.node("client")).toHaveAttribute("data-status", "done");
});

test("the live session page shows the same diagram, lit while a round runs", async ({ page, request }) => {
  const profiles = await (await request.get("/api/profiles?source=sample&pageSize=1")).json();
  const created = await request.post("/api/sessions", {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
  });
  const { id } = await created.json();
  await page.goto(`/sessions/${id}`);
  const diagram = page.getByTestId("pipeline-diagram");
  await expect(diagram.locator('[data-status="running"]')).toHaveCount(0);
  await page.getByRole("button", { name: "Run next round" }).click();
  await expect(diagram.locator('[data-role="planner"]')).toHaveAttribute("data-status", "running");
  await expect(diagram.locator('[data-role="specialist:questioning"]')).toHaveAttribute(
    "data-status",
    "running",
    {
      timeout: 20_000,
    },
  );
  await expect(diagram.locator('[data-role="planner"]')).toContainText(/done · \d+\.\d s/);
});

test("a revoked link, from the session page's list, shows 'no longer valid' (404), never a 500", async ({
  page,
  browser,
}) => {
  await page.goto(`/sessions/${sessionId}`);
  await page.getByText("Share a replay").click();
  await page.getByTestId("share-create").click();
  const made = await page.getByTestId("share-url").inputValue();
  expect(made).toMatch(/\/replay\/[A-Za-z0-9_-]{43}$/);
  const hint = made.split("/replay/")[1].slice(0, 6);
  const row = page.getByTestId("share-link").filter({ hasText: `/replay/${hint}` });
  await expect(row).toHaveCount(1);

  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(made))?.status()).toBe(200);
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toHaveCount(0);
  const response = await visitor.goto(made);
  expect(response?.status()).toBe(404);
  await expect(new ReplayPage(visitor).invalid).toContainText("This link is no longer valid");
  // The API's own revocation, by URL.
  const viaApi = await shareSession(page.request, sessionId);
  expect((await visitor.goto(viaApi))?.status()).toBe(200);
  const revoked = await page.request.delete(`/api/sessions/${sessionId}/share`, { data: { url: viaApi } });
  expect(revoked.status()).toBe(200);
  expect((await visitor.goto(viaApi))?.status()).toBe(404);
  // Junk tokens too.
  for (const path of ["/replay/x", `/replay/${"a".repeat(43)}`, "/replay/%00"]) {
    expect((await visitor.goto(path))?.status(), path).toBe(404);
  }
});

test("an expiring link works until its time, then shows 'no longer valid'", async ({ page, request }) => {
  // 0.002 h = 7.2 s.
  const expiring = await shareSession(request, sessionId, { expiresInHours: 0.002 });
  const replay = new ReplayPage(page);
  expect((await replay.open(expiring))?.status()).toBe(200);
  await page.waitForTimeout(7_500);
  expect((await page.goto(expiring))?.status()).toBe(404);
  await expect(replay.invalid).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`axe: the open share panel, and a replay mid-round and at its end, in the ${theme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/sessions/${sessionId}`);
    await page.getByText("Share a replay").click();
    await page.getByTestId("share-create").click();
    await expect(page.getByTestId("share-url")).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);

    const replay = new ReplayPage(page);
    await replay.open(url);
    await replay.playButton.click();
    await replay.jumpTo(1);
    await expect(replay.node("specialist:reflection")).toHaveAttribute("data-status", "running");
    expect(await accessibilityViolations(page)).toEqual([]);
    await replay.setSpeed("instant");
    await expect(replay.ended).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}
