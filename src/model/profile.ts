import { z } from "zod";
import type { SectorId, TopicId } from "./brand.js";
import { idSchema, listOf, nameSchema, shortTextSchema } from "./common.js";
import { type PartnerProgramme, partnerProgrammeSchema } from "./partner.js";
import {
  type TriageCondition,
  type TriageOutcome,
  type TriageRule,
  triageOutcomeSchema,
  triageRuleSchema,
} from "./triage.js";

export const locales = ["en", "nl"] as const;
/** The languages of the message catalogue. */
export type Locale = (typeof locales)[number];

/** A topic's label in a language; its id when the profile does not know it. */
export function topicLabel(profile: ProgrammeProfile, topicId: string, locale: Locale): string {
  return profile.topics.find((t) => t.id === topicId)?.label[locale] ?? topicId;
}

export interface Label {
  readonly en: string;
  readonly nl: string;
}

/**
 * A programme's configuration. Everything in the library reads the profile; nothing hard-codes one
 * programme. Build your own from a preset with {@link customiseProfile}.
 */
export interface ProgrammeProfile {
  readonly id: string;
  readonly name: string;
  /** Language of the messages the library renders for this programme. */
  readonly locale: Locale;
  /** Mentors per case, the team lead included (EMS Friesland: exactly 3; MIT VMS: 3–4). */
  readonly team: { readonly minSize: number; readonly maxSize: number };
  readonly meeting: {
    readonly cadence: "monthly";
    /** New cases matched per mentors' meeting at most. */
    readonly newCasesPerMeeting: number;
  };
  readonly hours: {
    /** Average sparring hours per case per month — a norm, never a cap. */
    readonly normPerCaseMonth: number;
    /** Months over which a case's rolling average is taken. */
    readonly rollingWindowMonths: number;
    /** Share around the norm still counted as "on norm" (0.25 = ±25 %). */
    readonly tolerance: number;
  };
  /** Days without a session after which the programme asks "is the question still open?". */
  readonly inactivityAlertDays: number;
  /**
   * How long personal data stays after it is no longer needed: months after a case closed, or after
   * an intake was decided without a case. `purgeExpired` erases it then (statistics stay).
   */
  readonly retention: { readonly months: number };
  /** Months an ethics statement stays current. */
  readonly ethicsStatementValidityMonths: number;
  /** This library supports programmes without a waiting list only: nobody is queued. */
  readonly waitingList: false;
  /** Regions served; empty = anywhere. */
  readonly regions: readonly string[];
  readonly topics: readonly { readonly id: TopicId; readonly label: Label }[];
  readonly sectors: readonly { readonly id: SectorId; readonly label: Label }[];
  readonly partners: readonly PartnerProgramme[];
  readonly triage: {
    /** Ordered: the first rule that fires decides, every rule that fires is reported. */
    readonly rules: readonly TriageRule[];
    /** The outcome when no rule fires (never a bare refusal). */
    readonly fallback: TriageOutcome;
  };
}

const labelSchema = z.object({ en: shortTextSchema, nl: shortTextSchema });

function conditionRefs(c: TriageCondition, topics: string[], sectors: string[]): void {
  if ("all" in c) for (const x of c.all) conditionRefs(x, topics, sectors);
  else if ("any" in c) for (const x of c.any) conditionRefs(x, topics, sectors);
  else if ("not" in c) conditionRefs(c.not, topics, sectors);
  else if (c.fact === "topics") topics.push(...c.anyOf);
  else if (c.fact === "sector") sectors.push(...c.in);
}

export const programmeProfileSchema = z
  .object({
    id: idSchema<"ProfileId">().transform((s): string => s),
    name: nameSchema,
    locale: z.enum(locales),
    team: z.object({ minSize: z.int().min(2).max(6), maxSize: z.int().min(2).max(6) }),
    meeting: z.object({ cadence: z.literal("monthly"), newCasesPerMeeting: z.int().min(1).max(10_000) }),
    hours: z.object({
      normPerCaseMonth: z.number().gt(0).max(100),
      rollingWindowMonths: z.int().min(1).max(24),
      tolerance: z.number().min(0).max(1),
    }),
    inactivityAlertDays: z.int().min(7).max(730),
    retention: z.object({ months: z.int().min(1).max(240) }).default({ months: 24 }),
    ethicsStatementValidityMonths: z.int().min(1).max(60),
    waitingList: z.literal(false, { message: "programmes on this model keep no waiting list" }),
    regions: listOf(
      idSchema<"Region">().transform((r): string => r),
      500,
    ),
    topics: listOf(z.object({ id: idSchema<"TopicId">(), label: labelSchema }), 200).min(1),
    sectors: listOf(z.object({ id: idSchema<"SectorId">(), label: labelSchema }), 200).min(1),
    partners: listOf(partnerProgrammeSchema),
    triage: z.object({ rules: listOf(triageRuleSchema, 200), fallback: triageOutcomeSchema }),
  })
  .superRefine((p, ctx) => {
    if (p.team.minSize > p.team.maxSize) {
      ctx.addIssue({ code: "custom", path: ["team", "minSize"], message: "must not exceed maxSize" });
    }
    const unique = (ids: readonly string[], path: (string | number)[]) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: "custom", path: [...path, i, "id"], message: `duplicate id '${id}'` });
        seen.add(id);
      });
    };
    unique(
      p.topics.map((t) => t.id),
      ["topics"],
    );
    unique(
      p.sectors.map((s) => s.id),
      ["sectors"],
    );
    unique(
      p.partners.map((s) => s.id),
      ["partners"],
    );
    unique(
      p.triage.rules.map((r) => r.id),
      ["triage", "rules"],
    );
    const topicIds = new Set<string>(p.topics.map((t) => t.id));
    const sectorIds = new Set<string>(p.sectors.map((s) => s.id));
    const partnerIds = new Set<string>(p.partners.map((s) => s.id));
    const checkOutcome = (o: TriageOutcome, path: (string | number)[]) => {
      if (o.kind === "refer" && !partnerIds.has(o.partnerId)) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "partnerId"],
          message: `unknown partner '${o.partnerId}'`,
        });
      }
    };
    p.triage.rules.forEach((r, i) => {
      checkOutcome(r.outcome, ["triage", "rules", i, "outcome"]);
      const topics: string[] = [];
      const sectors: string[] = [];
      conditionRefs(r.when, topics, sectors);
      for (const t of topics.filter((t) => !topicIds.has(t))) {
        ctx.addIssue({
          code: "custom",
          path: ["triage", "rules", i, "when"],
          message: `unknown topic '${t}'`,
        });
      }
      for (const s of sectors.filter((s) => !sectorIds.has(s))) {
        ctx.addIssue({
          code: "custom",
          path: ["triage", "rules", i, "when"],
          message: `unknown sector '${s}'`,
        });
      }
    });
    checkOutcome(p.triage.fallback, ["triage", "fallback"]);
    p.partners.forEach((partner, i) => {
      partner.focus.topics.forEach((t, j) => {
        if (!topicIds.has(t.topic)) {
          ctx.addIssue({
            code: "custom",
            path: ["partners", i, "focus", "topics", j, "topic"],
            message: `unknown topic '${t.topic}'`,
          });
        }
      });
    });
  }) satisfies z.ZodType<ProgrammeProfile>;
