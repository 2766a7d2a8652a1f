import { route } from "@/lib/http/route";
import { activatePromptVersionRequestSchema } from "@/lib/prompts/schema";
import { activatePromptVersion } from "@/lib/prompts/versions";

/** Marks a version the role's active one; sessions created afterwards freeze it. */
export const POST = route(
  { role: "researcher", body: activatePromptVersionRequestSchema },
  ({ body, user }) => activatePromptVersion(body, user),
);
