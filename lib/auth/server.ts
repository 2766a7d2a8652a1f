import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/lib/db/client";
import { ROLES } from "./roles";
import { authSecret } from "./secret";

export const SESSION_DAYS = 7;

function createAuth() {
  return betterAuth({
    appName: "MAGneT Studio",
    secret: authSecret(),
    // proxy.ts answers only to allowed hosts (STUDIO_ALLOWED_HOSTS), so the request's own host is
    // the studio's URL, whatever address it is reached at.
    baseURL: { allowedHosts: ["*"] },
    // The same reasoning for Better Auth's own origin check: the studio's origin is the request's.
    trustedOrigins: async (request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    // Accounts are made by researchers and the CLI, never by signing up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12 },
    user: {
      additionalFields: {
        role: { type: [...ROLES], required: true, input: false },
        deactivatedAt: { type: "date", required: false, input: false },
      },
    },
    session: { modelName: "authSession", expiresIn: SESSION_DAYS * 24 * 60 * 60 },
    account: { modelName: "authAccount" },
    verification: { modelName: "authVerification" },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account cannot start a session, whatever its password.
          before: async (session) => {
            const user = await getDb().user.findUnique({ where: { id: session.userId } });
            return user !== null && user.deactivatedAt === null;
          },
        },
      },
    },
    rateLimit: { enabled: true, window: 60, max: 20 },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { magnetAuth?: Auth };

/** The one Better Auth instance, made on first use (DATABASE_URL and the secret are set by then). */
export function getAuth(): Auth {
  globalForAuth.magnetAuth ??= createAuth();
  return globalForAuth.magnetAuth;
}
