/**
 * Hostile input to every use-case, on every store: a typed error (or a success), never a throw,
 * and after an error the store is byte-for-byte what it was (documents and audit trail).
 */
import { fc, test } from "@fast-check/vitest";
import type { Result, ResultAsync } from "neverthrow";
import {
  type CaseId,
  changeTeam,
  closeCase,
  collections,
  confirmTeam,
  decideTriage,
  erasePerson,
  errorClass,
  exportPerson,
  followUpReferral,
  friesland,
  type IntakeId,
  initProgramme,
  logSession,
  type ManagerOverride,
  type ProgrammeContext,
  type ProgrammeStore,
  planRound,
  purgeExpired,
  type ReferralId,
  registerMentor,
  registerMentors,
  submitIntake,
  type VentureMentoringError,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { afterAll, beforeAll, describe, expect } from "vitest";
import { agree } from "../support/consent.js";
import { intakeRaw, mentorRaw } from "../support/raw.js";
import { dumpStore, postgresUrl, startProgramme, testSchemas } from "../support/store.js";
import { hostileInput, hostileString, hostileValue } from "./hostile.js";

/** A schema of its own for each store made (each describe seeds a programme of its own). */
const newSchema = testSchemas("vm_fuzz");
const url = postgresUrl;

const mentor = (id: string) => mentorRaw(id, { background: id === "m-1" ? "founder" : "finance" });
const intake = (id: string) => intakeRaw(id, { submittedAt: "2026-11-02T09:00:00.000Z" });
const session = {
  id: "s-1",
  kind: "case",
  caseId: "case-1",
  on: "2026-11-20T10:00:00.000Z",
  minutes: 90,
  mode: "video",
  mentors: ["m-1", "m-2"],
  menteePresent: true,
  noteAuthor: "m-1",
};

async function seeded(store: ProgrammeStore): Promise<ProgrammeContext> {
  const ctx = await startProgramme(store, "2026-11-02T10:00:00.000Z", 1000);
  (await registerMentors(ctx, ["m-1", "m-2", "m-3", "m-4"].map(mentor), { id: "pm" }))._unsafeUnwrap();
  (await submitIntake(ctx, intake("in-1"), "key-1", { id: "portal" }))._unsafeUnwrap();
  const caseId = (await decideTriage(ctx, "in-1" as IntakeId, { id: "pm" }))._unsafeUnwrap().caseId as CaseId;
  expect(caseId).toBe("case-1");
  await agree(ctx, caseId, ["m-1", "m-2", "m-3"]);
  (
    await confirmTeam(
      ctx,
      caseId,
      [
        { mentorId: "m-1" as never, role: "lead" },
        { mentorId: "m-2" as never, role: "member" },
        { mentorId: "m-3" as never, role: "member" },
      ],
      { id: "pm" },
    )
  )._unsafeUnwrap();
  return ctx;
}

/** One hostile call of one use-case. */
const calls: readonly [string, fc.Arbitrary<(ctx: ProgrammeContext) => ResultAsync<unknown, unknown>>][] = [
  [
    "submitIntake",
    fc.tuple(hostileInput(intake("in-2")), hostileString).map(
      ([raw, key]) =>
        (ctx) =>
          submitIntake(ctx, raw, key, { id: "portal" }),
    ),
  ],
  [
    "registerMentor",
    hostileInput(mentor("m-9")).map((raw) => (ctx) => registerMentor(ctx, raw, { id: "pm" }, "new")),
  ],
  [
    "registerMentors",
    fc
      .array(hostileInput(mentor("m-8")), { maxLength: 3 })
      .map((raws) => (ctx) => registerMentors(ctx, raws, { id: "pm" })),
  ],
  ["logSession", hostileInput(session).map((raw) => (ctx) => logSession(ctx, raw, { id: "m-1" }))],
  [
    "decideTriage override",
    fc
      .tuple(
        hostileString,
        hostileInput({ outcome: { kind: "refer", partnerId: "ynbusiness" }, reason: "r" }),
      )
      .map(
        ([id, o]) =>
          (ctx) =>
            // Hostile input on purpose: the use-case validates what a JavaScript caller may pass.
            decideTriage(ctx, id as IntakeId, { id: "pm" }, o as ManagerOverride),
      ),
  ],
  [
    "initProgramme",
    hostileInput(friesland).map((p) => (ctx) => initProgramme(ctx.store, p, { id: "pm" }, ctx.clock)),
  ],
  [
    "confirmTeam",
    fc
      .tuple(
        hostileString,
        fc.array(fc.record({ mentorId: hostileString, role: hostileValue }), { maxLength: 4 }),
      )
      .map(
        ([id, team]) =>
          (ctx) =>
            confirmTeam(ctx, id as CaseId, team as never, { id: "pm" }),
      ),
  ],
  [
    "closeCase",
    fc.tuple(fc.oneof(fc.constant("case-1"), hostileString), hostileValue, hostileValue).map(
      ([id, reason, feedback]) =>
        (ctx) =>
          closeCase(ctx, id as CaseId, reason as never, { id: "pm" }, feedback as never),
    ),
  ],
  [
    "changeTeam",
    fc.tuple(fc.oneof(fc.constant("case-1"), hostileString), hostileValue).map(
      ([id, change]) =>
        (ctx) =>
          changeTeam(ctx, id as CaseId, change as never, { id: "pm" }),
    ),
  ],
  [
    "followUpReferral",
    fc.tuple(hostileString, hostileValue).map(
      ([id, status]) =>
        (ctx) =>
          followUpReferral(ctx, id as ReferralId, status as never, { id: "pm" }),
    ),
  ],
  [
    "planRound",
    fc.tuple(hostileString, hostileValue).map(
      ([id, pins]) =>
        (ctx) =>
          planRound(ctx, id, new Date("2026-12-07T19:00:00Z"), { id: "pm" }, { pins: pins as never }),
    ),
  ],
  ["exportPerson", hostileValue.map((p) => (ctx) => exportPerson(ctx, p as never))],
  ["erasePerson", hostileValue.map((p) => (ctx) => erasePerson(ctx, p as never, { id: "pm" }))],
  ["purgeExpired", hostileValue.map((o) => (ctx) => purgeExpired(ctx, { id: "pm" }, o as never))],
];

const stores: [string, () => Promise<ProgrammeStore>, number][] = [
  ["memory", async () => createMemoryStore(), 60],
  [
    "sqlite",
    async () => {
      const s = createSqliteStore({ path: ":memory:" })._unsafeUnwrap();
      (await s.migrate())._unsafeUnwrap();
      return s;
    },
    40,
  ],
  [
    "postgres",
    async () => {
      const s = createPostgresStore({ connectionString: url, schema: newSchema() })._unsafeUnwrap();
      (await s.migrate())._unsafeUnwrap();
      return s;
    },
    15,
  ],
];

describe.each(stores)("hostile input to every use-case on the %s store", (_name, make, numRuns) => {
  let store: ProgrammeStore;
  let ctx: ProgrammeContext;
  beforeAll(async () => {
    store = await make();
    ctx = await seeded(store);
  }, 30_000);
  afterAll(async () => {
    await store.close();
  });

  for (const [name, call] of calls) {
    test.prop([call], { numRuns })(
      `${name}: a typed error and nothing changed, or a success`,
      async (run) => {
        const before = await dumpStore(store);
        let result: Result<unknown, unknown>;
        try {
          result = await run(ctx);
        } catch (e) {
          throw new Error(`${name} threw across the public API: ${String(e)}`);
        }
        if (result.isErr()) {
          const error = result.error as VentureMentoringError;
          expect(() => errorClass(error), JSON.stringify(error)?.slice(0, 200)).not.toThrow();
          expect(errorClass(error)).not.toBe("defect");
          // A healthy store never answers bad input with "unavailable": the boundary refuses it first.
          expect(errorClass(error), JSON.stringify(error)?.slice(0, 200)).not.toBe("unavailable");
          expect(await dumpStore(store)).toBe(before);
        }
        // Whatever was stored reads back through the schemas (the SQL stores decode every read).
        for (const c of collections) expect((await store.list(c)).isOk(), c).toBe(true);
      },
      30_000,
    );
  }
});

describe.each(stores)("text that is not well-formed Unicode, on the %s store", (_name, make) => {
  let store: ProgrammeStore;
  let ctx: ProgrammeContext;
  beforeAll(async () => {
    store = await make();
    ctx = await seeded(store);
  });
  afterAll(async () => {
    await store.close();
  });

  /** The call is refused as invalid input naming `path`, and the store is what it was. */
  const refused = async (call: ResultAsync<unknown, VentureMentoringError>, path: string) => {
    const before = await dumpStore(store);
    const error = (await call)._unsafeUnwrapErr();
    expect(error.type).toBe("ValidationFailed");
    if (error.type === "ValidationFailed") expect(error.issues.map((i) => i.path)).toContain(path);
    expect(await dumpStore(store)).toBe(before);
  };

  test("a lone surrogate in a name, a question, a key or a mentor is refused alike, naming the field", async () => {
    const raw = intake("in-3");
    await refused(
      submitIntake(ctx, { ...raw, mentee: { ...raw.mentee, name: "Sjoukje \ud800" } }, "key-3", {
        id: "portal",
      }),
      "mentee.name",
    );
    // Every text field at its limit, all lone surrogates: JSON writes each as six characters.
    await refused(
      submitIntake(ctx, { ...raw, question: { ...raw.question, summary: "\udfff".repeat(5_000) } }, "key-4", {
        id: "portal",
      }),
      "question.summary",
    );
    await refused(submitIntake(ctx, intake("in-5"), "key-\udc00", { id: "portal" }), "idempotencyKey");
    await refused(registerMentor(ctx, { ...mentor("m-7"), name: "\udc00Anke" }, { id: "pm" }, "new"), "name");
    // Whole pairs are text like any other, and come back equal.
    const name = "Sjoukje 👩🏽‍💻 𠮷";
    const done = await submitIntake(ctx, { ...raw, id: "in-6", mentee: { ...raw.mentee, name } }, "key-6", {
      id: "portal",
    });
    expect(done._unsafeUnwrap().intake.mentee.name).toBe(name);
  });
});
