import { z } from "zod";
import type { CaseId, IntakeId, TopicId } from "./brand.js";
import { dateSchema, emailSchema, idSchema, listOf, longTextSchema, nameSchema } from "./common.js";
import { type Venture, ventureSchema } from "./venture.js";

export const urgencies = ["routine", "soon", "acute"] as const;

/**
 * What the entrepreneur asks for: sparring partners who help them decide (`sparring`, what the
 * programme offers), or someone to do the work for them — write the plan, do the books
 * (`workDone`, which volunteer mentors do not).
 */
export const seekings = ["sparring", "workDone"] as const;
export type Seeking = (typeof seekings)[number];
/** `acute`: the company is in crisis now (cash, staff, a creditor at the door). */
export type Urgency = (typeof urgencies)[number];

/** How much of the question a topic is: 1 = a side issue, 3 = the heart of it. */
export type TopicWeight = 1 | 2 | 3;

export interface QuestionTopic {
  readonly topic: TopicId;
  readonly weight: TopicWeight;
}

/** The entrepreneur who asks; personal data, visible to the case's team and programme staff only. */
export interface Mentee {
  readonly name: string;
  readonly email: string;
}

export interface Consent {
  /** The mentee agreed that the programme processes their data for the intake (required). */
  readonly dataProcessing: true;
  /** The mentee agreed that their question may be passed on to a partner programme (a warm referral). */
  readonly shareWithPartners: boolean;
}

/** A request for mentoring, as it arrives at intake. */
export interface IntakeRequest {
  readonly id: IntakeId;
  readonly submittedAt: Date;
  readonly mentee: Mentee;
  readonly venture: Venture;
  readonly question: {
    readonly summary: string;
    readonly topics: readonly QuestionTopic[];
  };
  readonly urgency: Urgency;
  readonly consent: Consent;
  /** A returning venture with a new question: the earlier case it follows on from. */
  readonly previousCaseId?: CaseId;
  /** Sparring, or work done for them; absent in intakes stored before 2026-12 (read as sparring). */
  readonly seeks?: Seeking;
}

export const questionTopicSchema = z.object({
  topic: idSchema<"TopicId">(),
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
}) satisfies z.ZodType<QuestionTopic>;

/** A question lists each topic once (its weight says how much it matters). */
export const eachTopicOnce = (ts: readonly QuestionTopic[]): boolean =>
  new Set(ts.map((t) => t.topic)).size === ts.length;
/** The issue a topic listed twice gives. */
export const eachTopicOnceIssue = {
  message: "each topic may be listed once",
  params: { rule: "uniqueTopics" },
};

export const intakeRequestSchema = z.object({
  id: idSchema<"IntakeId">(),
  submittedAt: dateSchema,
  mentee: z.object({ name: nameSchema, email: emailSchema }),
  venture: ventureSchema,
  question: z.object({
    summary: longTextSchema,
    topics: listOf(questionTopicSchema, 12)
      .min(1, { message: "name at least one topic of the question" })
      .refine(eachTopicOnce, eachTopicOnceIssue),
  }),
  urgency: z.enum(urgencies),
  consent: z.object({
    dataProcessing: z.literal(true, { message: "the mentee must consent to data processing for an intake" }),
    shareWithPartners: z.boolean(),
  }),
  previousCaseId: idSchema<"CaseId">().exactOptional(),
  seeks: z.enum(seekings).exactOptional(),
}) satisfies z.ZodType<IntakeRequest>;
