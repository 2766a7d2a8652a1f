import { existsSync } from "node:fs";
import path from "node:path";
import { messageOf } from "./postgres";

// What the db:* command-line tools share: DATABASE_URL from the environment or .env, and one way
// to fail.

/** Loads `<cwd>/.env` if there is one; variables already in the environment win. */
export function loadDotEnv(file = path.resolve(".env")): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function requireDatabaseUrl(purpose: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      `DATABASE_URL is not set; ${purpose}. Set it in the environment or in .env ` +
        "(e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/magnet), or run `npm run studio`.",
    );
  }
  return url;
}

/** Runs a CLI's main function: prints the error's message (not a stack) and sets exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`Error: ${messageOf(error)}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error);
    process.exitCode = 1;
  });
}
