import type { Result } from "neverthrow";
import { z } from "zod";
import type { ValidationFailed } from "../errors.js";
import { sessionSchema } from "../hours/session.js";
import { mentoringCaseSchema } from "../lifecycle/case.js";
import { type ProposalData, proposalData } from "../matching/proposal.js";
import { pinSchema } from "../matching/round.js";
import { dateSchema, idSchema, listOf } from "../model/common.js";
import { intakeRequestSchema } from "../model/intake.js";
import { mentorSchema } from "../model/mentor.js";
import { parseWith } from "../model/parse.js";
import { referralSchema } from "../model/partner.js";
import { programmeProfileSchema } from "../model/profile.js";
import { triageDecisionSchema } from "../model/triage.js";
import {
  type AuditEntry,
  type Collection,
  collections,
  conflictReasons,
  consentAnswers,
  type Documents,
  notificationKinds,
  onBehalfReasons,
} from "./contract.js";

const schemas: { readonly [C in Collection]: z.ZodType<Documents[C], unknown> } = {
  mentors: mentorSchema,
  cases: mentoringCaseSchema,
  sessions: sessionSchema,
  intakes: intakeRequestSchema,
  decisions: triageDecisionSchema,
  referrals: referralSchema,
  rounds: z.object({
    id: z.string().min(1).max(64),
    plannedAt: dateSchema,
    meetingOn: dateSchema.exactOptional(),
    // The proposal is the engine's own output (no dates in it); its shape is checked, not re-derived.
    // Sentences a release before 2026-12 stored beside the data are dropped on reading.
    proposal: z
      .custom<ProposalData>(
        (v) =>
          typeof v === "object" &&
          v !== null &&
          (v as { status?: unknown }).status === "proposal" &&
          Array.isArray((v as { teams?: unknown }).teams) &&
          Array.isArray((v as { diagnosis?: unknown }).diagnosis),
        { message: "not a matching proposal" },
      )
      .transform(proposalData),
    pins: listOf(pinSchema, 2_000).exactOptional(),
  }),
  settings: z.object({
    id: z.literal("programme"),
    profile: programmeProfileSchema,
    initialisedAt: dateSchema,
  }),
  conflicts: z.object({
    id: z.string().min(3).max(129),
    mentorId: idSchema<"MentorId">(),
    ventureId: idSchema<"VentureId">(),
    reason: z.enum(conflictReasons),
    on: dateSchema,
  }),
  consents: z.object({
    id: z.string().min(3).max(129),
    caseId: idSchema<"CaseId">(),
    mentorId: idSchema<"MentorId">(),
    answer: z.enum(consentAnswers),
    on: dateSchema,
    roundId: z.string().min(1).max(64).exactOptional(),
    onBehalf: z.enum(onBehalfReasons).exactOptional(),
  }),
  notifications: z.object({
    id: z.string().min(3).max(200),
    kind: z.enum(notificationKinds),
    to: idSchema<"MentorId">(),
    caseId: idSchema<"CaseId">().exactOptional(),
    roundId: z.string().min(1).max(64).exactOptional(),
    on: dateSchema.exactOptional(),
    queuedAt: dateSchema,
    sentAt: dateSchema.exactOptional(),
    withdrawnAt: dateSchema.exactOptional(),
  }),
  requests: z.object({
    key: z.string().min(1).max(200),
    payload: z.string().max(100_000),
    intakeId: z.string().min(1).max(64),
  }),
};

/**
 * Read back a document an SQL adapter stored as JSON: through its schema, so dates come back as
 * `Date` and a corrupted row is reported, never passed on.
 */
export function decodeDocument<C extends Collection>(
  collection: C,
  json: unknown,
): Result<Documents[C], ValidationFailed> {
  return parseWith(schemas[collection] as z.ZodType<Documents[C], unknown>, collection, json);
}

const auditSchema = z.object({
  at: dateSchema,
  actor: idSchema<"ActorId">().transform((s): string => s),
  action: z.string().min(1).max(64),
  subject: z.object({
    collection: z.enum(collections as [Collection, ...Collection[]]),
    id: z.string().min(1).max(64),
  }),
  reason: z.string().max(200).exactOptional(),
}) satisfies z.ZodType<AuditEntry, unknown>;

/** Read back an audit entry stored as JSON. */
export function decodeAuditEntry(json: unknown): Result<AuditEntry, ValidationFailed> {
  return parseWith(auditSchema, "AuditEntry", json);
}
