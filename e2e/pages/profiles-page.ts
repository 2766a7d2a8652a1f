import { expect, type Page } from "@playwright/test";

export class ProfilesPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/profiles");
    await expect(this.table).toBeVisible();
  }

  get table() {
    return this.page.getByTestId("profile-table");
  }

  get rows() {
    return this.table.locator("tbody tr");
  }

  async filterByAttitude(attitude: "positive" | "neutral" | "negative") {
    await this.page.getByTestId("filter-attitude").selectOption(attitude);
    await expect(this.page).toHaveURL(new RegExp(`attitude=${attitude}`));
  }

  async attitudesShown(): Promise<string[]> {
    return this.rows.locator("td:nth-child(2)").allInnerTexts();
  }

  async openFirstProfile(): Promise<string> {
    const link = this.rows.first().getByRole("link");
    const name = ((await link.textContent()) ?? "").trim();
    await link.click();
    await expect(this.page.getByTestId("profile-detail")).toBeVisible();
    return name;
  }
}
