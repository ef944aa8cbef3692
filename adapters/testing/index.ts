/**
 * The storage conformance suite, published so that anyone writing an adapter can run it:
 *
 * ```ts
 * import { runStoreConformance } from "venture-mentoring/testing";
 * runStoreConformance(it, () => createMyStore());
 * ```
 *
 * Every test gets a fresh store from `makeStore` (no test depends on another's state) and an
 * injected clock (fixed dates; nothing sleeps). Needs the optional peer dependency `fast-check`.
 *
 * @packageDocumentation
 */
import { ok as assert, deepStrictEqual, equal } from "node:assert/strict";
import fc from "fast-check";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import {
  type CaseId,
  type Collection,
  currentTeam,
  type IntakeId,
  MAX_MEMBERSHIPS,
  type Mentor,
  type MentorId,
  type MentoringCase,
  openCase,
  type ProgrammeStore,
  parseMentor,
  roomForNewCases,
  type StoreWriter,
  transition,
  type VentureId,
} from "venture-mentoring";

/** A test function of any runner: vitest's or jest's `it`, node:test's `test`… */
export type TestFunction = (name: string, fn: () => Promise<void>) => unknown;

const clock = { now: new Date("2026-12-07T19:00:00.000Z") };

function mentor(id: string, maxCases = 3): Mentor {
  return parseMentor({
    id,
    name: `Mentor ${id}`,
    email: `${id}@example.nl`,
    state: "active",
    expertise: [{ topic: "strategy", level: 3 }],
    sectors: ["agrifood"],
    background: "founder",
    leadQualified: true,
    intakeLead: false,
    capacity: { maxCases, monthlyHours: maxCases * 1.5 },
    pauses: [{ from: "2026-07-01", until: "2026-08-15" }],
    interests: [],
    ethicsStatementSignedOn: "2026-02-01",
  })._unsafeUnwrap();
}

function kase(id: string): MentoringCase {
  return openCase({
    id: id as CaseId,
    ventureId: `v-${id}` as VentureId,
    intakeId: `in-${id}` as IntakeId,
    teamSize: 1,
    on: clock.now,
  });
}

/**
 * Text of exactly `units` UTF-16 code units from every plane a name may use: Latin with accents,
 * CJK, right-to-left, astral letters and emoji (surrogate pairs, never split), JSON's own quote and
 * backslash, and the line separators JSON leaves unescaped.
 */
function widest(units: number): string {
  const parts = ["Ä", "ß", "中", "ע", "𝔄", "👩🏽‍💻", '"', "\\", "\u2028", "ǅ", "𠮷"];
  let text = "W";
  for (let k = 0; text.length < units; k++) {
    const next = parts[k % parts.length] as string;
    text += text.length + next.length <= units ? next : "x";
  }
  return text;
}

/** An id of the longest length allowed (64), distinct by `n`. */
const longId = (prefix: string, n: number) => `${prefix}${n}`.padEnd(64, "z");

/** The largest mentor the schema allows: every text and list at its limit. */
function largestMentor(): Mentor {
  return parseMentor({
    id: longId("m-", 0),
    name: widest(200),
    email: `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.nl`,
    state: "active",
    expertise: Array.from({ length: 50 }, (_, k) => ({ topic: longId("t-", k), level: 3 })),
    sectors: Array.from({ length: 50 }, (_, k) => longId("s-", k)),
    background: "founder",
    firm: widest(200),
    leadQualified: true,
    intakeLead: true,
    capacity: { maxCases: 50, monthlyHours: 200 },
    pauses: Array.from({ length: 50 }, (_, k) => ({ from: new Date(Date.UTC(2000 + k, 0, 1)) })),
    interests: Array.from({ length: 200 }, (_, k) => ({
      kind: "investment",
      organisation: widest(200),
      since: new Date(Date.UTC(1990, 0, 1 + k)),
    })),
    ethicsStatementSignedOn: "2199-12-31T23:59:59.999Z",
  })._unsafeUnwrap();
}

