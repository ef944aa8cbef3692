import { match } from "ts-pattern";
import type { DiagnosisData, ProposedTeamData } from "../matching/proposal.js";
import type { Locale } from "../model/profile.js";
import { message } from "./catalogue.js";

/**
 * How a reader names things, joined in when a text is rendered (never stored in it): a mentor's
 * name by id (a name erased meanwhile reads as erased), a topic's label by id.
 */
export interface Naming {
  readonly mentor: (mentorId: string) => string;
  readonly topic: (topicId: string) => string;
  /** A case as the reader knows it (e.g. "case-003 · Bakkerij De Wyk"); the id when absent. */
  readonly case?: (caseId: string) => string;
}

/** Ids as they are: for a reader without names (a round file, a test). */
export const idsOnly: Naming = { mentor: (id) => id, topic: (id) => id };

/**
 * Why a team is what it is, in the reader's language, from the proposal's data: what each mentor
 * covers, why this lead, what no one covers, and who was not chosen and why. The engine stores the
 * same sentences in the round's language (`explanation.texts`); this renders them for any reader.
 *
 * @example
 * describeTeam(team, "en", { mentor: (id) => names.get(id) ?? id, topic: (t) => labels[t] ?? t });
 */
export function describeTeam(team: ProposedTeamData, locale: Locale, naming: Naming = idsOnly): string[] {
  const e = team.explanation;
  return [
    ...team.team.flatMap((m) => [
      m.covers.length > 0
        ? message(locale, "explain.covers", {
            mentor: naming.mentor(m.mentorId),
            topics: m.covers.map(naming.topic),
          })
        : message(locale, "explain.coversNothing", { mentor: naming.mentor(m.mentorId) }),
      ...(m.pinned === true
        ? [message(locale, "explain.pinned", { mentor: naming.mentor(m.mentorId) })]
        : []),
    ]),
    message(locale, e.leadReason === "onlyQualified" ? "explain.leadOnly" : "explain.leadBest", {
      mentor: naming.mentor(team.lead),
    }),
    ...(e.uncoveredTopics.length > 0
      ? [message(locale, "explain.uncovered", { topics: e.uncoveredTopics.map(naming.topic) })]
      : []),
    ...e.notChosen.map((o) =>
      message(locale, "explain.notChosen", {
        mentor: naming.mentor(o.mentorId),
        reason: message(locale, `exclusion.${o.reason}`, {}),
      }),
    ),
  ];
}

/**
 * Why a case could not be staffed (or a pin not honoured), in the reader's language, from the
 * diagnosis's code and numbers.
 *
 * @example
 * describeDiagnosis({ code: "leadCapacityShort", have: 2, need: 3 }, "en");
 * // "Not enough lead-qualified mentors with room: they can lead 2 cases, 3 need a lead."
 */
export function describeDiagnosis(d: DiagnosisData, locale: Locale, naming: Naming = idsOnly): string {
  return match(d)
    .with({ code: "capacityShort" }, (x) =>
      message(locale, "diagnosis.capacityShort", { have: x.have, need: x.need }),
    )
    .with({ code: "leadCapacityShort" }, (x) =>
      message(locale, "diagnosis.leadCapacityShort", { have: x.have, need: x.need }),
    )
    .with({ code: "tooFewMentors" }, (x) =>
      message(locale, "diagnosis.tooFewMentors", { case: x.caseId, have: x.have, need: x.need }),
    )
    .with({ code: "noLeadCandidate" }, (x) =>
      message(locale, "diagnosis.noLeadCandidate", { case: x.caseId }),
    )
    .with({ code: "topicShort" }, (x) =>
      message(locale, "diagnosis.topicShort", {
        case: x.caseId,
        topic: naming.topic(x.topic),
        mentors: x.mentors,
      }),
    )
    .with({ code: "capacityTakenByOtherCases" }, (x) =>
      message(locale, "diagnosis.capacityTakenByOtherCases", { case: x.caseId }),
    )
    .with({ code: "overQuota" }, (x) =>
      message(locale, "diagnosis.overQuota", { case: x.caseId, quota: x.quota }),
    )
    .with({ code: "pinNotHonoured" }, (x) =>
      message(locale, "diagnosis.pinNotHonoured", {
        case: x.caseId,
        mentor: naming.mentor(x.mentorId),
        reason: message(locale, `exclusion.${x.reason}`, {}),
      }),
    )
    .exhaustive();
}
