/**
 * The zod schemas of the library's inputs: the contract each parser applies. Reuse them in your
 * own validators (a web framework's zod validator, a form library) so a portal refuses what the
 * library would refuse, with the same paths. A schema checks shape and limits; the parsers add what
 * needs a profile — `parseIntake(raw, profile)` also checks the question's topics and the sector
 * against the profile's vocabulary — so where you have the profile, parse with the parser too.
 * Each schema is validated the same way by `parseWith`'s callers: never throwing, every bad field named.
 */
export { sessionSchema } from "./hours/session.js";
export { matchingRoundSchema } from "./matching/round.js";
export { intakeRequestSchema } from "./model/intake.js";
export { mentorSchema } from "./model/mentor.js";
export { partnerProgrammeSchema, referralSchema } from "./model/partner.js";
export { programmeProfileSchema } from "./model/profile.js";
export { managerOverrideSchema, triageContextSchema, triageDecisionSchema } from "./model/triage.js";
export { ventureSchema } from "./model/venture.js";
