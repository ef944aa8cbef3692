import type { IntakeRequest } from "../model/intake.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type {
  FiredRule,
  PartnerMatch,
  TriageContext,
  TriageDecision,
  TriageOutcome,
  TriageReason,
} from "../model/triage.js";
import { holds } from "./conditions.js";
import { findPartner, rankPartners } from "./rank-partners.js";
import { reason } from "./reasons.js";

export interface TriageInput {
  readonly intake: IntakeRequest;
  readonly profile: ProgrammeProfile;
  readonly context: TriageContext;
  /** When the decision is taken (the core has no clock). */
  readonly now: Date;
}

/**
 * Route an accepted intake that cannot be taken on now: to the best-fitting partner programme, or
 * else to a one-off conversation. Never a queue, never a bare no.
 */
function routeElsewhere(
  profile: ProgrammeProfile,
  partners: readonly PartnerMatch[],
): { outcome: TriageOutcome; reasons: TriageReason[] } {
  const best = partners[0];
  const partner = best === undefined ? undefined : findPartner(profile, best.partnerId);
  if (best === undefined || partner === undefined) {
    return { outcome: { kind: "oneOff" }, reasons: [reason("oneOffInstead", {})] };
  }
  return {
    outcome: { kind: "refer", partnerId: partner.id },
    reasons: [reason("routedToPartner", { partner: partner.id, topics: best.matchedTopics })],
  };
}

/**
 * Triage one intake: evaluate the profile's ordered rules (the first that fires decides; every rule
 * that fires is reported), then apply the capacity rule — an accepted intake for a full meeting, or
 * one the mentor network cannot staff, is referred or offered a one-off conversation. Pure and total:
 * every valid intake gets exactly one outcome with at least one reason.
 *
 * @example
 * const decision = evaluateTriage({
 *   intake,
 *   profile: friesland,
 *   context: { placesLeft: 2, network: { canStaff: true, shortTopics: [] } },
 *   now: new Date("2026-11-26"),
 * });
 * decision.outcome.kind; // "accept"
 */
export function evaluateTriage({ intake, profile, context, now }: TriageInput): TriageDecision {
  const fired: FiredRule[] = profile.triage.rules
    .filter((r) => holds(r.when, intake))
    .map((r) => ({ ruleId: r.id, outcome: r.outcome, reason: r.reason }));
  const partners = rankPartners(intake, profile);
  const first = fired[0];
  const reasons: TriageReason[] = [];
  let outcome: TriageOutcome;
  if (first === undefined) {
    outcome = profile.triage.fallback;
    reasons.push(reason("noRuleMatched", {}));
  } else {
    outcome = first.outcome;
    reasons.push(
      first.reason === "outsideRegion"
        ? reason("outsideRegion", { region: intake.venture.region }, first.ruleId)
        : reason(first.reason, {}, first.ruleId),
    );
  }
  if (outcome.kind === "accept") {
    const blocked =
      context.placesLeft <= 0
        ? reason("quotaFull", { placesLeft: context.placesLeft })
        : !context.network.canStaff
          ? reason("noTeamForTopics", { topics: context.network.shortTopics })
          : undefined;
    if (blocked !== undefined) {
      const routed = routeElsewhere(profile, partners);
      outcome = routed.outcome;
      reasons.push(blocked, ...routed.reasons);
    }
  }
  return { intakeId: intake.id, decidedAt: now, outcome, reasons, fired, partners, context };
}
