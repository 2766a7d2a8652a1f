import { expect, test } from "@playwright/test";
import { createFourSessionExperiment, waitForExperimentDone } from "./pages/experiment-pages";

// An experiment created in the UI is run by the studio's own worker: its progress bar fills up to
// done and its sessions open from its page.

test("create an experiment of 4 short sessions, watch it reach done, open one of its sessions", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = `E2E experiment ${Date.now()}`;
  await createFourSessionExperiment(page, name);
  await waitForExperimentDone(page, name, 4);
  await expect(page.getByTestId("experiment-counts")).toContainText("Free (offline simulator)");
  await expect(page.getByRole("link", { name: "← Experiments" })).toHaveAttribute("href", "/experiments");
  await expect(page.getByRole("link", { name: "Results" })).toHaveAttribute(
    "href",
    /\/experiments\/.+\/results$/,
  );

  const sessions = page.getByTestId("experiment-sessions").locator("tbody tr");
  await expect(sessions).toHaveCount(4);
  await expect(sessions.filter({ hasText: "No selector" })).toHaveCount(2);
  await expect(sessions.filter({ hasText: /Completed|Ended by client/ })).toHaveCount(4);
  // No model was an axis: the Models column says so in words, and where those models are set.
  const models = page.getByTestId("experiment-sessions").getByText("Studio defaults", { exact: true });
  await expect(models).toHaveCount(4);
  await expect(models.first()).toHaveAttribute("title", /Settings page/);
  await expect(
    page.getByTestId("experiment-sessions").getByRole("cell", { name: "default", exact: true }),
  ).toHaveCount(0);

  await sessions.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto("/experiments");
  await expect(page.getByTestId("experiment-list").getByText(name)).toBeVisible();
});

test("the New experiment form names the evaluations by their scales", async ({ page }) => {
  await page.goto("/experiments/new");
  await expect(page.getByTestId("planned-sessions")).toHaveText(
    /^Creates \d+ sessions: \d+ profiles × 1 variant/,
  );
  await expect(page.getByLabel("Technique selector")).toBeVisible();
  await page.getByRole("checkbox", { name: "MAGneT", exact: true }).uncheck();
  await expect(page.getByTestId("planned-sessions")).toContainText("Choose at least one variant");
  const evaluations = page.getByRole("group", { name: "Evaluate after generation" });
  await expect(evaluations.getByRole("checkbox")).toHaveCount(4);
  for (const name of [
    "CTRS (therapy quality)",
    "WAI (working alliance)",
    "PANAS (client affect)",
    "Diversity",
  ]) {
    await expect(evaluations.getByRole("checkbox", { name })).toBeVisible();
  }
});
