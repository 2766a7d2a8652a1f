import { expect, test } from "@playwright/test";
import { createFourSessionExperiment, waitForExperimentDone } from "./pages/experiment-pages";

// The whole way a researcher takes: an experiment made in the UI and run by the studio's worker, its
// results dashboard, and a bar of it back to the sessions it stands for.

test("an experiment of 4 short sessions reaches done, its results open, and a bar opens its sessions", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = `E2E results ${Date.now()}`;
  await createFourSessionExperiment(page, name);
  await waitForExperimentDone(page, name, 4);

  await page.getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results: ${name}`);
  await expect(page.getByText("4 finished sessions compared")).toBeVisible();
  // No evaluation was asked for: no judged chart, but the session length is there for every session.
  await expect(page.getByRole("figure", { name: /CTRS per item/ })).toHaveCount(0);
  const length = page.getByRole("figure", { name: "Session length: mean per variant" });
  await expect(length).toBeVisible();
  // Nobody annotated these sessions: the judge-vs-human section says so rather than showing a table.
  await expect(page.getByTestId("judge-agreement-empty")).toContainText(
    "No session of this experiment has both a clinician's session form and judge scores yet.",
  );

  // The first series is MAGneT; its one bar is the rounds per session.
  await length.locator(".recharts-bar").first().locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/metric=rounds&variant=magnet/);
  const drillDown = page.getByTestId("drill-down");
  await expect(drillDown.getByRole("heading")).toHaveText(
    "Rounds · MAGneT · All attitudes: 2 sessions, worst first (highest first)",
  );
  const rows = drillDown.getByTestId("drill-down-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.locator("td:nth-child(2)")).toHaveText(["negative", "negative"]);
  await expect(rows.locator("td:nth-child(3)")).toHaveText(["1.0", "1.0"]);

  // Its sessions in the Sessions list, still filtered to this experiment and variant.
  await drillDown.getByRole("link", { name: "Open in Sessions" }).click();
  await expect(page).toHaveURL(/\/sessions\?experiment=.*&variant=magnet/);
  await expect(page.getByTestId("experiment-filter")).toBeVisible();
  const listed = page.getByTestId("session-table").locator("tbody tr");
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: "No selector" })).toHaveCount(0);

  // And one of them opens its page.
  await listed.first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/sessions\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
