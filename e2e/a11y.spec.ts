import { expect, test } from "@playwright/test";
import { accessibilityViolations } from "./support/axe";
import { dataPages, FIXED_PAGES, openStudioPage, type StudioPage } from "./support/studio-pages";

test.describe.configure({ mode: "serial" });

let pages: StudioPage[] = FIXED_PAGES;

test.beforeAll(async ({ request }) => {
  test.setTimeout(90_000);
  pages = [...FIXED_PAGES, ...(await dataPages(request))];
});

for (const theme of ["light", "dark"] as const) {
  test(`axe finds no violations on any page in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    const found: string[] = [];
    for (const { name, path } of pages) {
      await openStudioPage(page, path);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
      found.push(...(await accessibilityViolations(page)).map((line) => `${name}: ${line}`));
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}

test("the inspector passes axe, keeps focus inside while open and gives it back on close", async ({
  page,
}) => {
  const session = pages.find((p) => p.name === "generated session");
  expect(session).toBeDefined();
  await openStudioPage(page, session?.path ?? "");
  const opener = page.getByRole("button", { name: "Inspect the Reflection call" }).first();
  await opener.focus();
  await page.keyboard.press("Enter");
  const inspector = page.getByTestId("call-inspector");
  await expect(inspector).toBeVisible();
  await expect(inspector.getByTestId("inspector-prompt")).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  for (const key of [...Array(8).fill("Tab"), ...Array(3).fill("Shift+Tab")]) {
    await page.keyboard.press(key);
    expect(await inspector.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(inspector).toBeHidden();
  await expect(opener).toBeFocused();
});

test("a keyboard user sees where the focus is", async ({ page }) => {
  await openStudioPage(page, "/sessions");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).not.toMatch(/^none|0px$/);
  }
});
