import { z } from "zod";
import type { IntakeId, PartnerId, RuleId, SectorId, TopicId } from "./brand.js";
import { boundedString, dateSchema, idSchema, listOf, shortTextSchema } from "./common.js";
import { type Seeking, seekings, type Urgency, urgencies } from "./intake.js";
import { type ExportAmbition, exportAmbitions, type VentureStage, ventureStages } from "./venture.js";

export const adviceCodes = [
  "validateIdea",
  "hireForTheWork",
  "findFirstCustomers",
  "writeBusinessPlan",
  "formTeam",
  "seekFirstLineHelp",
] as const;
/** What an entrepreneur who is not ready yet should do first (texts in the message catalogue). */
export type AdviceCode = (typeof adviceCodes)[number];

/**
 * What triage decides. There is deliberately no `waitlisted` outcome: a programme on this model keeps
 * no waiting list, so a full meeting or a question no team can answer is routed, never queued.
 */
export type TriageOutcome =
  | { readonly kind: "accept" }
  | { readonly kind: "refer"; readonly partnerId: PartnerId }
  | { readonly kind: "oneOff" }
  | { readonly kind: "notReady"; readonly advice: AdviceCode };

export type TriageOutcomeKind = TriageOutcome["kind"];

export const triageOutcomeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("accept") }),
  z.object({ kind: z.literal("refer"), partnerId: idSchema<"PartnerId">() }),
  z.object({ kind: z.literal("oneOff") }),
  z.object({ kind: z.literal("notReady"), advice: z.enum(adviceCodes) }),
]) satisfies z.ZodType<TriageOutcome>;

export const ruleReasonCodes = [
  "fitsProgramme",
  "ideaStage",
  "acuteCrisis",
  "crisisQuestion",
  "firstLineQuestion",
  "exportQuestion",
  "innovativeStartup",
  "outsideRegion",
  "returningVenture",
  "tooSmallQuestion",
  "workNotSparring",
] as const;
/** The reason a configured rule gives (texts in the message catalogue). */
export type RuleReasonCode = (typeof ruleReasonCodes)[number];

/** A condition over the facts of an intake; rules are data so each programme configures its own. */
export type TriageCondition =
  | { readonly fact: "stage"; readonly in: readonly VentureStage[] }
  | { readonly fact: "sector"; readonly in: readonly SectorId[] }
  | { readonly fact: "region"; readonly in: readonly string[] }
  | { readonly fact: "employees"; readonly min?: number; readonly max?: number }
  | { readonly fact: "exportAmbition"; readonly in: readonly ExportAmbition[] }
  | { readonly fact: "urgency"; readonly in: readonly Urgency[] }
  | { readonly fact: "innovative"; readonly is: boolean }
  | { readonly fact: "returning"; readonly is: boolean }
  /** What the entrepreneur asks for (an intake without the answer counts as `sparring`). */
  | { readonly fact: "seeks"; readonly in: readonly Seeking[] }
  /** The listed topics carry at least `minShare` (0–1] of the question's total topic weight. */
  | { readonly fact: "topics"; readonly anyOf: readonly TopicId[]; readonly minShare: number }
  | { readonly all: readonly TriageCondition[] }
  | { readonly any: readonly TriageCondition[] }
  | { readonly not: TriageCondition };

export const triageConditionSchema: z.ZodType<TriageCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: z.literal("stage"), in: listOf(z.enum(ventureStages)) }),
    z.strictObject({ fact: z.literal("sector"), in: listOf(idSchema<"SectorId">()) }),
    z.strictObject({
      fact: z.literal("region"),
      in: listOf(idSchema<"Region">().transform((r): string => r)),
    }),
    z
      .strictObject({
        fact: z.literal("employees"),
        min: z.int().min(0).exactOptional(),
        max: z.int().min(0).exactOptional(),
      })
      .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
        message: "min must not exceed max",
      }),
    z.strictObject({ fact: z.literal("exportAmbition"), in: listOf(z.enum(exportAmbitions)) }),
    z.strictObject({ fact: z.literal("urgency"), in: listOf(z.enum(urgencies)) }),
    z.strictObject({ fact: z.literal("innovative"), is: z.boolean() }),
    z.strictObject({ fact: z.literal("returning"), is: z.boolean() }),
    z.strictObject({ fact: z.literal("seeks"), in: listOf(z.enum(seekings)) }),
    z.strictObject({
      fact: z.literal("topics"),
      anyOf: listOf(idSchema<"TopicId">()).min(1),
      minShare: z.number().gt(0).max(1),
    }),
    z.strictObject({ all: listOf(triageConditionSchema).min(1) }),
    z.strictObject({ any: listOf(triageConditionSchema).min(1) }),
    z.strictObject({ not: triageConditionSchema }),
  ]),
);

/** One named, ordered triage rule: when its condition holds it proposes an outcome for a reason. */
export interface TriageRule {
  readonly id: RuleId;
  readonly when: TriageCondition;
  readonly outcome: TriageOutcome;
  readonly reason: RuleReasonCode;
}

