import { test as setup } from "@playwright/test";
import { createUserWithCli, signIn } from "./support/sign-in";

// The other specs run signed in as a researcher: an account made with the CLI, signed in through
// the sign-in page once, its cookie kept as the storage state of every test.

export const RESEARCHER_STATE = "test-results/.auth/researcher.json";

setup("sign in as a researcher", async ({ page, baseURL }) => {
  const researcher = createUserWithCli("e2e-researcher@studio.local", "researcher");
  await signIn(page, baseURL ?? "", researcher);
  await page.context().storageState({ path: RESEARCHER_STATE });
});
