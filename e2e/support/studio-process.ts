import { type ChildProcess, spawn } from "node:child_process";

export interface StudioProcess {
  url: string;
  output: () => string;
  /** Ctrl-C; resolves with the exit code, or null when npm itself ended on the signal. */
  stop: () => Promise<number | null>;
}

/** Runs `npm run studio` as a user would, with its own data folder and port. */
export async function startStudio({
  dataDir,
  port,
  env: extraEnv = {},
}: {
  dataDir: string;
  port: number;
  /** More environment for the studio, e.g. LLM_BASE_URL. */
  env?: Record<string, string>;
}): Promise<StudioProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnv,
    PORT: String(port),
    STUDIO_DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  // Its own process group, so that stop() can send SIGINT to the whole group as Ctrl-C in a terminal does.
  const child = spawn("npm", ["run", "studio", "--", "--no-build"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const url = await waitForUrl(child, () => output);
  return { url, output: () => output, stop: () => stop(child) };
}

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output().match(/MAGneT Studio is running at (http:\/\/\S+)/);
      if (match) {
        clearInterval(timer);
        resolve(match[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`studio exited with ${child.exitCode}:\n${output()}`));
      }
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`studio did not start in time:\n${output()}`));
    }, timeoutMs);
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    // "close" waits until every process holding our pipes (npm, the studio, the app) has let go.
    child.once("close", (code) => resolve(code));
    if (child.pid) process.kill(-child.pid, "SIGINT");
  });
}
