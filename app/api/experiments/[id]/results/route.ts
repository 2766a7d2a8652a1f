import { resultsCsvStream } from "@/lib/dashboard/csv";
import { getExperimentResultsById } from "@/lib/dashboard/queries";
import { resultsQuerySchema } from "@/lib/dashboard/schema";
import { idParamsSchema } from "@/lib/http/fields";
import { route } from "@/lib/http/route";

/** An experiment's results dashboard: JSON, or its table as a streamed CSV download. */
export const GET = route(
  { role: "viewer", params: idParamsSchema, query: resultsQuerySchema },
  async ({ params, query }) => {
    const results = await getExperimentResultsById({ id: params.id });
    if (query.format === "json") return results;
    const fileName = `results-${params.id}-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(resultsCsvStream(results.dashboard), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    });
  },
);
