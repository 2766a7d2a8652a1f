import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { RESULTS_CSV_COLUMNS } from "../lib/dashboard/csv";
import { sidewaysOverflow } from "./pages/app-menu";
import { accessibilityViolations } from "./support/axe";

interface Seeded {
  experimentId: string;
  name: string;
  sessions: { id: string; variant: string; attitude: string; client: string; negativeAfter: number }[];
}

/** An experiment seeded straight into the e2e studio's database (see support/seed-results.ts). */
function seedExperiment(): Seeded {
  const env = { ...process.env };
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  else env.STUDIO_DATA_DIR = process.env.E2E_DATA_DIR;
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/support/seed-results.ts"],
    { env, encoding: "utf8" },
  );
  return JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
}

let seeded: Seeded;
test.beforeAll(() => {
  seeded = seedExperiment();
});

test("a bar of the results dashboard opens its sessions, worst first, and each opens its page", async ({
  page,
}) => {
  await page.goto(`/experiments/${seeded.experimentId}/results`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Results: ${seeded.name}`);
  await expect(page.getByText("10 finished sessions compared")).toBeVisible();
  await page.getByRole("button", { name: "Negative", exact: true }).click();
  await expect(page).toHaveURL(/group=negative/);

  // The alliance chart: its first series is MAGneT; its bars are PANAS positive shift, PANAS
  // negative shift and EAD (WAI was not judged).
  const chart = page.getByRole("figure", { name: /Alliance, affect and diversity/ });
  await chart.locator(".recharts-bar").first().locator(".recharts-bar-rectangle").nth(1).click();
  await expect(page).toHaveURL(/metric=panas\.negative&variant=magnet/);
  const drillDown = page.getByTestId("drill-down");
  await expect(drillDown.getByRole("heading")).toContainText(
    "PANAS negative shift · MAGneT · Negative: 3 sessions, worst first (highest first)",
  );
  await expect(drillDown.getByRole("heading")).toBeFocused();
  const expected = seeded.sessions
    .filter((s) => s.variant === "magnet" && s.attitude === "negative")
    .sort((a, b) => b.negativeAfter - a.negativeAfter);
  const rows = drillDown.getByTestId("drill-down-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.locator("td:nth-child(3)")).toHaveText(
    expected.map((s) => (s.negativeAfter - 3).toFixed(2)),
  );
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("drill-down-title");

  // A reload keeps the drill-down; the worst session opens its page.
  await page.reload();
  await expect(rows).toHaveCount(3);
  await rows.first().getByRole("link").click();
  await expect(page).toHaveURL(`/sessions/${expected[0].id}`);
});

test("the results table opens drill-downs from the keyboard, lists the tests and downloads as CSV", async ({
  page,
}) => {
  await page.goto(`/experiments/${seeded.experimentId}/results`);
  const summary = page.getByTestId("summary-table");
  await summary.getByRole("button", { name: /^CTRS understanding, No selector: mean 3\.40/ }).press("Enter");
  await expect(page.getByTestId("drill-down").getByRole("heading")).toContainText(
    "CTRS understanding · No selector · All attitudes: 5 sessions, worst first (lowest first)",
  );
  const differences = page.getByTestId("difference-table");
  const ctrs = differences.locator("tr", { hasText: "CTRS understanding" });
  await expect(ctrs).toContainText("MAGneT − No selector");
  await expect(ctrs).toContainText("1.00 [1.00, 1.00]");
  await expect(ctrs).toContainText("Wilcoxon · 5 pairs");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download table (CSV)" }).click(),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(RESULTS_CSV_COLUMNS.join(","));
  expect(
    lines.some((line) =>
      line.startsWith("difference,negative,panas.negative,PANAS negative shift,magnet,no_selector,3,"),
    ),
  ).toBe(true);

  // The researcher's CTRS understanding (4 on each MAGneT session) against the judge's (4, 5, 4, 5, 4).
  const agreement = page.getByTestId("judge-agreement-table").locator("tbody tr");
  await expect(agreement).toHaveCount(1);
  await expect(agreement.locator("td")).toHaveText(["CTRS: Understanding", "4.00", "4.40", "5", /./, "0.40"]);

  // The drill-down's way to the Sessions list keeps the experiment as a filter.
  await page.getByRole("link", { name: "Open in Sessions" }).click();
  await expect(page).toHaveURL(/\/sessions\?experiment=.*&variant=no_selector/);
  await expect(page.getByTestId("experiment-filter")).toBeVisible();
  await expect(page.getByTestId("session-table").locator("tbody tr")).toHaveCount(5);
});

for (const theme of ["light", "dark"] as const) {
  test(`the results page passes axe in the ${theme} theme and fits a phone`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/experiments/${seeded.experimentId}/results?group=negative&metric=ctrs&variant=magnet`);
    await expect(page.getByTestId("drill-down-table")).toBeVisible();
    await expect(
      page.getByTestId("metric-chart").first().locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
  });
}

test("an unknown experiment's results are a 404 page", async ({ page }) => {
  const response = await page.goto("/experiments/cunknown000000000000000000/results");
  expect(response?.status()).toBe(404);
});
