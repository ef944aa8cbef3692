import type { Result } from "neverthrow";
import {
  type CaseId,
  createReferral,
  type IntakeRequest,
  type MentorId,
  type NoTeamPossible,
  type NotAReferral,
  overrideTriage,
  type ProgrammeProfile,
  parseIntake,
  parseProfile,
  type QuotaFull,
  type Referral,
  type TriageDecision,
  type TriageOutcome,
  type UnknownPartner,
  type ValidationFailed,
} from "venture-mentoring";
import { describe, expectTypeOf, it } from "vitest";

describe("public Result types", () => {
  it("parsers fail with ValidationFailed only", () => {
    expectTypeOf(parseIntake).returns.toEqualTypeOf<Result<IntakeRequest, ValidationFailed>>();
    expectTypeOf(parseProfile).returns.toEqualTypeOf<Result<ProgrammeProfile, ValidationFailed>>();
  });
  it("override and referral name their exact error unions", () => {
    expectTypeOf(overrideTriage).returns.toEqualTypeOf<
      Result<TriageDecision, ValidationFailed | UnknownPartner | QuotaFull | NoTeamPossible>
    >();
    expectTypeOf(createReferral).returns.toEqualTypeOf<Result<Referral, UnknownPartner | NotAReferral>>();
  });
  it("has no waitlist outcome, and ids do not mix", () => {
    expectTypeOf<"waitlisted">().not.toMatchTypeOf<TriageOutcome["kind"]>();
    expectTypeOf<MentorId>().not.toMatchTypeOf<CaseId>();
    // @ts-expect-error a plain string is not a MentorId
    const id: MentorId = "m-1";
    void id;
  });
});

import type { ResultAsync } from "neverthrow";
import { match } from "ts-pattern";
import {
  type CaseNotInRound,
  checkSession,
  type IllegalMentorTransition,
  type IllegalTransition,
  type Insertion,
  type MatchingProposal,
  type MatchingRound,
  type Mentor,
  type MentoringCase,
  matchRound,
  parseMatchingRound,
  parseSession,
  proposeInsertion,
  type Session,
  type SessionRefused,
  type SolverDefect,
  type TeamChangeRefused,
  transition,
  transitionMentor,
  type VentureMentoringError,
} from "venture-mentoring";
import { type ExactError, solveExact } from "venture-mentoring/highs";
import { type ThreadPool, threadPool } from "venture-mentoring/threads";

describe("matching, lifecycle and hours Result types", () => {
  it("name their exact error unions", () => {
    expectTypeOf(parseMatchingRound).returns.toEqualTypeOf<Result<MatchingRound, ValidationFailed>>();
    expectTypeOf(matchRound).returns.toEqualTypeOf<Result<MatchingProposal, SolverDefect>>();
    expectTypeOf(proposeInsertion).returns.toEqualTypeOf<Result<Insertion, CaseNotInRound | SolverDefect>>();
    expectTypeOf(solveExact).returns.toEqualTypeOf<ResultAsync<MatchingProposal, ExactError>>();
    expectTypeOf(threadPool).returns.toEqualTypeOf<Result<ThreadPool, ValidationFailed>>();
    // A pool is what a round's helpers are.
    expectTypeOf<ThreadPool>().toExtend<NonNullable<Parameters<typeof matchRound>[1]>["helpers"]>();
    expectTypeOf(transition).returns.toEqualTypeOf<
      Result<MentoringCase, IllegalTransition | TeamChangeRefused>
    >();
    expectTypeOf(transitionMentor).returns.toEqualTypeOf<Result<Mentor, IllegalMentorTransition>>();
    expectTypeOf(parseSession).returns.toEqualTypeOf<Result<Session, ValidationFailed>>();
    expectTypeOf(checkSession).returns.toEqualTypeOf<Result<Session, SessionRefused>>();
  });

  it("an error mapping that forgets a case does not compile", () => {
    const status = (e: VentureMentoringError) =>
      match(e)
        .with({ type: "ValidationFailed" }, () => 400)
        .with({ type: "QuotaFull" }, () => 409)
        // @ts-expect-error — NotAReferral, SolverDefect… are not handled, so .exhaustive() is not callable
        .exhaustive();
    void status;
  });
});
