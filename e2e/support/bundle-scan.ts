import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The secrets `npm run build:canary` builds with (package.json): none may reach the browser. */
export const CANARIES = [
  "sk-canary-e2e-bundle-scan",
  "canary-e2e-llm-key",
  "canary-e2e-auth-secret-0123456789abcdef",
];

/** Every file under `dir` that contains one of `needles`, with the needle found. */
export async function filesContaining(dir: string, needles: readonly string[]) {
  const found: { file: string; needle: string }[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, "latin1");
    for (const needle of needles) if (text.includes(needle)) found.push({ file, needle });
  }
  return found;
}
