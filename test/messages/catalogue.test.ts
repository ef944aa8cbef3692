import {
  adviceCodes,
  builtInReasonCodes,
  caseEventTypes,
  caseStates,
  catalogues,
  describeError,
  describeOutcome,
  describeReason,
  type ErrorClass,
  errorClass,
  fieldLabel,
  friesland,
  type MessageKey,
  mentorEventTypes,
  mentorStates,
  type PartnerId,
  parseIntake,
  ruleReasonCodes,
  type VentureMentoringError,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { intakeRaw } from "../support/raw.js";

describe("message catalogue", () => {
  it("has the same keys in English and Dutch, each rendering a non-empty text", () => {
    const en = Object.keys(catalogues.en).sort();
    expect(Object.keys(catalogues.nl).sort()).toEqual(en);
    for (const locale of ["en", "nl"] as const) {
      for (const key of en as MessageKey[]) {
        const render = catalogues[locale][key] as (p: Record<string, unknown>) => string;
        // Every parameter any message asks for gets a value.
        const text = render(
          new Proxy({}, { get: (_t, key) => (typeof key === "string" ? `«${key}»` : undefined) }),
        );
        expect(text.trim().length, `${locale}.${key}`).toBeGreaterThan(0);
        expect(text).not.toContain("undefined");
      }
    }
  });

  it("has a text for every reason code and advice code the model knows", () => {
    for (const code of [...ruleReasonCodes, ...builtInReasonCodes])
      expect(catalogues.en).toHaveProperty(code);
    for (const advice of adviceCodes) expect(catalogues.nl).toHaveProperty(`advice.${advice}`);
  });

  it("describes every error type with its context, in both languages", () => {
    const errors: VentureMentoringError[] = [
      {
        type: "ValidationFailed",
        subject: "IntakeRequest",
        issues: [{ path: "venture.employees", code: "too_small", message: "too small" }],
      },
      { type: "UnknownPartner", partnerId: "kvk" },
      { type: "QuotaFull", placesLeft: 0 },
      { type: "NoTeamPossible", shortTopics: [] },
      { type: "NotAReferral", outcome: "accept" },
      { type: "SolverDefect", violations: [{ rule: "caseCapacity", mentorId: "m-1" }] },
      { type: "CaseNotInRound", caseId: "c-9" },
    ];
    for (const e of errors) {
      expect(describeError(e, "en")).not.toEqual(describeError(e, "nl"));
    }
    expect(describeError(errors[0] as VentureMentoringError, "en")).toContain("Number of employees");
  });
});

describe("invalid input said in the reader's language", () => {
  it("names each field by its label and says what it needs, rows counted from 1", () => {
    const raw = intakeRaw("i-1");
    const bad = parseIntake({
      ...raw,
      mentee: { name: "Sjoukje", email: "not an address" },
      venture: { ...raw.venture, employees: -1 },
      question: { ...raw.question, topics: [{ topic: "growth", weight: 9 }] },
    })._unsafeUnwrapErr();
    const nl = describeError(bad, "nl");
    expect(nl).toContain("Aantal medewerkers moet 0 of meer zijn");
    expect(nl).toContain("E-mailadres is geen geldig e-mailadres");
    expect(nl).toContain("#1");
    expect(nl).not.toMatch(/venture\.employees|Invalid|Too small|expected/);
    const en = describeError(bad, "en");
    expect(en).toContain("Number of employees must be 0 or more");
    expect(en).not.toContain("venture.employees");
    const nan = parseIntake({
      ...raw,
      venture: { ...raw.venture, employees: Number.NaN },
    })._unsafeUnwrapErr();
    expect(describeError(nan, "nl")).toContain("Aantal medewerkers ontbreekt of is geen getal");
    // The library's own rules are said in words too, not in the schema's English.
    const own = parseIntake({
      ...raw,
      mentee: { ...raw.mentee, name: "   " },
      venture: { ...raw.venture, registrationNumber: "KvK: 12345678!" },
      question: { ...raw.question, topics: [raw.question.topics[0], raw.question.topics[0]] },
    })._unsafeUnwrapErr();
    const ownNl = describeError(own, "nl");
    expect(ownNl).toContain("Naam van de ondernemer mag niet leeg zijn");
    expect(ownNl).toContain("KvK-nummer mag letters, cijfers, spaties, punten en streepjes bevatten");
    expect(ownNl).toContain("Thema's van de vraag: elk thema mag één keer voorkomen");
    expect(describeError(own, "en")).toContain("Name of the entrepreneur must not be blank");
    // A row of an import: counted from 1, as people count.
    expect(fieldLabel("0.email", "nl")).toBe("E-mailadres (#1)");
    expect(fieldLabel("mentors.3.capacity.maxCases", "en")).toBe("mentors › #4 › capacity › maxCases");
  });
});

describe("no raw code in a refusal", () => {
  // Every code a refusal carries, each in every error that carries it: the message says it in words.
  const refusals: VentureMentoringError[] = [
    ...(["notMatchable", "atCapacity", "conflictOfInterest", "notLeadQualified"] as const).map(
      (reason): VentureMentoringError => ({
        type: "TeamRefused",
        caseId: "case-1",
        mentorId: "mentor-22",
        reason,
      }),
    ),
    ...(
      ["notOnTeam", "alreadyOnTeam", "leadTaken", "teamSize", "noLead", "historyFull", "recused"] as const
    ).map(
      (reason): VentureMentoringError => ({
        type: "TeamChangeRefused",
        caseId: "case-1",
        mentorId: "mentor-22",
        reason,
      }),
    ),
    ...(
      [
        "inFuture",
        "caseNotRunning",
        "mentorNotOnTeam",
        "noteAuthorNotAllowed",
        "wrongCase",
        "noOneOffOffered",
      ] as const
    ).map(
      (reason): VentureMentoringError => ({
        type: "SessionRefused",
        sessionId: "s-1",
        reason,
        mentorId: "mentor-22",
      }),
    ),
    ...caseStates.flatMap((state) =>
      caseEventTypes.map(
        (event): VentureMentoringError => ({ type: "IllegalTransition", caseId: "case-1", state, event }),
      ),
    ),
    ...mentorStates.flatMap((state) =>
      mentorEventTypes.map(
        (event): VentureMentoringError => ({
          type: "IllegalMentorTransition",
          mentorId: "mentor-22",
          state,
          event,
        }),
      ),
    ),
    ...(["accept", "refer", "oneOff", "notReady"] as const).map(
      (outcome): VentureMentoringError => ({ type: "NotAReferral", outcome }),
    ),
  ];
  // A code is a camelCase word ("atCapacity", "mentorNotOnTeam"); ids here are lower-case with dashes.
  const rawCode = /\b[a-z]+[A-Z][A-Za-z]*\b/;
  it.each(refusals.map((e) => [e.type, JSON.stringify(e), e] as const))("%s %s", (_type, _json, e) => {
    for (const locale of ["en", "nl"] as const) {
      const text = describeError(e, locale);
      expect(text, text).not.toMatch(rawCode);
      expect(text).not.toMatch(/undefined|NaN|\$\{|\[object/);
    }
    expect(describeError(e, "en")).not.toBe(describeError(e, "nl"));
  });
});

describe("describeOutcome", () => {
  it("names the partner programme in the profile's language and never says a bare no", () => {
    const refer = describeOutcome({ kind: "refer", partnerId: "ynbusiness" as PartnerId }, friesland);
    expect(refer).toContain("Ynbusiness");
    expect(
      describeOutcome(
        { kind: "refer", partnerId: "ynbusiness" as PartnerId },
        { ...friesland, locale: "en" },
      ),
    ).not.toBe(refer);
    const notReady = describeOutcome(
      { kind: "notReady", advice: "validateIdea" },
      { ...friesland, locale: "en" },
    );
    expect(notReady.length).toBeGreaterThan(20);
    expect(describeOutcome({ kind: "accept" }, friesland)).not.toBe(
      describeOutcome({ kind: "oneOff" }, friesland),
    );
  });
});

describe("errorClass", () => {
  it("tells a host what kind of failure each error is", () => {
    const cases: [VentureMentoringError, ErrorClass][] = [
      [{ type: "ValidationFailed", subject: "Mentor", issues: [] }, "invalid"],
      [{ type: "UnknownPartner", partnerId: "kvk" }, "invalid"],
      [{ type: "QuotaFull", placesLeft: 0 }, "refused"],
      [{ type: "StoreConflict", collection: "cases", id: "c", expected: 1, actual: 2 }, "refused"],
      [{ type: "IdempotencyConflict", key: "k" }, "refused"],
      [{ type: "NotFound", collection: "intakes", id: "x" }, "notFound"],
      [{ type: "StoreUnavailable", cause: "disk full" }, "unavailable"],
      [{ type: "SolverDefect", violations: [] }, "defect"],
    ];
    for (const [e, kind] of cases) expect(errorClass(e), e.type).toBe(kind);
  });
});

describe("describeReason", () => {
  it("renders a stored reason in the reader's language, the partner by name and topics by label", () => {
    const stored = {
      code: "routedToPartner" as const,
      params: { partner: "ynbusiness", topics: ["export", "growth"] },
    };
    expect(describeReason(stored, "en", friesland)).toBe(
      "Referred to Ynbusiness, which serves export and internationalisation and growth.",
    );
    expect(describeReason(stored, "nl", friesland)).toBe(
      "Doorverwezen naar Ynbusiness, dat helpt bij export en internationalisering en groei.",
    );
  });

  it("reads a reason stored before 2026-12 (topics joined, a rendered text beside) as recorded", () => {
    const legacy = { code: "noTeamForTopics" as const, params: { topics: "Export, Groei" } };
    expect(describeReason(legacy, "nl", friesland)).toContain("(tekort aan: Export, Groei)");
  });
});
