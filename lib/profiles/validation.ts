// Zod failures as the app's one error type, with a message that names each wrong field.

import type { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

const ISSUES_IN_MESSAGE = 3;

/** Returns the parsed value, or throws AppError("validation") whose message starts with `what`. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : "(value)",
    message: issue.message,
  }));
  const shown = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => `${issue.field}: ${issue.message}`);
  if (issues.length > ISSUES_IN_MESSAGE) shown.push(`and ${issues.length - ISSUES_IN_MESSAGE} more`);
  const message = shown.join("; ");
  throw new AppError("validation", what ? `${what}: ${message}` : message, issues);
}
