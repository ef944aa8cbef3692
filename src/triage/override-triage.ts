import { err, ok, type Result } from "neverthrow";
import type { TriageOverrideError } from "../errors.js";
import { parseWith } from "../model/parse.js";
import type { ProgrammeProfile } from "../model/profile.js";
import { overrideInputSchema, type TriageDecision } from "../model/triage.js";
import { findPartner } from "./rank-partners.js";
import { reason } from "./reasons.js";

/**
 * The programme manager overrides a triage decision with a recorded reason. The override keeps the
 * rules' original outcome beside the new one; overriding again replaces the earlier override. It cannot do what the programme never does: refer to
 * a partner the profile does not know, or accept a case for a full meeting or one no team can be
 * formed for (there is no waiting list).
 *
 * @example
 * overrideTriage(decision, { outcome: { kind: "oneOff" }, by: "pm-paula", reason: "Knows the sector well" }, friesland, now);
 */
export function overrideTriage(
  decision: TriageDecision,
  input: unknown,
  profile: ProgrammeProfile,
  now: Date,
): Result<TriageDecision, TriageOverrideError> {
  return parseWith(overrideInputSchema, "TriageOverride", input).andThen(
    (o): Result<TriageDecision, TriageOverrideError> => {
      if (o.outcome.kind === "refer" && findPartner(profile, o.outcome.partnerId) === undefined) {
        return err({ type: "UnknownPartner", partnerId: o.outcome.partnerId });
      }
      if (o.outcome.kind === "accept" && decision.context.placesLeft <= 0) {
        return err({ type: "QuotaFull", placesLeft: decision.context.placesLeft });
      }
      if (o.outcome.kind === "accept" && !decision.context.network.canStaff) {
        return err({ type: "NoTeamPossible", shortTopics: decision.context.network.shortTopics });
      }
      const original = decision.override?.original ?? decision.outcome;
      // The decision states the override in force, once: an override of an override replaces the
      // earlier one's reason (the audit trail keeps who overrode when), so no number of overrides
      // grows the decision.
      return ok({
        ...decision,
        outcome: o.outcome,
        reasons: [
          ...decision.reasons.filter((r) => r.code !== "managerOverride"),
          reason("managerOverride", { reason: o.reason }),
        ],
        override: { by: o.by, at: now, reason: o.reason, original },
      });
    },
  );
}
