import { expect, type Page, test } from "@playwright/test";
import { officialOutput, readSeeds } from "../lib/import-export/testing";
import { ReplayPage, shareSession } from "./pages/replay-page";

// LLM output and imported text are rendered as text: markup and javascript: links in a client reply
// or an intake form do nothing, on the replay (whose visitor has no account), the session page and
// the profile page.

const SCRIPT = "<script>window.__pwned = 'script'</script>";
const IMAGE = `<img src=x onerror="window.__pwned = 'img'">`;
const LINK = `<a href="javascript:window.__pwned = 'link'">click me</a> javascript:window.__pwned='bare'`;

test("markup in an imported client reply and intake form is shown as text and never runs", async ({
  page,
  browser,
}) => {
  const seeds = readSeeds();
  const file = officialOutput(seeds, 9, "magnet", { rounds: 2 });
  const name = `Xss Probe ${Date.now()}`;
  file.example.AI_client.intake_form = file.example.AI_client.intake_form
    .replace(/Name:\n[^\n]+/, `Name:\n${name}`)
    .replace("2. Presenting Problem\n", `2. Presenting Problem\n${IMAGE} ${SCRIPT} `);
  file.history[3].message = `${SCRIPT} ${LINK}`;
  const upload = await page.request.post("/api/import", {
    multipart: {
      variant: "magnet",
      files: {
        name: "session_9.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(file)),
      },
    },
  });
  expect(upload.status()).toBe(200);
  const profiles = await (await page.request.get(`/api/profiles?search=${encodeURIComponent(name)}`)).json();
  expect(profiles.items).toHaveLength(1);
  const sessions = await (await page.request.get(`/api/sessions?profileId=${profiles.items[0].id}`)).json();
  const sessionId = sessions.items[0].id;
  const url = await shareSession(page.request, sessionId);

  const visitor = await (await browser.newContext()).newPage();
  const replay = new ReplayPage(visitor);
  await replay.open(url);
  await replay.setSpeed("instant");
  await expect(replay.ended).toBeVisible();
  await expect(replay.round(1).getByTestId("client-reply")).toContainText(SCRIPT);
  await expect(replay.round(1).getByTestId("client-reply")).toContainText("javascript:window.__pwned='bare'");
  await visitor.getByText("The client's presenting problem").click();
  await expect(visitor.getByTestId("presenting-problem")).toContainText(IMAGE);
  await expectInert(visitor);

  await page.goto(`/sessions/${sessionId}`);
  await expect(page.locator("#round-1").getByTestId("client-reply")).toContainText(SCRIPT);
  await expectInert(page);
  await page.goto(`/profiles/${profiles.items[0].id}`);
  await expect(page.locator("body")).toContainText(SCRIPT);
  await expectInert(page);
});

async function expectInert(page: Page) {
  // Give an onerror or a late script the chance to run.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  // No element was made from the text (Next's own data scripts carry it as an escaped string).
  const injected = await page.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => s.textContent?.trim() === "window.__pwned = 'script'")
      .length,
    images: document.querySelectorAll("img[src='x']").length,
  }));
  expect(injected).toEqual({ scripts: 0, images: 0 });
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
}
