import { expect, test } from "@playwright/test";
import { ProfilesPage } from "./pages/profiles-page";
import { SessionPage } from "./pages/session-page";

test("profiles can be filtered by attitude and opened", async ({ page }) => {
  const profiles = new ProfilesPage(page);
  await profiles.open();
  await expect(page.getByTestId("pager-range")).toContainText(/of (4[5-9]\d|[5-9]\d\d)/);

  await profiles.filterByAttitude("negative");
  await expect.poll(async () => [...new Set(await profiles.attitudesShown())]).toEqual(["negative"]);

  const name = await profiles.openFirstProfile();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("profile-attitude")).toHaveText("negative");
  await expect(page.getByText("Reason for counseling")).toBeVisible();
});

test("an imported MAGneT session shows its plan and 20 rounds", async ({ page }) => {
  const session = new SessionPage(page);
  await session.openFirstImported();
  await expect(session.rounds).toHaveCount(20);
  await expect(session.plan).toBeVisible();
  await expect(page.getByTestId("plan-technique")).not.toHaveText("");
  // One note for the whole session, not one per round, and no selector line with nothing in it.
  await expect(page.getByTestId("imported-note")).toContainText("did not record the five candidate replies");
  await expect(page.getByText("did not record")).toHaveCount(1);
  await expect(page.getByTestId("selection")).toHaveCount(0);
  await expect(page.getByTestId("session-status")).toHaveText("Completed");
});

test("every page of the navigation opens", async ({ page }) => {
  for (const item of ["sessions", "profiles", "prompts", "experiments", "annotate", "settings"]) {
    await page.goto("/sessions");
    await page.getByTestId(`nav-${item}`).click();
    await expect(page).toHaveURL(new RegExp(`/${item}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("not-found"), `${item} is a 404`).toHaveCount(0);
  }
});

test("an unknown page or record shows the not-found page with a 404", async ({ page }) => {
  const paths = ["/no-such-page", "/sessions/cunknown000000000000000000", "/profiles/cunknown0000"];
  for (const path of [...paths, "/sessions/%00", "/profiles/%00"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
  }
});

test("New session says why it cannot create yet, and when a search finds no profile", async ({ page }) => {
  await page.goto("/sessions/new");
  const create = page.getByRole("button", { name: "Create session" });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription("Choose a client profile above first.");
  await expect(page.getByLabel("Response generator", { exact: true })).toBeVisible();
  await expect(page.getByLabel("fuser")).toHaveCount(0);
  await page.getByPlaceholder("Search by name or problem…").fill("zzzz-no-such-client");
  await expect(page.getByTestId("no-profile-match")).toContainText(
    "No profile matches “zzzz-no-such-client”",
  );
  await page.getByPlaceholder("Search by name or problem…").fill("");
  const picker = page.getByTestId("profile-picker");
  const clients = picker.locator("option:not([hidden])");
  await expect(clients).not.toHaveCount(0);
  // Nothing chosen looks like nothing chosen: no client is marked, and none is named as chosen.
  await expect(picker.locator("option:checked")).toBeHidden();
  await expect(page.getByTestId("chosen-profile")).toHaveCount(0);
  const first = (await clients.first().textContent()) ?? "";
  await picker.selectOption({ index: 1 });
  await expect(create).toBeEnabled();
  // A chosen client is clearly marked, also once the list loses focus, and named below it.
  await page.getByPlaceholder("Search by name or problem…").focus();
  await expect(picker.locator("option:checked")).toHaveText(first);
  await expect(picker.locator("option:checked")).toHaveCSS("background-image", /gradient/);
  await expect(page.getByTestId("chosen-profile")).toContainText(first.split(" · ")[0]);
  await expect(page.getByText("Choose a client profile above first.")).toHaveCount(0);
});

test("a profile's page starts a session with that client, and a stale link says the client is gone", async ({
  page,
}) => {
  const profiles = new ProfilesPage(page);
  await profiles.open();
  const name = await profiles.openFirstProfile();
  // The card's title keeps to one line beside (or above) its action, never squeezed letter by letter.
  const title = await page.getByRole("heading", { level: 2, name: "Sessions", exact: true }).boundingBox();
  expect(title?.height).toBeLessThan(24);
  await page.getByRole("link", { name: "New session with this client" }).click();
  await expect(page).toHaveURL(/\/sessions\/new\?profile=/);
  const picker = page.getByTestId("profile-picker");
  await expect(picker.locator("option:checked")).toContainText(name);
  await expect(page.getByRole("button", { name: "Create session" })).toBeEnabled();

  await page.goto("/sessions/new?profile=cunknown0000");
  await expect(page.getByTestId("preselection-missing")).toContainText("was not found");
  await expect(page.getByRole("button", { name: "Create session" })).toBeDisabled();
});

test("an empty Sessions list suggests clearing the filters only when a filter is set", async ({ page }) => {
  await page.goto("/sessions?search=zzzz-no-such-client");
  await expect(page.getByTestId("empty-state")).toContainText("No sessions match");
  await expect(page.getByTestId("empty-state")).toContainText("or clear the filters.");
});
