import type { MessageParams } from "../messages/catalogue.js";
import type { PartnerId, RuleId, TopicId } from "../model/brand.js";
import type { TriageReason, TriageReasonCode } from "../model/triage.js";

/**
 * What a reason records beside its code: ids and numbers, never a finished sentence. A partner and
 * topics are kept by id and named when the reason is read (`describeReason`), in the reader's
 * language.
 */
export type ReasonParams = {
  readonly [K in TriageReasonCode]: K extends "routedToPartner"
    ? { readonly partner: PartnerId; readonly topics: readonly TopicId[] }
    : K extends "noTeamForTopics"
      ? { readonly topics: readonly TopicId[] }
      : MessageParams[K];
};

/** A reason as the store keeps it: its code and parameters. */
export function reason<K extends TriageReasonCode>(
  code: K,
  params: ReasonParams[K],
  ruleId?: RuleId,
): TriageReason {
  const base = { code, params: params as TriageReason["params"] };
  return ruleId === undefined ? base : { ...base, ruleId };
}
