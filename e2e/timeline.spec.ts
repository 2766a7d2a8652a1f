import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// The round waterfall: live bars while the round runs, every call of the round once it is stored, the
// critical path marked, and a bar opens the inspector.

test("the round timeline grows live, then shows all eight calls with the critical path", async ({ page }) => {
  test.setTimeout(90_000);
  const live = new LiveSessionPage(page);
  await live.createDraft(1);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.round(1)).toBeVisible({ timeout: 20_000 });
  await live.round(1).getByTestId("timeline-toggle").click();
  const bars = live.round(1).getByTestId("timeline-bar");
  await expect(bars.and(page.locator('[aria-label*="running"]')).first()).toBeVisible();

  await expect(live.status).toHaveText("Completed", { timeout: 60_000 });
  // Five specialists, the selector, the fuser and the client.
  await expect(bars).toHaveCount(8);
  await expect(bars.and(page.locator('[aria-label*="running"]'))).toHaveCount(0);
  const critical = bars.and(page.locator("[data-critical]"));
  expect(await critical.count()).toBeGreaterThanOrEqual(3);
  await expect(
    live.round(1).getByRole("button", { name: /Inspect the Simulated client call.*critical path/ }),
  ).toBeVisible();

  await live
    .round(1)
    .getByRole("button", { name: /Inspect the Response generator call/ })
    .click();
  await expect(page.getByTestId("call-inspector")).toBeVisible();
  await expect(page.getByTestId("inspector-prompt-version")).toHaveAttribute(
    "href",
    /\/prompts\?role=fuser&version=\d+/,
  );
});
