// Calling route handlers directly in Vitest: they are plain functions of a Request (and params).

import { createApiKey } from "@/lib/auth/api-keys";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
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
  /** A multipart upload instead of `body`. */
  form?: FormData;
  /** Who sends it: a user of that role (by API key), or nobody. Default: a researcher. */
  as?: Role | "anonymous";
}

export interface TestResponse {
  status: number;
  json: unknown;
  /** The fields an error response names (empty for a success). */
  fields: string[];
  code: string | undefined;
}

export async function callRoute(handler: RouteHandler, request: TestRequest): Promise<TestResponse> {
  const { method = "GET", url, params = {}, body, form, contentType, as = "researcher" } = request;
  const headers = new Headers();
  if (as !== "anonymous") headers.set("authorization", `Bearer ${await testKeyFor(as)}`);
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    headers.set("content-type", contentType ?? "application/json");
  }
  if (form !== undefined) init.body = form;
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

// One user per role per test file (every file has a database of its own).
const testKeys = new Map<Role, Promise<string>>();

/** An API key of a user with `role`, made on first use in this file's database. */
export function testKeyFor(role: Role): Promise<string> {
  let key = testKeys.get(role);
  if (!key) {
    key = createUser({ email: `${role}@test.invalid`, role }, null).then(
      async ({ user }) => (await createApiKey(user.id, "tests")).key,
    );
    testKeys.set(role, key);
  }
  return key;
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
