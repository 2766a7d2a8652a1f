import { expect, type Page } from "@playwright/test";

/** The navigation of narrow screens: a menu button in the top bar that opens the sidebar's contents. */
export class AppMenu {
  constructor(private readonly page: Page) {}

  get button() {
    return this.page.getByTestId("menu-button");
  }

  get panel() {
    return this.page.getByTestId("menu-panel");
  }

  async open() {
    await this.button.click();
    await expect(this.button).toHaveAttribute("aria-expanded", "true");
    await expect(this.panel).toBeVisible();
  }

  async navigateTo(item: string) {
    await this.open();
    await this.panel.getByTestId(`nav-${item}`).click();
    await expect(this.page).toHaveURL(new RegExp(`/${item}(\\?|$)`));
    await expect(this.panel).toBeHidden();
  }
}

/** How far the page scrolls sideways: 0 when nothing is wider than the viewport. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      Math.max(document.body.scrollWidth, document.documentElement.scrollWidth) -
      document.documentElement.clientWidth,
  );
}
