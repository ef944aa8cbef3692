import type { MatchingRound, RoundCase, RoundMentor } from "./round.js";

/** A hard rule a proposal breaks. */
export interface RuleViolation {
  readonly rule:
    | "unknownCase"
    | "duplicateCase"
    | "overQuota"
    | "teamSize"
    | "duplicateMentor"
    | "unknownMentor"
    | "leadNotInTeam"
    | "leadNotQualified"
    | "mentorNotActive"
    | "mentorPaused"
    | "ethicsStatementExpired"
    | "conflictOfInterest"
    | "declined"
    | "excludedByManager"
    | "caseCapacity"
    | "hourCapacity";
  readonly caseId?: string;
  readonly mentorId?: string;
}

/** A team rule a proposal breaks: all mentors of one background, or two from one firm. */
export interface TeamRuleBreak {
  readonly rule: "sameBackground" | "sameFirm";
  readonly caseId: string;
}

/** The shape the validator reads: teams as ids, whatever solver made them. */
export interface TeamsToValidate {
  readonly teams: readonly {
    readonly caseId: string;
    readonly lead: string;
    readonly members: readonly string[];
  }[];
}

const clean = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Re-check every hard rule of a matching round on a proposal, from the round's own data and
 * nothing the solvers computed (a second, independent reading of rules 8–9). Used after every
 * solver and in the property tests; an empty `violations` list is the only acceptable answer.
 */
export function validateProposal(
  round: MatchingRound,
  proposal: TeamsToValidate,
): { violations: RuleViolation[]; teamRuleBreaks: TeamRuleBreak[] } {
  const violations: RuleViolation[] = [];
  const teamRuleBreaks: TeamRuleBreak[] = [];
  const mentors = new Map<string, RoundMentor>(round.mentors.map((m) => [m.id, m]));
  const cases = new Map<string, RoundCase>(round.cases.map((c) => [c.id, c]));
  const pairKey = (m: string, c: string) => `${m}|${c}`;
  const declined = new Set(
    round.preferences.filter((p) => p.kind === "declined").map((p) => pairKey(p.mentorId, p.caseId)),
  );
  const excluded = new Set(
    round.pins.filter((p) => p.kind === "exclude").map((p) => pairKey(p.mentorId, p.caseId)),
  );
  const recorded = new Set(round.conflicts.map((p) => pairKey(p.mentorId, p.caseId)));
  const added = new Map<string, number>();
  const seen = new Set<string>();

  if (proposal.teams.length > round.rules.newCasesPerMeeting) {
    violations.push({ rule: "overQuota" });
  }
  for (const team of proposal.teams) {
    const c = cases.get(team.caseId);
    if (c === undefined) {
      violations.push({ rule: "unknownCase", caseId: team.caseId });
      continue;
    }
    if (seen.has(c.id)) violations.push({ rule: "duplicateCase", caseId: c.id });
    seen.add(c.id);
    const all = [team.lead, ...team.members];
    const size = c.teamSize ?? round.rules.teamSize.min;
    if (all.length !== size) violations.push({ rule: "teamSize", caseId: c.id });
    if (new Set(all).size !== all.length) violations.push({ rule: "duplicateMentor", caseId: c.id });
    if (team.members.includes(team.lead)) violations.push({ rule: "leadNotInTeam", caseId: c.id });
    const orgs = new Set([c.venture.name, ...c.venture.competitors, ...c.venture.suppliers].map(clean));
    const backgrounds = new Map<string, number>();
    const firms = new Set<string>();
    let sameFirm = false;
    for (const id of new Set(all)) {
      const m = mentors.get(id);
      if (m === undefined) {
        violations.push({ rule: "unknownMentor", caseId: c.id, mentorId: id });
        continue;
      }
      const at = { caseId: c.id, mentorId: id };
      if (id === team.lead && !m.leadQualified) violations.push({ rule: "leadNotQualified", ...at });
      if (m.state !== "active") violations.push({ rule: "mentorNotActive", ...at });
      if (
        m.pauses.some(
          (p) =>
            p.from.getTime() <= round.date.getTime() &&
            (p.until === undefined || p.until.getTime() >= round.date.getTime()),
        )
      ) {
        violations.push({ rule: "mentorPaused", ...at });
      }
      const signed = m.ethicsStatementSignedOn;
      let current = false;
      if (signed !== undefined) {
        const expires = new Date(signed.getTime());
        expires.setUTCMonth(expires.getUTCMonth() + round.rules.ethicsStatementValidityMonths);
        current = expires.getTime() > round.date.getTime();
      }
      if (!current) violations.push({ rule: "ethicsStatementExpired", ...at });
      if (recorded.has(pairKey(id, c.id)) || m.interests.some((x) => orgs.has(clean(x.organisation)))) {
        violations.push({ rule: "conflictOfInterest", ...at });
      }
      if (declined.has(pairKey(id, c.id))) violations.push({ rule: "declined", ...at });
      if (excluded.has(pairKey(id, c.id))) violations.push({ rule: "excludedByManager", ...at });
      added.set(id, (added.get(id) ?? 0) + 1);
      backgrounds.set(m.background, (backgrounds.get(m.background) ?? 0) + 1);
      if (m.firm !== undefined) {
        if (firms.has(clean(m.firm))) sameFirm = true;
        firms.add(clean(m.firm));
      }
    }
    if (all.length >= 3 && [...backgrounds.values()].some((n) => n >= all.length)) {
      teamRuleBreaks.push({ rule: "sameBackground", caseId: c.id });
    }
    if (sameFirm) teamRuleBreaks.push({ rule: "sameFirm", caseId: c.id });
  }
  // The quota: only the meeting's first cases (by acceptance) may be staffed.
  const inQuota = new Set<string>(
    [...round.cases]
      .sort(
        (a, b) => a.acceptedOn.getTime() - b.acceptedOn.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )
      .slice(0, round.rules.newCasesPerMeeting)
      .map((c) => c.id),
  );
  for (const id of seen) if (!inQuota.has(id)) violations.push({ rule: "overQuota", caseId: id });
  for (const [id, n] of added) {
    const m = mentors.get(id);
    if (m === undefined) continue;
    if (m.load.cases + n > m.capacity.maxCases) violations.push({ rule: "caseCapacity", mentorId: id });
    if (m.load.hours + n * round.rules.hoursPerCase > m.capacity.monthlyHours + 1e-9) {
      violations.push({ rule: "hourCapacity", mentorId: id });
    }
  }
  return { violations, teamRuleBreaks };
}
