import { idParamsSchema } from "@/lib/http/fields";
import { requestOrigin } from "@/lib/http/origin";
import { route } from "@/lib/http/route";
import { createShareLink, listActiveShareLinks, revokeShareLink } from "@/lib/share/links";
import {
  createShareBodySchema,
  createShareResponseSchema,
  revokeShareBodySchema,
  shareListResponseSchema,
} from "@/lib/share/schema";

/** The session's links that still open its replay (their tokens are not kept, so not their URLs). */
export const GET = route(
  { role: "researcher", params: idParamsSchema, response: shareListResponseSchema },
  async ({ params }) => ({
    items: await listActiveShareLinks(params.id),
  }),
);

/** A new read-only replay link: `{ url }`, shown this once. */
export const POST = route(
  {
    role: "researcher",
    params: idParamsSchema,
    body: createShareBodySchema,
    response: createShareResponseSchema,
    status: 201,
  },
  ({ params, body, request }) => createShareLink(params.id, body, requestOrigin(request)),
);

/** Revokes a link, named by `{ url }` (or the list's `{ id }`). */
export const DELETE = route(
  { role: "researcher", params: idParamsSchema, body: revokeShareBodySchema },
  ({ params, body }) => revokeShareLink(params.id, body),
);
