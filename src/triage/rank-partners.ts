import type { TopicId } from "../model/brand.js";
import type { IntakeRequest } from "../model/intake.js";
import type { PartnerProgramme } from "../model/partner.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { PartnerMatch } from "../model/triage.js";

/**
 * Rank the profile's partner programmes for an intake, best first. A partner that does not serve
 * the venture's stage or sector is left out; the rest score by how much of the question's weight
 * falls on the partner's topics (0–1), plus 0.2 for a stage or sector it names, 0.2 for an innovative
 * venture at an innovation partner and 0.3 for an acute crisis at a crisis desk. Ties break on id,
 * so the ranking is deterministic.
 *
 * @example
 * rankPartners(intake, friesland)[0]?.partnerId; // "oranjewoud-export-academy" for an export question
 */
export function rankPartners(intake: IntakeRequest, profile: ProgrammeProfile): PartnerMatch[] {
  const v = intake.venture;
  const totalWeight = intake.question.topics.reduce((s, t) => s + t.weight, 0);
  const ranked: PartnerMatch[] = [];
  for (const partner of profile.partners) {
    const f = partner.focus;
    if (f.stages.length > 0 && !f.stages.includes(v.stage)) continue;
    if (f.sectors.length > 0 && !f.sectors.includes(v.sector)) continue;
    const because: PartnerMatch["because"][number][] = [];
    const matchedTopics: TopicId[] = [];
    let topicScore = 0;
    for (const q of intake.question.topics) {
      const served = f.topics.find((t) => t.topic === q.topic);
      if (served === undefined) continue;
      matchedTopics.push(q.topic);
      topicScore += (q.weight * served.weight) / 3;
    }
    let score = totalWeight === 0 ? 0 : topicScore / totalWeight;
    if (matchedTopics.length > 0) because.push("topics");
    if (score === 0 && !(f.crisis && intake.urgency === "acute")) continue;
    if (f.stages.length > 0) {
      score += 0.2;
      because.push("stage");
    }
    if (f.sectors.length > 0) {
      score += 0.2;
      because.push("sector");
    }
    if (f.innovative && v.innovative) {
      score += 0.2;
      because.push("innovative");
    }
    if (f.crisis && intake.urgency === "acute") {
      score += 0.3;
      because.push("crisis");
    }
    ranked.push({ partnerId: partner.id, score: Math.round(score * 1e6) / 1e6, matchedTopics, because });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.partnerId < b.partnerId ? -1 : 1));
}

/** The partner programme with this id in the profile, if any. */
export function findPartner(profile: ProgrammeProfile, id: string): PartnerProgramme | undefined {
  return profile.partners.find((p) => p.id === id);
}
