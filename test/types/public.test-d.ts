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
