/**
 * Every catalogue text, in both languages, with parameters drawn at random: no raw code, no
 * unrendered placeholder, no wrong plural, no list joined in the other language, no word of the
 * other language.
 */
import { fc, test } from "@fast-check/vitest";
import { catalogues, type MessageKey } from "venture-mentoring";
import { describe, expect, it } from "vitest";
import { type ExampleKey, exampleCatalogues } from "../../examples/shared/messages.js";
import { leaks } from "../support/leaks.js";

/** Parameters that are counts (numbers); the rest are names, ids or lists of names. */
const counts = new Set([
  "placesLeft",
  "have",
  "need",
  "quota",
  "count",
  "days",
  "active",
  "paused",
  "atCapacity",
  "overCommitted",
  "ethicsExpired",
  "awaiting",
  "new",
  "requests",
  "accept",
  "refer",
  "oneOff",
  "notReady",
  "overridden",
  "used",
  "yes",
  "no",
  "onBehalf",
  "under",
  "on",
  "over",
  "spare",
  "leads",
  "minimum",
  "maximum",
  "objective",
  "bound",
  "gap",
]);
/** Parameters that are lists. */
const lists = new Set(["topics", "rules", "cases", "list", "members"]);
/** Where one parameter name means another kind in one message. */
const numberIn: Partial<Record<MessageKey, readonly string[]>> = {
  "diagnosis.topicShort": ["mentors"],
  "report.sessions": ["case"],
  "report.wait": ["median", "max"],
};
const listIn: Partial<Record<MessageKey, readonly string[]>> = { "error.ConsentMissing": ["mentors"] };
const choices: Record<string, readonly string[]> = {
  method: ["exact", "flow+localSearch"],
  scope: ["allPairs", "candidatePairs"],
};

/** Names the parameters stand in for: neutral in both languages. */
const names = ["Alfa", "Bravo", "Charlie", "case-003", "mentor-07"];

const draw = fc.record({
  numbers: fc.array(
    fc.oneof(fc.constantFrom(0, 1, 2), fc.nat({ max: 400 }), fc.double({ min: 0, max: 1, noNaN: true })),
    {
      minLength: 12,
      maxLength: 12,
    },
  ),
  listLength: fc.integer({ min: 1, max: 3 }),
  pick: fc.nat({ max: 1 }),
});

/** The message's parameters, made up as each is read. */
function params(key: MessageKey, d: typeof draw extends fc.Arbitrary<infer T> ? T : never) {
  let k = 0;
  return new Proxy(
    {},
    {
      get: (_t, name) => {
        if (typeof name !== "string") return undefined;
        if (choices[name] !== undefined) return choices[name][d.pick];
        if ((counts.has(name) && !listIn[key]?.includes(name)) || numberIn[key]?.includes(name)) {
          const x = d.numbers[k++ % d.numbers.length] ?? 0;
          // Counts are whole; the certificate's numbers need not be.
          return ["objective", "bound", "gap"].includes(name) ? x : Math.round(x);
        }
        if (lists.has(name) || listIn[key]?.includes(name)) return names.slice(0, d.listLength);
        return names[k++ % names.length];
      },
    },
  );
}

describe("the leak check", () => {
  it("finds each kind of leak it is there for", () => {
    expect(leaks("Casus case-1: slechts 1 mentoren vrij.", "nl")).toHaveLength(1);
    expect(leaks("Geweigerd: noteAuthorNotAllowed.", "nl")).toHaveLength(1);
    expect(leaks(["Doorverwezen naar $", "{partner}."].join(""), "nl")).toHaveLength(1);
    expect(leaks("Tekort aan: export, financiering, and groei.", "nl").length).toBeGreaterThan(0);
    expect(leaks("Van intake tot team (3 cases).", "nl")).toHaveLength(1);
    expect(leaks("Uren: 1.5 uur sparren.", "nl")).toHaveLength(1);
    expect(leaks("Referred to Ynbusiness, dat helpt bij export.", "en", ["Ynbusiness"])).toHaveLength(1);
    expect(leaks("Mentor Anke de Vries leads the team.", "en", ["Anke de Vries"])).toEqual([]);
  });
});

