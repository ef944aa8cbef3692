import { type MessageParams, message } from "../messages/catalogue.js";
import type { RuleId } from "../model/brand.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { TriageReason, TriageReasonCode } from "../model/triage.js";

/** Build a reason with its text rendered in the profile's language. */
export function reason<K extends TriageReasonCode>(
  profile: ProgrammeProfile,
  code: K,
  params: MessageParams[K],
  ruleId?: RuleId,
): TriageReason {
  const text = message(profile.locale, code, params);
  const base = { code, params: params as Readonly<Record<string, string | number>>, text };
  return ruleId === undefined ? base : { ...base, ruleId };
}

/** Topic labels in the profile's language, joined for a message. */
export function topicLabels(profile: ProgrammeProfile, topics: readonly string[]): string {
  return topics.map((t) => profile.topics.find((x) => x.id === t)?.label[profile.locale] ?? t).join(", ");
}
