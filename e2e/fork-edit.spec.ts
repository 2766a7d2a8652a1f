import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// Forking with changes: the counselor's reply of the next round written by a person, which the client
// answers in the fork; the parent stays as it was.

test("Fork with changes: write the next counselor reply; the fork shows it, the client answered it, the parent is unchanged", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const live = new LiveSessionPage(page);
  const parentId = await live.createDraft(2);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.status).toHaveText(/Completed|Ended by client/, { timeout: 60_000 });
  const before = await (await page.request.get(`/api/sessions/${parentId}`)).json();

  await live.round(1).getByTestId("fork-with-changes").click();
  await expect(page.getByRole("heading", { level: 1, name: "Fork with changes" })).toBeVisible();
  // Agents and prompts by the names the rest of the studio uses, not their keys.
  await expect(page.getByLabel("Prompt: Reflection specialist")).toBeVisible();
  await expect(page.getByLabel("Prompt: Response generator")).toBeVisible();
  await page.getByLabel("Write the counselor's reply of round 2 (the client answers it)").check();
  const edited = "Let us slow down: what would a good week look like for you?";
  await page.getByTestId("fork-edit-text").fill(edited);
  await page.getByTestId("fork-submit").click();

  await expect(page).toHaveURL(new RegExp(`/sessions/(?!${parentId})[^/]+$`));
  await expect(live.round(2)).toContainText(edited);
  const forkId = page.url().split("/").pop() ?? "";
  const fork = await (await page.request.get(`/api/sessions/${forkId}`)).json();
  const client = fork.agentCalls.find(
    (c: { role: string; roundIndex: number }) => c.role === "client" && c.roundIndex === 2,
  );
  const prompt = await (await page.request.get(`/api/agent-calls/${client.id}`)).json();
  expect(JSON.stringify(prompt.promptMessages)).toContain(edited);

  const after = await (await page.request.get(`/api/sessions/${parentId}`)).json();
  expect(after).toEqual(before);
});
