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
import { errAsync, okAsync, ResultAsync } from "neverthrow";
import {
  type CaseId,
  type Collection,
  type IndexName,
  type IntakeId,
  indexEntries,
  indexes,
  MAX_MEMBERSHIPS,
  MAX_PAGE_SIZE,
  type Mentor,
  type MentorId,
  type MentoringCase,
  openCase,
  type Page,
  type ProgrammeStore,
  parseMentor,
  roomForNewCases,
  type StoreReader,
  type StoreWriter,
  transition,
  type VentureId,
  type Versioned,
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
        .count("cases", "seatedMentor", [mentorId])
        .mapErr(() => "conflict" as const)
        .andThen((counts) => {
          if (m === undefined) return errAsync("full" as const);
          const load = counts.get(mentorId) ?? 0;
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

/** What the suite needs beyond a fresh store. */
export interface ConformanceOptions {
  /**
   * A fresh, empty database and a way to open programmes in it (each call of `open` a new store
   * over the same database). Given, the suite checks that programmes sharing a database never see
   * each other's documents or audit entries.
   */
  readonly sharedDatabase?: () => Promise<(programme: string) => Promise<ProgrammeStore>>;
}

/** A case with a confirmed team of `team`, closed when `closed`; dates vary with `month`. */
function staffedCase(id: string, team: readonly string[], month: number, closed: boolean): MentoringCase {
  const on = new Date(Date.UTC(2026, month, 3));
  const opened = { ...kase(id), openedOn: on, teamSize: Math.max(1, team.length) };
  if (team.length === 0) return opened;
  const confirmed = transition(opened, {
    type: "teamConfirmed",
    on: new Date(Date.UTC(2026, month + 1, 5)),
    team: team.map((m, k) => ({
      mentorId: m as MentorId,
      role: k === 0 ? ("lead" as const) : ("member" as const),
    })),
  })._unsafeUnwrap();
  return closed
    ? transition(confirmed, {
        type: "closed",
        on: new Date(Date.UTC(2026, month + 2, 9)),
        reason: "questionResolved",
      })._unsafeUnwrap()
    : confirmed;
}

/** Every index key of the cases in `docs`, as `find` must answer them. */
function expectedFinds(docs: readonly Versioned<MentoringCase>[]) {
  const keys = new Map<string, Map<string, string[]>>();
  for (const d of docs)
    for (const e of indexEntries("cases", d.value)) {
      const byKey = keys.get(e.index) ?? new Map<string, string[]>();
      byKey.set(e.key, [...(byKey.get(e.key) ?? []), d.value.id]);
      keys.set(e.index, byKey);
    }
  return keys;
}

/** `find`, `count` and paging through `page` agree with `list` and the core's index keys. */
async function checkQueries(reader: StoreReader, note: string): Promise<void> {
  const all = await must(reader.list("cases"));
  const expected = expectedFinds(all);
  for (const index of Object.keys(indexes.cases) as IndexName<"cases">[]) {
    const byKey = expected.get(index) ?? new Map<string, string[]>();
    for (const [key, ids] of byKey) {
      const found = await must(reader.find("cases", index, key));
      deepStrictEqual(
        found.map((d) => d.value.id),
        ids,
        `${note}: find(cases, ${index}, ${key})`,
      );
      const page = await must(reader.page("cases", { limit: 2, where: { index, key } }));
      deepStrictEqual(
        page.items.map((d) => d.value.id),
        ids.slice(0, 2),
        `${note}: first page of ${index}=${key}`,
      );
      equal(page.next, ids.length > 2 ? ids[1] : undefined, `${note}: cursor of ${index}=${key}`);
    }
    deepStrictEqual(await must(reader.find("cases", index, "no-such-key")), []);
    deepStrictEqual(
      await must(reader.versions("cases", { index, keys: [...byKey.keys()] })),
      new Map(
        (await must(reader.find("cases", index, [...byKey.keys()]))).map(
          (d) => [d.value.id, d.version] as const,
        ),
      ),
      `${note}: versions by ${index}`,
    );
    // Several keys at once: each document once, in id order.
    const anyKey = [...new Set([...byKey.values()].flat())].sort();
    deepStrictEqual(
      (await must(reader.find("cases", index, [...byKey.keys(), "no-such-key"]))).map((d) => d.value.id),
      anyKey,
      `${note}: find(cases, ${index}, every key)`,
    );
    const counts = await must(reader.count("cases", index));
    deepStrictEqual(
      new Map([...counts].sort(([a], [b]) => (a < b ? -1 : 1))),
      new Map([...byKey].map(([k, ids]) => [k, ids.length] as const).sort(([a], [b]) => (a < b ? -1 : 1))),
      `${note}: count(cases, ${index})`,
    );
  }
  const versions = new Map(all.map((d) => [d.value.id as string, d.version] as const));
  deepStrictEqual(await must(reader.versions("cases")), versions, `${note}: versions`);
  const some = all.filter((_, k) => k % 2 === 0).map((d) => d.value.id as string);
  deepStrictEqual(
    await must(reader.versions("cases", { ids: [...some, "no-such-case"] })),
    new Map(some.map((id) => [id, versions.get(id) as number] as const)),
    `${note}: versions of ids`,
  );
  // Paging through the whole collection with a small page gives the list, in order, once each.
  const seen: string[] = [];
  let after: string | undefined;
  for (let k = 0; k < 100; k++) {
    const page: Page<MentoringCase> = await must(
      reader.page("cases", { limit: 3, ...(after === undefined ? {} : { after }) }),
    );
    seen.push(...page.items.map((d) => d.value.id));
    if (page.next === undefined) break;
    after = page.next;
  }
  deepStrictEqual(
    seen,
    all.map((d) => d.value.id),
    `${note}: paging`,
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
  options: ConformanceOptions = {},
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
      conflicts: true,
      consents: true,
      notifications: true,
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

  test("find, count and page agree with the documents, inside a transaction, after a rollback", async () => {
    const mentorIds = ["m-1", "m-2", "m-3", "m-4"];
    const write = fc.record({
      id: fc.constantFrom("c-01", "c-02", "c-03", "c-04", "c-05", "c-06"),
      team: fc.subarray(mentorIds, { maxLength: 3 }),
      month: fc.integer({ min: 0, max: 3 }),
      closed: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ writes: fc.array(write, { minLength: 1, maxLength: 4 }), fail: fc.boolean() }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (transactions) => {
          const store = await makeStore();
          try {
            for (const { writes, fail } of transactions) {
              const r = await store.transaction((tx) => {
                let chain: ResultAsync<unknown, unknown> = okAsync(undefined);
                for (const w of writes)
                  chain = chain.andThen(() =>
                    tx
                      .get("cases", w.id)
                      .andThen((found) =>
                        tx.put(
                          "cases",
                          w.id,
                          staffedCase(w.id, w.team, w.month, w.closed),
                          found?.version ?? "new",
                        ),
                      ),
                  );
                // Inside the transaction, its own writes are found.
                return chain
                  .andThen(() =>
                    ResultAsync.fromPromise(checkQueries(tx, "inside a transaction"), (e) => ({ thrown: e })),
                  )
                  .andThen(() => (fail ? errAsync("rolled back" as const) : okAsync(undefined)));
              });
              const thrown = r.isErr() ? (r.error as { thrown?: unknown }).thrown : undefined;
              if (thrown !== undefined) throw thrown;
              equal(r.isErr(), fail, JSON.stringify(r.isErr() ? r.error : null));
              await checkQueries(store, "after commit or rollback");
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  withStore("getMany gives the stored documents of the ids asked, in id order, each once", async (store) => {
    const ms = ["m-3", "m-1", "m-2"].map((id) => mentor(id));
    await must(
      store.transaction((tx) => {
        let chain: ResultAsync<unknown, unknown> = okAsync(undefined);
        for (const m of ms) chain = chain.andThen(() => tx.put("mentors", m.id, m, "new"));
        return chain;
      }),
    );
    deepStrictEqual(
      (await must(store.getMany("mentors", ["m-3", "nobody", "m-1", "m-1"]))).map((d) => [
        d.value.id,
        d.version,
      ]),
      [
        ["m-1", 1],
        ["m-3", 1],
      ],
    );
    deepStrictEqual(await must(store.getMany("mentors", [])), []);
    deepStrictEqual(await must(store.getMany("cases", ["m-1"])), []);
  });

  withStore("a page is at most MAX_PAGE_SIZE, and asking for less than one gives one", async (store) => {
    const ids = Array.from({ length: MAX_PAGE_SIZE + 2 }, (_, k) => `c-${String(k).padStart(4, "0")}`);
    await must(
      store.transaction((tx) => {
        let chain: ResultAsync<unknown, unknown> = okAsync(undefined);
        for (const id of ids) chain = chain.andThen(() => tx.put("cases", id, kase(id), "new"));
        return chain;
      }),
    );
    const big = await must(store.page("cases", { limit: 10_000 }));
    equal(big.items.length, MAX_PAGE_SIZE);
    equal(big.next, ids[MAX_PAGE_SIZE - 1]);
    const rest = await must(store.page("cases", { limit: 10_000, after: big.next as string }));
    deepStrictEqual(
      rest.items.map((d) => d.value.id),
      ids.slice(MAX_PAGE_SIZE),
    );
    equal(rest.next, undefined);
    equal((await must(store.page("cases", { limit: 0 }))).items.length, 1);
    const byState = await must(
      store.page("cases", { limit: 5, where: { index: "state", key: "awaitingMeeting" } }),
    );
    deepStrictEqual(
      byState.items.map((d) => d.value.id),
      ids.slice(0, 5),
    );
  });

  const { sharedDatabase } = options;
  if (sharedDatabase !== undefined) {
    test("programmes sharing a database never see each other's documents or audit", async () => {
      const op = fc.record({
        programme: fc.constantFrom("north", "south", "east-1"),
        id: fc.constantFrom("m-1", "m-2", "m-3"),
        name: fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
        paused: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          const open = await sharedDatabase();
          const stores = new Map<string, ProgrammeStore>();
          const model = new Map<string, Map<string, { value: Mentor; version: number }>>();
          const trails = new Map<string, string[]>();
          try {
            for (const name of ["north", "south", "east-1"]) {
              stores.set(name, await open(name));
              model.set(name, new Map());
              trails.set(name, []);
            }
            for (const o of ops) {
              const store = stores.get(o.programme) as ProgrammeStore;
              const mine = model.get(o.programme) as Map<string, { value: Mentor; version: number }>;
              const current = mine.get(o.id);
              const value: Mentor = { ...mentor(o.id), name: o.name, state: o.paused ? "paused" : "active" };
              const version = await must(
                store.transaction((tx) =>
                  tx.put("mentors", o.id, value, current?.version ?? "new").andThen((v) =>
                    tx
                      .appendAudit({
                        at: clock.now,
                        actor: `pm-${o.programme}`,
                        action: "registerMentor",
                        subject: { collection: "mentors", id: o.id },
                      })
                      .map(() => v),
                  ),
                ),
              );
              mine.set(o.id, { value, version });
              trails.get(o.programme)?.push(`pm-${o.programme}`);
            }
            for (const [name, store] of stores) {
              const mine = model.get(name) as Map<string, { value: Mentor; version: number }>;
              const want = [...mine.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
              deepStrictEqual(await must(store.list("mentors")), want, `${name}: list`);
              for (const id of ["m-1", "m-2", "m-3"])
                deepStrictEqual(await must(store.get("mentors", id)), mine.get(id), `${name}: get ${id}`);
              deepStrictEqual(
                await must(store.getMany("mentors", ["m-1", "m-2", "m-3"])),
                want,
                `${name}: getMany`,
              );
              deepStrictEqual(
                (await must(store.find("mentors", "state", "paused"))).map((d) => d.value.id),
                want.filter((d) => d.value.state === "paused").map((d) => d.value.id),
                `${name}: find`,
              );
              deepStrictEqual(
                (await must(store.page("mentors", { limit: 10 }))).items,
                want,
                `${name}: page`,
              );
              equal(
                (await must(store.count("mentors", "state"))).get("active") ?? 0,
                want.filter((d) => d.value.state === "active").length,
                `${name}: count`,
              );
              deepStrictEqual(
                (await must(store.audit())).map((e) => e.actor),
                trails.get(name),
                `${name}: audit`,
              );
            }
          } finally {
            for (const store of stores.values()) await store.close();
          }
        }),
        { numRuns: 10 },
      );
    });
  }
}
