// Calling route handlers directly in Vitest: they are plain functions of a Request (and params).

import type { RouteContext } from "@/lib/http/route";

type RouteHandler = (request: Request, context?: RouteContext) => Promise<Response>;

export interface TestRequest {
  method?: string;
  /** Path and query, e.g. "/api/sessions?page=2". */
  url: string;
  params?: Record<string, string>;
  /** Sent as JSON unless it is a string (then as it is, with `contentType`). */
  body?: unknown;
  contentType?: string;
}

export interface TestResponse {
  status: number;
  json: unknown;
  /** The fields an error response names (empty for a success). */
  fields: string[];
  code: string | undefined;
}

export async function callRoute(handler: RouteHandler, request: TestRequest): Promise<TestResponse> {
  const { method = "GET", url, params = {}, body, contentType } = request;
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": contentType ?? "application/json" };
  }
  const response = await handler(new Request(`http://127.0.0.1:3000${url}`, init), {
    params: Promise.resolve(params),
  });
  const isJson = response.headers.get("content-type")?.startsWith("application/json") ?? false;
  const json: unknown = isJson ? await response.json() : await response.body?.cancel();
  const error = errorOf(json);
  return {
    status: response.status,
    json,
    fields: error?.issues.map((issue) => issue.field) ?? [],
    code: error?.code,
  };
}

interface ErrorBody {
  code: string;
  message: string;
  issues: { field: string; message: string }[];
}

function errorOf(json: unknown): ErrorBody | undefined {
  if (typeof json !== "object" || json === null || !("error" in json)) return undefined;
  const error = json.error;
  if (typeof error !== "object" || error === null) return undefined;
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  const message = "message" in error && typeof error.message === "string" ? error.message : "";
  const rawIssues = "issues" in error && Array.isArray(error.issues) ? error.issues : [];
  const issues = rawIssues.flatMap((issue: unknown) =>
    typeof issue === "object" && issue !== null && "field" in issue && typeof issue.field === "string"
      ? [{ field: issue.field, message: "message" in issue ? String(issue.message) : "" }]
      : [],
  );
  return { code, message, issues };
}
