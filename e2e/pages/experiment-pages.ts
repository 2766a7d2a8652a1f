import { expect, type Page } from "@playwright/test";

/**
 * Creates, in the New experiment form, MAGneT and No selector on the first two negative clients for
 * one round: 4 short sessions the studio's own worker runs. Lands on the experiment's page.
 */
export async function createFourSessionExperiment(page: Page, name: string): Promise<void> {
  await page.goto("/experiments");
  await page.getByTestId("new-experiment").click();
  await expect(page.getByRole("heading", { level: 1, name: "New experiment" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  // MAGneT is checked already; with No selector that is 2 variants × 2 negative clients.
  await page.getByRole("checkbox", { name: "No selector", exact: true }).check();
  await page.getByRole("checkbox", { name: "negative" }).check();
  await page.getByLabel("Profiles per attitude (empty: all)").fill("2");
  await page.getByLabel("Rounds per session").fill("1");
  await expect(page.getByTestId("planned-sessions")).toHaveText(
    "Creates 4 sessions: 2 profiles × 2 variants × 1 model arm × 1 repeat.",
  );
  await page.getByRole("button", { name: "Create and queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Watches the experiment page's progress bar fill up to all of its sessions. */
export async function waitForExperimentDone(page: Page, name: string, sessions: number): Promise<void> {
  const progress = page.getByRole("progressbar", { name: `Sessions finished in ${name}` });
  await expect(progress).toHaveAttribute("aria-valuemax", String(sessions));
  await expect(progress).toHaveAttribute("aria-valuenow", String(sessions), { timeout: 150_000 });
  await expect(page.getByText("Done", { exact: true }).first()).toBeVisible();
}
