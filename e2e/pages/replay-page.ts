import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** Makes a completed magnet session of `rounds` rounds on the offline simulator, through the API. */
export async function completedSession(request: APIRequestContext, rounds: number): Promise<string> {
  const profiles = await (await request.get("/api/profiles?source=sample&pageSize=1")).json();
  const created = await request.post("/api/sessions", {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: rounds },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect((await request.post(`/api/sessions/${id}/run`, { data: { mode: "to-end" } })).status()).toBe(202);
  await expect
    .poll(async () => (await (await request.get(`/api/sessions/${id}`)).json()).status, { timeout: 45_000 })
    .toMatch(/completed|ended_by_client/);
  return id;
}

/** `POST /api/sessions/{id}/share`: the replay URL. */
export async function shareSession(
  request: APIRequestContext,
  sessionId: string,
  body: { expiresInHours?: number } = {},
): Promise<string> {
  const response = await request.post(`/api/sessions/${sessionId}/share`, { data: body });
  expect(response.status()).toBe(201);
  const { url } = await response.json();
  expect(url).toMatch(/\/replay\/[A-Za-z0-9_-]{43}$/);
  return url;
}

export class ReplayPage {
  constructor(readonly page: Page) {}

  async open(url: string) {
    const response = await this.page.goto(url);
    await expect(this.page.getByTestId("replay")).toBeVisible();
    return response;
  }

  speed(value: "1" | "2" | "4" | "instant") {
    return this.page.getByTestId(`replay-speed-${value}`);
  }

  async setSpeed(value: "1" | "2" | "4" | "instant") {
    await this.speed(value).check({ force: true });
  }

  get playButton() {
    return this.page.getByTestId("replay-play");
  }

  get ended() {
    return this.page.getByTestId("replay-ended");
  }

  get invalid() {
    return this.page.getByTestId("replay-invalid");
  }

  node(role: string) {
    return this.page.getByTestId("pipeline-diagram").locator(`[data-role="${role}"]`);
  }

  round(index: number) {
    return this.page.locator(`#round-${index}`);
  }

  async jumpTo(index: number) {
    await this.page.getByTestId("replay-jump").selectOption(String(index));
  }
}
