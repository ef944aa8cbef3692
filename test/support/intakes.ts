import { friesland, type IntakeRequest, type ProgrammeProfile, parseIntake } from "venture-mentoring";

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
  } = {},
  profile: ProgrammeProfile = friesland,
): IntakeRequest {
  const raw = {
    id: "intake-1",
    submittedAt: "2026-11-02T09:00:00.000Z",
    mentee: { name: "Sjoukje de Vries", email: "sjoukje@example.nl" },
    venture: {
      id: "v-1",
      name: "Kaasmakerij Wâldhoeke",
      sector: "agrifood",
      stage: "established",
      employees: 14,
      region: "friesland",
      exportAmbition: "none",
      innovative: false,
      competitors: [],
      suppliers: [],
      ...over.venture,
    },
    question: {
      summary: "How do I build a management team?",
      topics: over.topics ?? [
        { topic: "leadership", weight: 3 },
        { topic: "strategy", weight: 1 },
      ],
    },
    urgency: over.urgency ?? "routine",
    consent: { dataProcessing: true, shareWithPartners: over.shareWithPartners ?? true },
    ...(over.previousCaseId === undefined ? {} : { previousCaseId: over.previousCaseId }),
  };
  return parseIntake(raw, profile)._unsafeUnwrap();
}

export type { DeepPartial };
export const open = { placesLeft: 3, network: { canStaff: true, shortTopics: [] } } as const;
export const now = new Date("2026-11-26T10:00:00.000Z");
