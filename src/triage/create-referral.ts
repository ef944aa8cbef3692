import { err, ok, type Result } from "neverthrow";
import type { NotAReferral, UnknownPartner } from "../errors.js";
import type { ReferralId } from "../model/brand.js";
import type { IntakeRequest } from "../model/intake.js";
import type { FollowUpStatus, Referral } from "../model/partner.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { TriageDecision } from "../model/triage.js";
import { findPartner } from "./rank-partners.js";

/**
 * Record the referral a triage decision made: partner, the reasons' codes, the date and a pending
 * follow-up. The handover is warm (the programme passes the question on) only if the mentee consented.
 *
 * @example
 * createReferral({ id: "ref-1" as ReferralId, intake, decision, profile: friesland, now });
 */
export function createReferral(args: {
  readonly id: ReferralId;
  readonly intake: IntakeRequest;
  readonly decision: TriageDecision;
  readonly profile: ProgrammeProfile;
  readonly now: Date;
}): Result<Referral, UnknownPartner | NotAReferral> {
  const { id, intake, decision, profile, now } = args;
  const outcome = decision.outcome;
  if (outcome.kind !== "refer") return err({ type: "NotAReferral", outcome: outcome.kind });
  if (findPartner(profile, outcome.partnerId) === undefined) {
    return err({ type: "UnknownPartner", partnerId: outcome.partnerId });
  }
  return ok({
    id,
    intakeId: intake.id,
    partnerId: outcome.partnerId,
    reasons: decision.reasons.map((r) => r.code),
    date: now,
    warmHandover: intake.consent.shareWithPartners,
    followUp: { status: "pending", updatedAt: now },
  });
}

/** Record what became of a referral. */
export function recordReferralFollowUp(
  referral: Referral,
  status: FollowUpStatus,
  now: Date,
  note?: string,
): Referral {
  return {
    ...referral,
    followUp: note === undefined ? { status, updatedAt: now } : { status, updatedAt: now, note },
  };
}
