import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** Every page of the studio, by a name for test titles; sessions and profiles are found at run time. */
export interface StudioPage {
  name: string;
  path: string;
}

export const FIXED_PAGES: StudioPage[] = [
  { name: "sessions", path: "/sessions" },
  { name: "new session", path: "/sessions/new" },
  { name: "diversity", path: "/sessions/diversity" },
  { name: "profiles", path: "/profiles" },
  { name: "prompts", path: "/prompts" },
  { name: "experiments", path: "/experiments" },
  { name: "new experiment", path: "/experiments/new" },
  { name: "annotate", path: "/annotate" },
  { name: "settings", path: "/settings" },
  { name: "account", path: "/account" },
  { name: "users", path: "/users" },
];

/**
 * The pages that show data: a profile, an imported session and a session generated here by the
 * offline simulator (one round, run to its end through the API), an experiment and its results, a fork of it after round 1 (run to
 * round 2), the two branches compared, the session's share link's replay, a replay link that is
 * no longer valid, the playground of the session's response generator call, its fork form and its follow-up session
 * (a draft, its summary editable).
 */
export async function dataPages(request: APIRequestContext): Promise<StudioPage[]> {
  const profiles = await (await request.get("/api/profiles?source=sample&pageSize=1")).json();
  const imported = await (await request.get("/api/sessions?source=imported&pageSize=1")).json();
  const created = await request.post("/api/sessions", {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await request.post(`/api/sessions/${id}/run`, { data: { mode: "to-end" } })).status()).toBe(202);
  await expect
    .poll(async () => (await (await request.get(`/api/sessions/${id}`)).json()).status, { timeout: 45_000 })
    .toMatch(/completed|ended_by_client/);
  const fork = await request.post(`/api/sessions/${id}/fork`, { data: { round: 1, maxRounds: 2 } });
  expect(fork.status()).toBe(201);
  const forkId = (await fork.json()).id;
  expect((await request.post(`/api/sessions/${forkId}/run`, { data: { mode: "to-end" } })).status()).toBe(
    202,
  );
  await expect
    .poll(async () => (await (await request.get(`/api/sessions/${forkId}`)).json()).status, {
      timeout: 45_000,
    })
    .toMatch(/completed|ended_by_client/);
  const shared = await request.post(`/api/sessions/${id}/share`, { data: {} });
  expect(shared.status()).toBe(201);
  const replay = new URL((await shared.json()).url).pathname;
  const queueId = await createAnnotationQueue(request, "Pages check");
  const experiment = await request.post("/api/experiments", {
    data: { name: "pages", variants: ["magnet"], profiles: [profiles.items[0].id], rounds: 1 },
  });
  expect(experiment.status()).toBe(201);
  const experimentId = (await experiment.json()).id;
  const generated = await (await request.get(`/api/sessions/${id}`)).json();
  const fuser = generated.agentCalls.find((call: { role: string }) => call.role === "fuser");
  const followUp = await request.post(`/api/sessions/${id}/follow-up`, { data: {} });
  expect(followUp.status()).toBe(201);
  const followUpId = (await followUp.json()).id;
  return [
    { name: "annotation queue", path: `/annotate/${queueId}` },
    { name: "annotation queue assignments", path: `/annotate/${queueId}/queue` },
    { name: "annotation agreement", path: `/annotate/${queueId}/agreement` },
    { name: "pairwise preferences", path: `/annotate/${queueId}/pairs` },
    { name: "experiment", path: `/experiments/${experimentId}` },
    { name: "experiment results", path: `/experiments/${experimentId}/results` },
    { name: "forked session", path: `/sessions/${forkId}` },
    { name: "compare branches", path: `/sessions/${forkId}/compare?with=${id}` },
    { name: "profile detail", path: `/profiles/${profiles.items[0].id}` },
    { name: "imported session", path: `/sessions/${imported.items[0].id}` },
    { name: "generated session", path: `/sessions/${id}` },
    { name: "replay", path: replay },
    { name: "playground", path: `/playground/${fuser.id}` },
    { name: "fork with changes", path: `/sessions/${id}/fork?round=1` },
    { name: "follow-up session", path: `/sessions/${followUpId}` },
    { name: "invalid replay link", path: `/replay/${"x".repeat(43)}` },
  ];
}

/** Opens a page and waits until it has its content (lists loaded, every round rendered). */
export async function openStudioPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText(/^Loading /)).toHaveCount(0);
}

/** A queue of the oldest imported session, assigned to the signed-in researcher; returns its id. */
export async function createAnnotationQueue(request: APIRequestContext, name: string): Promise<string> {
  const users = await (await request.get("/api/users")).json();
  const me = users.items.find((u: { email: string }) => u.email === "e2e-researcher@studio.local");
  const created = await request.post("/api/annotation-queues", {
    data: { name, filter: { source: "imported" }, limit: 1, annotatorIds: [me.id], overlap: 1 },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}
