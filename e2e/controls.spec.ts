import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// The Pause and Stop buttons, clicked as a user does, and what the page shows afterwards.

test("Pause lets the round finish and stops before the next; Stop ends a run mid-round, resumable", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const id = await live.createDraft(3);

  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText("Running");
  await expect(live.candidates(1).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Pause after this round" }).click();

  await expect(live.status).toHaveText("Paused", { timeout: 40_000 });
  await expect(live.round(1).getByTestId("client-reply")).not.toContainText("Waiting");
  await expect(live.round(2)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Run next round" })).toBeEnabled();
  await expect(page.getByTestId("control-error")).toHaveCount(0);

  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.candidates(2).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Stop" }).click();

  await expect(live.status).toHaveText("Stopped", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Resume to the end" })).toBeVisible();
  await expect(page.getByTestId("control-error")).toHaveCount(0);
  const stored = await (await page.request.get(`/api/sessions/${id}`)).json();
  expect(stored.status).toBe("stopped");
  expect(stored.rounds).toHaveLength(1);
});
