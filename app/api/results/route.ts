import { resultsCsvStream } from "@/lib/dashboard/csv";
import { getFilteredResults } from "@/lib/dashboard/queries";
import { filteredResultsQuerySchema } from "@/lib/dashboard/schema";
import { route } from "@/lib/http/route";

/** The results dashboard of the sessions the Sessions list's filters select: JSON, or its table as CSV. */
export const GET = route({ role: "viewer", query: filteredResultsQuerySchema }, async ({ query }) => {
  const { format, ...filter } = query;
  const dashboard = await getFilteredResults(filter);
  if (format === "json") return dashboard;
  return new Response(resultsCsvStream(dashboard), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="results-${new Date().toISOString().slice(0, 10)}.csv"`,
    },
  });
});
