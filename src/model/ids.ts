import type { Result } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import type {
  Brand,
  CaseId,
  IntakeId,
  MentorId,
  PartnerId,
  ReferralId,
  RuleId,
  SectorId,
  SessionId,
  TopicId,
  VentureId,
} from "./brand.js";
import { idSchema } from "./common.js";
import { parseWith } from "./parse.js";

/** An id constructor: checks the string (1–64 characters `[a-z0-9_-]`, starting alphanumeric) and brands it. */
const id =
  <B extends string>() =>
  (raw: string): Result<Brand<string, B>, ValidationFailed> =>
    parseWith(idSchema<B>(), "Id", raw);

/**
 * A case id from a string, checked: no `as` cast needed, and a bad id is a `ValidationFailed`.
 *
 * @example
 * const id = caseId("case-001"); // Ok(CaseId)
 * caseId("Case 1").isErr(); // true
 */
export const caseId: (raw: string) => Result<CaseId, ValidationFailed> = id<"CaseId">();
/** A mentor id from a string, checked. @example mentorId("mentor-07") */
export const mentorId: (raw: string) => Result<MentorId, ValidationFailed> = id<"MentorId">();
/** An intake id from a string, checked. @example intakeId("intake-2026-11-001") */
export const intakeId: (raw: string) => Result<IntakeId, ValidationFailed> = id<"IntakeId">();
/** A venture id from a string, checked. @example ventureId("v-bakkerij") */
export const ventureId: (raw: string) => Result<VentureId, ValidationFailed> = id<"VentureId">();
/** A partner programme id from a string, checked. @example partnerId("ynbusiness") */
export const partnerId: (raw: string) => Result<PartnerId, ValidationFailed> = id<"PartnerId">();
/** A referral id from a string, checked. @example referralId("referral-1") */
export const referralId: (raw: string) => Result<ReferralId, ValidationFailed> = id<"ReferralId">();
/** A session id from a string, checked. @example sessionId("session-1") */
export const sessionId: (raw: string) => Result<SessionId, ValidationFailed> = id<"SessionId">();
/** A triage rule id from a string, checked. @example ruleId("strategic-question") */
export const ruleId: (raw: string) => Result<RuleId, ValidationFailed> = id<"RuleId">();
/** A topic id from a string, checked (whether the profile knows it is the profile's parser's job). @example topicId("export") */
export const topicId: (raw: string) => Result<TopicId, ValidationFailed> = id<"TopicId">();
/** A sector id from a string, checked. @example sectorId("agrifood") */
export const sectorId: (raw: string) => Result<SectorId, ValidationFailed> = id<"SectorId">();
