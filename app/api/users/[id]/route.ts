import { updateUserRequestSchema } from "@/lib/auth/schema";
import { updateUser } from "@/lib/auth/users";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** Changes a user's role, or deactivates (`active: false`) or reactivates it; both are audited. */
export const PATCH = route(
  { role: "researcher", params: idParamsSchema, body: updateUserRequestSchema },
  ({ user, params, body }) => updateUser(params.id, body, user.id),
);
