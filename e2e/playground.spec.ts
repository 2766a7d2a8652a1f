import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// The playground from the inspector: a stored call's inputs with an edited template, three samples
// streaming beside the original, and the session left as it was.

test("Open a call in the playground, edit its template, run 3 samples: they stream and finish; the session is unchanged", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const sessionId = await live.createDraft(1);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText(/Completed|Ended by client/, { timeout: 60_000 });
  const before = await (await page.request.get(`/api/sessions/${sessionId}`)).json();

  await live.round(1).getByRole("button", { name: "Inspect the counselor call" }).click();
  const inspector = page.getByTestId("call-inspector");
  await inspector.getByTestId("inspector-playground").click();
  await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
  await expect(page.getByTestId("playground-inputs")).toContainText("{{candidates}}");
  await expect(page.getByTestId("playground-original")).toContainText(before.rounds[0].counselorReply);

  const template = page.getByTestId("playground-template");
  await template.fill(`${await template.inputValue()}\nEnd with a short question.`);
  await page.getByTestId("playground-sample-count").fill("3");
  await page.getByTestId("playground-run").click();

  const samples = page.getByTestId("playground-sample");
  await expect(samples).toHaveCount(3);
  await expect(samples.first()).toHaveAttribute("data-status", "running");
  for (const sample of await samples.all()) {
    await expect(sample).toHaveAttribute("data-status", "finished", { timeout: 30_000 });
    expect((await sample.textContent())?.length ?? 0).toBeGreaterThan(40);
  }
  await expect(page.getByRole("status").filter({ hasText: "3 of 3 samples finished" })).toBeAttached();

  const after = await (await page.request.get(`/api/sessions/${sessionId}`)).json();
  expect(after).toEqual(before);
});

test("Save as new version refuses a template with an unknown variable, naming it", async ({ page }) => {
  const live = new LiveSessionPage(page);
  const sessionId = await live.createDraft(1);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText(/Completed|Ended by client/, { timeout: 60_000 });
  const session = await (await page.request.get(`/api/sessions/${sessionId}`)).json();
  const fuser = session.agentCalls.find((c: { role: string }) => c.role === "fuser");

  await page.goto(`/playground/${fuser.id}`);
  const template = page.getByTestId("playground-template");
  await template.fill(`${await template.inputValue()}\n{{mood}}`);
  await page.getByTestId("save-version").click();
  await expect(page.getByTestId("save-version-error")).toContainText("{{mood}}");
});
