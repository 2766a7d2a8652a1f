import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

/** Runs `next build` in `root`, streaming its output; rejects when the build fails. */
export function buildApp(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Telemetry could not be sent from these machines anyway; keep the build quiet about it.
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    const child = spawn(process.execPath, [NEXT_BIN, "build"], { cwd: root, stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`)),
    );
  });
}

export interface AppServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `next start` and resolves once the app answers its health check. */
export async function startApp(options: {
  root: string;
  port: number;
  host: string;
  env: NodeJS.ProcessEnv;
}): Promise<AppServer> {
  const { root, port, host, env } = options;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port), "--hostname", host], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    // The app stops its runs itself on SIGTERM/SIGINT (lib/runs/run-registry.ts); Next.js's own
    // handler would exit first, leaving their sessions `running`. The Host check lets the bound
    // address through (lib/http/request-guard.ts).
    env: { NEXT_MANUAL_SIG_HANDLE: "1", ...env, HOST: host },
  });
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  await waitForHealth(`${url}/api/health`, child);
  return { url, process: child, stop: () => stopChild(child) };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} while starting`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s (last: ${last})`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
