import { describeError, describeReason, evaluateTriage, friesland, parseIntake } from "venture-mentoring";

// An intake as a portal's form posts it (its fields: docs/formats.md).
const requestBody: unknown = {
  id: "intake-2026-11-01",
  submittedAt: "2026-11-02T09:15:00.000Z",
  mentee: { name: "Sjoukje de Vries", email: "sjoukje@example.nl" },
  venture: {
    id: "v-kaasmakerij",
    name: "Kaasmakerij Wâldhoeke",
    sector: "agrifood",
    stage: "established",
    employees: 14,
    region: "friesland",
    exportAmbition: "exploring",
    innovative: false,
    competitors: [],
    suppliers: [],
  },
  question: {
    summary: "We grow steadily but I do everything myself. How do I build a management team?",
    topics: [
      { topic: "leadership", weight: 3 },
      { topic: "hr", weight: 2 },
    ],
  },
  urgency: "routine",
  consent: { dataProcessing: true, shareWithPartners: true },
};

const parsed = parseIntake(requestBody, friesland); // Result<IntakeRequest, ValidationFailed>
if (parsed.isErr()) {
  console.error(describeError(parsed.error, "en")); // names every bad field, in words
} else {
  const decision = evaluateTriage({
    intake: parsed.value,
    profile: friesland,
    context: { placesLeft: 2, network: { canStaff: true, shortTopics: [] } },
    now: new Date(),
  });
  console.log(
    decision.outcome, // { kind: "accept" }
    decision.reasons.map((r) => describeReason(r, "en", friesland)),
  );
}
