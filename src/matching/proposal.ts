import type { CaseId, MentorId, TopicId } from "../model/brand.js";
import type { Exclusion } from "./instance.js";
import type { TeamRuleBreak } from "./validate.js";

/** Why a mentor is not on a case's team. */
export type NotChosenReason =
  | Exclusion
  | "usedByOtherCases"
  | "teamRule"
  | "lowerTeamValue"
  | "caseUnstaffed";

/** One mentor on a proposed team, with what they bring. */
export interface ProposedMember {
  readonly mentorId: MentorId;
  readonly role: "lead" | "member";
  /** The question's topics this mentor covers (expertise level 2 or 3). */
  readonly covers: readonly TopicId[];
  /** Present when the programme manager pinned this mentor to the case. */
  readonly pinned?: true;
  /** The pair score and its parts, in points. */
  readonly score: {
    readonly total: number;
    readonly sector: number;
    readonly expertise: number;
    readonly volunteered: number;
    readonly continuity: number;
    /** Lead fitness, counted for the lead only. */
    readonly lead: number;
  };
}

/** Why a team is what it is, as data: stored so, and rendered in the reader's language when read (`describeTeam`). */
export interface TeamExplanationData {
  readonly coveredTopics: readonly TopicId[];
  readonly uncoveredTopics: readonly TopicId[];
  readonly coveragePoints: number;
  readonly leadReason: "onlyQualified" | "bestLeadFit";
  /** The best-scored mentors who are not on the team, and the rule or reason that kept them off. */
  readonly notChosen: readonly {
    readonly mentorId: MentorId;
    readonly score: number;
    readonly reason: NotChosenReason;
  }[];
}

/** Why a team is what it is, in data and, for a round file's reader, in the round's language. */
export interface TeamExplanation extends TeamExplanationData {
  readonly texts: readonly string[];
}

/** A proposed team as stored: its explanation as data (names and sentences joined when read). */
export interface ProposedTeamData {
  readonly caseId: CaseId;
  readonly lead: MentorId;
  /** The other mentors (the lead not included). */
  readonly members: readonly MentorId[];
  readonly team: readonly ProposedMember[];
  /** The team's value: pair scores + lead fitness + coverage (points). */
  readonly value: number;
  readonly explanation: TeamExplanationData;
}

/** A proposed team: a proposal until the mentors accept and the team is confirmed. */
export interface ProposedTeam extends ProposedTeamData {
  readonly explanation: TeamExplanation;
}

/** Why some cases were not staffed, or a pin not honoured: a code and its numbers and ids. */
export type DiagnosisData =
  | { readonly code: "capacityShort"; readonly have: number; readonly need: number }
  | { readonly code: "leadCapacityShort"; readonly have: number; readonly need: number }
  | { readonly code: "tooFewMentors"; readonly caseId: CaseId; readonly have: number; readonly need: number }
  | { readonly code: "noLeadCandidate"; readonly caseId: CaseId }
  | {
      readonly code: "topicShort";
      readonly caseId: CaseId;
      readonly topic: TopicId;
      readonly mentors: number;
    }
  | { readonly code: "capacityTakenByOtherCases"; readonly caseId: CaseId }
  | { readonly code: "overQuota"; readonly caseId: CaseId; readonly quota: number }
  | {
      readonly code: "pinNotHonoured";
      readonly caseId: CaseId;
      readonly mentorId: MentorId;
      readonly reason: NotChosenReason;
    };

/** A diagnosis with its text in the round's language (a round file's output). */
export type Diagnosis = DiagnosisData & { readonly text: string };

/**
 * The quality certificate: the objective, a proven upper bound and the relative gap. The bound
 * holds for every staffing of the round that staffs at least as many cases as this proposal,
 * honours every pin it honours and keeps the team rules it keeps (so for the proposal itself, and
 * for every rule-keeping staffing of as many cases when it breaks none) — the engine staffs as
 * many cases as it can first, so these are the staffings it chooses among. With
 * `scope: "candidatePairs"` it holds over the pairs kept per case (large rounds), with `"allPairs"`
 * over every eligible mentor–case pair.
 */
export interface Certificate {
  readonly objective: number;
  readonly bound: number;
  readonly gap: number;
  readonly scope: "allPairs" | "candidatePairs";
  readonly method: "flow+localSearch" | "exact";
  /**
   * Proven optimal: no staffing in the bound's scope scores more (the bound is the objective, the
   * gap 0). `matchRound` proves it on rounds of up to 5 000 candidate pairs when its
   * search over the teams the bound leaves open ends within its budget; `solveExact` when HiGHS
   * closes its gap.
   */
  readonly optimal: boolean;
}

/** What a matching round proposes: teams for the meeting to confirm, never applied by itself. */
export interface MatchingProposal {
  readonly roundId: string;
  readonly status: "proposal";
  readonly teams: readonly ProposedTeam[];
  /** Cases in the quota that could not be staffed. */
  readonly unstaffed: readonly CaseId[];
  /** Cases beyond the meeting's quota. */
  readonly overQuota: readonly CaseId[];
  readonly diagnosis: readonly Diagnosis[];
  readonly certificate: Certificate;
  /** Per mentor who gets a new case: load before and after. */
  readonly loads: readonly {
    readonly mentorId: MentorId;
    readonly casesBefore: number;
    readonly casesAfter: number;
  }[];
  readonly search: { readonly passes: number; readonly moves: number; readonly evaluations: number };
  /** Team rules (one background, one firm) the proposal could not meet; the validator's second list. */
  readonly teamRuleBreaks: readonly TeamRuleBreak[];
}

/**
 * A proposal as a store keeps it: every explanation and diagnosis as codes, ids and numbers, no
 * sentence and no name (names are joined when read, so an erased name is gone everywhere).
 */
export interface ProposalData extends Omit<MatchingProposal, "teams" | "diagnosis"> {
  readonly teams: readonly ProposedTeamData[];
  readonly diagnosis: readonly DiagnosisData[];
}

/**
 * The proposal's data without its rendered sentences: what `planRound` stores.
 *
 * @example
 * const stored = proposalData(matchRound(round)._unsafeUnwrap());
 */
export function proposalData(p: MatchingProposal | ProposalData): ProposalData {
  return {
    ...p,
    teams: p.teams.map(({ explanation, ...team }) => {
      const { texts: _texts, ...data } = explanation as TeamExplanation;
      return { ...team, explanation: data };
    }),
    diagnosis: p.diagnosis.map((d) => {
      const { text: _text, ...data } = d as Diagnosis;
      return data;
    }),
  };
}

export type { SolverDefect } from "../errors.js";