describe("the catalogue in both languages", () => {
  const keys = Object.keys(catalogues.en) as MessageKey[];

  it("has every key in both languages", () => {
    expect(Object.keys(catalogues.nl).sort()).toEqual([...keys].sort());
  });

  test.prop([draw], { numRuns: 60 })("renders every key without a leak", (d) => {
    for (const locale of ["en", "nl"] as const) {
      for (const key of keys) {
        const render = catalogues[locale][key] as (p: object) => string;
        const text = render(params(key, d));
        expect(leaks(text, locale, names), `${locale} ${key}: ${text}`).toEqual([]);
      }
    }
  });

  it("says one of a thing in the singular and joins lists as the language does", () => {
    const one = (key: MessageKey, p: object, locale: "en" | "nl") =>
      (catalogues[locale][key] as (p: object) => string)(p);
    expect(one("quotaFull", { placesLeft: 1 }, "nl")).toContain("nog 1 plaats,");
    expect(one("quotaFull", { placesLeft: 0 }, "nl")).toContain("is vol");
    expect(one("report.wait", { count: 1, median: 1, max: 3 }, "en")).toBe(
      "From intake to a team: median 1 day, longest 3 days (1 case).",
    );
    expect(one("report.shortTopics", { topics: ["export", "financiering", "groei"] }, "nl")).toBe(
      "Tekort aan mentoren met ruimte voor: export, financiering en groei.",
    );
    expect(
      one(
        "proposal.certificate",
        { objective: 3441.1, bound: 3450, gap: 0.0026, method: "exact", scope: "allPairs" },
        "nl",
      ),
    ).toBe(
      "Doelwaarde 3.441,1, bewezen bovengrens 3.450,0, verschil hoogstens 0,26% (exact opgelost, over elk paar van mentor en casus)",
    );
  });
});

describe("the examples' texts (CLI and portal) in both languages", () => {
  /** Parameters that are counts in the examples' texts; every other is a name, an id or a text. */
  const exampleCounts = new Set([
    "intakes",
    "count",
    "row",
    "places",
    "months",
    "documents",
    "total",
    "of",
    "minutes",
    "meetings",
    "done",
    "teams",
    "sessions",
    "conflicts",
    "recusals",
    "declines",
    "gifts",
    "returning",
    "unstaffed",
    "active",
    "staffed",
    "cases",
    "mentors",
    "closed",
    "seconds",
    "imported",
    "there",
    "from",
    "to",
    "maxCases",
    "failed",
    "withdrawn",
  ]);
  /** Where one name is text in one message. */
  const textIn: Partial<Record<ExampleKey, readonly string[]>> = {
    "cli.seenBefore": ["closed", "open"],
    "cli.ethicsHold": ["cases"],
    "cli.conflictRecorded": ["cases"],
    "portal.team.suggested": ["mentors"],
    "portal.mentors.toReview": ["cases"],
  };
  /** Commands and option values quoted in a text are the CLI's syntax, not words. */
  const withoutCommands = (text: string) =>
    text.replace(/vmentor [^.)\n]*/g, " ").replace(/--[a-z-]+(?: \S+)?/g, " ");

  test.prop([draw], { numRuns: 30 })("renders every key without a leak", (d) => {
    for (const locale of ["en", "nl"] as const) {
      for (const key of Object.keys(exampleCatalogues.en) as ExampleKey[]) {
        let k = 0;
        const p = new Proxy(
          {},
          {
            get: (_t, name) => {
              if (typeof name !== "string") return undefined;
              if (exampleCounts.has(name) && !textIn[key]?.includes(name))
                return Math.round(d.numbers[k++ % d.numbers.length] ?? 0);
              return names.slice(0, d.listLength).join(", ");
            },
          },
        );
        const text = (exampleCatalogues[locale][key] as (p: object) => string)(p);
        expect(leaks(withoutCommands(text), locale, names), `${locale} ${key}: ${text}`).toEqual([]);
      }
    }
  });
});
