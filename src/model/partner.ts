import { z } from "zod";
import type { IntakeId, PartnerId, ReferralId, SectorId, TopicId } from "./brand.js";
import { boundedString, dateSchema, idSchema, listOf, nameSchema, shortTextSchema } from "./common.js";
import { type VentureStage, ventureStages } from "./venture.js";

/** A programme the intake can refer an entrepreneur to, with what it is for. */
export interface PartnerProgramme {
  readonly id: PartnerId;
  readonly name: string;
  readonly description: { readonly en: string; readonly nl: string };
  readonly url?: string;
  /** Charges a fee (the entrepreneur should know before being referred). */
  readonly paid: boolean;
  readonly focus: {
    /** Topics the partner serves, weighted 1–3 by how central they are to it. */
    readonly topics: readonly { readonly topic: TopicId; readonly weight: 1 | 2 | 3 }[];
    /** Stages it serves; empty = any stage. */
    readonly stages: readonly VentureStage[];
    /** Sectors it serves; empty = any sector. */
    readonly sectors: readonly SectorId[];
    /** Serves innovative, scalable ventures in particular. */
    readonly innovative: boolean;
    /** Takes acute crisis questions. */
    readonly crisis: boolean;
  };
}

export const partnerProgrammeSchema = z.object({
  id: idSchema<"PartnerId">(),
  name: nameSchema,
  description: z.object({ en: shortTextSchema, nl: shortTextSchema }),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .exactOptional(),
  paid: z.boolean(),
  focus: z.object({
    topics: listOf(
      z.object({
        topic: idSchema<"TopicId">(),
        weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      }),
    ),
    stages: listOf(z.enum(ventureStages)),
    sectors: listOf(idSchema<"SectorId">()),
    innovative: z.boolean(),
    crisis: z.boolean(),
  }),
}) satisfies z.ZodType<PartnerProgramme>;

/** `withdrawn`: the manager's override took the referral back before the partner was contacted. */
export const followUpStatuses = [
  "pending",
  "contacted",
  "started",
  "declined",
  "no-response",
  "withdrawn",
] as const;
/** What became of a referral: the programme checks back that nobody fell between two chairs. */
export type FollowUpStatus = (typeof followUpStatuses)[number];

/** A referral of an intake to a partner programme. */
export interface Referral {
  readonly id: ReferralId;
  readonly intakeId: IntakeId;
  readonly partnerId: PartnerId;
  /** Reason codes from the triage that led here (see the message catalogue). */
  readonly reasons: readonly string[];
  readonly date: Date;
  /** The mentee allowed the question to be passed on; otherwise they get the partner's details to contact. */
  readonly warmHandover: boolean;
  readonly followUp: {
    readonly status: FollowUpStatus;
    readonly updatedAt: Date;
    readonly note?: string;
  };
}

export const referralSchema = z.object({
  id: idSchema<"ReferralId">(),
  intakeId: idSchema<"IntakeId">(),
  partnerId: idSchema<"PartnerId">(),
  reasons: listOf(boundedString(1, 64)),
  date: dateSchema,
  warmHandover: z.boolean(),
  followUp: z.object({
    status: z.enum(followUpStatuses),
    updatedAt: dateSchema,
    note: shortTextSchema.exactOptional(),
  }),
}) satisfies z.ZodType<Referral>;
