import { ZodError, type z } from "zod";
import { type CurrentUser, requireUser, userFromHeaders } from "@/lib/auth/current-user";
import { checkGenerationRate } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

/** What Next passes a route handler besides the request; the segments of dynamic routes. */
export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

type Handler = (request: Request, context?: RouteContext) => Promise<Response>;

type Schema = z.ZodType;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** Who may call a route: anyone, or a signed-in user (cookie or API key) with at least this role. */
export type RouteRole = Role | "public";
type UserFor<R extends RouteRole> = R extends "public" ? CurrentUser | null : CurrentUser;

/**
 * What a route accepts and answers. The role is checked first (401 signed out, 403 naming the role
 * needed), so that nobody learns anything about a route they may not call; then every part is
 * parsed, and a failure is a 4xx naming the field.
 */
export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends RouteRole = RouteRole,
> {
  /** Required, so that no route can forget it. */
  role: R;
  /** Counted against the user's generation budget (429 beyond it): starting sessions and runs. */
  rateLimit?: "generation";
  /** The dynamic segments, e.g. `idParamsSchema`. */
  params?: P;
  /** The query string; repeated keys arrive as arrays. */
  query?: Q;
  /** A JSON body; anything else is 415. An empty body parses as `{}`. */
  body?: B;
  /** An upload: the body must be multipart/form-data (else 415); the handler reads it from `request`. */
  multipart?: true;
  /** Checked before the data is sent (outside production): a drift between code and schema is a bug. */
  response?: Schema;
  /** For data the handler returns (a Response it returns is sent as it is). Default 200. */
  status?: number;
}

export interface RouteInput<P, Q, B, U = CurrentUser | null> {
  request: Request;
  user: U;
  params: P;
  query: Q;
  body: B;
}

/**
 * The one wrapper of every route handler: parses params, query and body with zod, hands the
 * handler typed values, sends what it returns as JSON (or the Response it builds), and turns every
 * thrown error into a JSON error response naming the field or record.
 */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends RouteRole = RouteRole,
>(
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<Parsed<P>, Parsed<Q>, Parsed<B>, UserFor<R>>) => Promise<unknown>,
): Handler;
export function route(
  spec: RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>,
  handler: (input: RouteInput<unknown, unknown, unknown>) => Promise<unknown>,
): Handler {
  return async (request, context) => {
    try {
      const user =
        spec.role === "public" ? await optionalUser(request) : await requireUser(request.headers, spec.role);
      if (spec.rateLimit && user) checkGenerationRate(user.id);
      assertContentType(request, spec.multipart ? MULTIPART_TYPE : JSON_TYPE);
      const params = spec.params
        ? parseWith(spec.params, (await context?.params) ?? {}, "(params)")
        : undefined;
      const query = spec.query ? parseSearchParams(spec.query, new URL(request.url).searchParams) : undefined;
      const body = spec.body ? await parseJsonBody(spec.body, request) : undefined;
      const result = await handler({ request, user, params, query, body });
      if (result instanceof Response) return result;
      if (spec.response && process.env.NODE_ENV !== "production") {
        parseWith(spec.response, result, "(response)");
      }
      return Response.json(result, { status: spec.status ?? 200 });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** A public route still knows who asks when someone is signed in (never an error). */
async function optionalUser(request: Request): Promise<CurrentUser | null> {
  return request.headers.has("authorization") || request.headers.has("cookie")
    ? userFromHeaders(request.headers)
    : null;
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  if (error instanceof ZodError) return fromZodError(error).toResponse();
  console.error(error);
  return new AppError("internal", "Something went wrong on the server").toResponse();
}

/** A validation AppError whose issues name each field (`root` where the whole input is at fault). */
export function fromZodError(error: ZodError, root = "(body)"): AppError {
  // A key may be anything a client sent, even "": quoted then, so that every issue names a field.
  const name = (key: PropertyKey) => (key === "" ? '""' : String(key));
  const issues = error.issues.flatMap((issue) => {
    const at = issue.path.map(name);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        field: [...at, name(key)].join("."),
        message: "is not a known field",
      }));
    }
    return [{ field: at.join(".") || root, message: issue.message }];
  });
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("validation", `Invalid request: ${summary}`, issues);
}

function parseWith<S extends Schema>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const failure = fromZodError(result.error, root);
    // A response that does not match its schema is our bug, not the caller's.
    if (root === "(response)") throw new AppError("internal", failure.message, failure.issues);
    throw failure;
  }
  return result.data;
}

/** Parses the query string of a request with a zod schema (repeated keys become arrays). */
export function parseSearchParams<S extends Schema>(schema: S, params: URLSearchParams): z.output<S> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return parseWith(schema, record, "(query)");
}

export async function parseJsonBody<S extends Schema>(schema: S, request: Request): Promise<z.output<S>> {
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== "") {
    if (request.headers.get("content-type") === null) throw unsupportedMediaType("no content-type");
    try {
      body = JSON.parse(text);
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON", [
        { field: "(body)", message: "invalid JSON" },
      ]);
    }
  }
  return parseWith(schema, body, "(body)");
}

const JSON_TYPE = { pattern: /^application\/([\w.+-]+\+)?json\s*(;|$)/i, name: "application/json" };
const MULTIPART_TYPE = { pattern: /^multipart\/form-data\s*;/i, name: "multipart/form-data" };

/**
 * A mutation that says it carries anything but what the route takes is refused (415). Besides
 * honesty this closes blind CSRF on JSON routes: a cross-site page can post `text/plain` or a form
 * without a CORS preflight, but not `application/json`. An upload must say it is one.
 */
function assertContentType(request: Request, expected: typeof JSON_TYPE): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const type = request.headers.get("content-type");
  if (type === null ? expected === MULTIPART_TYPE : !expected.pattern.test(type)) {
    throw unsupportedMediaType(type ?? "no content-type", expected.name);
  }
}

function unsupportedMediaType(type: string, expected = JSON_TYPE.name): AppError {
  return new AppError("unsupported_media_type", `Send the body as ${expected}, not ${type}`, [
    { field: "content-type", message: `must be ${expected}` },
  ]);
}