/** A case whose membership history is as long as a case may keep (`MAX_MEMBERSHIPS`). */
function longestCase(): MentoringCase {
  const base = kase("long");
  return {
    ...base,
    memberships: Array.from({ length: MAX_MEMBERSHIPS }, (_, k) => ({
      mentorId: longId("m-", k) as MentorId,
      role: "member" as const,
      from: new Date(Date.UTC(2026, 0, 1, 0, k)),
      ...(k < MAX_MEMBERSHIPS - 1
        ? { until: new Date(Date.UTC(2026, 0, 1, 0, k + 1)), departure: "steppedOff" as const }
        : {}),
    })),
  };
}

const must = async <T, E>(r: ResultAsync<T, E>): Promise<T> => {
  const x = await r;
  if (x.isErr()) throw new Error(`expected ok, got ${JSON.stringify(x.error)}`);
  return x.value;
};

/**
 * Confirm a one-mentor team for a case if the mentor still has room — the check and the write in
 * one transaction, which is what makes "a mentor's last place" safe under concurrency.
 */
function confirmIfRoom(
  tx: StoreWriter,
  mentorId: MentorId,
  caseId: string,
): ResultAsync<"confirmed", "full" | "conflict"> {
  return tx
    .get("mentors", mentorId)
    .mapErr(() => "conflict" as const)
    .andThen((m) =>
      tx
        .list("cases")
        .mapErr(() => "conflict" as const)
        .andThen((cases) => {
          if (m === undefined) return errAsync("full" as const);
          const load = cases.filter((c) => currentTeam(c.value).some((x) => x.mentorId === mentorId)).length;
          if (roomForNewCases(m.value, { cases: load, hours: load * 1.5 }, 1.5) <= 0)
            return errAsync("full" as const);
          const confirmed = transition(kase(caseId), {
            type: "teamConfirmed",
            on: clock.now,
            team: [{ mentorId, role: "lead" }],
          });
          if (confirmed.isErr()) return errAsync("conflict" as const);
          return tx
            .put("cases", caseId, confirmed.value, "new")
            .mapErr(() => "conflict" as const)
            .andThen(() =>
              tx
                .appendAudit({
                  at: clock.now,
                  actor: "pm-1",
                  action: "confirmTeam",
                  subject: { collection: "cases", id: caseId },
                })
                .mapErr(() => "conflict" as const),
            )
            .map(() => "confirmed" as const);
        }),
    );
}

/**
 * Run the whole conformance suite against an adapter.
 *
 * @example
 * runStoreConformance(it, () => createMemoryStore());
 */
