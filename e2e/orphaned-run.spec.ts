import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { LiveSessionPage } from "./pages/live-session-page";

// A run whose process is killed (SIGKILL: no chance to record anything) leaves its session `running`
// with nobody holding it. Its page must not offer dead Stop/Pause buttons but say it stopped and
// offer Resume, and resuming it finishes the session.

test("a session whose run was killed shows as stopped and resumes from its page", async ({ page }) => {
  const profiles = await (await page.request.get("/api/profiles?source=sample&pageSize=1")).json();
  const before = await (await page.request.get("/api/sessions?source=generated&pageSize=1")).json();
  const args = ["--variant", "magnet", "--profiles", profiles.items[0].id, "--limit", "1", "--rounds", "2"];
  // node, not npm: SIGKILL must reach the process that holds the run.
  const cli = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/generate.ts", ...args],
    { env: { ...process.env, ...cliDatabaseEnv() }, stdio: "pipe" },
  );
  let output = "";
  cli.stdout?.on("data", (chunk) => (output += chunk));
  cli.stderr?.on("data", (chunk) => (output += chunk));
  let id = "";
  try {
    await expect
      .poll(
        async () => {
          const latest = await (await page.request.get("/api/sessions?source=generated&pageSize=1")).json();
          const session = latest.total > before.total ? latest.items[0] : undefined;
          id = session?.id ?? "";
          return session?.status;
        },
        { timeout: 30_000, message: `no running session from the CLI; its output:\n${output}` },
      )
      .toBe("running");
  } finally {
    cli.kill("SIGKILL");
  }
  await new Promise((resolve) => cli.once("exit", resolve));

  const live = new LiveSessionPage(page);
  await live.open(id);
  await expect(live.status).toHaveText("Stopped", { timeout: 15_000 });
  await expect(page.getByTestId("session-controls").getByRole("button", { name: "Stop" })).toHaveCount(0);
  await page.getByTestId("session-resume").click();
  await expect(live.status).toHaveText("Completed", { timeout: 60_000 });
});

/** The CLI reaches the e2e server's database as the server does. */
function cliDatabaseEnv(): Record<string, string> {
  if (process.env.E2E_DATABASE_URL) return { DATABASE_URL: process.env.E2E_DATABASE_URL };
  return { STUDIO_DATA_DIR: process.env.E2E_DATA_DIR ?? "" };
}
