import { fc, test } from "@fast-check/vitest";
import {
  customiseProfile,
  friesland,
  parseIntake,
  parseMentor,
  parsePartnerProgramme,
  parseProfile,
  parseReferral,
  parseTriageContext,
  parseVenture,
  serialise,
  vms,
} from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { intakeArb, mentorArb, rawIntakeArb, rawMentorArb } from "../support/arbitraries.js";

const roundTrip = (x: unknown) => JSON.parse(serialise(x));

describe("round trips: parse(serialise(x)) = x", () => {
  test.prop([intakeArb(friesland)])("intake", (x) => {
    expect(parseIntake(roundTrip(x), friesland)._unsafeUnwrap()).toEqual(x);
  });
  test.prop([mentorArb])("mentor", (x) => {
    expect(parseMentor(roundTrip(x))._unsafeUnwrap()).toEqual(x);
  });
  test.prop([intakeArb(friesland)])("venture", (x) => {
    expect(parseVenture(roundTrip(x.venture))._unsafeUnwrap()).toEqual(x.venture);
  });
  it.each([friesland, vms])("profile $id and its partners", (p) => {
    expect(parseProfile(roundTrip(p))._unsafeUnwrap()).toEqual(p);
    for (const partner of p.partners)
      expect(parsePartnerProgramme(roundTrip(partner))._unsafeUnwrap()).toEqual(partner);
  });
  it("referral and context", () => {
    const referral = {
      id: "ref-1",
      intakeId: "in-1",
      partnerId: "ynbusiness",
      reasons: ["acuteCrisis"],
      date: new Date("2026-11-26T00:00:00Z"),
      warmHandover: true,
      followUp: { status: "pending", updatedAt: new Date("2026-11-26T00:00:00Z") },
    };
    expect(parseReferral(roundTrip(referral))._unsafeUnwrap()).toEqual(referral);
    const context = { placesLeft: 2, network: { canStaff: false, shortTopics: ["export"] } };
    expect(parseTriageContext(context)._unsafeUnwrap()).toEqual(context);
  });
});

/** A field path and a value that is wrong there. */
const corruptions: [string, unknown][] = [
  ["id", "Has Spaces"],
  ["id", ""],
  ["id", "x".repeat(65)],
  ["submittedAt", "yesterday"],
  ["submittedAt", "1800-01-01"],
  ["mentee.email", "not-an-email"],
  ["mentee.name", "   "],
  ["mentee.name", "bell\u0007"],
  ["venture.stage", "unicorn"],
  ["venture.employees", -1],
  ["venture.employees", 2.5],
  ["venture.employees", "12"],
  ["venture.sector", "space-mining"],
  ["question.summary", "x".repeat(5001)],
  ["question.topics", []],
  ["question.topics.0.weight", 4],
  ["question.topics.0.topic", "astrology"],
  ["urgency", "yesterday"],
  ["consent.dataProcessing", false],
  ["previousCaseId", "DROP TABLE cases;"],
];

function setPath(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(obj);
  const keys = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys.at(-1) as string] = value;
  return copy;
}