export function runStoreConformance(
  test: TestFunction,
  makeStore: () => ProgrammeStore | Promise<ProgrammeStore>,
): void {
  const withStore = (name: string, fn: (store: ProgrammeStore) => Promise<void>) =>
    test(name, async () => {
      const store = await makeStore();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  withStore("not found is undefined", async (store) => {
    equal(await must(store.get("mentors", "nobody")), undefined);
    deepStrictEqual(await must(store.list("cases")), []);
  });

  withStore("a document comes back equal, dates as Date, at version 1", async (store) => {
    const m = mentor("m-1");
    equal(await must(store.transaction((tx) => tx.put("mentors", m.id, m, "new"))), 1);
    const got = await must(store.get("mentors", m.id));
    deepStrictEqual(got, { value: m, version: 1 });
    assert(got?.value.ethicsStatementSignedOn instanceof Date);
    assert(got?.value.pauses[0]?.until instanceof Date);
  });

  withStore(
    "the largest documents the schemas allow come back equal, every plane of Unicode",
    async (store) => {
      const m = largestMentor();
      const c = longestCase();
      await must(
        store.transaction((tx) =>
          tx.put("mentors", m.id, m, "new").andThen(() => tx.put("cases", c.id, c, "new")),
        ),
      );
      deepStrictEqual(await must(store.get("mentors", m.id)), { value: m, version: 1 });
      deepStrictEqual(await must(store.get("cases", c.id)), { value: c, version: 1 });
      deepStrictEqual(
        (await must(store.list("mentors"))).map((x) => x.value),
        [m],
      );
      deepStrictEqual(
        (await must(store.list("cases"))).map((x) => x.value),
        [c],
      );
    },
  );

  withStore("versions count up; a stale write is a StoreConflict and changes nothing", async (store) => {
    const m = mentor("m-1");
    await must(store.transaction((tx) => tx.put("mentors", m.id, m, "new")));
    equal(await must(store.transaction((tx) => tx.put("mentors", m.id, { ...m, name: "Second" }, 1))), 2);
    const stale = await store.transaction((tx) => tx.put("mentors", m.id, { ...m, name: "Stale" }, 1));
    deepStrictEqual(stale._unsafeUnwrapErr(), {
      type: "StoreConflict",
      collection: "mentors",
      id: m.id,
      expected: 1,
      actual: 2,
    });
    const twice = await store.transaction((tx) => tx.put("mentors", m.id, m, "new"));
    deepStrictEqual(twice._unsafeUnwrapErr(), {
      type: "StoreConflict",
      collection: "mentors",
      id: m.id,
      expected: "new",
      actual: 2,
    });
    deepStrictEqual((await must(store.get("mentors", m.id)))?.value.name, "Second");
  });

  withStore("a failed transaction leaves no trace, documents and audit alike", async (store) => {
    const failed = await store.transaction((tx) =>
      tx
        .put("mentors", "m-1", mentor("m-1"), "new")
        .andThen(() =>
          tx.appendAudit({
            at: clock.now,
            actor: "pm-1",
            action: "registerMentor",
            subject: { collection: "mentors", id: "m-1" },
          }),
        )
        .andThen(() => errAsync("refused" as const)),
    );
    deepStrictEqual(failed._unsafeUnwrapErr(), "refused");
    equal(await must(store.get("mentors", "m-1")), undefined);
    deepStrictEqual(await must(store.audit()), []);
    const threw = await store.transaction((tx) =>
      tx.put("mentors", "m-2", mentor("m-2"), "new").andThen(() => {
        throw new Error("a bug in a use-case");
      }),
    );
    equal(threw._unsafeUnwrapErr().type, "StoreUnavailable");
    equal(await must(store.get("mentors", "m-2")), undefined);
  });

  withStore("inside a transaction its own writes are visible; outside only after commit", async (store) => {
    await must(
      store.transaction((tx) =>
        tx
          .put("mentors", "m-1", mentor("m-1"), "new")
          .andThen(() => tx.get("mentors", "m-1"))
          .andThen((m) => (m === undefined ? errAsync("lost") : okAsync(m))),
      ),
    );
    equal((await must(store.get("mentors", "m-1")))?.version, 1);
  });

  withStore("lists are ordered by id; the audit trail is append-only, oldest first", async (store) => {
    for (const id of ["m-3", "m-1", "m-2"])
      await must(store.transaction((tx) => tx.put("mentors", id, mentor(id), "new")));
    deepStrictEqual(
      (await must(store.list("mentors"))).map((m) => m.value.id),
      ["m-1", "m-2", "m-3"],
    );
    for (const action of ["a", "b", "c"]) {
      await must(
        store.transaction((tx) =>
          tx.appendAudit({
            at: clock.now,
            actor: "system",
            action,
            subject: { collection: "mentors", id: "m-1" },
          }),
        ),
      );
    }
    const trail = await must(store.audit());
    deepStrictEqual(
      trail.map((e) => e.action),
      ["a", "b", "c"],
    );
    assert(trail[0]?.at instanceof Date);
  });

  withStore("an audit entry about any collection reads back, whatever the collection", async (store) => {
    // Listed here, not taken from the library, so a collection the library forgets is caught.
    const every: { readonly [C in Collection]: true } = {
      mentors: true,
      cases: true,
      sessions: true,
      intakes: true,
      decisions: true,
      referrals: true,
      requests: true,
      rounds: true,
      settings: true,
    };
    const all = Object.keys(every) as Collection[];
    for (const collection of all)
      await must(
        store.transaction((tx) =>
          tx.appendAudit({
            at: clock.now,
            actor: "system",
            action: "touch",
            subject: { collection, id: "x-1" },
          }),
        ),
      );
    deepStrictEqual(
      (await must(store.audit())).map((e) => e.subject.collection),
      all,
    );
  });

  withStore("values are copied in and out: mutating them changes nothing stored", async (store) => {
    const m = mentor("m-1") as { -readonly [K in keyof Mentor]: Mentor[K] };
    await must(store.transaction((tx) => tx.put("mentors", m.id, m, "new")));
    m.name = "Changed after write";
    const read = (await must(store.get("mentors", m.id)))?.value as {
      -readonly [K in keyof Mentor]: Mentor[K];
    };
    equal(read.name, "Mentor m-1");
    read.name = "Changed after read";
    equal((await must(store.get("mentors", m.id)))?.value.name, "Mentor m-1");
  });

  withStore(
    "ten concurrent confirmations for one mentor's last place: exactly one succeeds",
    async (store) => {
      const m = mentor("m-last", 1);
      await must(store.transaction((tx) => tx.put("mentors", m.id, m, "new")));
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, k) => store.transaction((tx) => confirmIfRoom(tx, m.id, `case-${k}`))),
      );
      equal(results.filter((r) => r.isOk()).length, 1);
      for (const r of results)
        if (r.isErr())
          assert(
            r.error === "full" ||
              (typeof r.error === "object" && r.error.type === "StoreUnavailable") ||
              r.error === "conflict",
          );
      equal((await must(store.list("cases"))).length, 1);
      equal((await must(store.audit())).length, 1);
    },
  );

  test("model-based: random writes and reads agree with a Map model", async () => {
    type Model = { docs: Map<string, { name: string; version: number }> };
    type Real = ProgrammeStore;
    const ids = ["m-1", "m-2", "m-3"];
    class Put implements fc.AsyncCommand<Model, Real> {
      constructor(
        readonly id: string,
        readonly name: string,
        readonly stale: boolean,
      ) {}
      check = () => true;
      async run(model: Model, real: Real) {
        const current = model.docs.get(this.id);
        const expected: number | "new" =
          current === undefined ? "new" : this.stale ? current.version + 7 : current.version;
        const r = await real.transaction((tx) =>
          tx.put("mentors", this.id, { ...mentor(this.id), name: this.name }, expected),
        );
        const shouldWork = current === undefined || !this.stale;
        equal(r.isOk(), shouldWork);
        if (shouldWork) model.docs.set(this.id, { name: this.name, version: (current?.version ?? 0) + 1 });
      }
      toString = () => `put(${this.id}, ${this.name}${this.stale ? ", stale" : ""})`;
    }
    class Get implements fc.AsyncCommand<Model, Real> {
      constructor(readonly id: string) {}
      check = () => true;
      async run(model: Model, real: Real) {
        const got = await must(real.get("mentors", this.id));
        const want = model.docs.get(this.id);
        deepStrictEqual(got === undefined ? undefined : { name: got.value.name, version: got.version }, want);
      }
      toString = () => `get(${this.id})`;
    }
    const commands = [
      fc
        .tuple(fc.constantFrom(...ids), fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ '-]{0,11}$/), fc.boolean())
        .map(([id, name, stale]) => new Put(id, name, stale)),
      fc.constantFrom(...ids).map((id) => new Get(id)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const real = await makeStore();
        try {
          await fc.asyncModelRun(() => ({ model: { docs: new Map() }, real }), cmds);
        } finally {
          await real.close();
        }
      }),
      { numRuns: 40 },
    );
  });
}
