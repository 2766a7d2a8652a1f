import { expect, type Page } from "@playwright/test";

export class LiveSessionPage {
  constructor(private readonly page: Page) {}

  /** Creates a draft magnet session for the first sample profile through the API and opens it. */
  async createDraft(maxRounds = 3): Promise<string> {
    const profiles = await (await this.page.request.get("/api/profiles?source=sample&pageSize=1")).json();
    const response = await this.page.request.post("/api/sessions", {
      data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds },
    });
    expect(response.status()).toBe(201);
    const { id } = await response.json();
    await this.open(id);
    return id;
  }

  /** A one-round draft in step mode pausing at `point`, opened, its round started and waiting there. */
  async startPausedAt(point: "selection" | "counselor"): Promise<string> {
    const id = await this.createDraft(1);
    const put = await this.page.request.put(`/api/sessions/${id}/steering`, {
      data: { pausePoints: [point], seat: "agents" },
    });
    expect(put.status()).toBe(200);
    await this.open(id);
    await this.page.getByRole("button", { name: "Run next round" }).click();
    await expect(this.round(1).getByTestId(`steer-${point}`)).toBeVisible({ timeout: 45_000 });
    return id;
  }

  /** Creates a draft session through the New session form, as a researcher would. */
  async createWithForm(profileSearch: string, rounds: number): Promise<string> {
    await this.page.goto("/sessions");
    await this.page.getByTestId("new-session").click();
    await this.page.getByPlaceholder("Search by name or problem…").fill(profileSearch);
    const picker = this.page.getByTestId("profile-picker");
    await expect(picker.locator("option:not([hidden])")).not.toHaveCount(0);
    await picker.selectOption({ index: 1 });
    await this.page.getByLabel("Rounds after the opening exchange").fill(String(rounds));
    await this.page.getByLabel("Start generating right away").uncheck();
    await this.page.getByRole("button", { name: "Create session" }).click();
    await expect(this.page).toHaveURL(/\/sessions\/(?!new)[^/]+$/);
    await expect(this.status).toHaveText("Draft");
    return this.page.url().split("/").pop() ?? "";
  }

  async open(id: string) {
    await this.page.goto(`/sessions/${id}`);
    await expect(this.page.getByTestId("session-status")).toBeVisible();
  }

  get status() {
    return this.page.getByTestId("session-status");
  }

  round(index: number) {
    return this.page.locator(`#round-${index}`);
  }

  candidates(index: number) {
    return this.round(index).getByTestId("candidate-card");
  }

  /** Where a round's candidate cards are, with their technique and whether they were chosen. */
  async candidateLayout(index: number) {
    return this.candidates(index).evaluateAll((cards) =>
      cards.map((card) => {
        const { x, y, width } = card.getBoundingClientRect();
        return {
          x,
          y,
          width,
          technique: card.getAttribute("data-technique") ?? "",
          choice: card.getAttribute("data-choice") ?? "",
        };
      }),
    );
  }

  /** Samples the total text length of a round's candidate cards over time. */
  async sampleCandidateLengths(index: number, samples = 40, everyMs = 50): Promise<number[]> {
    return this.page.evaluate(
      async ({ index, samples, everyMs }) => {
        const lengths: number[] = [];
        for (let i = 0; i < samples; i++) {
          const cards = document.querySelectorAll(`#round-${index} [data-testid="candidate-card"]`);
          lengths.push([...cards].reduce((sum, card) => sum + (card.textContent ?? "").length, 0));
          await new Promise((r) => setTimeout(r, everyMs));
        }
        return lengths;
      },
      { index, samples, everyMs },
    );
  }
}
