import { z } from "zod";
import { listDiversitySets, measureDiversity } from "@/lib/eval/diversity-sets";
import { diversityFilterSchema, diversityListSchema, diversitySetSchema } from "@/lib/eval/schema";
import { route } from "@/lib/http/route";

/** The measured sets, newest first. */
export const GET = route(
  { role: "viewer", query: z.object({}).strict(), response: diversityListSchema },
  async () => ({ sets: await listDiversitySets() }),
);

/** Measures the diversity of the sessions these filters select, and stores it for the set. */
export const POST = route(
  { role: "researcher", body: diversityFilterSchema, response: diversitySetSchema, status: 201 },
  ({ body }) => measureDiversity(body),
);