export const triageRuleSchema = z.object({
  id: idSchema<"RuleId">(),
  when: triageConditionSchema,
  outcome: triageOutcomeSchema,
  reason: z.enum(ruleReasonCodes),
}) satisfies z.ZodType<TriageRule>;

/**
 * What triage needs to know about the programme right now; computed by the caller (later by the
 * matching engine's network summary), passed in so triage stays pure.
 */
export interface TriageContext {
  /** Places left at the next mentors' meeting (the profile's quota minus cases already accepted). */
  readonly placesLeft: number;
  /** Whether the mentor network can staff a team for this question, and which topics it is short of. */
  readonly network: { readonly canStaff: boolean; readonly shortTopics: readonly TopicId[] };
}

export const triageContextSchema = z.object({
  placesLeft: z.int().min(0).max(10_000),
  network: z.object({ canStaff: z.boolean(), shortTopics: listOf(idSchema<"TopicId">()) }),
}) satisfies z.ZodType<TriageContext>;

export const builtInReasonCodes = [
  "quotaFull",
  "noTeamForTopics",
  "noRuleMatched",
  "routedToPartner",
  "oneOffInstead",
  "managerOverride",
] as const;
export type BuiltInReasonCode = (typeof builtInReasonCodes)[number];
export type TriageReasonCode = RuleReasonCode | BuiltInReasonCode;

/**
 * A reason for a triage decision: a code to act on and its parameters (ids and numbers; a partner
 * and topics by id). Its text is rendered when read, in the reader's language (`describeReason`).
 */
export interface TriageReason {
  readonly code: TriageReasonCode;
  readonly ruleId?: RuleId;
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

/** How well a partner programme fits an intake; `score` 0 means no fit at all. */
export interface PartnerMatch {
  readonly partnerId: PartnerId;
  readonly score: number;
  readonly matchedTopics: readonly TopicId[];
  readonly because: readonly ("topics" | "stage" | "sector" | "innovative" | "crisis")[];
}

export interface FiredRule {
  readonly ruleId: RuleId;
  readonly outcome: TriageOutcome;
  readonly reason: RuleReasonCode;
}

export interface TriageOverride {
  /** The programme manager who overrode the decision (an id, no personal data). */
  readonly by: string;
  readonly at: Date;
  readonly reason: string;
  /** The outcome the rules had reached. */
  readonly original: TriageOutcome;
}

/** The result of triage: one outcome, the rules that fired, the reasons, and where else the entrepreneur can go. */
export interface TriageDecision {
  readonly intakeId: IntakeId;
  readonly decidedAt: Date;
  readonly outcome: TriageOutcome;
  readonly reasons: readonly TriageReason[];
  readonly fired: readonly FiredRule[];
  /** Partner programmes ranked for this intake (best first), those with any fit only. */
  readonly partners: readonly PartnerMatch[];
  readonly context: TriageContext;
  readonly override?: TriageOverride;
}

export interface OverrideInput {
  readonly outcome: TriageOutcome;
  readonly by: string;
  readonly reason: string;
}

export const overrideInputSchema = z.object({
  outcome: triageOutcomeSchema,
  by: idSchema<"ActorId">().transform((s): string => s),
  reason: shortTextSchema,
}) satisfies z.ZodType<OverrideInput>;

/**
 * The programme manager's override as a caller gives it to `decideTriage`: the outcome that replaces
 * the rules' one, and why (the manager is the acting user).
 */
export interface ManagerOverride {
  readonly outcome: TriageOutcome;
  readonly reason: string;
}

/** The schema of a `ManagerOverride` (the contract `decideTriage` applies to its `override`). */
export const managerOverrideSchema = z.object({
  outcome: triageOutcomeSchema,
  reason: shortTextSchema,
}) satisfies z.ZodType<ManagerOverride>;

export const triageDecisionSchema = z.object({
  intakeId: idSchema<"IntakeId">(),
  decidedAt: dateSchema,
  outcome: triageOutcomeSchema,
  reasons: listOf(
    z.object({
      code: z.enum([...ruleReasonCodes, ...builtInReasonCodes]),
      ruleId: idSchema<"RuleId">().exactOptional(),
      // Decisions stored before 2026-12 also kept a rendered `text`: dropped on reading.
      params: z.record(
        boundedString(0, 64),
        z.union([boundedString(0, 5_000), z.number(), listOf(boundedString(0, 64))]),
      ),
    }),
  ),
  fired: listOf(
    z.object({ ruleId: idSchema<"RuleId">(), outcome: triageOutcomeSchema, reason: z.enum(ruleReasonCodes) }),
    200,
  ),
  partners: listOf(
    z.object({
      partnerId: idSchema<"PartnerId">(),
      score: z.number().min(0),
      matchedTopics: listOf(idSchema<"TopicId">()),
      because: listOf(z.enum(["topics", "stage", "sector", "innovative", "crisis"])),
    }),
  ),
  context: triageContextSchema,
  override: z
    .object({
      by: boundedString(1, 64),
      at: dateSchema,
      reason: shortTextSchema,
      original: triageOutcomeSchema,
    })
    .exactOptional(),
}) satisfies z.ZodType<TriageDecision>;
