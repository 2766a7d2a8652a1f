import { execFileSync } from "node:child_process";
import { expect, type Page } from "@playwright/test";

export interface Credentials {
  email: string;
  password: string;
}

/** The first-run account that `npm run studio` prints on an empty database. */
export function printedCredentials(output: string): Credentials {
  const email = output.match(/^\s+email:\s+(\S+)$/m)?.[1];
  const password = output.match(/^\s+password:\s+(\S+)$/m)?.[1];
  if (!email || !password) throw new Error(`the studio printed no credentials:\n${output}`);
  return { email, password };
}

/** Signs in through the sign-in page, as a person would; the page's context keeps the cookie. */
export async function signIn(page: Page, baseUrl: string, { email, password }: Credentials): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sessions$/);
}

/** `npm run user:create` against the e2e studio's database; returns the account and its API key. */
export function createUserWithCli(email: string, role: string): Credentials & { apiKey: string } {
  const env = { ...process.env };
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  else env.STUDIO_DATA_DIR = process.env.E2E_DATA_DIR;
  const output = execFileSync(
    "npm",
    ["run", "-s", "user:create", "--", "--email", email, "--role", role, "--api-key"],
    {
      env,
      encoding: "utf8",
    },
  );
  const lines = output.trim().split("\n");
  const password = lines[1]?.trim();
  const apiKey = lines.at(-1)?.trim();
  if (!password || !apiKey?.startsWith("mgs_"))
    throw new Error(`user:create printed no password and key:\n${output}`);
  return { email, password, apiKey };
}
