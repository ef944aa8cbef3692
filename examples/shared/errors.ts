/**
 * What a host does with each of the library's errors, decided once and exhaustively (ts-pattern):
 * a new error type in the library is a compile error here until someone decides.
 */
import { match } from "ts-pattern";
import type { VentureMentoringError } from "venture-mentoring";

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

export type ErrorClass = "invalid" | "refused" | "notFound" | "unavailable" | "defect";

export function classify(e: VentureMentoringError): ErrorClass {
  return match(e)
    .with(
      { type: "ValidationFailed" },
      { type: "UnknownPartner" },
      { type: "NotAReferral" },
      () => "invalid" as const,
    )
    .with(
      { type: "QuotaFull" },
      { type: "NoTeamPossible" },
      { type: "CaseNotInRound" },
      { type: "IllegalTransition" },
      { type: "TeamChangeRefused" },
      { type: "IllegalMentorTransition" },
      { type: "SessionRefused" },
      { type: "IdempotencyConflict" },
      { type: "TeamRefused" },
      { type: "StoreConflict" },
      () => "refused" as const,
    )
    .with({ type: "NotFound" }, () => "notFound" as const)
    .with({ type: "StoreUnavailable" }, () => "unavailable" as const)
    .with({ type: "SolverDefect" }, () => "defect" as const)
    .exhaustive();
}

export function exitCodeOf(e: VentureMentoringError): number {
  return match(classify(e))
    .with("invalid", () => exitCodes.invalidInput)
    .with("refused", () => exitCodes.refused)
    .with("notFound", () => exitCodes.notFound)
    .with("unavailable", () => exitCodes.storeUnavailable)
    .with("defect", () => exitCodes.defect)
    .exhaustive();
}

/** The HTTP status of an error: 422 bad input, 409 refused by a rule, 404, 503, 500 for a defect. */
export function httpStatusOf(e: VentureMentoringError): 404 | 409 | 422 | 500 | 503 {
  return match(classify(e))
    .with("invalid", () => 422 as const)
    .with("refused", () => 409 as const)
    .with("notFound", () => 404 as const)
    .with("unavailable", () => 503 as const)
    .with("defect", () => 500 as const)
    .exhaustive();
}
