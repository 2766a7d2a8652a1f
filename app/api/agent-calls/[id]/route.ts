import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { getAgentCallById } from "@/lib/sessions/agent-calls";

/** One agent call for the inspector: prompt, outputs, settings, usage and its sibling attempts. */
export const GET = route({ role: "viewer", params: idParamsSchema }, ({ params }) =>
  getAgentCallById(params),
);
