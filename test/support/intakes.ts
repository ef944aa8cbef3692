import { friesland, type IntakeRequest, type ProgrammeProfile, parseIntake } from "venture-mentoring";
import { intakeRaw } from "./raw.js";

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K];
};

/** An established Frisian SME with a strategic question; override what a scenario is about. */
export function intake(
  over: {
    venture?: Record<string, unknown>;
    topics?: readonly { topic: string; weight: 1 | 2 | 3 }[];
    urgency?: string;
    previousCaseId?: string;
    shareWithPartners?: boolean;
    seeks?: "sparring" | "workDone";
  } = {},
  profile: ProgrammeProfile = friesland,
): IntakeRequest {
  // The portal tests' request body (test/support/raw.ts), as the triage scenarios need it.
  const base = intakeRaw("intake-1");
  const raw = {
    ...base,
    submittedAt: "2026-11-02T09:00:00.000Z",
    venture: { ...base.venture, id: "v-1", name: "Kaasmakerij Wâldhoeke", competitors: [], ...over.venture },
    question: { ...base.question, topics: over.topics ?? base.question.topics },
    urgency: over.urgency ?? base.urgency,
    consent: { ...base.consent, shareWithPartners: over.shareWithPartners ?? true },
    ...(over.previousCaseId === undefined ? {} : { previousCaseId: over.previousCaseId }),
    ...(over.seeks === undefined ? {} : { seeks: over.seeks }),
  };
  return parseIntake(raw, profile)._unsafeUnwrap();
}

export type { DeepPartial };
export const open = { placesLeft: 3, network: { canStaff: true, shortTopics: [] } } as const;
export const now = new Date("2026-11-26T10:00:00.000Z");
