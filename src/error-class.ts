import { match } from "ts-pattern";
import type { VentureMentoringError } from "./errors.js";

/**
 * What kind of failure an error is, for a host to answer in its own protocol (an HTTP status, an
 * exit code): `invalid` — the input is wrong, fix it; `refused` — a rule or a concurrent change says
 * no now; `notFound`; `unavailable` — the store failed, try again later; `defect` — a bug.
 */
export type ErrorClass = "invalid" | "refused" | "notFound" | "unavailable" | "defect";

/**
 * The class of any error the library returns (exhaustive: a new error type is placed here first).
 *
 * @example
 * const status = { invalid: 422, refused: 409, notFound: 404, unavailable: 503, defect: 500 }[errorClass(e)];
 */
export function errorClass(e: VentureMentoringError): ErrorClass {
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
      { type: "ConsentRefused" },
      { type: "ConsentMissing" },
      { type: "VentureHasOpenCase" },
      { type: "StoreConflict" },
      () => "refused" as const,
    )
    .with({ type: "NotFound" }, () => "notFound" as const)
    .with({ type: "StoreUnavailable" }, () => "unavailable" as const)
    .with({ type: "SolverDefect" }, () => "defect" as const)
    .exhaustive();
}