describe("invalid input yields ValidationFailed naming the field, and never throws", () => {
  test.prop([rawIntakeArb(friesland), fc.constantFrom(...corruptions)])(
    "one corrupted field",
    (raw, [path, value]) => {
      const result = parseIntake(setPath(raw, path, value), friesland);
      const error = result._unsafeUnwrapErr();
      expect(error.type).toBe("ValidationFailed");
      expect(error.subject).toBe("IntakeRequest");
      const reported = error.issues.map((i) => i.path);
      // The corrupted field is named (for lists, the list itself or the element).
      expect(
        reported.some(
          (p) =>
            p === path ||
            p.startsWith(`${path}.`) ||
            path.startsWith(`${p}.`) ||
            p === path.split(".").slice(0, -1).join("."),
        ),
      ).toBe(true);
    },
  );

  test.prop([rawIntakeArb(friesland), fc.subarray([...corruptions], { minLength: 2, maxLength: 4 })])(
    "every corrupted field is named",
    (raw, picks) => {
      const distinct = picks.filter(
        (p, i) => picks.findIndex((q) => q[0] === p[0]) === i && !p[0].startsWith("question.topics"),
      );
      fc.pre(distinct.length > 0);
      let bad: Record<string, unknown> = raw;
      for (const [path, value] of distinct) bad = setPath(bad, path, value);
      const error = parseIntake(bad, friesland)._unsafeUnwrapErr();
      for (const [path] of distinct) expect(error.issues.map((i) => i.path)).toContain(path);
    },
  );

  test.prop([fc.anything()])("anything at all", (raw) => {
    for (const parse of [
      parseIntake,
      parseMentor,
      parseVenture,
      parseProfile,
      parseReferral,
      parseTriageContext,
    ]) {
      const r = parse(raw);
      if (r.isErr()) expect(r.error.type).toBe("ValidationFailed");
    }
  });

  test.prop([
    rawMentorArb,
    fc.constantFrom("capacity.maxCases", "state", "expertise.0.level", "interests", "pauses"),
  ])("a mentor with a corrupted field", (raw, path) => {
    const bad =
      path.includes(".0.") && (raw.expertise as unknown[]).length === 0
        ? { ...raw, expertise: [{ topic: "x", level: 9 }] }
        : setPath(raw, path, "??");
    expect(parseMentor(bad)._unsafeUnwrapErr().issues.length).toBeGreaterThan(0);
  });

  // A lone surrogate anywhere in free text: the string as fast-check builds it, with half a pair
  // spliced in at any position (alone, at either end, between whole pairs).
  const loneSurrogate = fc
    .tuple(
      fc.string({ unit: "grapheme", maxLength: 8 }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.string({ unit: "grapheme", maxLength: 8 }),
    )
    .map(([a, half, b]) => `x${a}${String.fromCharCode(half)}${b}`);
  test.prop([
    rawIntakeArb(friesland),
    loneSurrogate,
    fc.constantFrom("mentee.name", "venture.name", "question.summary", "venture.competitors.0"),
  ])("text that is not well-formed Unicode, named by its field", (raw, text, path) => {
    const error = parseIntake(setPath(raw, path, text), friesland)._unsafeUnwrapErr();
    expect(error.type).toBe("ValidationFailed");
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining("well-formed Unicode") }),
    );
  });

  test.prop([rawMentorArb, loneSurrogate])("a mentor's name with a lone surrogate", (raw, name) => {
    const error = parseMentor({ ...raw, name })._unsafeUnwrapErr();
    expect(error.issues.map((i) => i.path)).toContain("name");
  });

  it("accepts whole surrogate pairs (emoji, CJK extension B) as the text they are", () => {
    const raw = (fc.sample(rawMentorArb, { numRuns: 1, seed: 7 })[0] ?? {}) as Record<string, unknown>;
    const name = "Anke 👩🏽‍💻 𠮷野";
    expect(parseMentor({ ...raw, name })._unsafeUnwrap().name).toBe(name);
  });

  it("survives cyclic, deeply nested and hostile objects", () => {
    const cyclic: Record<string, unknown> = { id: "x" };
    cyclic.venture = cyclic;
    expect(parseIntake(cyclic)._unsafeUnwrapErr().type).toBe("ValidationFailed");

    let deep: Record<string, unknown> = { fact: "stage", in: ["idea"] };
    for (let i = 0; i < 20_000; i++) deep = { not: deep };
    const profile = {
      ...structuredClone(friesland),
      triage: {
        rules: [{ id: "r", when: deep, outcome: { kind: "accept" }, reason: "fitsProgramme" }],
        fallback: { kind: "oneOff" },
      },
    };
    expect(parseProfile(profile)._unsafeUnwrapErr().type).toBe("ValidationFailed");

    const hostile = Object.defineProperty({}, "id", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(parseIntake(hostile)._unsafeUnwrapErr().issues[0]?.code).toBe("unreadable");
  });

  it("reports a mentor pause that ends before it starts, and duplicate expertise", () => {
    const raw = {
      id: "m-1",
      name: "Paul Otter",
      state: "active",
      expertise: [
        { topic: "sales", level: 2 },
        { topic: "sales", level: 3 },
      ],
      sectors: [],
      background: "founder",
      leadQualified: true,
      intakeLead: false,
      capacity: { maxCases: 3, monthlyHours: 8 },
      pauses: [{ from: "2026-06-01", until: "2026-05-01" }],
      interests: [],
    };
    const paths = parseMentor(raw)
      ._unsafeUnwrapErr()
      .issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["expertise", "pauses.0.until"]));
  });
});

describe("profiles", () => {
  it("builds a custom profile from a preset, validated as a whole", () => {
    const groningen = customiseProfile(friesland, {
      id: "ems-groningen",
      regions: ["groningen"],
      meeting: { newCasesPerMeeting: 4 },
    });
    expect(groningen._unsafeUnwrap()).toMatchObject({
      id: "ems-groningen",
      regions: ["groningen"],
      meeting: { cadence: "monthly", newCasesPerMeeting: 4 },
      team: { minSize: 3, maxSize: 3 },
    });
  });

  it("rejects rules that name unknown partners or topics, inverted team sizes, and a waiting list", () => {
    const bad = customiseProfile(friesland, {
      team: { minSize: 4, maxSize: 3 },
      partners: [],
    });
    const paths = bad._unsafeUnwrapErr().issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["team.minSize", "triage.rules.0.outcome.partnerId"]));
    const waiting = parseProfile({ ...friesland, waitingList: true });
    expect(waiting._unsafeUnwrapErr().issues.map((i) => i.path)).toContain("waitingList");
    const topic = parseProfile({ ...friesland, topics: friesland.topics.filter((t) => t.id !== "export") });
    expect(topic._unsafeUnwrapErr().issues.some((i) => i.message.includes("unknown topic 'export'"))).toBe(
      true,
    );
  });

  it("Friesland: a team of exactly three, three new cases a month, 1.5 h norm, its partners and the national desk, Dutch", () => {
    expect(friesland).toMatchObject({
      team: { minSize: 3, maxSize: 3 },
      meeting: { cadence: "monthly", newCasesPerMeeting: 3 },
      hours: { normPerCaseMonth: 1.5 },
      waitingList: false,
      locale: "nl",
    });
    expect(friesland.partners.map((p) => p.name)).toEqual([
      "Ynbusiness",
      "Founded in Friesland",
      "KVK",
      "Oranjewoud Export Academy",
    ]);
    expect(vms).toMatchObject({ team: { minSize: 3, maxSize: 4 }, locale: "en", partners: [] });
  });
});
