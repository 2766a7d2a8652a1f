import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { accessibilityViolations } from "./support/axe";
import { createAnnotationQueue } from "./support/studio-pages";

const RESEARCHER = "e2e-researcher@studio.local";

/** The Likert radio of `item` at `point` on the annotate page. */
const rating = (page: Page, item: string, point: number) =>
  page.getByTestId(`rating-${item}`).getByRole("radio", { name: new RegExp(`^${point} `) });

async function expectRound(page: Page, round: number, scores: [number, number, number, number]) {
  await expect(page.getByTestId("round-title")).toHaveText(new RegExp(`^Round ${round} of`));
  for (const [i, item] of ["empathy", "relevance", "plan_fit", "naturalness"].entries()) {
    await expect(rating(page, item, scores[i])).toBeChecked();
  }
}

async function waitSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved");
}

async function newQueue(request: APIRequestContext) {
  return createAnnotationQueue(request, `Keyboard pilot ${Date.now()}`);
}

test("a clinician annotates three rounds with the keyboard only; after a reload the ratings are there, and the CSV export has them", async ({
  page,
  request,
}) => {
  const queueId = await newQueue(request);
  // Before anyone annotated its session, the queue page offers no download of an empty file.
  const before = await request.get(`/api/annotations/export?format=annotations-jsonl&queueId=${queueId}`);
  if ((await before.text()).trim() === "") {
    await page.goto(`/annotate/${queueId}/queue`);
    await expect(page.getByTestId("nothing-to-export")).toContainText("Nothing to export yet");
    await expect(page.getByRole("link", { name: "CSV", exact: true })).toHaveCount(0);
  }
  await page.goto(`/annotate/${queueId}`);
  await expect(page.getByTestId("round-title")).toHaveText(/^Round 1 of \d+/);
  await expect(page.getByTestId("queue-progress")).toHaveText(/^0 of \d+ rounds annotated/);

  // Round 1: four ratings, then the techniques mode to pick Reflection (1), back, next round.
  for (const key of ["4", "5", "3", "2", "t", "1", "t", "n"]) await page.keyboard.press(key);
  await expect(page.getByTestId("round-title")).toHaveText(/^Round 2 of/);
  for (const key of ["5", "5", "5", "5", "n"]) await page.keyboard.press(key);
  await expect(page.getByTestId("round-title")).toHaveText(/^Round 3 of/);
  for (const key of ["1", "2", "3", "4", "s"]) await page.keyboard.press(key);
  await waitSaved(page);
  await expect(page.getByTestId("queue-progress")).toHaveText(/^3 of \d+ rounds annotated/);

  // The shortcut sheet opens and closes by key.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.reload();
  await expectRound(page, 3, [1, 2, 3, 4]);
  await page.keyboard.press("p");
  await expectRound(page, 2, [5, 5, 5, 5]);
  await page.keyboard.press("p");
  await expectRound(page, 1, [4, 5, 3, 2]);
  await expect(page.getByTestId("techniques").getByRole("checkbox", { name: /Reflection/ })).toBeChecked();

  // The queue page tells who did what, and downloads the queue's annotations.
  await page.goto(`/annotate/${queueId}/queue`);
  await expect(page.getByTestId("assignment").first()).toContainText("3/");
  await expect(page.getByTestId("nothing-to-export")).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^magnet-annotations-.*\.csv$/);
  const csv = readFileSync(await download.path(), "utf8");
  const rows = csv.trim().split("\r\n");
  expect(rows[0]).toBe(
    "session_id,round,annotator_id,annotator,item,value,comment,version,created_at,updated_at",
  );
  const has = (round: number, item: string, value: string) =>
    rows.some((row) => {
      const cells = row.split(",");
      return cells[1] === String(round) && cells[3] === RESEARCHER && cells[4] === item && cells[5] === value;
    });
  expect(has(1, "rating.empathy", "4")).toBe(true);
  expect(has(1, "rating.naturalness", "2")).toBe(true);
  expect(has(1, "techniques", "reflection")).toBe(true);
  expect(has(2, "rating.plan_fit", "5")).toBe(true);
  expect(has(3, "rating.relevance", "2")).toBe(true);

  await page.getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByTestId("agreement-table")).toContainText("Empathy");
});

