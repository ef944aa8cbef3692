import { err, type Result } from "neverthrow";
import type { ValidationFailed, ValidationIssue } from "../errors.js";
import type { IntakeRequest } from "./intake.js";
import { intakeRequestSchema } from "./intake.js";
import { type Mentor, mentorSchema } from "./mentor.js";
import { parseWith } from "./parse.js";
import { type PartnerProgramme, partnerProgrammeSchema, type Referral, referralSchema } from "./partner.js";
import { type ProgrammeProfile, programmeProfileSchema } from "./profile.js";
import {
  type ManagerOverride,
  managerOverrideSchema,
  type TriageContext,
  type TriageDecision,
  triageContextSchema,
  triageDecisionSchema,
} from "./triage.js";
import { type Venture, ventureSchema } from "./venture.js";

/**
 * Parse an intake request. With a profile, its topics and sector must also be in the profile's
 * vocabulary.
 *
 * @example
 * const intake = parseIntake(await request.json(), friesland);
 * if (intake.isErr()) console.log(intake.error.issues); // [{ path: "venture.employees", … }]
 */
export function parseIntake(
  raw: unknown,
  profile?: ProgrammeProfile,
): Result<IntakeRequest, ValidationFailed> {
  const parsed = parseWith(intakeRequestSchema, "IntakeRequest", raw);
  if (profile === undefined) return parsed;
  // The vocabulary is checked beside the schema, not after it, so that every bad field is named at once.
  const unknown = vocabularyIssues(raw, profile);
  if (unknown.length === 0) return parsed;
  const issues = parsed.isErr() ? parsed.error.issues : [];
  return err({ type: "ValidationFailed", subject: "IntakeRequest", issues: [...issues, ...unknown] });
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function vocabularyIssues(raw: unknown, profile: ProgrammeProfile): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  try {
    const topics = new Set<string>(profile.topics.map((t) => t.id));
    const list = field(field(raw, "question"), "topics");
    if (Array.isArray(list)) {
      list.forEach((t, i) => {
        const topic = field(t, "topic");
        if (typeof topic === "string" && !topics.has(topic)) {
          issues.push({
            path: `question.topics.${i}.topic`,
            code: "custom",
            message: `unknown topic '${topic.slice(0, 64)}' in profile '${profile.id}'`,
          });
        }
      });
    }
    const sector = field(field(raw, "venture"), "sector");
    if (typeof sector === "string" && !profile.sectors.some((s) => s.id === sector)) {
      issues.push({
        path: "venture.sector",
        code: "custom",
        message: `unknown sector '${sector.slice(0, 64)}' in profile '${profile.id}'`,
      });
    }
  } catch {
    // A hostile object: the schema pass has already reported it unreadable.
  }
  return issues;
}

/** Parse a mentor's record. @example parseMentor(row).map((m) => m.id) */
export function parseMentor(raw: unknown): Result<Mentor, ValidationFailed> {
  return parseWith(mentorSchema, "Mentor", raw);
}

/** Parse a venture. @example parseVenture({ id: "v-1", … }) */
export function parseVenture(raw: unknown): Result<Venture, ValidationFailed> {
  return parseWith(ventureSchema, "Venture", raw);
}

/** Parse a partner programme. @example parsePartnerProgramme(json) */
export function parsePartnerProgramme(raw: unknown): Result<PartnerProgramme, ValidationFailed> {
  return parseWith(partnerProgrammeSchema, "PartnerProgramme", raw);
}

/** Parse a referral record. @example parseReferral(row) */
export function parseReferral(raw: unknown): Result<Referral, ValidationFailed> {
  return parseWith(referralSchema, "Referral", raw);
}

/** Parse a programme profile, checking that rules and partners only name known topics, sectors and partners. */
export function parseProfile(raw: unknown): Result<ProgrammeProfile, ValidationFailed> {
  return parseWith(programmeProfileSchema, "ProgrammeProfile", raw);
}

/** Parse the context triage needs (places left, whether the network can staff the question). */
export function parseTriageContext(raw: unknown): Result<TriageContext, ValidationFailed> {
  return parseWith(triageContextSchema, "TriageContext", raw);
}

/**
 * Parse the programme manager's override of a triage decision (from a form or a request body)
 * before handing it to `decideTriage`.
 *
 * @example
 * parseManagerOverride({ outcome: { kind: "accept" }, reason: "Second case confirmed by the manager" });
 */
export function parseManagerOverride(raw: unknown): Result<ManagerOverride, ValidationFailed> {
  return parseWith(managerOverrideSchema, "TriageOverride", raw);
}

/** Parse a stored triage decision. */
export function parseTriageDecision(raw: unknown): Result<TriageDecision, ValidationFailed> {
  return parseWith(triageDecisionSchema, "TriageDecision", raw);
}

/**
 * Serialise any model value to JSON. Dates become ISO 8601 strings; every parser reads them back,
 * so `parseX(JSON.parse(serialise(x)))` gives `x` again.
 */
export function serialise(value: unknown): string {
  return JSON.stringify(value);
}

export type Overrides<T> = {
  readonly [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K]
    : T[K] extends object
      ? Partial<T[K]>
      : T[K];
};

/**
 * Build your own profile from a preset: each top-level section you give replaces or (for objects)
 * patches the preset's, and the result is validated as a whole.
 *
 * @example
 * const groningen = customiseProfile(friesland, { id: "ems-groningen", regions: ["groningen"] });
 */
export function customiseProfile(
  base: ProgrammeProfile,
  overrides: Overrides<ProgrammeProfile>,
): Result<ProgrammeProfile, ValidationFailed> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] =
      typeof value === "object" && value !== null && !Array.isArray(value) && typeof current === "object"
        ? { ...current, ...value }
        : value;
  }
  return parseProfile(merged);
}
