/**
 * What a host does with each of the library's errors, decided once and exhaustively (ts-pattern):
 * a new error type in the library is a compile error here until someone decides.
 */
import { match } from "ts-pattern";
import { errorClass, type VentureMentoringError } from "venture-mentoring";

/** The command line's exit codes (README, "Command line"). */
export const exitCodes = {
  ok: 0,
  usage: 1,
  invalidInput: 2,
  refused: 3,
  notFound: 4,
  storeUnavailable: 5,
  defect: 70,
} as const;

export function exitCodeOf(e: VentureMentoringError): number {
  return match(errorClass(e))
    .with("invalid", () => exitCodes.invalidInput)
    .with("refused", () => exitCodes.refused)
    .with("notFound", () => exitCodes.notFound)
    .with("unavailable", () => exitCodes.storeUnavailable)
    .with("defect", () => exitCodes.defect)
    .exhaustive();
}

/** The HTTP status of an error: 422 bad input, 409 refused by a rule, 404, 503, 500 for a defect. */
export function httpStatusOf(e: VentureMentoringError): 404 | 409 | 422 | 500 | 503 {
  return match(errorClass(e))
    .with("invalid", () => 422 as const)
    .with("refused", () => 409 as const)
    .with("notFound", () => 404 as const)
    .with("unavailable", () => 503 as const)
    .with("defect", () => 500 as const)
    .exhaustive();
}
