import { z } from "zod";
import type { CaseId, IntakeId, MentorId, SessionId } from "../model/brand.js";
import { dateSchema, idSchema, listOf, shortTextSchema } from "../model/common.js";

export const sessionModes = ["inPerson", "video", "phone"] as const;
export type SessionMode = (typeof sessionModes)[number];

/**
 * One sparring session. It counts once for its case, whatever the number of mentors, and once for
 * each mentor who attended. Preparation and travel are recorded but are not session time.
 */
export interface Session {
  readonly id: SessionId;
  /** A case's session, or a one-off conversation (one mentor, no team, no case). */
  readonly kind: "case" | "oneOff";
  /** The case (kind `case`); absent for a one-off conversation. */
  readonly caseId?: CaseId;
  /** For a one-off conversation: the intake it answers (triage offered the conversation). */
  readonly intakeId?: IntakeId;
  readonly on: Date;
  readonly minutes: number;
  readonly mode: SessionMode;
  /** Mentors present (at least one). */
  readonly mentors: readonly MentorId[];
  /** The mentee was there (a session without the mentee is preparation, not a session). */
  readonly menteePresent: true;
  /** Exactly one author of the session notes: the team lead or a mentor the lead designated. */
  readonly noteAuthor: MentorId;
  readonly preparationMinutes: number;
  readonly travelMinutes: number;
  readonly note?: string;
}

export const sessionSchema = z
  .object({
    id: idSchema<"SessionId">(),
    kind: z.enum(["case", "oneOff"]),
    caseId: idSchema<"CaseId">().exactOptional(),
    intakeId: idSchema<"IntakeId">().exactOptional(),
    on: dateSchema,
    minutes: z.int().min(5).max(600),
    mode: z.enum(sessionModes),
    mentors: listOf(idSchema<"MentorId">(), 6).min(1, { message: "at least one mentor attends a session" }),
    menteePresent: z.literal(true, {
      message: "a session is with the mentee; without them it is preparation",
    }),
    noteAuthor: idSchema<"MentorId">(),
    preparationMinutes: z.int().min(0).max(6_000).default(0),
    travelMinutes: z.int().min(0).max(6_000).default(0),
    note: shortTextSchema.exactOptional(),
  })
  .superRefine((s, ctx) => {
    if (new Set(s.mentors).size !== s.mentors.length) {
      ctx.addIssue({ code: "custom", path: ["mentors"], message: "a mentor is listed twice" });
    }
    if (!s.mentors.includes(s.noteAuthor)) {
      ctx.addIssue({ code: "custom", path: ["noteAuthor"], message: "the note author must have attended" });
    }
    if (s.kind === "case" && s.caseId === undefined) {
      ctx.addIssue({ code: "custom", path: ["caseId"], message: "a case session names its case" });
    }
    if (s.kind === "case" && s.intakeId !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["intakeId"],
        message: "a case session names its case, not an intake",
      });
    }
    if (s.kind === "oneOff" && (s.caseId !== undefined || s.mentors.length !== 1)) {
      ctx.addIssue({
        code: "custom",
        path: ["mentors"],
        message: "a one-off conversation is one mentor and no case",
      });
    }
  }) satisfies z.ZodType<Session, unknown>;

/** Session hours (preparation and travel excluded). */
export const sessionHours = (s: Session) => s.minutes / 60;
