import { ZodError, type z } from "zod";
import { AppError } from "@/lib/errors";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every thrown error becomes a JSON response naming the field or record. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  if (error instanceof ZodError) return fromZodError(error).toResponse();
  console.error(error);
  return new AppError("internal", "Something went wrong on the server").toResponse();
}

export function fromZodError(error: ZodError): AppError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.join(".") || "(body)",
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("validation", `Invalid request: ${summary}`, issues);
}

/** Parses the query string of a request with a zod schema (repeated keys become arrays). */
export function parseSearchParams<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return schema.parse(record);
}

export async function parseJsonBody<S extends z.ZodType>(schema: S, request: Request): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON", [
      { field: "(body)", message: "invalid JSON" },
    ]);
  }
  return schema.parse(body);
}