test("a stale save from a second tab is refused with a prompt to reload, and the first tab's work stays", async ({
  page,
  context,
  request,
}) => {
  const queueId = await newQueue(request);
  // Both tabs resume at the same round (after the rounds the test above annotated).
  await page.goto(`/annotate/${queueId}`);
  const title = (await page.getByTestId("round-title").textContent()) ?? "";
  expect(title).toMatch(/^Round \d+ of/);
  const second = await context.newPage();
  await second.goto(`/annotate/${queueId}`);
  await expect(second.getByTestId("round-title")).toHaveText(title);
  await page.keyboard.press("4");
  await page.keyboard.press("s");
  await waitSaved(page);
  await second.keyboard.press("2");
  await second.keyboard.press("s");
  await expect(second.getByRole("alert").filter({ hasText: "another tab" })).toContainText("Reload");
  await expect(second.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  await second.getByRole("button", { name: "Reload" }).click();
  await expectRatingKept(second);
  await second.close();
});

async function expectRatingKept(page: Page) {
  await expect(rating(page, "empathy", 4)).toBeChecked();
}

test("the session forms show the judge's scores only after the clinician has answered every item", async ({
  page,
  request,
}) => {
  const queueId = await newQueue(request);
  await page.goto(`/annotate/${queueId}`);
  await page.getByRole("button", { name: "Session forms" }).click();
  await expect(page.getByTestId("round-title")).toHaveText("Session forms");
  const items = page.locator('[data-testid^="form-ctrs-"]');
  await expect(items).toHaveCount(6);
  await expect(page.getByTestId("judge-score")).toHaveCount(0);
  for (let i = 0; i < 6; i++) {
    await items.nth(i).getByRole("radio", { name: /^4/ }).focus();
    await page.keyboard.press("Space");
  }
  await waitSaved(page);
  await expect(page.getByText(/No judge has scored this form|Judge: /).first()).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("two sessions of one client are compared per aspect in a hidden order, and the choice is kept", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  // A second session of the oldest imported session's client, generated by the simulator.
  const first = (
    await (await request.get("/api/sessions?source=imported&sort=createdAt&order=asc&pageSize=1")).json()
  ).items[0];
  const generated = await request.post("/api/sessions", {
    data: { profileId: first.profile.id, variant: "no_planner", maxRounds: 1 },
  });
  expect(generated.status()).toBe(201);
  const secondId = (await generated.json()).id;
  expect((await request.post(`/api/sessions/${secondId}/run`, { data: { mode: "to-end" } })).status()).toBe(
    202,
  );
  await expect
    .poll(async () => (await (await request.get(`/api/sessions/${secondId}`)).json()).status, {
      timeout: 60_000,
    })
    .toMatch(/completed|ended_by_client/);
  const users = await (await request.get("/api/users")).json();
  const me = users.items.find((u: { email: string }) => u.email === RESEARCHER);
  const created = await request.post("/api/annotation-queues", {
    data: {
      name: `Pairs ${Date.now()}`,
      filter: { profileId: first.profile.id },
      limit: 2,
      annotatorIds: [me.id],
    },
  });
  expect(created.status()).toBe(201);
  expect((await created.json()).sessions).toBe(2);

  await page.goto(`/annotate/${(await created.json()).id}/pairs`);
  await expect(page.getByText("Pair 1 of 1")).toBeVisible();
  await expect(page.getByRole("main").getByText(/no planner|magnet|baseline/i)).toHaveCount(0);
  await page.getByTestId("aspect-overall").getByRole("radio", { name: "Session 2" }).check();
  await page.getByTestId("aspect-understanding").getByRole("radio", { name: "No difference" }).check();
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId("aspect-overall").getByRole("radio", { name: "Session 2" })).toBeChecked();
  await expect(
    page.getByTestId("aspect-understanding").getByRole("radio", { name: "No difference" }),
  ).toBeChecked();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the annotator lands on the ratings, not on the transcript below them, and stays there round after round", async ({
    page,
    request,
  }) => {
    const queueId = await newQueue(request);
    await page.goto(`/annotate/${queueId}`);
    const title = page.getByTestId("round-title");
    await expect(title).toHaveText(/^Round \d+ of/);
    await expect(title).toBeInViewport();
    const first = (await title.textContent()) ?? "";
    await page.getByRole("button", { name: /^Next/ }).click();
    await expect(title).not.toHaveText(first);
    await expect(title).toBeInViewport();
    await expect(page.getByTestId("rating-empathy")).toBeInViewport();
  });
});
