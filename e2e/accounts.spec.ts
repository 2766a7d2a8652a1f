import { expect, test } from "@playwright/test";
import { ProfilesPage } from "./pages/profiles-page";
import { accessibilityViolations } from "./support/axe";
import { createUserWithCli, signIn } from "./support/sign-in";

// Roles as a person meets them: what a viewer sees and cannot open, an API key made on the account
// page, and a researcher creating, demoting and deactivating users on the Users page.

test.describe("as a viewer", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("reads sessions, sees no generation controls, is sent away from New session, and is refused by the API", async ({
    page,
    baseURL,
  }) => {
    const viewer = createUserWithCli(`viewer-${Date.now()}@studio.local`, "viewer");
    await page.goto("/sessions");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsessions$/);
    // Signed out, the studio's navigation would only lead back here.
    await expect(page.getByTestId("public-header")).toBeVisible();
    await expect(page.getByTestId("nav-sessions")).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await signIn(page, baseURL ?? "", viewer);
    await expect(page.getByTestId("account-badge")).toContainText("viewer");
    await expect(page.getByTestId("session-table").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("new-session")).toHaveCount(0);
    await expect(page.getByTestId("nav-users")).toHaveCount(0);
    const profiles = new ProfilesPage(page);
    await profiles.open();
    await profiles.openFirstProfile();
    await expect(page.getByTestId("new-session-with-client")).toHaveCount(0);

    await page.goto("/sessions/new");
    await expect(page).toHaveURL(/\/sign-in\?needs=researcher/);
    await expect(page.getByTestId("role-needed")).toContainText("needs the researcher role");

    const refused = await page.request.post("/api/sessions", { data: { profileId: "x", variant: "magnet" } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("needs the researcher role");

    // Its API key (from the CLI) acts with its role.
    const headers = { authorization: `Bearer ${viewer.apiKey}` };
    expect((await page.request.get("/api/sessions?pageSize=1", { headers })).status()).toBe(200);
    expect((await page.request.post("/api/sessions", { headers, data: {} })).status()).toBe(403);
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("signing in comes back to the page asked for, query included, and never to another site", async ({
    page,
  }) => {
    const researcher = createUserWithCli(`return-${Date.now()}@studio.local`, "researcher");
    const headers = { authorization: `Bearer ${researcher.apiKey}` };
    const [profile] = (await (await page.request.get("/api/profiles?pageSize=1", { headers })).json()).items;

    await page.goto(`/sessions/new?profile=${profile.id}`);
    await expect(page).toHaveURL(`/sign-in?next=%2Fsessions%2Fnew%3Fprofile%3D${profile.id}`);
    await page.getByLabel("Email").fill(researcher.email);
    await page.getByLabel("Password").fill(researcher.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`/sessions/new?profile=${profile.id}`);
    await expect(page.getByTestId("profile-picker").locator("option:checked")).toContainText(profile.name);

    for (const elsewhere of ["//evil.example/x", "https://evil.example/x", "/\\evil.example"]) {
      await page.goto(`/sign-in?next=${encodeURIComponent(elsewhere)}`);
      await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/sessions$/);
    }
  });
});

test("a personal API key is shown once on the account page, works as a bearer, and is revocable", async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto("/account");
  await page.getByLabel("Name").fill("notebook");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").locator("code").textContent())?.trim() ?? "";
  expect(key).toMatch(/^mgs_/);

  // A script: no cookie, another origin, only the key.
  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const headers = { authorization: `Bearer ${key}`, origin: "https://notebook.example" };
  expect((await script.get("/api/sessions?pageSize=1", { headers })).status()).toBe(200);
  const profiles = await (await script.get("/api/profiles?pageSize=1", { headers })).json();
  const created = await script.post("/api/sessions", {
    headers,
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
  });
  expect(created.status()).toBe(201);
  expect((await script.get("/api/sessions?pageSize=1")).status()).toBe(401);

  await page.reload();
  const row = page.getByTestId("api-key-list").locator("li").filter({ hasText: "notebook" });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveCount(0);
  expect((await script.get("/api/sessions?pageSize=1", { headers })).status()).toBe(401);
  await script.dispose();
});

test("a researcher creates a user, changes its role and deactivates it; the audit log shows it all", async ({
  page,
}) => {
  const email = `ann-${Date.now()}@studio.local`;
  await page.goto("/users");
  await expect(page.locator("code", { hasText: "npm run user:create" })).toBeVisible();
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("annotator");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("new-user-password")).toContainText(email);

  const row = page.getByTestId("user-table").locator("tr").filter({ hasText: email });
  await row.getByLabel(`Role of ${email}`).selectOption("viewer");
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("deactivated");

  // Each entry in words, its details as "field: value"; the stored record only behind a disclosure.
  const audit = page.getByTestId("audit-table");
  await expect(
    audit.getByTestId("audit-entry").filter({ hasText: "Deactivated a user" }).first(),
  ).toBeVisible();
  const roleChange = audit.getByTestId("audit-entry").filter({ hasText: "Changed a user's role" }).first();
  await expect(roleChange.getByTestId("audit-detail")).toHaveText("From: annotatorTo: viewer");
  await expect(roleChange.getByText('"to": "viewer"')).toBeHidden();
  await roleChange.getByText("Stored record").click();
  await expect(roleChange.getByText('"action": "user.role_changed"')).toBeVisible();
  const created = audit.getByTestId("audit-entry").filter({ hasText: "Created a user" }).first();
  await expect(created.getByTestId("audit-detail")).toContainText(`Email: ${email}`);
});

test("an audit entry about a session opens that session", async ({ page }) => {
  const profiles = await (await page.request.get("/api/profiles?source=sample&pageSize=1")).json();
  const made = await page.request.post("/api/sessions", {
    data: { profileId: profiles.items[0].id, variant: "magnet", maxRounds: 1 },
  });
  const { id } = await made.json();
  await page.goto("/users");
  const entry = page.getByTestId("audit-entry").filter({ hasText: id });
  await expect(entry).toContainText("Created a session");
  await entry.getByRole("link", { name: "Session" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the audit log's rows stay a few lines tall: its columns scroll sideways instead of squeezing to a few letters", async ({
    page,
  }) => {
    await page.goto("/users");
    const audit = page.getByTestId("audit-table");
    const row = audit.locator("tbody tr").first();
    await expect(row).toBeVisible();
    expect((await row.boundingBox())?.height).toBeLessThan(120);
    expect(await audit.locator("xpath=..").evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
    // The users table too: an email on one line and its row's button in reach, not cut off.
    const users = page.getByTestId("user-table");
    expect((await users.locator("tbody tr").first().boundingBox())?.height).toBeLessThan(80);
    expect(await users.locator("xpath=..").evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
  });
});
