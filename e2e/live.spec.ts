import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

test.describe.configure({ mode: "serial" });

/** Strictly increasing steps in a series of samples. */
function growthSteps(lengths: number[]): number {
  return lengths.filter((length, i) => i > 0 && length > lengths[i - 1]).length;
}

test("a magnet session streams its plan, five candidates, the selection and both replies", async ({
  page,
}, testInfo) => {
  const live = new LiveSessionPage(page);
  const id = await live.createWithForm("Okafor", 2);
  await page.getByRole("button", { name: "Run next round" }).click();

  await expect(page.getByTestId("plan-technique")).not.toHaveText("Planning…", { timeout: 20_000 });
  await expect(live.candidates(1)).toHaveCount(5);
  const lengths = await live.sampleCandidateLengths(1);
  expect(
    growthSteps(lengths),
    `candidate text lengths over time: ${lengths.join(",")}`,
  ).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: testInfo.outputPath("running-round.png"), fullPage: true });

  await expect(live.round(1).locator('[data-choice="selected"]').first()).toBeVisible();
  await expect(live.round(1).locator('[data-choice="unselected"]').first()).toBeVisible();
  // The selector's reason is a sentence of its own, not a dash left dangling at a line start.
  await expect(live.round(1).getByTestId("selection-rationale")).toHaveText(/^[^—\s]/);
  await expect(live.round(1).getByTestId("fused-reply")).not.toContainText("Waiting");
  await expect(live.round(1).getByTestId("client-reply")).not.toContainText("Waiting", { timeout: 20_000 });
  await expect(live.status).toHaveText("Paused");
  await expect(live.round(1).getByText("Stored")).toBeVisible();
  // Screen readers hear the session's and the round's status, politely, and not the streamed text.
  const announcer = page.getByRole("status").filter({ hasText: /^Session / });
  await expect(announcer).toHaveText("Session paused. Round 1 stored.");

  // Provenance: a sentence of the fused reply marks the candidate passages it drew on.
  await live.round(1).getByTestId("fused-sentence").first().hover();
  await expect(live.round(1).getByTestId("provenance-mark").first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("completed-round.png"), fullPage: true });

  const stored = await (await page.request.get(`/api/sessions/${id}`)).json();
  expect(stored.rounds).toHaveLength(1);
  expect(stored.agentCalls.length).toBeGreaterThanOrEqual(9);
});

test("reloading mid-round shows what is done at once and the rest keeps arriving; two tabs agree", async ({
  page,
  context,
}) => {
  const live = new LiveSessionPage(page);
  const id = await live.createDraft(3);
  await page.getByRole("button", { name: "Run to the end" }).click();
  await expect(live.round(1).locator('[data-status="succeeded"]').first()).toBeVisible({ timeout: 20_000 });

  await page.reload();
  await expect(live.round(1).locator('[data-status="succeeded"]').first()).toBeVisible({ timeout: 2_000 });
  await expect(live.status).toHaveText("Running");
  const second = new LiveSessionPage(await context.newPage());
  await second.open(id);
  await expect(live.round(2).getByTestId("candidate-card").first()).toBeVisible({ timeout: 30_000 });
  await expect(second.round(2).getByTestId("candidate-card").first()).toBeVisible({ timeout: 5_000 });
  await expect
    .poll(async () => (await second.round(1).getByTestId("fused-reply").textContent()) ?? "")
    .toBe((await live.round(1).getByTestId("fused-reply").textContent()) ?? "");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(live.status).toHaveText("Stopped", { timeout: 20_000 });
});

test("a second start while a run is going gets 409 with a clear message", async ({ page }) => {
  const live = new LiveSessionPage(page);
  const id = await live.createDraft(3);
  const first = await page.request.post(`/api/sessions/${id}/run`, { data: { mode: "to-end" } });
  expect(first.status()).toBe(202);
  const second = await page.request.post(`/api/sessions/${id}/run`, { data: { mode: "to-end" } });
  expect(second.status()).toBe(409);
  expect((await second.json()).error.message).toMatch(/already running/i);
  await page.request.post(`/api/sessions/${id}/stop`);
});

test("the inspect panel shows the exact prompt, with the client's last words", async ({ page }) => {
  const live = new LiveSessionPage(page);
  await live.createDraft(1);
  await page.getByRole("button", { name: "Run next round" }).click();
  const reflection = live.candidates(1).filter({ has: page.getByText("Reflection", { exact: true }) });
  await expect(reflection).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
  const opening = (await page.locator('[data-speaker="client"]').first().textContent()) ?? "";
  await reflection.getByRole("button", { name: "Inspect the Reflection call" }).click();
  const inspector = page.getByTestId("call-inspector");
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId("inspector-prompt")).toContainText(opening.trim().slice(0, 40));
  await page.keyboard.press("Escape");
  await expect(inspector).toBeHidden();
});

test("a session run by the CLI in another process streams into an open page", async ({ page }) => {
  const profiles = await (await page.request.get("/api/profiles?source=sample&pageSize=1")).json();
  const before = await (await page.request.get("/api/sessions?source=generated&pageSize=1")).json();
  const cli = spawn(
    "npm",
    [
      "run",
      "generate",
      "--",
      "--variant",
      "magnet",
      "--profiles",
      profiles.items[0].id,
      "--limit",
      "1",
      "--rounds",
      "2",
    ],
    { env: { ...process.env, ...cliDatabaseEnv() }, stdio: "pipe" },
  );
  let output = "";
  cli.stdout?.on("data", (chunk) => (output += chunk));
  cli.stderr?.on("data", (chunk) => (output += chunk));
  try {
    let id = "";
    await expect
      .poll(
        async () => {
          const latest = await (await page.request.get("/api/sessions?source=generated&pageSize=1")).json();
          id = latest.total > before.total ? latest.items[0].id : "";
          return id;
        },
        { timeout: 30_000, message: `no session from the CLI; its output:\n${output}` },
      )
      .not.toBe("");
    const live = new LiveSessionPage(page);
    await live.open(id);
    await expect(live.candidates(1).first()).toBeVisible({ timeout: 20_000 });
    await expect(live.round(2).getByTestId("fused-reply")).not.toContainText("Waiting", { timeout: 40_000 });
    await expect(live.status).toHaveText("Completed", { timeout: 20_000 });
  } finally {
    cli.kill("SIGINT");
  }
});

/** The CLI reaches the e2e server's database as the server does. */
function cliDatabaseEnv(): Record<string, string> {
  if (process.env.E2E_DATABASE_URL) return { DATABASE_URL: process.env.E2E_DATABASE_URL };
  return { STUDIO_DATA_DIR: process.env.E2E_DATA_DIR ?? "" };
}
