import { z } from "zod";
import type { MentorId, SectorId, TopicId, VentureId } from "./brand.js";
import { dateSchema, emailSchema, idSchema, listOf, nameSchema } from "./common.js";

export const mentorStates = ["applicant", "active", "paused", "retired"] as const;
/** applicant → active ⇄ paused → retired. */
export type MentorState = (typeof mentorStates)[number];

export const backgrounds = [
  "founder",
  "corporate",
  "finance",
  "sales-marketing",
  "technology",
  "professional-services",
  "public-sector",
] as const;
/** Where a mentor's experience comes from; a team should not be three of a kind. */
export type Background = (typeof backgrounds)[number];

export const interestKinds = [
  "investment",
  "board",
  "employer",
  "client",
  "supplier",
  "competitor",
  "family",
] as const;
/** A tie a mentor declares so that matching can keep them away from conflicted cases. */
export type InterestKind = (typeof interestKinds)[number];

/** Expertise level: 1 = working knowledge, 2 = experienced, 3 = has done it many times. */
export type ExpertiseLevel = 1 | 2 | 3;

export interface Expertise {
  readonly topic: TopicId;
  readonly level: ExpertiseLevel;
}

export interface DeclaredInterest {
  readonly kind: InterestKind;
  /** The organisation the tie is with, as named on the venture (compared case- and space-insensitively). */
  readonly organisation: string;
  readonly since?: Date;
}

export interface Pause {
  readonly from: Date;
  /** Absent: paused until further notice. */
  readonly until?: Date;
}

/** Mentors are unpaid: anything of value from a venture breaches the ethics statement (rule 3). */
export const benefitKinds = ["compensation", "gift", "fee", "equity"] as const;
export type BenefitKind = (typeof benefitKinds)[number];

/**
 * A benefit from a venture the programme recorded: it suspends the mentor from matching until the
 * manager resolves it. Set and lifted only by `recordEthicsViolation` and `resolveEthicsHold`.
 */
export interface EthicsHold {
  readonly on: Date;
  readonly kind: BenefitKind;
  readonly ventureId: VentureId;
}

export interface Mentor {
  readonly id: MentorId;
  readonly name: string;
  readonly email?: string;
  readonly state: MentorState;
  readonly expertise: readonly Expertise[];
  readonly sectors: readonly SectorId[];
  readonly background: Background;
  /** The firm the mentor works or worked at; no two mentors of one firm on one team. */
  readonly firm?: string;
  /** May be team lead of a case. */
  readonly leadQualified: boolean;
  /** A lead mentor who joins intakes with the programme manager. */
  readonly intakeLead: boolean;
  readonly capacity: {
    /** Concurrent cases at most. */
    readonly maxCases: number;
    /** Hours a month the mentor offers. */
    readonly monthlyHours: number;
  };
  readonly pauses: readonly Pause[];
  readonly interests: readonly DeclaredInterest[];
  /** When the mentor last signed the ethics statement; it is current for the profile's validity period. */
  readonly ethicsStatementSignedOn?: Date;
  /** A recorded benefit from a venture, not yet resolved: the mentor is not matchable meanwhile. */
  readonly ethicsHold?: EthicsHold;
}

export const expertiseSchema = z.object({
  topic: idSchema<"TopicId">(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
}) satisfies z.ZodType<Expertise>;

export const declaredInterestSchema = z.object({
  kind: z.enum(interestKinds),
  organisation: nameSchema,
  since: dateSchema.exactOptional(),
}) satisfies z.ZodType<DeclaredInterest>;

export const pauseSchema = z
  .object({ from: dateSchema, until: dateSchema.exactOptional() })
  .refine((p) => p.until === undefined || p.until >= p.from, {
    message: "a pause must end after it starts",
    params: { rule: "pauseOrder" },
    path: ["until"],
  }) satisfies z.ZodType<Pause>;

export const mentorSchema = z
  .object({
    id: idSchema<"MentorId">(),
    name: nameSchema,
    email: emailSchema.exactOptional(),
    state: z.enum(mentorStates),
    expertise: listOf(expertiseSchema),
    sectors: listOf(idSchema<"SectorId">()),
    background: z.enum(backgrounds),
    firm: nameSchema.exactOptional(),
    leadQualified: z.boolean(),
    intakeLead: z.boolean(),
    capacity: z.object({
      maxCases: z.int().min(0).max(50),
      monthlyHours: z.number().min(0).max(200),
    }),
    pauses: listOf(pauseSchema),
    interests: listOf(declaredInterestSchema, 200),
    ethicsStatementSignedOn: dateSchema.exactOptional(),
    ethicsHold: z
      .object({ on: dateSchema, kind: z.enum(benefitKinds), ventureId: idSchema<"VentureId">() })
      .exactOptional(),
  })
  .refine((m) => new Set(m.expertise.map((e) => e.topic)).size === m.expertise.length, {
    message: "each topic may be listed once",
    params: { rule: "uniqueTopics" },
    path: ["expertise"],
  }) satisfies z.ZodType<Mentor>;
