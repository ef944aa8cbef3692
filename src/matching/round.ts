import { z } from "zod";
import type { CaseId, MentorId } from "../model/brand.js";
import { boundedString, dateSchema, idSchema, listOf, shortTextSchema } from "../model/common.js";
import {
  eachTopicOnce,
  eachTopicOnceIssue,
  type QuestionTopic,
  questionTopicSchema,
} from "../model/intake.js";
import { type Mentor, mentorSchema } from "../model/mentor.js";
import { type Locale, locales, type ProgrammeProfile } from "../model/profile.js";
import { type Venture, ventureSchema } from "../model/venture.js";

/** A mentor as the meeting sees them: their record and what they carry already. */
export interface RoundMentor extends Mentor {
  readonly load: {
    /** Cases the mentor is on now. */
    readonly cases: number;
    /** Monthly hours already committed (their cases × the hour norm, or what was agreed). */
    readonly hours: number;
  };
}

/** A new case waiting for a team at this meeting. */
export interface RoundCase {
  readonly id: CaseId;
  readonly venture: Venture;
  /** The question's topics with their weights. */
  readonly topics: readonly QuestionTopic[];
  /** When the intake accepted it; earlier cases come first when the meeting's quota is short. */
  readonly acceptedOn: Date;
  /** Mentors of the venture's earlier case (a returning venture may keep them). */
  readonly previousMentors: readonly MentorId[];
  /** Mentors on this case; the profile's minimum if absent. */
  readonly teamSize?: number;
}

/** A mentor's answer to a case on the meeting's list. */
export interface Preference {
  readonly mentorId: MentorId;
  readonly caseId: CaseId;
  readonly kind: "volunteered" | "declined";
}

/** The programme manager's hand on the round: keep a mentor on a case, or keep them off it. */
export interface Pin {
  readonly mentorId: MentorId;
  readonly caseId: CaseId;
  readonly kind: "pin" | "exclude";
}

/** A conflict of interest recorded by the programme beyond the mentor's own declarations. */
export interface RecordedConflict {
  readonly mentorId: MentorId;
  readonly caseId: CaseId;
  readonly reason: string;
}

/** A case already running, with its team — for single-case insertion between meetings. */
export interface ActiveCase {
  readonly id: CaseId;
  readonly venture: Venture;
  readonly topics: readonly QuestionTopic[];
  readonly team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[];
}

/** What the round takes from the programme profile. */
export interface RoundRules {
  readonly teamSize: { readonly min: number; readonly max: number };
  readonly newCasesPerMeeting: number;
  /** Monthly hours a case adds to each of its mentors. */
  readonly hoursPerCase: number;
  readonly ethicsStatementValidityMonths: number;
  readonly locale: Locale;
  /** How topics are named in explanations (in `locale`); a topic without a label shows its id. */
  readonly topicLabels?: Readonly<Record<string, string>>;
}

/** The weights of the score, in points. Defaults: {@link defaultWeights}. */
export interface MatchingWeights {
  readonly sector: number;
  readonly expertise: number;
  readonly volunteered: number;
  readonly continuity: number;
  /** Lead fitness: a base for a lead-qualified mentor, plus `leadSector` if they know the sector. */
  readonly lead: number;
  readonly leadSector: number;
  /** The team as a whole covering the question's topics (weighted share × this). */
  readonly coverage: number;
  /** Load fairness: the k-th case of a mentor costs `load × k` (convex, so load spreads). */
  readonly load: number;
}

export const defaultWeights: MatchingWeights = {
  sector: 350,
  expertise: 400,
  volunteered: 150,
  continuity: 300,
  lead: 150,
  leadSector: 100,
  coverage: 600,
  load: 10,
};

/** One matching round — the monthly mentors' meeting — as validated data. */
export interface MatchingRound {
  readonly id: string;
  /** The meeting's date: pauses and ethics statements are judged on it. */
  readonly date: Date;
  readonly rules: RoundRules;
  readonly mentors: readonly RoundMentor[];
  readonly cases: readonly RoundCase[];
  readonly preferences: readonly Preference[];
  readonly pins: readonly Pin[];
  readonly conflicts: readonly RecordedConflict[];
  readonly activeCases: readonly ActiveCase[];
  readonly weights: MatchingWeights;
  /** Seeds the order in which the local search tries its moves; equal input and seed ⇒ equal proposal. */
  readonly seed: number;
}

/** The round's rules for a profile. */
export function roundRulesFromProfile(profile: ProgrammeProfile): RoundRules {
  return {
    teamSize: { min: profile.team.minSize, max: profile.team.maxSize },
    newCasesPerMeeting: profile.meeting.newCasesPerMeeting,
    hoursPerCase: profile.hours.normPerCaseMonth,
    ethicsStatementValidityMonths: profile.ethicsStatementValidityMonths,
    locale: profile.locale,
    topicLabels: Object.fromEntries(profile.topics.map((t) => [t.id, t.label[profile.locale]])),
  };
}

