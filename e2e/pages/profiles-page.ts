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

  /** Uploads JSON files through the Import form, with the method that wrote the session files. */
  async importFiles(files: { name: string; json: unknown }[], variant = "magnet") {
    await this.page.getByText("Import MAGneT data").click();
    await this.page.getByTestId("import-files").setInputFiles(
      files.map((file) => ({
        name: file.name,
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(file.json)),
      })),
    );
    await this.page.getByTestId("import-variant").selectOption(variant);
    await this.page.getByRole("button", { name: "Import", exact: true }).click();
  }

  get importSummary() {
    return this.page.getByTestId("import-summary");
  }

  get importError() {
    return this.page.getByTestId("import-error");
  }
}
