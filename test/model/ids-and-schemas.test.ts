/**
 * What an embedding portal builds on: id constructors instead of `as` casts, the schemas of every
 * input for its own validators, and the manager's override parsed before `decideTriage`.
 */
import {
  type CaseId,
  caseId,
  describeError,
  friesland,
  intakeRequestSchema,
  managerOverrideSchema,
  mentorId,
  mentorSchema,
  parseIntake,
  parseManagerOverride,
  sessionSchema,
  topicId,
} from "venture-mentoring";
import { describe, expect, expectTypeOf, it } from "vitest";
import { leaks } from "../support/leaks.js";
import { intakeRaw, mentorRaw } from "../support/raw.js";

describe("id constructors", () => {
  it("brand a well-formed id and refuse another with a message in the reader's words", () => {
    const ok = caseId("case-001");
    expect(ok._unsafeUnwrap()).toBe("case-001");
    expectTypeOf(ok._unsafeUnwrap()).toEqualTypeOf<CaseId>();
    for (const bad of ["Case 1", "", "x".repeat(65), "-leading"]) {
      const e = mentorId(bad)._unsafeUnwrapErr();
      expect(e.type).toBe("ValidationFailed");
      for (const l of ["nl", "en"] as const) expect(leaks(describeError(e, l), l)).toEqual([]);
    }
    expect(describeError(topicId("Export!")._unsafeUnwrapErr(), "nl")).toBe(
      "De invoer (kenmerk) is niet geldig: De invoer heeft niet de verwachte vorm.",
    );
  });
});

describe("the schemas of the inputs", () => {
  it("accept and refuse what the parsers do, with the same paths, and are Standard Schemas", () => {
    const raw = intakeRaw("i-1");
    expect(intakeRequestSchema.safeParse(raw).success).toBe(true);
    const bad = { ...raw, venture: { ...raw.venture, employees: -1 } };
    const viaSchema = intakeRequestSchema.safeParse(bad);
    expect(viaSchema.success).toBe(false);
    expect(viaSchema.error?.issues.map((i) => i.path.join("."))).toEqual(
      parseIntake(bad, friesland)
        ._unsafeUnwrapErr()
        .issues.map((i) => i.path),
    );
    expect(mentorSchema.safeParse(mentorRaw("m-1")).success).toBe(true);
    expect(sessionSchema.safeParse({}).success).toBe(false);
    // Web frameworks and form libraries take any Standard Schema.
    for (const schema of [intakeRequestSchema, mentorSchema, sessionSchema, managerOverrideSchema])
      expect(schema["~standard"].vendor).toBe("zod");
  });

  it("parse the manager's override before decideTriage, naming what is wrong", () => {
    expect(
      parseManagerOverride({ outcome: { kind: "accept" }, reason: "A second case, confirmed" }).isOk(),
    ).toBe(true);
    const e = parseManagerOverride({ outcome: { kind: "maybe" }, reason: "" })._unsafeUnwrapErr();
    expect(e.subject).toBe("TriageOverride");
    expect(describeError(e, "nl")).toMatch(/^De invoer \(afwijkend triagebesluit\) is niet geldig: /);
  });
});
