import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

test("a departure from the paper chosen in the form is frozen into the session and shown in its header", async ({
  page,
}) => {
  const live = new LiveSessionPage(page);
  // The published method: no departure badge.
  const paperId = await live.createDraft(2);
  await expect(page.getByTestId("departure")).toHaveCount(0);
  const paper = await (await page.request.get(`/api/sessions/${paperId}`)).json();
  expect(paper.config.switches).toEqual({ fuseSelectedOnly: false, shortAnswers: false });

  await page.goto("/sessions/new");
  await page.getByPlaceholder("Search by name or problem…").fill("Okafor");
  const picker = page.getByTestId("profile-picker");
  await expect(picker.locator("option:not([hidden])")).not.toHaveCount(0);
  await picker.selectOption({ index: 1 });
  await page.getByLabel("Rounds after the opening exchange").fill("3");
  const switches = page.getByTestId("method-switches");
  await switches.getByLabel(/Fuse only the candidates the selector chose/).check();
  await switches.getByLabel(/Client may not end before round/).fill("2");
  await page.getByLabel("Start generating right away").uncheck();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/(?!new)[^/]+$/);

  await expect(page.getByTestId("departure")).toHaveText([
    "Fuses only the chosen candidates",
    "Client may not end before round 2",
  ]);
  const id = page.url().split("/").pop() ?? "";
  const stored = await (await page.request.get(`/api/sessions/${id}`)).json();
  expect(stored.config).toMatchObject({
    minRoundsBeforeEnd: 2,
    switches: { fuseSelectedOnly: true, shortAnswers: false },
  });
});
