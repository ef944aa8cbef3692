import { describeDiagnosis, describeTeam, type Naming } from "../messages/describe-proposal.js";
import type { CaseId, MentorId, TopicId } from "../model/brand.js";
import { type Candidate, coveragePoints, type Instance } from "./instance.js";
import type { Diagnosis, NotChosenReason, ProposedMember, ProposedTeam } from "./proposal.js";
import { type Assignment, seatsOffered } from "./staffing.js";
import { brokenTeamRules, TEAM_RULE_PENALTY, teamValue } from "./team-value.js";

/** The round's names for its mentors and labels for its topics. */
function naming(inst: Instance): Naming {
  const names = new Map(inst.mentors.map((m) => [m.id as string, m.name]));
  const labels = inst.round.rules.topicLabels ?? {};
  return { mentor: (id) => names.get(id) ?? id, topic: (t) => labels[t] ?? t };
}

/** Explain case j's team: what each mentor covers, why this lead, and who was not chosen and why. */
export function explainTeam(
  inst: Instance,
  j: number,
  team: { lead: number; members: number[] },
  used: Int32Array,
): ProposedTeam {
  const locale = inst.round.rules.locale;
  const c = inst.cases[j];
  if (c === undefined) throw new Error(`explainTeam: no case ${j}`);
  const index = inst.candidateIndex[j] as Map<number, number>;
  const candidate = (i: number) => (inst.candidates[j] as Candidate[])[index.get(i) as number] as Candidate;
  const all = [team.lead, ...team.members];
  const topicsOf = (mask: number) => c.topics.filter((_, b) => mask & (1 << b)).map((t) => t.topic);
  let mask = 0;
  const members: ProposedMember[] = all.map((i) => {
    const cand = candidate(i);
    mask |= cand.covers;
    const lead = i === team.lead ? cand.lead : 0;
    return {
      mentorId: inst.mentors[i]?.id as MentorId,
      role: i === team.lead ? "lead" : "member",
      covers: topicsOf(cand.covers),
      ...(cand.pinned ? { pinned: true as const } : {}),
      score: {
        total: cand.score + lead,
        sector: cand.sector,
        expertise: cand.expertise,
        volunteered: cand.volunteered,
        continuity: cand.continuity,
        lead,
      },
    };
  });
  const qualified = all.filter((i) => candidate(i).lead >= 0).length;
  const leadReason = qualified === 1 ? "onlyQualified" : "bestLeadFit";
  const covered = topicsOf(mask);
  const uncovered = c.topics.map((t) => t.topic).filter((t) => !covered.includes(t));

  const others: { mentor: number; score: number; reason: NotChosenReason }[] = [];
  for (const cand of inst.candidates[j] as Candidate[]) {
    if (all.includes(cand.mentor)) continue;
    let reason: NotChosenReason = "lowerTeamValue";
    if ((used[cand.mentor] as number) >= (inst.capacity[cand.mentor] as number)) reason = "usedByOtherCases";
    else if (
      team.members.some(
        (out) =>
          brokenTeamRules(
            inst,
            all.map((x) => (x === out ? cand.mentor : x)),
          ).length > 0,
      )
    ) {
      reason = "teamRule";
    }
    others.push({ mentor: cand.mentor, score: cand.score, reason });
  }
  for (const [mentor, x] of inst.pairExclusions[j] ?? [])
    others.push({ mentor, score: x.score, reason: x.reason });
  others.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
  const notChosen = others.slice(0, 3);

  const value = teamValue(inst, j, all);
  const proposed: ProposedTeam = {
    caseId: c.id,
    lead: inst.mentors[team.lead]?.id as MentorId,
    members: team.members.map((i) => inst.mentors[i]?.id as MentorId),
    team: members,
    value: (value?.value ?? 0) + TEAM_RULE_PENALTY * (value?.broken.length ?? 0),
    explanation: {
      coveredTopics: covered,
      uncoveredTopics: uncovered,
      coveragePoints: coveragePoints(inst, j, mask),
      leadReason,
      notChosen: notChosen.map((o) => ({
        mentorId: inst.mentors[o.mentor]?.id as MentorId,
        score: o.score,
        reason: o.reason,
      })),
      texts: [],
    },
  };
  // The texts in the round's language, rendered from the data as any reader's would be.
  return {
    ...proposed,
    explanation: { ...proposed.explanation, texts: describeTeam(proposed, locale, naming(inst)) },
  };
}

/** A case's heaviest topic is said to be short of mentors when at most this many eligible ones cover it. */
const SCARCE = 2;

/** How many of a case's candidates cover its b-th topic. */
const coverers = (list: readonly Candidate[], b: number) => list.filter((x) => x.covers & (1 << b)).length;