const mentorIdSchema = idSchema<"MentorId">();
const caseIdSchema = idSchema<"CaseId">();

/** A pin or an exclusion the manager puts on a round. */
export const pinSchema = z.object({
  mentorId: mentorIdSchema,
  caseId: caseIdSchema,
  kind: z.enum(["pin", "exclude"]),
}) satisfies z.ZodType<Pin>;
const big = 100_000;

const roundMentorSchema = mentorSchema.and(
  z.object({ load: z.object({ cases: z.int().min(0).max(100), hours: z.number().min(0).max(1_000) }) }),
) satisfies z.ZodType<RoundMentor>;

const roundCaseSchema = z.object({
  id: caseIdSchema,
  venture: ventureSchema,
  topics: listOf(questionTopicSchema, 12).min(1).refine(eachTopicOnce, eachTopicOnceIssue),
  acceptedOn: dateSchema,
  previousMentors: listOf(mentorIdSchema, 20),
  teamSize: z.int().min(2).max(6).exactOptional(),
}) satisfies z.ZodType<RoundCase>;

const weightsSchema = z.object({
  sector: z.number().min(0).max(10_000),
  expertise: z.number().min(0).max(10_000),
  volunteered: z.number().min(0).max(10_000),
  continuity: z.number().min(0).max(10_000),
  lead: z.number().min(0).max(10_000),
  leadSector: z.number().min(0).max(10_000),
  coverage: z.number().min(0).max(10_000),
  load: z.number().min(0).max(10_000),
}) satisfies z.ZodType<MatchingWeights>;

export const matchingRoundSchema = z
  .object({
    id: idSchema<"RoundId">().transform((s): string => s),
    date: dateSchema,
    rules: z.object({
      teamSize: z.object({ min: z.int().min(2).max(6), max: z.int().min(2).max(6) }),
      newCasesPerMeeting: z.int().min(1).max(big),
      hoursPerCase: z.number().gt(0).max(100),
      ethicsStatementValidityMonths: z.int().min(1).max(60),
      locale: z.enum(locales),
      topicLabels: z.record(boundedString(0, 64), boundedString(0, 200)).exactOptional(),
    }),
    mentors: listOf(roundMentorSchema, big),
    cases: listOf(roundCaseSchema, big),
    preferences: listOf(
      z.object({ mentorId: mentorIdSchema, caseId: caseIdSchema, kind: z.enum(["volunteered", "declined"]) }),
      1_000_000,
    ).default([]),
    pins: listOf(pinSchema, big).default([]),
    conflicts: listOf(
      z.object({ mentorId: mentorIdSchema, caseId: caseIdSchema, reason: shortTextSchema }),
      1_000_000,
    ).default([]),
    activeCases: listOf(
      z.object({
        id: caseIdSchema,
        venture: ventureSchema,
        topics: listOf(questionTopicSchema, 12).refine(eachTopicOnce, eachTopicOnceIssue),
        team: listOf(z.object({ mentorId: mentorIdSchema, role: z.enum(["lead", "member"]) }), 6),
      }),
      big,
    ).default([]),
    weights: weightsSchema.default(defaultWeights),
    seed: z
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(1),
  })
  .superRefine((r, ctx) => {
    if (r.rules.teamSize.min > r.rules.teamSize.max) {
      ctx.addIssue({ code: "custom", path: ["rules", "teamSize", "min"], message: "must not exceed max" });
    }
    const dup = (ids: readonly string[], path: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id))
          ctx.addIssue({ code: "custom", path: [path, i, "id"], message: `duplicate id '${id}'` });
        seen.add(id);
      });
    };
    dup(
      r.mentors.map((m) => m.id),
      "mentors",
    );
    dup(
      r.cases.map((c) => c.id),
      "cases",
    );
    const mentors = new Set<string>(r.mentors.map((m) => m.id));
    const cases = new Set<string>(r.cases.map((c) => c.id));
    r.cases.forEach((c, i) => {
      if (
        c.teamSize !== undefined &&
        (c.teamSize < r.rules.teamSize.min || c.teamSize > r.rules.teamSize.max)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["cases", i, "teamSize"],
          message: "outside the profile's team size",
        });
      }
    });
    const refs = (list: readonly { mentorId: string; caseId: string }[], path: string) =>
      list.forEach((x, i) => {
        if (!mentors.has(x.mentorId)) {
          ctx.addIssue({
            code: "custom",
            path: [path, i, "mentorId"],
            message: `unknown mentor '${x.mentorId}'`,
          });
        }
        if (!cases.has(x.caseId)) {
          ctx.addIssue({ code: "custom", path: [path, i, "caseId"], message: `unknown case '${x.caseId}'` });
        }
      });
    refs(r.preferences, "preferences");
    refs(r.pins, "pins");
    refs(r.conflicts, "conflicts");
  }) satisfies z.ZodType<MatchingRound, unknown>;
