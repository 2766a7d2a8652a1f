import { route } from "@/lib/http/route";
import { getProfileById } from "@/lib/profiles/queries";

export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  return Response.json(await getProfileById({ id }));
});
