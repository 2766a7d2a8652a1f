import { createApiKey, listApiKeysByUser } from "@/lib/auth/api-keys";
import { createApiKeyRequestSchema } from "@/lib/auth/schema";
import { route } from "@/lib/http/route";

/** The signed-in user's own keys (never the keys themselves, only their first characters). */
export const GET = route({ role: "viewer" }, async ({ user }) => ({
  items: await listApiKeysByUser(user.id),
}));

/** A new key with the owner's role; the answer is the only time the key is shown. */
export const POST = route(
  { role: "viewer", body: createApiKeyRequestSchema, status: 201 },
  ({ user, body }) => createApiKey(user.id, body.name),
);
