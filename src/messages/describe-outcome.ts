import { match } from "ts-pattern";
import type { Locale, ProgrammeProfile } from "../model/profile.js";
import type { TriageOutcome, TriageReason } from "../model/triage.js";
import { catalogues, message } from "./catalogue.js";

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

/**
 * A triage reason in another language than the one it was recorded in (its `text` is in the
 * profile's language at decision time): rendered again from its code and parameters. Names inside
 * the parameters (topics, partners) stay as recorded.
 *
 * @example
 * describeReason(decision.reasons[0], "en");
 */
export function describeReason(reason: TriageReason, locale: Locale): string {
  const render = catalogues[locale][reason.code] as
    | ((p: Readonly<Record<string, string | number>>) => string)
    | undefined;
  return render === undefined ? reason.text : render(reason.params);
}
