/**
 * Planning runs the engine outside any write transaction: it reads the state, solves, and stores
 * the proposal only if nothing it read has changed — else it reads and solves again.
 */
import { okAsync, ResultAsync } from "neverthrow";
import {
  decideTriage,
  friesland,
  type IntakeId,
  initProgramme,
  openProgramme,
  type ProgrammeContext,
  type ProgrammeStore,
  planRound,
  registerMentors,
  submitIntake,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { describe, expect, it } from "vitest";
import { intakeRaw, mentorRaw } from "../support/raw.js";
import { dumpStore } from "../support/store.js";

const pm = { id: "pm" };
const meeting = new Date("2026-12-07T19:00:00.000Z");

/** A programme with mentors and one case waiting for the meeting. */
async function programme(store: ProgrammeStore): Promise<ProgrammeContext> {
  const clock = () => new Date("2026-12-01T09:00:00.000Z");
  (await initProgramme(store, friesland, pm, clock))._unsafeUnwrap();
  let n = 0;
  const ctx = (await openProgramme(store, { clock, newId: (k) => `${k}-${++n}` }))._unsafeUnwrap();
  const mentors = ["m-1", "m-2", "m-3", "m-4"].map((id) =>
    mentorRaw(id, { background: id === "m-1" ? "founder" : "finance" }),
  );
  (await registerMentors(ctx, mentors, pm))._unsafeUnwrap();
  (await submitIntake(ctx, intakeRaw("in-1"), "key-1", { id: "portal" }))._unsafeUnwrap();
  expect((await decideTriage(ctx, "in-1" as IntakeId, pm))._unsafeUnwrap().caseId).toBeDefined();
  return ctx;
}

/**
 * The store, with `beside` run as another user's committed change before every transaction
 * from the `from`-th on (1-based), and the transactions counted.
 */
function withChangesBeside(inner: ProgrammeStore, from: number, beside: (k: number) => Promise<void>) {
  let transactions = 0;
  const store: ProgrammeStore = {
    get: (c, id) => inner.get(c, id),
    list: (c) => inner.list(c),
    getMany: (c, ids) => inner.getMany(c, ids),
    versions: (c, which) => inner.versions(c, which),
    find: (c, index, key) => inner.find(c, index, key),
    count: (c, index, keys) => inner.count(c, index, keys),
    page: (c, query) => inner.page(c, query),
    audit: () => inner.audit(),
    close: () => inner.close(),
    transaction: (work) => {
      transactions++;
      const k = transactions;
      const before = k >= from ? ResultAsync.fromSafePromise(beside(k)) : okAsync(undefined);
      return before.andThen(() => inner.transaction(work));
    },
  };
  return { store, transactions: () => transactions };
}

describe("planning a round", () => {
  it("solves again when the state it read changed before its proposal was stored", async () => {
    const inner = createMemoryStore();
    const ctx = await programme(inner);
    // Another user registers a mentor while the engine solves the first read, once.
    const { store, transactions } = withChangesBeside(inner, 1, async (k) => {
      if (k === 1) (await registerMentors(ctx, [mentorRaw("m-5")], pm))._unsafeUnwrap();
    });
    const planned = (await planRound({ ...ctx, store }, "round-2026-12", meeting, pm))._unsafeUnwrap();
    // Read (outside any transaction), (changed beside) check and find it stale, read again, check and store.
    expect(transactions()).toBe(2);
    const stored = (await inner.get("rounds", "round-2026-12"))._unsafeUnwrap()?.value.proposal;
    expect(stored).toEqual(planned);
    // The proposal is the one the state as it is now gives (the engine is deterministic).
    const again = (await planRound(ctx, "round-2026-12", meeting, pm))._unsafeUnwrap();
    expect(again).toEqual(planned);
    expect(planned.loads.some((l) => l.mentorId === "m-5") || JSON.stringify(planned).includes("m-5")).toBe(
      true,
    );
  });

  it("gives up with a StoreConflict on the round after three stale tries, storing nothing", async () => {
    const inner = createMemoryStore();
    const ctx = await programme(inner);
    let added = 0;
    const { store } = withChangesBeside(inner, 1, async () => {
      // Before every check (each transaction), someone changes a mentor the round reads.
      (await registerMentors(ctx, [mentorRaw(`m-x${++added}`)], pm))._unsafeUnwrap();
    });
    const result = await planRound({ ...ctx, store }, "round-2026-12", meeting, pm);
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: "StoreConflict", collection: "rounds" });
    expect(added).toBe(3);
    expect((await inner.get("rounds", "round-2026-12"))._unsafeUnwrap()).toBeUndefined();
    expect(await dumpStore(inner)).not.toContain("planRound");
  });
});
