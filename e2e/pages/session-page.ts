import { expect, type Page } from "@playwright/test";

export class SessionPage {
  constructor(private readonly page: Page) {}

  async openFirstImported() {
    await this.page.goto("/sessions?source=imported");
    const table = this.page.getByTestId("session-table");
    await expect(table).toBeVisible();
    await table.locator("tbody tr").first().getByRole("link").click();
    await expect(this.page.getByTestId("rounds")).toBeVisible();
  }

  get rounds() {
    return this.page.getByTestId("round");
  }

  get plan() {
    return this.page.getByTestId("plan");
  }
}
