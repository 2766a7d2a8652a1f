import { expect, type Locator, test } from "@playwright/test";
import { completedSession, ReplayPage, shareSession } from "./pages/replay-page";

// What a newcomer reads: agents by their names rather than their keys, the session page's small
// actions in one look, both speakers of a transcript at one edge, and a replay using the whole width.

test("the settings and the prompts page name the agents in words, keeping the key as a quiet hint", async ({
  page,
}) => {
  await page.goto("/settings");
  const rows = page.getByTestId("model-row");
  await expect(rows).toHaveCount(6);
  const fuser = rows.filter({ hasText: "Response generator" });
  await expect(fuser).toBeVisible();
  await expect(fuser.locator("code")).toHaveText("MODEL_FUSER");
  await expect(rows.filter({ hasText: "Specialists (all five)" })).toBeVisible();

  await page.goto("/prompts?role=specialist:reflection");
  const roles = page.getByRole("navigation", { name: "Agent roles" });
  await expect(roles.getByRole("link", { name: "Reflection specialist" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(roles.getByRole("link", { name: "Technique selector" })).toBeVisible();
  await expect(roles.getByRole("link", { name: "specialist:reflection" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: /^Reflection specialist/ })).toBeVisible();
});

test.describe("a completed session", () => {
  test.describe.configure({ mode: "serial" });
  let sessionId = "";

  test.beforeAll(async ({ request }) => {
    test.setTimeout(90_000);
    sessionId = await completedSession(request, 2);
  });

  test("its inspect, regenerate and retry-style actions all look alike", async ({ page }) => {
    await page.goto(`/sessions/${sessionId}`);
    const last = page.locator("#round-2");
    const actions = [
      page.getByRole("button", { name: "inspect planner call" }),
      last.getByTestId("selection").getByRole("button", { name: "inspect", exact: true }),
      last.getByRole("button", { name: "Regenerate the selection" }),
      last.getByRole("button", { name: /^Inspect the .* call$/ }).first(),
      last.getByRole("button", { name: "Inspect the counselor call" }),
      page.getByTestId("fork-with-changes").first(),
    ];
    const looks = await Promise.all(actions.map(look));
    for (const other of looks.slice(1)) expect(other).toEqual(looks[0]);
  });

  test("its transcript starts the counselor's and the client's lines at the same edge", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/sessions/${sessionId}`);
    await page.getByRole("tab", { name: "Transcript" }).click();
    const transcript = page.getByTestId("transcript");
    const counselor = await transcript.locator('[data-speaker="counselor"]').first().boundingBox();
    const client = await transcript.locator('[data-speaker="client"]').first().boundingBox();
    expect(client?.x).toBe(counselor?.x);

    // One speaker column for the transcript and the rounds view, "Counselor 20" on one line.
    const label = transcript.getByTestId("speaker-label").filter({ hasText: "Counselor 1" });
    const transcriptColumn = (await label.boundingBox())?.width;
    const lines = await label.evaluate((element) => {
      element.textContent = "Counselor 20";
      const text = document.createRange();
      text.selectNodeContents(element);
      return new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size;
    });
    expect(lines).toBe(1);
    await page.getByRole("tab", { name: "Rounds and agents" }).click();
    const roundsColumn = (await page.getByTestId("speaker-column").first().boundingBox())?.width;
    expect(transcriptColumn).toBe(roundsColumn);
  });

  test("its replay on a desktop has a top bar, not an empty sidebar column", async ({ browser, request }) => {
    const url = await shareSession(request, sessionId);
    const visitor = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await visitor.newPage();
    await new ReplayPage(page).open(url);
    const header = await page.getByTestId("public-header").boundingBox();
    const replay = await page.getByTestId("replay").boundingBox();
    expect(header?.width).toBe(1440);
    expect(replay?.y).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    await visitor.close();
  });
});

async function look(action: Locator) {
  await expect(action).toBeVisible();
  return action.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      size: style.fontSize,
      weight: style.fontWeight,
      color: style.color,
      decoration: style.textDecorationLine,
    };
  });
}
