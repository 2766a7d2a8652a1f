import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// Forking from the session page: the fork opens, shows its place in the branch tree, plays on by
// itself, and the two branches compare side by side from the fork point.

test("Fork after round 1: the fork opens paused, runs round 2 on its own, and compares with the parent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const parentId = await live.createDraft(2);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText("Completed", { timeout: 60_000 });
  const parentBefore = await (await page.request.get(`/api/sessions/${parentId}`)).json();

  await expect(live.round(2).getByTestId("fork-round")).toHaveCount(0);
  await live.round(1).getByTestId("fork-round").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/(?!${parentId})[^/]+$`));
  await expect(live.status).toHaveText("Paused");
  const tree = page.getByTestId("branch-tree");
  await expect(tree).toContainText("forked after round 1");
  await expect(live.round(1).getByTestId("fused-reply")).toContainText(parentBefore.rounds[0].counselorReply);
  await expect(live.round(2)).toHaveCount(0);

  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText("Completed", { timeout: 60_000 });

  await tree.getByTestId("compare-branch").click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare branches" })).toBeVisible();
  await expect(page.getByTestId("branch-compare")).toContainText("Round 1 is shared; from round 2 on");
  const round2 = page.getByTestId("compare-round");
  await expect(round2).toHaveCount(1);
  await expect(round2.getByText("not played")).toHaveCount(0);
  await expect(round2).toContainText(parentBefore.rounds[1].counselorReply);

  const parentAfter = await (await page.request.get(`/api/sessions/${parentId}`)).json();
  expect(parentAfter).toEqual(parentBefore);

  // Without the branch to compare with, the page says what it needs and offers the branches.
  const response = await page.goto(`/sessions/${parentId}/compare`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("compare-needs-branch")).toContainText("Comparing needs a second branch");
  await page.getByTestId("compare-branch").click();
  await expect(page.getByTestId("branch-compare")).toContainText("Round 1 is shared; from round 2 on");
});
