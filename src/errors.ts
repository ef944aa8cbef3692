import type { TopicId } from "./model/brand.js";

/** One thing wrong with an input, at a field path such as `venture.employees` or `question.topics.1.weight`. */
export interface ValidationIssue {
  readonly path: string;
  /** Machine-readable kind of problem (zod's issue code, or `custom`). */
  readonly code: string;
  readonly message: string;
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

/** Every error the library returns, a discriminated union on `type`. */
/** The matching engine produced a proposal that breaks a hard rule: a bug, never a result. */
export interface SolverDefect {
  readonly type: "SolverDefect";
  readonly violations: readonly {
    readonly rule: string;
    readonly caseId?: string;
    readonly mentorId?: string;
  }[];
}

/** The case to insert is not among the round's cases. */
export interface CaseNotInRound {
  readonly type: "CaseNotInRound";
  readonly caseId: string;
}

export type VentureMentoringError = TriageOverrideError | NotAReferral | SolverDefect | CaseNotInRound;
