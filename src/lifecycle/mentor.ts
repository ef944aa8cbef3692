import { err, ok, type Result } from "neverthrow";
import { match, P } from "ts-pattern";
import type { IllegalMentorTransition } from "../errors.js";
import type { MentorId, VentureId } from "../model/brand.js";
import { addMonths } from "../model/dates.js";
import type { Mentor, MentorState } from "../model/mentor.js";

/** What can happen to a mentor's standing in the programme. */
export type MentorEvent =
  | { readonly type: "approved"; readonly on: Date }
  | { readonly type: "paused"; readonly on: Date; readonly until?: Date }
  | { readonly type: "resumed"; readonly on: Date }
  | { readonly type: "retired"; readonly on: Date }
  | { readonly type: "ethicsStatementSigned"; readonly on: Date };

export type MentorEventType = MentorEvent["type"];
export const mentorEventTypes: readonly MentorEventType[] = [
  "approved",
  "paused",
  "resumed",
  "retired",
  "ethicsStatementSigned",
];

/**
 * applicant → active ⇄ paused → retired; an ethics statement can be signed in any state but
 * retired. Every (state, event) pair has an answer: the new record or a typed error.
 *
 * @example
 * transitionMentor(applicant, { type: "approved", on }); // Ok(active)
 */
export function transitionMentor(m: Mentor, e: MentorEvent): Result<Mentor, IllegalMentorTransition> {
  const illegal = (): Result<Mentor, IllegalMentorTransition> =>
    err({ type: "IllegalMentorTransition", mentorId: m.id, state: m.state, event: e.type });
  return match<[MentorState, MentorEvent], Result<Mentor, IllegalMentorTransition>>([m.state, e])
    .with(["applicant", { type: "approved" }], () => ok({ ...m, state: "active" }))
    .with(["active", { type: "paused" }], ([, ev]) =>
      ok({
        ...m,
        state: "paused",
        pauses: [...m.pauses, ev.until === undefined ? { from: ev.on } : { from: ev.on, until: ev.until }],
      }),
    )
    .with(["paused", { type: "resumed" }], ([, ev]) =>
      ok({
        ...m,
        state: "active",
        pauses: m.pauses.map((p) =>
          p.until === undefined || p.until > ev.on ? { from: p.from, until: ev.on } : p,
        ),
      }),
    )
    .with([P.union("active", "paused"), { type: "retired" }], () => ok({ ...m, state: "retired" }))
    .with([P.union("applicant", "active", "paused"), { type: "ethicsStatementSigned" }], ([, ev]) =>
      ok({ ...m, ethicsStatementSignedOn: ev.on }),
    )
    .with(["applicant", { type: P.union("paused", "resumed", "retired") }], illegal)
    .with(["active", { type: P.union("approved", "resumed") }], illegal)
    .with(["paused", { type: P.union("approved", "paused") }], illegal)
    .with(["retired", P._], illegal)
    .exhaustive();
}

/**
 * Whether the mentor's ethics statement is in force on `asOf`: signed within `validityMonths`, and
 * not breached by a recorded benefit the manager has not resolved yet (an `ethicsHold`). Every rule
 * that asks whether a mentor may be matched asks this.
 */
export function ethicsStatementCurrent(m: Mentor, asOf: Date, validityMonths: number): boolean {
  if (m.ethicsHold !== undefined) return false;
  const signed = m.ethicsStatementSignedOn;
  const expires = ethicsStatementExpires(m, validityMonths);
  return signed !== undefined && expires !== undefined && signed <= asOf && expires > asOf;
}

/** When the mentor's ethics statement stops being in force (undefined: never signed). */
export function ethicsStatementExpires(m: Mentor, validityMonths: number): Date | undefined {
  const signed = m.ethicsStatementSignedOn;
  return signed === undefined ? undefined : addMonths(signed, validityMonths);
}

import type { BenefitKind } from "../model/mentor.js";

export { type BenefitKind, benefitKinds } from "../model/mentor.js";

/** How the manager resolved an ethics hold: the benefit was given back, it was no benefit after all, or otherwise. */
export const ethicsResolutions = ["benefitReturned", "noBenefit", "other"] as const;
export type EthicsResolution = (typeof ethicsResolutions)[number];

/** Mentors are unpaid: anything of value from a venture is a violation of the ethics statement. */
export interface EthicsViolation {
  readonly type: "EthicsViolation";
  readonly mentorId: MentorId;
  readonly ventureId: VentureId;
  readonly kind: BenefitKind;
  readonly on: Date;
}

/**
 * Record a compensation, gift, fee or equity a mentor received from a venture. It is always a
 * violation (rule 3): the programme must act on it; the library never lets it pass silently.
 */
export function recordBenefit(args: {
  readonly mentorId: MentorId;
  readonly ventureId: VentureId;
  readonly kind: BenefitKind;
  readonly on: Date;
}): EthicsViolation {
  return { type: "EthicsViolation", ...args };
}
