import type { CaseEventType, CaseState } from "./lifecycle/case.js";
import type { MentorEventType } from "./lifecycle/mentor.js";
import type { RuleViolation } from "./matching/validate.js";
import type { CaseId, TopicId } from "./model/brand.js";
import type { MentorState } from "./model/mentor.js";
import type { Collection, StoreConflict, StoreUnavailable } from "./store/contract.js";

/** One thing wrong with an input, at a field path such as `venture.employees` or `question.topics.1.weight`. */
export interface ValidationIssue {
  readonly path: string;
  /** Machine-readable kind of problem (zod's issue code, or `custom`). */
  readonly code: string;
  readonly message: string;
  /** What the rule asked, for a message in the reader's language: `minimum`, `maximum`, `expected`, `origin`. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The input did not pass its schema; every bad field is named. */
export interface ValidationFailed {
  readonly type: "ValidationFailed";
  /** What was being parsed: `IntakeRequest`, `Mentor`, `ProgrammeProfile`… */
  readonly subject: string;
  readonly issues: readonly ValidationIssue[];
}

/** A referral or override names a partner programme the profile does not know. */
export interface UnknownPartner {
  readonly type: "UnknownPartner";
  readonly partnerId: string;
}

/** An override tried to accept a case into a meeting that has no places left (there is no waiting list). */
export interface QuotaFull {
  readonly type: "QuotaFull";
  readonly placesLeft: number;
}

/** An override tried to accept a case the mentor network cannot staff a team for. */
export interface NoTeamPossible {
  readonly type: "NoTeamPossible";
  readonly shortTopics: readonly TopicId[];
}

/** A referral was asked of a triage decision that did not refer. */
export interface NotAReferral {
  readonly type: "NotAReferral";
  readonly outcome: "accept" | "refer" | "oneOff" | "notReady";
}

export type TriageOverrideError = ValidationFailed | UnknownPartner | QuotaFull | NoTeamPossible;

/** The matching engine produced a proposal that breaks a hard rule: a bug, never a result. */
export interface SolverDefect {
  readonly type: "SolverDefect";
  readonly violations: readonly RuleViolation[];
}

/** The case to insert is not among the round's cases. */
export interface CaseNotInRound {
  readonly type: "CaseNotInRound";
  readonly caseId: string;
}

/** A case step that is not allowed from the case's state (e.g. closing a closed case). */
export interface IllegalTransition {
  readonly type: "IllegalTransition";
  readonly caseId: string;
  readonly state: CaseState;
  readonly event: CaseEventType;
}

/** A team change with the wrong people: not on the team, already on it, a second lead… */
export interface TeamChangeRefused {
  readonly type: "TeamChangeRefused";
  readonly caseId: string;
  readonly mentorId: string;
  /**
   * `historyFull`: the case already keeps `MAX_MEMBERSHIPS` memberships; `recused`: the mentor
   * recused from this case before (a conflict of interest) and may not join it again.
   */
  readonly reason:
    | "notOnTeam"
    | "alreadyOnTeam"
    | "leadTaken"
    | "teamSize"
    | "noLead"
    | "historyFull"
    | "recused";
}

/** A mentor step that is not allowed from their state (e.g. approving a retired mentor). */
export interface IllegalMentorTransition {
  readonly type: "IllegalMentorTransition";
  readonly mentorId: string;
  readonly state: MentorState;
  readonly event: MentorEventType;
  /** Retiring refused because the mentor still sits on these cases: take them off the teams first. */
  readonly seatedOn?: readonly CaseId[];
}

/** A session that does not fit its case. */
export interface SessionRefused {
  readonly type: "SessionRefused";
  readonly sessionId: string;
  /**
   * `noOneOffOffered`: a one-off conversation names an intake whose decision did not offer one;
   * `inFuture`: the session is dated later than today (a day's slack for time zones).
   */
  readonly reason:
    | "inFuture"
    | "caseNotRunning"
    | "mentorNotOnTeam"
    | "noteAuthorNotAllowed"
    | "wrongCase"
    | "noOneOffOffered";
  readonly mentorId?: string;
}

/** A use-case names something that is not stored. */
export interface NotFound {
  readonly type: "NotFound";
  readonly collection: Collection;
  readonly id: string;
}

/** The same idempotency key came with a different payload. */
export interface IdempotencyConflict {
  readonly type: "IdempotencyConflict";
  readonly key: string;
}

/** A proposed team member fails a hard rule at the moment of confirmation. */
export interface TeamRefused {
  readonly type: "TeamRefused";
  readonly caseId: string;
  readonly mentorId: string;
  readonly reason: "notMatchable" | "atCapacity" | "conflictOfInterest" | "notLeadQualified";
}

/** An answer to a proposal that cannot be recorded (rule 24). */
export interface ConsentRefused {
  readonly type: "ConsentRefused";
  readonly caseId: string;
  readonly mentorId: string;
  /**
   * `notProposed`: the mentor is not on the round's proposed team for the case; `noTeamWanted`: the
   * case is closed; `onBehalfNeedsReason`: someone other than
   * the mentor answered without saying how the mentor gave the answer.
   */
  readonly reason: "notProposed" | "noTeamWanted" | "onBehalfNeedsReason";
}

/** A team cannot be confirmed before every mentor on it said yes (rule 24); these have not. */
export interface ConsentMissing {
  readonly type: "ConsentMissing";
  readonly caseId: string;
  readonly mentorIds: readonly string[];
}

/**
 * The rules would accept an intake whose venture already has an open case (rule 18): a second case
 * for one venture runs only when the programme manager confirms it (an override with a reason).
 */
export interface VentureHasOpenCase {
  readonly type: "VentureHasOpenCase";
  readonly intakeId: string;
  readonly caseIds: readonly string[];
}

/** Every error the library returns, a discriminated union on `type`. */
export type VentureMentoringError =
  | TriageOverrideError
  | NotAReferral
  | SolverDefect
  | CaseNotInRound
  | IllegalTransition
  | TeamChangeRefused
  | IllegalMentorTransition
  | SessionRefused
  | NotFound
  | IdempotencyConflict
  | TeamRefused
  | ConsentRefused
  | ConsentMissing
  | VentureHasOpenCase
  | StoreConflict
  | StoreUnavailable;
