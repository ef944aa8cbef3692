import type { Result } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import { parseWith } from "../model/parse.js";
import { type Session, sessionSchema } from "./session.js";

/**
 * Parse a session record: at least one mentor, the mentee present, one note author who attended,
 * a case session names its case, a one-off is one mentor and no case.
 *
 * @example
 * parseSession({ id: "s-1", kind: "case", caseId: "case-1", on: "2026-12-10", minutes: 90, … });
 */
export function parseSession(raw: unknown): Result<Session, ValidationFailed> {
  return parseWith(sessionSchema, "Session", raw);
}
