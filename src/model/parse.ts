import { err, ok, type Result } from "neverthrow";
import type { z } from "zod";
import type { ValidationFailed, ValidationIssue } from "../errors.js";

const MAX_ISSUES = 50;

/** What a zod issue asked (a bound, a type), kept so the message can be said in any language. */
function issueParams(i: z.core.$ZodIssue): Readonly<Record<string, string | number>> | undefined {
  if (i.code === "too_small")
    return { minimum: Number(i.minimum), origin: String(i.origin), inclusive: i.inclusive === false ? 0 : 1 };
  if (i.code === "too_big")
    return { maximum: Number(i.maximum), origin: String(i.origin), inclusive: i.inclusive === false ? 0 : 1 };
  if (i.code === "invalid_type") return { expected: String(i.expected) };
  if (i.code === "invalid_format") return { format: String(i.format) };
  // A rule of the library's own names itself (`params: { rule }`), so it can be said in words.
  if (i.code === "custom" && typeof i.params?.rule === "string") return { rule: i.params.rule };
  return undefined;
}

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
  const issues: ValidationIssue[] = result.error.issues.slice(0, MAX_ISSUES).map((i) => {
    const params = issueParams(i);
    return {
      path: i.path.map(String).join("."),
      code: i.code,
      message: i.message,
      ...(params === undefined ? {} : { params }),
    };
  });
  return err({ type: "ValidationFailed", subject, issues });
}
