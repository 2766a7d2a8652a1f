import { route } from "@/lib/http/route";
import { getStudioHealth } from "@/lib/runs/health";

export const dynamic = "force-dynamic";

/** 200 while the database answers; the body reports watchers, runs, the pool and the event listener. */
export const GET = route({ role: "public" }, async () => {
  const health = await getStudioHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
});
