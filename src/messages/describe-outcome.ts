import { match } from "ts-pattern";
import { type Locale, type ProgrammeProfile, topicLabel } from "../model/profile.js";
import type { TriageOutcome, TriageReason } from "../model/triage.js";
import { catalogues, message } from "./catalogue.js";

/**
 * The triage outcome for people, in the reader's language (the profile's by default): accepted,
 * referred to a named partner programme, a one-off conversation, or not ready yet with the advice —
 * never a bare "no".
 *
 * @example
 * describeOutcome(decision.outcome, friesland); // "Doorverwezen naar Ynbusiness."
 * describeOutcome(decision.outcome, friesland, "en"); // "Referred to Ynbusiness."
 */
export function describeOutcome(
  outcome: TriageOutcome,
  profile: ProgrammeProfile,
  locale: Locale = profile.locale,
): string {
  const l = locale;
  return match(outcome)
    .with({ kind: "accept" }, () => message(l, "outcome.accept", {}))
    .with({ kind: "refer" }, (o) =>
      message(l, "outcome.refer", { partner: partnerName(profile, o.partnerId) }),
    )
    .with({ kind: "oneOff" }, () => message(l, "outcome.oneOff", {}))
    .with({ kind: "notReady" }, (o) =>
      message(l, "outcome.notReady", { advice: message(l, `advice.${o.advice}`, {}) }),
    )
    .exhaustive();
}

const partnerName = (profile: ProgrammeProfile, id: string) =>
  profile.partners.find((p) => p.id === id)?.name ?? id;

/**
 * A triage reason in the reader's language, rendered from its code and parameters when read: the
 * partner by its name and the topics by their labels in that language. (Decisions stored before
 * 2026-12 kept topics as one joined label; they read as recorded.)
 *
 * @example
 * for (const r of decision.reasons) console.log(describeReason(r, "en", friesland));
 * // "Referred to Ynbusiness, which serves export and internationalisation."
 */
export function describeReason(reason: TriageReason, locale: Locale, profile: ProgrammeProfile): string {
  const { partner, topics } = reason.params;
  const params = {
    ...reason.params,
    ...(typeof partner === "string" ? { partner: partnerName(profile, partner) } : {}),
    ...(topics === undefined
      ? {}
      : {
          topics: (typeof topics === "object" ? topics : [String(topics)]).map((t) =>
            topicLabel(profile, t, locale),
          ),
        }),
  };
  return (catalogues[locale][reason.code] as (p: object) => string)(params);
}
