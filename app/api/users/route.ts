import { createUserRequestSchema } from "@/lib/auth/schema";
import { createUser, listUsers } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const GET = route({ role: "researcher" }, async () => ({ items: await listUsers() }));

/** A new account with a generated password, answered this once for the researcher to hand over. */
export const POST = route(
  { role: "researcher", body: createUserRequestSchema, status: 201 },
  ({ user, body }) => createUser(body, user.id),
);
