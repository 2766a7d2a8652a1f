import { execFile } from "node:child_process";
import { promisify } from "node:util";

// The bench and the drills talk HTTP to a studio like any script: with a researcher's API key,
// made by `npm run user:create` on the studio's own database once it runs.

let apiKey: string | null = null;

/** Makes a researcher with an API key on the studio that keeps its data in `dataDir`; later requests send it. */
export async function signInToStudio(dataDir: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, STUDIO_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const email = `harness-${Date.now()}-${Math.floor(Math.random() * 1e6)}@studio.local`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/cli/user-create.ts",
      "--email",
      email,
      "--role",
      "researcher",
      "--api-key",
    ],
    { env },
  );
  const key = stdout.trim().split("\n").at(-1)?.trim();
  if (!key?.startsWith("mgs_")) throw new Error(`user:create printed no API key:\n${stdout}`);
  apiKey = key;
}

/** The Authorization header of the harness's requests (none before signInToStudio). */
export function studioAuthHeaders(): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
