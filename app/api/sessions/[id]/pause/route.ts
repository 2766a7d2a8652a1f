import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";
import { requestSessionControl } from "@/lib/runs/live-run";

/** Lets the round in progress finish, then pauses the session. */
export const POST = route(
  { role: "researcher", params: idParamsSchema, status: 202 },
  async ({ params: { id } }) => {
    await requestSessionControl(id, "pause");
    return { sessionId: id, requested: "pause" };
  },
);
