import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";
import { accessibilityViolations } from "./support/axe";

// Steering a running session from its page: a clinician in the counselor's seat, and step mode.

test("In the counselor's seat a clinician inserts a suggestion, edits it and sends it; the client answers it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const id = await live.createDraft(2);

  const settings = page.getByTestId("steering-settings");
  await settings.locator("summary").click();
  await settings.getByLabel("I play the counselor (the agents suggest)").check();
  await settings.getByRole("button", { name: "Save steering" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved: applies from the next round.");

  await page.getByRole("button", { name: "Run next round" }).click();
  const round = live.round(1);
  const editor = round.getByTestId("steer-counselor-text");
  await expect(editor).toBeVisible({ timeout: 45_000 });
  await expect(round.getByTestId("insert-suggestion")).toHaveCount(5);
  await expect(live.status).toHaveText("Waiting: your counselor turn");

  // The pause survives a reload, and the seat's editor with its suggestions passes axe in both themes.
  for (const theme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.reload();
    await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
    await expect(editor).toBeVisible();
    await expect(round.getByTestId("insert-suggestion")).toHaveCount(5);
    expect(await accessibilityViolations(page)).toEqual([]);
  }

  const reflection = round.locator('[data-testid="candidate-card"][data-technique="Reflection"]');
  await reflection.getByTestId("insert-suggestion").click();
  const suggestion = await editor.inputValue();
  expect(suggestion.length).toBeGreaterThan(10);
  await expect(reflection).toContainText(suggestion.slice(0, 40));
  const mine = `${suggestion} What would you like to focus on first today?`;
  await editor.fill(mine);
  await round.getByRole("button", { name: "Send to the client" }).click();

  await expect(round.getByTestId("client-reply")).not.toContainText("Waiting", { timeout: 45_000 });
  await expect(live.status).toHaveText("Paused", { timeout: 45_000 });
  await expect(round.getByTestId("fused-reply")).toContainText(
    "What would you like to focus on first today?",
  );

  const stored = await (await page.request.get(`/api/sessions/${id}`)).json();
  expect(stored.rounds[0].counselorReply).toBe(mine);
  const client = stored.agentCalls.find(
    (call: { role: string; roundIndex: number }) => call.role === "client" && call.roundIndex === 1,
  );
  expect(client?.status).toBe("succeeded");
  expect(stored.agentCalls.some((call: { role: string }) => call.role === "fuser")).toBe(false);

  await page.reload();
  const marks = live.round(1).getByTestId("steering-marks");
  await expect(marks).toContainText("A person held the counselor's seat");
  await expect(marks).toContainText("Counselor reply human-written");
  await expect(live.round(1).getByTestId("interventions")).toContainText("wrote the counselor's reply");
  await page.getByRole("tab", { name: "Transcript" }).click();
  await expect(page.getByTestId("transcript").getByTestId("turn-mark")).toHaveText(["written by a person"]);
});

test("Step mode after the selector: the chosen techniques are changed before fusion; a second answer is refused", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const id = await live.startPausedAt("selection");
  const pause = live.round(1).getByTestId("steer-selection");
  // The header and the Sessions list (another tab, polling) say the session waits for a person.
  await expect(live.status).toHaveText("Waiting: choose techniques");
  const list = await page.context().newPage();
  await list.goto("/sessions");
  const row = list
    .getByTestId("session-table")
    .locator("tr", { has: list.locator(`a[href="/sessions/${id}"]`) });
  await expect(row).toContainText("Waiting: choose techniques");
  // So does the client's profile page, in its list of the client's sessions.
  const profileHref = await page.getByRole("heading", { level: 1 }).getByRole("link").getAttribute("href");
  const profile = await page.context().newPage();
  await profile.goto(profileHref ?? "/profiles");
  await expect(profile.locator("li", { has: profile.locator(`a[href="/sessions/${id}"]`) })).toContainText(
    "Waiting: choose techniques",
  );
  await profile.close();
  // After a reload the header and the pause come from what is stored, before any live event: here
  // the live stream never answers.
  const stream = `**/api/sessions/${id}/stream`;
  await page.route(stream, (route) => route.abort());
  await page.reload();
  await expect(live.status).toHaveText("Waiting: choose techniques");
  await expect(pause).toBeVisible();
  await page.unroute(stream);
  await page.reload();
  await expect(live.round(1).getByTestId("fused-reply")).toContainText(
    "Waiting for your choice of techniques above",
  );
  expect(await accessibilityViolations(page)).toEqual([]);
  // Exactly one technique, and one the selector did not choose (it never names all five).
  const labels = ["Normalization", "Psycho-education", "Providing solutions", "Questioning", "Reflection"];
  const chosen: string[] = [];
  for (const name of labels) {
    const box = pause.getByLabel(name);
    if (await box.isChecked()) {
      chosen.push(name);
      await box.uncheck();
    }
  }
  const pick = labels.find((name) => !chosen.includes(name)) ?? labels[0];
  await pause.getByLabel(pick).check();
  await pause.getByRole("button", { name: "Fuse these techniques" }).click();
  await expect(pause).toHaveCount(0);
  await expect(live.status).toHaveText(/^(Running|Completed)$/);

  const again = await page.request.post(`/api/sessions/${id}/steer`, {
    data: { type: "continue", roundIndex: 1, point: "selection" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toMatch(/already answered round 1's technique selection/);

  await expect(live.status).toHaveText("Completed", { timeout: 45_000 });
  await expect(live.round(1).getByTestId("steering-marks")).toContainText("Selection overridden");
  await expect(row).toContainText("Completed");
  await expect(row).not.toContainText("Waiting");
  await list.close();
  await expect(live.round(1).getByTestId("selection")).toContainText(pick);
});

test("Regenerating one candidate of the last round marks the replies made from it stale; one click re-runs them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  await live.createDraft(2);
  await page.getByRole("button", { name: "Run next round" }).click();
  await expect(live.status).toHaveText("Paused", { timeout: 45_000 });

  const round = live.round(1);
  await round.getByRole("button", { name: "Regenerate the Reflection candidate" }).click();
  const stale = round.getByTestId("stale-outputs");
  await expect(stale).toContainText("Stale: counselor reply, client reply");
  await expect(round.getByTestId("stale-mark")).toHaveCount(2);

  await stale.getByRole("button", { name: "Re-run stale outputs" }).click();
  await expect(round.getByTestId("stale-outputs")).toHaveCount(0, { timeout: 45_000 });
  await expect(round.getByTestId("stale-mark")).toHaveCount(0);
  await page.reload();
  await expect(live.round(1).getByTestId("client-reply")).not.toContainText("Waiting");
  await expect(live.round(1).getByTestId("stale-outputs")).toHaveCount(0);
  await expect(live.round(1).getByTestId("interventions")).toContainText("regenerated the reflection output");
});

test("Paused after the fuser, a candidate is regenerated: the reply made from it is stale until re-run, then the round goes on", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  await live.startPausedAt("counselor");
  const round = live.round(1);
  const pause = round.getByTestId("steer-counselor");
  // The client has not answered yet: its reply is not offered.
  await expect(round.getByRole("button", { name: "Regenerate the client's reply" })).toHaveCount(0);

  await round.getByRole("button", { name: "Regenerate the Reflection candidate" }).click();
  const stale = round.getByTestId("stale-outputs");
  await expect(stale).toContainText("Stale: counselor reply", { timeout: 45_000 });
  await expect(round.getByTestId("interventions")).toContainText("regenerated the reflection output");
  await expect(pause).toBeVisible();
  // Opened again mid-round: the selection, the change (once) and the stale reply are all still shown.
  await page.reload();
  await expect(pause).toBeVisible();
  await expect(round.getByTestId("selection")).not.toContainText("choosing");
  await expect(round.getByTestId("stale-outputs")).toContainText("Stale: counselor reply");
  await expect(round.getByTestId("interventions").getByRole("listitem")).toHaveCount(1);

  await stale.getByRole("button", { name: "Re-run stale outputs" }).click();
  await expect(round.getByTestId("stale-outputs")).toHaveCount(0, { timeout: 45_000 });
  await expect(round.getByTestId("interventions")).toContainText("regenerated the counselor output");
  await expect(round.getByTestId("steer-counselor-text")).not.toHaveValue("");

  await pause.getByRole("button", { name: "Keep the fuser's reply" }).click();
  await expect(live.status).toHaveText("Completed", { timeout: 45_000 });
  await page.reload();
  const stored = live.round(1);
  await expect(stored.getByTestId("stale-outputs")).toHaveCount(0);
  await expect(stored.getByTestId("interventions").getByRole("listitem")).toHaveCount(2);
});
