/**
 * Raw request bodies, as a portal would send them: a lead-qualified mentor and an established
 * Frisian SME's intake. Tests override what they are about.
 */

export const mentorRaw = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  name: `Mentor ${id}`,
  email: `${id}@example.nl`,
  state: "active",
  expertise: [
    { topic: "leadership", level: 3 },
    { topic: "strategy", level: 2 },
  ],
  sectors: ["agrifood"],
  background: "founder",
  leadQualified: true,
  intakeLead: false,
  capacity: { maxCases: 3, monthlyHours: 6 },
  pauses: [],
  interests: [],
  ethicsStatementSignedOn: "2026-06-01",
  ...over,
});

export const intakeRaw = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  submittedAt: "2026-12-01T08:00:00.000Z",
  mentee: { name: "Sjoukje de Vries", email: "sjoukje@example.nl" },
  venture: {
    id: `v-${id}`,
    name: `Kaasmakerij ${id}`,
    sector: "agrifood",
    stage: "established",
    employees: 14,
    region: "friesland",
    exportAmbition: "none",
    innovative: false,
    competitors: ["Zuivel Noord"],
    suppliers: [],
  },
  question: {
    summary: "How do I build a management team?",
    topics: [
      { topic: "leadership", weight: 3 },
      { topic: "strategy", weight: 1 },
    ],
  },
  urgency: "routine",
  consent: { dataProcessing: true, shareWithPartners: true },
  ...over,
});
