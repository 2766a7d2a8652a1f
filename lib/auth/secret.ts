import "server-only";
import { randomBytes } from "node:crypto";

/**
 * BETTER_AUTH_SECRET signs the session cookies; `npm run studio` keeps one in its data folder. A
 * process without it (tests, CLIs that never sign cookies) gets a random one of its own.
 */
export function authSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error(
      "BETTER_AUTH_SECRET (32 characters or more) is not set: start the studio with npm run studio",
    );
  }
  process.env.BETTER_AUTH_SECRET = randomBytes(32).toString("base64url");
  return process.env.BETTER_AUTH_SECRET;
}
