import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/server";

// Better Auth's own endpoints (sign-in, sign-out, session): public by nature, and the one handler
// not made by route(); sign-up is off (lib/auth/server.ts).
export const { GET, POST } = toNextJsHandler((request) => getAuth().handler(request));