/** Name the bottlenecks when cases stay unstaffed, the cases beyond the quota, and pins not honoured. */
export function diagnose(
  inst: Instance,
  assignment: Assignment,
  unstaffed: readonly number[],
  used: Int32Array,
): Diagnosis[] {
  const locale = inst.round.rules.locale;
  const out: Diagnosis[] = [];
  const M = inst.mentors.length;
  const N = inst.cases.length;
  const caseId = (j: number) => inst.cases[j]?.id as CaseId;
  if (unstaffed.length > 0) {
    let seats = 0;
    for (let j = 0; j < N; j++) seats += inst.teamSize[j] as number;
    const have = seatsOffered(inst);
    let leads = 0;
    for (let i = 0; i < M; i++)
      if (inst.mentorExclusion[i] === undefined && inst.leadQualified[i]) leads += inst.capacity[i] as number;
    if (have < seats) {
      out.push({
        code: "capacityShort",
        have,
        need: seats,
        text: "",
      });
    }
    if (leads < N) {
      out.push({
        code: "leadCapacityShort",
        have: leads,
        need: N,
        text: "",
      });
    }
  }
  for (const j of unstaffed) {
    const c = inst.cases[j];
    if (c === undefined) continue;
    const need = inst.teamSize[j] as number;
    const heaviest = Math.max(...c.topics.map((t) => t.weight));
    // The counts below are over every eligible mentor. A sparse list holds some of them, and only
    // more can come, so it is widened to all of them only where a count from it could still change
    // what is said: fewer mentors than a team, no lead, a heaviest topic at most two of them cover
    // (10000 × 5000 short of seats: 502 cases of 10 000 candidates each otherwise, ~2 s and 400 MB).
    if (inst.sparse) {
      const sparse = inst.candidates[j] as Candidate[];
      const settled =
        sparse.length >= need &&
        sparse.some((x) => x.lead >= 0) &&
        c.topics.every((t, b) => t.weight !== heaviest || coverers(sparse, b) > SCARCE);
      if (!settled) inst.widen(j, M);
    }
    const list = inst.candidates[j] as Candidate[];
    const id = caseId(j);
    const before = out.length;
    if (list.length < need) {
      out.push({
        code: "tooFewMentors",
        caseId: id,
        have: list.length,
        need,
        text: "",
      });
    }
    if (!list.some((x) => x.lead >= 0)) {
      out.push({
        code: "noLeadCandidate",
        caseId: id,
        text: "",
      });
    }
    let scarce: { topic: TopicId; mentors: number } | undefined;
    c.topics.forEach((t, b) => {
      if (t.weight !== heaviest) return;
      const mentors = coverers(list, b);
      if (mentors <= SCARCE && (scarce === undefined || mentors < scarce.mentors))
        scarce = { topic: t.topic, mentors };
    });
    if (scarce !== undefined) {
      const s: { topic: TopicId; mentors: number } = scarce;
      out.push({
        code: "topicShort",
        caseId: id,
        topic: s.topic,
        mentors: s.mentors,
        text: "",
      });
    }
    if (out.length === before || (list.length >= need && list.some((x) => x.lead >= 0))) {
      out.push({
        code: "capacityTakenByOtherCases",
        caseId: id,
        text: "",
      });
    }
  }
  for (const c of inst.overQuota) {
    const quota = inst.round.rules.newCasesPerMeeting;
    out.push({
      code: "overQuota",
      caseId: c.id,
      quota,
      text: "",
    });
  }
  const caseIndex = new Map(inst.cases.map((c, j) => [c.id as string, j]));
  const mentorIndex = new Map(inst.mentors.map((m, i) => [m.id as string, i]));
  for (const pin of inst.round.pins) {
    if (pin.kind !== "pin") continue;
    const j = caseIndex.get(pin.caseId);
    const i = mentorIndex.get(pin.mentorId);
    if (j === undefined || i === undefined) continue;
    const team = assignment[j];
    if (team !== undefined && (team.lead === i || team.members.includes(i))) continue;
    const reason: NotChosenReason =
      team === undefined
        ? "caseUnstaffed"
        : (inst.mentorExclusion[i] ??
          inst.pairExclusions[j]?.get(i)?.reason ??
          ((used[i] as number) >= (inst.capacity[i] as number) ? "usedByOtherCases" : "teamRule"));
    out.push({
      code: "pinNotHonoured",
      caseId: pin.caseId,
      mentorId: pin.mentorId,
      reason,
      text: "",
    });
  }
  // Each text in the round's language, rendered from the diagnosis's data as any reader's would be.
  const names = naming(inst);
  return out.map((d) => ({ ...d, text: describeDiagnosis(d, locale, names) }));
}
