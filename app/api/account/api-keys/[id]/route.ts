import { revokeApiKey } from "@/lib/auth/api-keys";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** Revokes one of the signed-in user's keys; it stops working at once. */
export const DELETE = route({ role: "viewer", params: idParamsSchema }, async ({ user, params }) => {
  await revokeApiKey(user.id, params.id);
  return { id: params.id, revoked: true };
});
