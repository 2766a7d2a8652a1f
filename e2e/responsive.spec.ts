import { expect, test } from "@playwright/test";
import { AppMenu, sidewaysOverflow } from "./pages/app-menu";
import { LiveSessionPage } from "./pages/live-session-page";
import { dataPages, FIXED_PAGES, openStudioPage, type StudioPage } from "./support/studio-pages";

test.describe.configure({ mode: "serial" });

let pages: StudioPage[] = FIXED_PAGES;

test.beforeAll(async ({ request }) => {
  test.setTimeout(90_000);
  pages = [...FIXED_PAGES, ...(await dataPages(request))];
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  test.describe(`at ${viewport.width} × ${viewport.height}`, () => {
    test.use({ viewport });

    test("no page scrolls sideways", async ({ page }) => {
      test.setTimeout(90_000);
      const overflowing: string[] = [];
      for (const { name, path } of pages) {
        await openStudioPage(page, path);
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) overflowing.push(`${name}: ${overflow} px`);
      }
      expect(overflowing).toEqual([]);
    });

    test("the menu opens and navigates, with the model badge and theme toggle in it", async ({ page }) => {
      const menu = new AppMenu(page);
      await openStudioPage(page, "/sessions");
      await expect(page.getByTestId("nav-profiles")).toBeHidden();
      await expect(page.getByTestId("model-badge")).toBeHidden();
      await menu.open();
      await expect(menu.panel.getByTestId("model-badge")).toBeVisible();
      await expect(menu.panel.getByRole("button", { name: /theme/i })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu.panel).toBeHidden();
      await expect(menu.button).toBeFocused();
      for (const item of ["profiles", "prompts", "settings", "sessions"]) await menu.navigateTo(item);
    });

    test("tables keep their first column in view while the others scroll", async ({ page }) => {
      for (const [path, testId] of [
        ["/sessions", "session-table"],
        ["/profiles", "profile-table"],
      ]) {
        await openStudioPage(page, path);
        const table = page.getByTestId(testId);
        const firstCell = table.locator("tbody tr").first().locator("td").first();
        const lastCell = table.locator("tbody tr").first().locator("td").last();
        const region = table.locator("xpath=..");
        const scrollable = await region.evaluate((r) => r.scrollWidth > r.clientWidth);
        // On a phone the columns never all fit; on a tablet they may.
        if (viewport.width < 500) expect(scrollable).toBe(true);
        if (!scrollable) continue;
        const before = { first: await firstCell.boundingBox(), last: await lastCell.boundingBox() };
        await region.evaluate((r) => r.scrollBy({ left: 2_000 }));
        await expect.poll(async () => (await lastCell.boundingBox())?.x).toBeLessThan(before.last?.x ?? 0);
        expect((await firstCell.boundingBox())?.x).toBe(before.first?.x);
        await expect(firstCell.getByRole("link")).toBeInViewport();
      }
    });

    test("a session's candidates can be read, chosen ones first", async ({ page }) => {
      const session = pages.find((p) => p.name === "generated session");
      await openStudioPage(page, session?.path ?? "");
      const live = new LiveSessionPage(page);
      const cards = live.candidates(1);
      await expect(cards).toHaveCount(5);
      const boxes = await live.candidateLayout(1);
      // Swiping goes through the cards left to right: the chosen ones come first.
      const byPosition = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
      const chosen = byPosition.filter((box) => box.choice === "selected").length;
      expect(chosen).toBeGreaterThan(0);
      expect(byPosition.slice(0, chosen).every((box) => box.choice === "selected")).toBe(true);
      for (const box of boxes) expect(box.width, `${box.technique} card width`).toBeGreaterThanOrEqual(260);
      for (let i = 0; i < 5; i++) {
        const card = cards.nth(i);
        await card.scrollIntoViewIfNeeded();
        await expect(card).toBeInViewport({ ratio: 0.9 });
        await expect(card.getByRole("heading", { level: 3 })).toBeVisible();
        await expect(card.getByText(/chosen/)).toBeVisible();
        await expect(card.getByText("offline simulator")).toBeVisible();
        await expect(card.getByText(/\d+\.\d s/)).toBeVisible();
        await expect(card.getByText(/→\d+ tok/)).toBeVisible();
      }
      const reply = live.round(1).getByTestId("fused-reply");
      const replyBox = await reply.boundingBox();
      expect(replyBox?.width ?? 0).toBeGreaterThan(viewport.width * 0.75);
      expect(await sidewaysOverflow(page)).toBe(0);
    });

    test("the pipeline diagram shows every agent's whole name", async ({ page }) => {
      const session = pages.find((p) => p.name === "generated session");
      await openStudioPage(page, session?.path ?? "");
      const labels = page.getByTestId("diagram-node-label");
      await expect(labels.first()).toBeVisible();
      const cut = await labels.evaluateAll((all) =>
        all
          .filter((label) => {
            const node = label.closest("li")?.getBoundingClientRect();
            const box = label.getBoundingClientRect();
            return label.scrollWidth > label.clientWidth || (node !== undefined && box.right > node.right);
          })
          .map((label) => label.textContent),
      );
      expect(cut).toEqual([]);
    });
  });
}
