import { existsSync } from "node:fs";
import path from "node:path";
import { messageOf } from "./postgres";

// What the command-line tools share: the environment from .env, and one way to fail.

/** Loads `<cwd>/.env` if there is one; variables already in the environment win. */
export function loadDotEnv(file = path.resolve(".env")): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Runs a CLI's main function: prints the error's message (not a stack) and sets exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`Error: ${messageOf(error)}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error);
    process.exitCode = 1;
  });
}
