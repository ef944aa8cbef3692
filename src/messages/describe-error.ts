import { match } from "ts-pattern";
import type { VentureMentoringError } from "../errors.js";
import type { Locale } from "../model/profile.js";
import { message } from "./catalogue.js";

/**
 * The human message for any error the library returns, in the given locale.
 *
 * @example
 * describeError({ type: "QuotaFull", placesLeft: 0 }, "en");
 */
export function describeError(error: VentureMentoringError, locale: Locale): string {
  return match(error)
    .with({ type: "ValidationFailed" }, (e) =>
      message(locale, "error.ValidationFailed", {
        subject: e.subject,
        fields: e.issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; "),
      }),
    )
    .with({ type: "UnknownPartner" }, (e) =>
      message(locale, "error.UnknownPartner", { partnerId: e.partnerId }),
    )
    .with({ type: "QuotaFull" }, (e) => message(locale, "error.QuotaFull", { placesLeft: e.placesLeft }))
    .with({ type: "NoTeamPossible" }, (e) =>
      message(locale, "error.NoTeamPossible", { topics: e.shortTopics.join(", ") }),
    )
    .with({ type: "NotAReferral" }, (e) =>
      message(locale, "error.NotAReferral", { outcome: message(locale, `outcomeKind.${e.outcome}`, {}) }),
    )
    .with({ type: "SolverDefect" }, (e) =>
      message(locale, "error.SolverDefect", {
        rules: [...new Set(e.violations.map((v) => v.rule))].join(", "),
      }),
    )
    .with({ type: "CaseNotInRound" }, (e) => message(locale, "error.CaseNotInRound", { case: e.caseId }))
    .with({ type: "IllegalTransition" }, (e) =>
      message(locale, "error.IllegalTransition", {
        case: e.caseId,
        state: message(locale, `state.${e.state}`, {}),
        event: message(locale, `event.${e.event}`, {}),
      }),
    )
    .with({ type: "TeamChangeRefused" }, (e) =>
      message(locale, "error.TeamChangeRefused", {
        case: e.caseId,
        mentor: e.mentorId,
        reason: message(locale, `refusal.teamChange.${e.reason}`, {}),
      }),
    )
    .with({ type: "IllegalMentorTransition" }, (e) =>
      message(locale, "error.IllegalMentorTransition", {
        mentor: e.mentorId,
        state: message(locale, `mentorState.${e.state}`, {}),
        event: message(locale, `mentorEvent.${e.event}`, {}),
      }),
    )
    .with({ type: "SessionRefused" }, (e) =>
      message(locale, "error.SessionRefused", {
        session: e.sessionId,
        reason: message(locale, `refusal.session.${e.reason}`, {}),
        mentor: e.mentorId ?? "",
      }),
    )
    .with({ type: "NotFound" }, (e) =>
      message(locale, "error.NotFound", {
        collection: message(locale, `collection.${e.collection}`, {}),
        id: e.id,
      }),
    )
    .with({ type: "IdempotencyConflict" }, (e) =>
      message(locale, "error.IdempotencyConflict", { key: e.key }),
    )
    .with({ type: "TeamRefused" }, (e) =>
      message(locale, "error.TeamRefused", {
        case: e.caseId,
        mentor: e.mentorId,
        reason: message(locale, `refusal.team.${e.reason}`, {}),
      }),
    )
    .with({ type: "ConsentRefused" }, (e) =>
      message(locale, `error.ConsentRefused.${e.reason}`, { case: e.caseId, mentor: e.mentorId }),
    )
    .with({ type: "VentureHasOpenCase" }, (e) =>
      message(locale, "error.VentureHasOpenCase", { intake: e.intakeId, cases: e.caseIds.join(", ") }),
    )
    .with({ type: "ConsentMissing" }, (e) =>
      message(locale, "error.ConsentMissing", { case: e.caseId, mentors: e.mentorIds.join(", ") }),
    )
    .with({ type: "StoreConflict" }, (e) =>
      message(locale, "error.StoreConflict", {
        collection: message(locale, `collection.${e.collection}`, {}),
        id: e.id,
      }),
    )
    .with({ type: "StoreUnavailable" }, (e) => message(locale, "error.StoreUnavailable", { cause: e.cause }))
    .exhaustive();
}
