import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "@/lib/testing/fake-openai-server";
import { LiveSessionPage } from "./pages/live-session-page";
import { printedCredentials, signIn } from "./support/sign-in";
import { type StudioProcess, startStudio } from "./support/studio-process";

// A second studio whose provider is an OpenAI-compatible server (the fake) that answers 500: the
// researcher sees the failure in the page and retries it from there once the provider is back.

let fake: FakeOpenAIServer;
let studio: StudioProcess;
const dataDir = mkdtempSync(path.join(tmpdir(), "magnet-e2e-provider-"));

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fake = await startFakeOpenAIServer({ faults: [{ fault: "server-error", probability: 1 }] });
  studio = await startStudio({
    dataDir,
    port: 4700 + Math.floor(Math.random() * 200),
    env: { LLM_BASE_URL: fake.baseURL, DEFAULT_MODEL: "fake-model" },
  });
});

test.afterAll(async () => {
  await studio?.stop();
  await fake?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test("a provider answering 500 shows the failure in the page, and its Retry plays the round once it is back", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, studio.url, printedCredentials(studio.output()));
  const profiles = await (await page.request.get(`${studio.url}/api/profiles?pageSize=1`)).json();
  const created = await page.request.post(`${studio.url}/api/sessions`, {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 2 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  const live = new LiveSessionPage(page);
  await page.goto(`${studio.url}/sessions/${id}`);
  await page.getByRole("button", { name: "Run next round" }).click();

  // Every attempt fails (the engine retries 5xx with backoff), then the session fails.
  await expect(live.status).toHaveText("Failed", { timeout: 40_000 });
  await expect(page.getByTestId("plan-technique")).toHaveText("The planner failed");
  const failure = page.getByTestId("plan").getByRole("alert");
  await expect(failure).toContainText(/500|server had an error/i);
  expect(fake.requests.filter((r) => r.status === 500).length).toBeGreaterThanOrEqual(2);

  fake.setBehaviour({ faults: [] });
  await failure.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("plan-technique")).not.toHaveText(/Planning…|The planner failed/, {
    timeout: 30_000,
  });
  await expect(live.round(1).getByTestId("client-reply")).not.toContainText("Waiting", { timeout: 30_000 });
  await expect(live.status).toHaveText("Paused", { timeout: 20_000 });
});
