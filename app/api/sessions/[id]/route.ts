import { route } from "@/lib/http/route";
import { getSessionDetailById } from "@/lib/sessions/queries";

export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return Response.json(await getSessionDetailById({ id }));
});
