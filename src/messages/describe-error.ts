import { match } from "ts-pattern";
import type { ValidationIssue, VentureMentoringError } from "../errors.js";
import type { Locale } from "../model/profile.js";
import { catalogues, message } from "./catalogue.js";
import { idsOnly, type Naming } from "./describe-proposal.js";
import { formatList } from "./format.js";

/**
 * The human message for any error the library returns, in the given locale; with a `naming`, the
 * mentors and topics it mentions read by name and label instead of by id.
 *
 * @example
 * describeError({ type: "QuotaFull", placesLeft: 0 }, "en"); // "The next meeting is full; …"
 */
export function describeError(
  error: VentureMentoringError,
  locale: Locale,
  naming: Naming = idsOnly,
): string {
  return match(error)
    .with({ type: "ValidationFailed" }, (e) =>
      message(locale, "error.ValidationFailed", {
        subject:
          (catalogues[locale] as Record<string, ((p: object) => string) | undefined>)[
            `subject.${e.subject}`
          ]?.({}) ?? message(locale, "subject.other", {}),
        fields: e.issues.map((i) => describeIssue(i, locale)).join("; "),
      }),
    )
    .with({ type: "UnknownPartner" }, (e) =>
      message(locale, "error.UnknownPartner", { partnerId: e.partnerId }),
    )
    .with({ type: "QuotaFull" }, (e) => message(locale, "error.QuotaFull", { placesLeft: e.placesLeft }))
    .with({ type: "NoTeamPossible" }, (e) =>
      message(locale, "error.NoTeamPossible", { topics: e.shortTopics.map(naming.topic) }),
    )
    .with({ type: "NotAReferral" }, (e) =>
      message(locale, "error.NotAReferral", { outcome: message(locale, `outcomeKind.${e.outcome}`, {}) }),
    )
    .with({ type: "SolverDefect" }, (e) =>
      message(locale, "error.SolverDefect", {
        rules: [...new Set(e.violations.map((v) => v.rule))],
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
        mentor: naming.mentor(e.mentorId),
        reason: message(locale, `refusal.teamChange.${e.reason}`, {}),
      }),
    )
    .with({ type: "IllegalMentorTransition" }, (e) =>
      e.seatedOn !== undefined && e.seatedOn.length > 0
        ? message(locale, "error.IllegalMentorTransition.seated", {
            mentor: naming.mentor(e.mentorId),
            cases: formatList(
              locale,
              e.seatedOn.map((c) => naming.case?.(c) ?? c),
            ),
          })
        : message(locale, "error.IllegalMentorTransition", {
            mentor: naming.mentor(e.mentorId),
            state: message(locale, `mentorState.${e.state}`, {}),
            event: message(locale, `mentorEvent.${e.event}`, {}),
          }),
    )
    .with({ type: "SessionRefused" }, (e) =>
      message(locale, "error.SessionRefused", {
        session: e.sessionId,
        reason: message(locale, `refusal.session.${e.reason}`, {}),
        mentor: e.mentorId === undefined ? "" : naming.mentor(e.mentorId),
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
        mentor: naming.mentor(e.mentorId),
        reason: message(locale, `refusal.team.${e.reason}`, {}),
      }),
    )
    .with({ type: "ConsentRefused" }, (e) =>
      message(locale, `error.ConsentRefused.${e.reason}`, {
        case: e.caseId,
        mentor: naming.mentor(e.mentorId),
      }),
    )
    .with({ type: "VentureHasOpenCase" }, (e) =>
      message(locale, "error.VentureHasOpenCase", { intake: e.intakeId, cases: e.caseIds }),
    )
    .with({ type: "ConsentMissing" }, (e) =>
      message(locale, "error.ConsentMissing", { case: e.caseId, mentors: e.mentorIds.map(naming.mentor) }),
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

/** A parameterless text the catalogue may have (a field's or a subject's label), or `undefined`. */
function optional(locale: Locale, key: string): string | undefined {
  const render = (catalogues[locale] as Readonly<Record<string, ((p: object) => string) | undefined>>)[key];
  return Object.hasOwn(catalogues[locale], key) ? render?.({}) : undefined;
}

/** The message of a rule of the library's own (`rule.<name>` in the catalogue), if it has one. */
function optionalRule(locale: Locale, rule: string): ((p: { field: string }) => string) | undefined {
  const key = `rule.${rule}`;
  return Object.hasOwn(catalogues[locale], key)
    ? (catalogues[locale] as unknown as Readonly<Record<string, (p: { field: string }) => string>>)[key]
    : undefined;
}

/**
 * The field an issue is about, for people: its label in the reader's language where the catalogue
 * has one (`venture.employees` → "Aantal medewerkers"), else its path with rows counted from 1
 * (`3.email` → "#4 › email").
 */
export function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split(".");
  const label = optional(locale, `field.${parts.filter((part) => !/^\d+$/.test(part)).join(".")}`);
  const rows = parts.filter((part) => /^\d+$/.test(part)).map((part) => `#${Number(part) + 1}`);
  if (label !== undefined) return rows.length === 0 ? label : `${label} (${rows.join(", ")})`;
  if (path === "") return message(locale, "issue.input", {});
  return parts.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(" › ");
}

/**
 * One thing wrong with an input, in the reader's language: the field's label and what it needs
 * ("Aantal medewerkers moet 0 of meer zijn"). A rule of the library's own says its message as
 * written.
 *
 * @example
 * describeIssue({ path: "venture.employees", code: "too_small", message: "…", params: { minimum: 0, origin: "number" } }, "nl");
 */
export function describeIssue(issue: ValidationIssue, locale: Locale): string {
  const field = fieldLabel(issue.path, locale);
  const p = issue.params ?? {};
  const origin =
    p.origin === "number" || p.origin === "string" || p.origin === "array" ? p.origin : undefined;
  if (issue.code === "too_small" && origin !== undefined) {
    const minimum = Number(p.minimum);
    if (origin !== "number" && minimum === 1) return message(locale, "issue.required", { field });
    return message(locale, `issue.tooSmall.${origin}`, { field, minimum });
  }
  if (issue.code === "too_big" && origin !== undefined)
    return message(locale, `issue.tooBig.${origin}`, { field, maximum: Number(p.maximum) });
  if (issue.code === "invalid_type") {
    const expected = p.expected;
    if (expected === "number" || expected === "int") return message(locale, "issue.notANumber", { field });
    if (expected === "string") return message(locale, "issue.notText", { field });
    if (expected === "date") return message(locale, "issue.notADate", { field });
    return message(locale, "issue.wrongKind", { field });
  }
  if (issue.code === "invalid_format" && p.format === "email")
    return message(locale, "issue.email", { field });
  if (issue.code === "invalid_format")
    return issue.path.endsWith("registrationNumber")
      ? message(locale, "rule.registrationNumber", { field })
      : message(locale, "issue.pattern", { field });
  const rule = typeof p.rule === "string" ? optionalRule(locale, p.rule) : undefined;
  if (rule !== undefined) return rule({ field });
  if (issue.code === "invalid_value" || issue.code === "invalid_union")
    return message(locale, "issue.notAllowed", { field });
  return message(locale, "issue.other", { field, detail: issue.message });
}
