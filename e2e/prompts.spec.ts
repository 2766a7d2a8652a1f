import { expect, test } from "@playwright/test";

// The Prompts page: a version refused by name, a new one saved, the diff between it and the built-in
// one, and marking it active (then the built-in one again, so other tests see the default).

test("a researcher writes a fuser version, sees its diff, marks it active and back", async ({ page }) => {
  await page.goto("/prompts?role=fuser");
  await expect(page.getByRole("heading", { level: 2, name: /^Response generator/ })).toBeVisible();
  const versions = page.getByTestId("prompt-version");
  const before = await versions.count();
  const template = page.getByLabel(/Template/);
  const builtin = await template.inputValue();

  await template.fill(`${builtin}\n{{client_mood}}`);
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("prompt-error")).toContainText("{{client_mood}}");
  await expect(versions).toHaveCount(before);

  await template.fill(builtin.replace("### user\n", "### user\nKeep it to two sentences.\n"));
  await page.getByLabel("Note").fill("shorter replies");
  await page.getByRole("button", { name: "Save as a new version" }).click();
  await expect(versions).toHaveCount(before + 1);
  const latest = versions.first();
  await expect(latest).toContainText("shorter replies");
  await expect(latest).toContainText("e2e-researcher@studio.local");

  const diff = page.getByTestId("prompt-diff");
  await expect(diff.locator('[data-change="added"]')).toContainText("Keep it to two sentences.");
  await expect(diff.locator('[data-change="removed"]')).toHaveCount(0);

  const version = (await latest.locator("span.font-semibold").textContent())?.slice(1);
  await latest.getByRole("button", { name: `Make v${version} active` }).click();
  await expect(latest.getByText("Active", { exact: true })).toBeVisible();
  const builtIn = versions.filter({ hasText: "Built-in" });
  await builtIn.getByRole("button", { name: /Make v\d+ active/ }).click();
  await expect(builtIn.getByText("Active", { exact: true })).toBeVisible();
  await expect(latest.getByText("Active", { exact: true })).toHaveCount(0);
});
