import { match } from "ts-pattern";
import type { ProgrammeProfile } from "../model/profile.js";
import type { TriageOutcome } from "../model/triage.js";
import { message } from "./catalogue.js";

/**
 * The triage outcome for people, in the profile's language: accepted, referred to a named partner
 * programme, a one-off conversation, or not ready yet with the advice — never a bare "no".
 *
 * @example
 * describeOutcome({ kind: "refer", partnerId: "ynbusiness" }, friesland); // "Doorverwezen naar Ynbusiness…"
 */
export function describeOutcome(outcome: TriageOutcome, profile: ProgrammeProfile): string {
  const l = profile.locale;
  return match(outcome)
    .with({ kind: "accept" }, () => message(l, "outcome.accept", {}))
    .with({ kind: "refer" }, (o) =>
      message(l, "outcome.refer", {
        partner: profile.partners.find((p) => p.id === o.partnerId)?.name ?? o.partnerId,
      }),
    )
    .with({ kind: "oneOff" }, () => message(l, "outcome.oneOff", {}))
    .with({ kind: "notReady" }, (o) =>
      message(l, "outcome.notReady", { advice: message(l, `advice.${o.advice}`, {}) }),
    )
    .exhaustive();
}
