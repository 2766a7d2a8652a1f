import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// A follow-up session: session 2 for the same client starts from a summary of session 1, which a
// researcher edits before it starts; its agents get the edited summary.

test("Start session 2 for the client, edit the summary, run it: the planner was given the edited summary", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const firstId = await live.createDraft(1);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText(/Completed|Ended by client/, { timeout: 60_000 });
  await page.reload();

  await page.getByTestId("start-follow-up").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/(?!${firstId})[^/]+$`));
  await expect(page.getByTestId("course-line")).toHaveText("Session 2 of 2 for this client");
  const summary = page.getByTestId("summary-text");
  await expect(summary).not.toHaveValue("");
  const edited =
    "Session 1: the client spoke about guilt after a late medication round; we began to test that belief.";
  await summary.fill(edited);
  await page.getByTestId("save-summary").click();
  await expect(page.getByText("Edited by a researcher")).toBeVisible();

  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText(/Completed|Ended by client/, { timeout: 60_000 });
  const secondId = page.url().split("/").pop() ?? "";
  const second = await (await page.request.get(`/api/sessions/${secondId}`)).json();
  const planner = second.agentCalls.find((c: { role: string }) => c.role === "planner");
  const prompt = await (await page.request.get(`/api/agent-calls/${planner.id}`)).json();
  expect(JSON.stringify(prompt.promptMessages)).toContain(edited);

  await page.goto(`/sessions/${firstId}`);
  await expect(page.getByTestId("course-line")).toHaveText("Session 1 of 2 for this client");
  await page
    .getByRole("link", { name: second.profile?.name ?? /./ })
    .first()
    .click();
  await expect(page.getByTestId("course-list")).toBeVisible();
});
