import { err, ok, type Result } from "neverthrow";
import type { z } from "zod";
import type { ValidationFailed, ValidationIssue } from "../errors.js";

const MAX_ISSUES = 50;

/**
 * Parse `raw` with `schema` into a Result. Never throws: input too deep for the parser, or a
 * hostile object whose getters throw, becomes a `ValidationFailed` at the root path.
 */
export function parseWith<T>(
  schema: z.ZodType<T>,
  subject: string,
  raw: unknown,
): Result<T, ValidationFailed> {
  let result: z.ZodSafeParseResult<T>;
  try {
    result = schema.safeParse(raw);
  } catch (cause) {
    const message = cause instanceof RangeError ? "is nested too deeply" : "could not be read";
    return err({ type: "ValidationFailed", subject, issues: [{ path: "", code: "unreadable", message }] });
  }
  if (result.success) return ok(result.data);
  const issues: ValidationIssue[] = result.error.issues.slice(0, MAX_ISSUES).map((i) => ({
    path: i.path.map(String).join("."),
    code: i.code,
    message: i.message,
  }));
  return err({ type: "ValidationFailed", subject, issues });
}
