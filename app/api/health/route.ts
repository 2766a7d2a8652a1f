import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  await getDb().$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
});
