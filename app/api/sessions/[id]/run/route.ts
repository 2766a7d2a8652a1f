import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { startSessionRun } from "@/lib/runs/live-run";
import { runSessionRequestSchema } from "@/lib/sessions/schema";

/** Starts (or resumes) generation on the server; it goes on whether or not anyone watches. 409 if running. */
export const POST = route(
  {
    role: "researcher",
    rateLimit: "generation",
    params: idParamsSchema,
    body: runSessionRequestSchema,
    status: 202,
  },
  async ({ params: { id }, body: { mode } }) => {
    await startSessionRun(id, mode);
    return { sessionId: id, mode, started: true };
  },
);
