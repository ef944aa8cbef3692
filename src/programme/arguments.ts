import { z } from "zod";
import type { ValidationFailed } from "../errors.js";
import { closingReasons, holdOverReasons } from "../lifecycle/case.js";
import { ethicsResolutions } from "../lifecycle/mentor.js";
import { pinSchema } from "../matching/round.js";
import { boundedString, idSchema, listOf, shortTextSchema } from "../model/common.js";
import { benefitKinds } from "../model/mentor.js";
import { parseWith } from "../model/parse.js";
import { followUpStatuses } from "../model/partner.js";
import { conflictReasons } from "../store/contract.js";

/**
 * The use-cases' typed arguments, checked at run time too: a portal written in JavaScript (or a
 * cast) can pass anything, and a bad actor id or reason must become a `ValidationFailed` before it
 * reaches the store — never a throw, never a document that no longer reads back.
 */
const aDate = z.date().refine((d) => !Number.isNaN(d.getTime()), { message: "not a valid date" });

export const argument = {
  actor: z.object({ id: idSchema<"ActorId">() }),
  caseId: idSchema<"CaseId">(),
  intakeId: idSchema<"IntakeId">(),
  referralId: idSchema<"ReferralId">(),
  mentorId: idSchema<"MentorId">(),
  roundId: boundedString(1, 64),
  idempotencyKey: boundedString(1, 200),
  expectedVersion: z.union([z.literal("new"), z.int().min(1)]),
  date: z.date().refine((d) => !Number.isNaN(d.getTime()), { message: "not a valid date" }),
  closingReason: z.enum(closingReasons),
  feedback: z
    .object({ mentee: shortTextSchema.exactOptional(), team: shortTextSchema.exactOptional() })
    .optional(),
  followUpStatus: z.enum(followUpStatuses),
  team: listOf(z.object({ mentorId: idSchema<"MentorId">(), role: z.enum(["lead", "member"]) }), 10).min(1),
  holdOverReason: z.enum(holdOverReasons),
  ethicsResolution: z.enum(ethicsResolutions),
  conflict: z.object({
    mentorId: idSchema<"MentorId">(),
    ventureId: idSchema<"VentureId">(),
    reason: z.enum(conflictReasons),
  }),
  benefit: z.object({
    mentorId: idSchema<"MentorId">(),
    ventureId: idSchema<"VentureId">(),
    kind: z.enum(benefitKinds),
    on: z.date().refine((d) => !Number.isNaN(d.getTime()), { message: "not a valid date" }),
  }),
  teamChange: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("leave"),
      mentorId: idSchema<"MentorId">(),
      reason: z.enum(["steppedOff", "recused"]),
    }),
    z.object({ kind: z.literal("join"), mentorId: idSchema<"MentorId">(), role: z.enum(["lead", "member"]) }),
    z.object({ kind: z.literal("lead"), mentorId: idSchema<"MentorId">() }),
  ]),
  person: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("mentee"), email: boundedString(3, 254) }),
    z.object({ kind: z.literal("mentor"), id: idSchema<"MentorId">() }),
  ]),
  mentorEvent: z.discriminatedUnion("type", [
    z.object({ type: z.literal("approved"), on: aDate }),
    z
      .object({ type: z.literal("paused"), on: aDate, until: aDate.optional() })
      .refine((e) => e.until === undefined || e.until >= e.on, {
        message: "a pause must end after it starts",
        params: { rule: "pauseOrder" },
        path: ["until"],
      }),
    z.object({ type: z.literal("resumed"), on: aDate }),
    z.object({ type: z.literal("retired"), on: aDate }),
    z.object({ type: z.literal("ethicsStatementSigned"), on: aDate }),
  ]),
  hands: z
    .object({
      pins: listOf(pinSchema, 2_000).optional(),
      preferences: listOf(
        z.object({
          mentorId: idSchema<"MentorId">(),
          caseId: idSchema<"CaseId">(),
          kind: z.enum(["volunteered", "declined"]),
        }),
        10_000,
      ).optional(),
      seed: z.int().optional(),
    })
    .optional(),
  purge: z.object({ dryRun: z.boolean() }),
  list: z.array(z.unknown()).max(10_000),
  importOptions: z.object({ dryRun: z.boolean().optional() }),
} as const;

/** Check a use-case's arguments; the `ValidationFailed` names the use-case and the argument. */
export function checkArguments<S extends z.ZodRawShape>(
  useCase: string,
  shape: S,
  values: { [K in keyof S]: unknown },
): ValidationFailed | undefined {
  const checked = parseWith(z.object(shape), useCase, values);
  return checked.isErr() ? checked.error : undefined;
}
