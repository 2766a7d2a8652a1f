import { route } from "@/lib/http/route";
import {
  createdPromptVersionSchema,
  createPromptVersionRequestSchema,
  promptVersionListSchema,
  promptVersionsQuerySchema,
} from "@/lib/prompts/schema";
import { createPromptVersion, listPromptVersionsByRole } from "@/lib/prompts/versions";

/** A role's prompt versions, newest first. */
export const GET = route(
  { role: "viewer", query: promptVersionsQuerySchema, response: promptVersionListSchema },
  async ({ query }) => ({ items: await listPromptVersionsByRole(query) }),
);

/** A new version of a role's template; an unknown or missing required variable is a 400 naming it. */
export const POST = route(
  {
    role: "researcher",
    body: createPromptVersionRequestSchema,
    response: createdPromptVersionSchema,
    status: 201,
  },
  ({ body, user }) => createPromptVersion(body, user),
);
