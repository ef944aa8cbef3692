import fc from "fast-check";
import {
  backgrounds,
  exportAmbitions,
  type IntakeRequest,
  interestKinds,
  type Mentor,
  mentorStates,
  type ProgrammeProfile,
  parseIntake,
  parseMentor,
  type TriageContext,
  urgencies,
  ventureStages,
} from "venture-mentoring";

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const nameArb = fc
  .string({ minLength: 1, maxLength: 40 })
  .filter((s) => s.trim().length > 0 && ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127));
const dateArb = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});
const emailArb = fc.constantFrom("a@example.nl", "mentee@example.com", "x.y@programme.org");

/** A raw (JSON-like) intake over a profile's vocabulary. */
export function rawIntakeArb(profile: ProgrammeProfile) {
  const topicIds = profile.topics.map((t) => t.id as string);
  const sectorIds = profile.sectors.map((s) => s.id as string);
  const regions = profile.regions.length > 0 ? [...profile.regions, "elsewhere"] : ["friesland", "utrecht"];
  return fc.record({
    id: idArb,
    submittedAt: dateArb.map((d) => d.toISOString()),
    mentee: fc.record({ name: nameArb, email: emailArb }),
    venture: fc.record(
      {
        id: idArb,
        name: nameArb,
        sector: fc.constantFrom(...sectorIds),
        stage: fc.constantFrom(...ventureStages),
        employees: fc.integer({ min: 0, max: 500 }),
        region: fc.constantFrom(...regions),
        founded: dateArb.map((d) => d.toISOString()),
        exportAmbition: fc.constantFrom(...exportAmbitions),
        innovative: fc.boolean(),
        competitors: fc.array(nameArb, { maxLength: 3 }),
        suppliers: fc.array(nameArb, { maxLength: 3 }),
      },
      {
        requiredKeys: [
          "id",
          "name",
          "sector",
          "stage",
          "employees",
          "region",
          "exportAmbition",
          "innovative",
          "competitors",
          "suppliers",
        ],
      },
    ),
    question: fc.record({
      summary: nameArb,
      topics: fc
        .uniqueArray(fc.constantFrom(...topicIds), { minLength: 1, maxLength: 5 })
        .chain((ts) =>
          fc.tuple(
            ...ts.map((topic) => fc.record({ topic: fc.constant(topic), weight: fc.constantFrom(1, 2, 3) })),
          ),
        ),
    }),
    urgency: fc.constantFrom(...urgencies),
    consent: fc.record({ dataProcessing: fc.constant(true), shareWithPartners: fc.boolean() }),
  });
}

/** A valid, parsed intake over a profile's vocabulary. */
export function intakeArb(profile: ProgrammeProfile): fc.Arbitrary<IntakeRequest> {
  return fc
    .tuple(rawIntakeArb(profile), fc.option(idArb, { nil: undefined }))
    .map(([raw, previous]) =>
      parseIntake(
        previous === undefined ? raw : { ...raw, previousCaseId: previous },
        profile,
      )._unsafeUnwrap(),
    );
}

export function contextArb(profile: ProgrammeProfile): fc.Arbitrary<TriageContext> {
  return fc.record({
    placesLeft: fc.integer({ min: 0, max: 5 }),
    network: fc.record({
      canStaff: fc.boolean(),
      shortTopics: fc.subarray(profile.topics.map((t) => t.id)),
    }),
  });
}

export const rawMentorArb = fc.record(
  {
    id: idArb,
    name: nameArb,
    email: emailArb,
    state: fc.constantFrom(...mentorStates),
    expertise: fc
      .uniqueArray(fc.constantFrom("strategy", "export", "financing", "sales", "hr"), { maxLength: 4 })
      .chain((ts) =>
        fc.tuple(
          ...ts.map((topic) => fc.record({ topic: fc.constant(topic), level: fc.constantFrom(1, 2, 3) })),
        ),
      ),
    sectors: fc.uniqueArray(fc.constantFrom("agrifood", "maritime", "ict"), { maxLength: 3 }),
    background: fc.constantFrom(...backgrounds),
    firm: nameArb,
    leadQualified: fc.boolean(),
    intakeLead: fc.boolean(),
    capacity: fc.record({
      maxCases: fc.integer({ min: 0, max: 6 }),
      monthlyHours: fc.integer({ min: 0, max: 20 }),
    }),
    pauses: fc.array(fc.record({ from: dateArb.map((d) => d.toISOString()) }), { maxLength: 2 }),
    interests: fc.array(fc.record({ kind: fc.constantFrom(...interestKinds), organisation: nameArb }), {
      maxLength: 3,
    }),
    ethicsStatementSignedOn: dateArb.map((d) => d.toISOString()),
  },
  {
    requiredKeys: [
      "id",
      "name",
      "state",
      "expertise",
      "sectors",
      "background",
      "leadQualified",
      "intakeLead",
      "capacity",
      "pauses",
      "interests",
    ],
  },
);

export const mentorArb: fc.Arbitrary<Mentor> = rawMentorArb.map((m) => parseMentor(m)._unsafeUnwrap());
