import { route } from "@/lib/http/route";
import { getAgentCallById } from "@/lib/sessions/agent-calls";

/** One agent call for the inspector: prompt, outputs, settings, usage and its sibling attempts. */
export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return Response.json(await getAgentCallById({ id }));
});
