import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The e2e run gets its own database: a fresh one on TEST_DATABASE_URL's server, or an embedded
// PostgreSQL in a temp folder. Set once in the main process; workers inherit the environment.
process.env.E2E_PORT ??= String(3100 + Math.floor(Math.random() * 800));
process.env.E2E_RUN_ID ??= `${Date.now()}`;
const port = Number(process.env.E2E_PORT);
// The simulator paces its tokens so that streaming is visible to the tests; the app and the CLI
// processes the tests start inherit these.
process.env.SIMULATOR_LATENCY_MS ??= "150";
process.env.SIMULATOR_TOKENS_PER_SECOND ??= "30";
const baseURL = `http://127.0.0.1:${port}`;

function serverEnvironment(): Record<string, string> {
  const env: Record<string, string> = { PORT: String(port) };
  if (process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/magnet_e2e_${process.env.E2E_RUN_ID}`;
    process.env.E2E_DATABASE_URL = url.toString();
    env.DATABASE_URL = url.toString();
  } else {
    if (!process.env.E2E_DATA_DIR) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "magnet-e2e-pg-"));
      process.env.E2E_DATA_DIR = dataDir;
      // Only the process that made the folder removes it (workers inherit the variable), once the
      // run and its web server are over.
      process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
    }
    env.STUDIO_DATA_DIR = process.env.E2E_DATA_DIR;
  }
  return env;
}

/** Debian's chromium where Playwright cannot download its own browser. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "studio",
      dependencies: ["setup"],
      testIgnore: /auth\.setup\.ts/,
      // Signed in as a researcher (e2e/auth.setup.ts); a spec that needs nobody signed in clears it.
      use: { storageState: "test-results/.auth/researcher.json" },
    },
  ],
  webServer: {
    command: "npm run studio -- --no-build --import ../shared/data/magnet",
    url: `${baseURL}/api/health`,
    env: serverEnvironment(),
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 15_000 },
  },
});
