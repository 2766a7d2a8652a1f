import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CSV_COLUMNS } from "../lib/export/csv";
import { LiveSessionPage } from "./pages/live-session-page";
import { SessionPage } from "./pages/session-page";
import { accessibilityViolations } from "./support/axe";

test("an imported session is judged from its page, item by item with reasons, labelled simulated", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const session = new SessionPage(page);
  await session.openFirstImported();
  const panel = page.getByTestId("evaluation-panel");
  await expect(panel).toContainText("Not judged yet");
  await panel.getByRole("button", { name: "Judge this session" }).click();
  // The judge's answers stream in while it works, like the agents' calls.
  const progress = panel.getByTestId("judge-progress");
  await expect(progress).toContainText(/\d+ judge calls answered · \d+ writing/);
  await expect(progress.getByRole("listitem").first()).toContainText(/CTRS|WAI|PANAS/);
  const ctrs = panel.getByTestId("scale-ctrs");
  await expect(ctrs).toBeVisible({ timeout: 90_000 });
  await expect(panel).toContainText("Simulated scores");
  await expect(ctrs.locator("details")).toHaveCount(6);
  await expect(panel.getByTestId("scale-wai").locator("details")).toHaveCount(12);
  await expect(panel.getByTestId("scale-panas").getByTestId("panas-feeling")).toHaveCount(20);
  await expect(panel.getByTestId("scale-wai")).toContainText("items 4 and 10 reversed");
  await ctrs.getByText("Understanding", { exact: true }).click();
  await expect(ctrs.getByText(/Run 3: \d — Simulated judgement of understanding/)).toBeVisible();
  await expect(panel.getByRole("button", { name: "Judge again" })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("the Sessions list downloads the filtered sessions as a CSV, one row per round", async ({ page }) => {
  await page.goto("/sessions?source=imported&variant=magnet");
  const exporter = page.getByTestId("export-download");
  await exporter.getByLabel("Export format").selectOption("csv");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exporter.getByRole("link", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^magnet-sessions-.*\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  expect(text.startsWith(CSV_COLUMNS.join(","))).toBe(true);
  let rows = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "\n") rows++;
  }
  expect(rows - 1).toBe(8000);
});

test("a researcher measures the diversity of the filtered sessions from the Sessions list", async ({
  page,
}) => {
  await page.goto("/sessions?source=imported&variant=magnet&attitude=negative");
  await page.getByRole("link", { name: "Diversity of these sessions" }).click();
  await expect(page).toHaveURL(/\/sessions\/diversity\?variant=magnet&attitude=negative&source=imported/);
  await expect(page.getByLabel("Variant")).toHaveValue("magnet");
  await page.getByLabel("At most this many sessions").fill("5");
  await page.getByRole("button", { name: "Measure diversity" }).click();
  await expect(page.getByRole("status")).toContainText("Measured 5 session(s)");
  const set = page.getByTestId("diversity-set").first();
  await expect(set).toContainText("MAGneT · negative attitude · imported · first 5");
  await expect(set).toContainText("words");
  // EAD with the Llama-3 vocabulary on the first row, none for the word split.
  await expect(set.getByRole("row").first().getByRole("cell").last()).toHaveText(/^0\.\d{4}$/);
  await expect(set.getByRole("row").last().getByRole("cell").last()).toHaveText("—");
  await page.getByLabel("Source").selectOption("generated");
  await page.getByLabel("Variant").selectOption("psych8k_baseline");
  await page.getByRole("button", { name: "Measure diversity" }).click();
  await expect(page.getByRole("status")).toContainText("No session with rounds matches these filters");
  expect(await accessibilityViolations(page)).toEqual([]);
});

test("judging a session with no rounds yet says that nothing was judged and why", async ({ page }) => {
  const live = new LiveSessionPage(page);
  await live.createDraft(2);
  const panel = page.getByTestId("evaluation-panel");
  await panel.getByRole("button", { name: "Judge this session" }).click();
  await expect(panel.getByTestId("nothing-judged")).toHaveText(
    /Nothing was judged: .* has none yet\. Run a round first/,
  );
  await expect(panel).toContainText("Not judged yet");
});
