import { errAsync, okAsync, ResultAsync } from "neverthrow";
import {
  type AuditEntry,
  type Collection,
  type ProgrammeStore,
  type StoreWriter,
  scanningQueries,
  type Versioned,
} from "venture-mentoring";
import { runStoreConformance } from "venture-mentoring/testing";
import { describe, expect, it } from "vitest";

/** A store with the two classic bugs: no isolation between transactions, and no rollback. */
function naiveStore(): ProgrammeStore {
  const docs = new Map<string, Versioned<unknown>>();
  const audit: AuditEntry[] = [];
  const key = (c: Collection, id: string) => `${c}/${id}`;
  const tick = <T>(x: T) => ResultAsync.fromSafePromise(new Promise<T>((r) => setTimeout(() => r(x), 0)));
  const list: StoreWriter["list"] = (c) =>
    tick(
      [...docs]
        .filter(([k]) => k.startsWith(`${c}/`))
        .sort()
        .map(([, v]) => structuredClone(v)) as never,
    );
  const store: StoreWriter = {
    get: (c, id) => tick(structuredClone(docs.get(key(c, id))) as never),
    list,
    ...scanningQueries(list),
    audit: () => okAsync(structuredClone(audit)),
    put: (c, id, value, expected) => {
      const actual = docs.get(key(c, id))?.version;
      if (expected === "new" ? actual !== undefined : actual !== expected) {
        return errAsync({ type: "StoreConflict" as const, collection: c, id, expected, actual });
      }
      docs.set(key(c, id), { value: structuredClone(value), version: (actual ?? 0) + 1 });
      return okAsync((actual ?? 0) + 1);
    },
    appendAudit: (e) => {
      audit.push(structuredClone(e));
      return okAsync(undefined);
    },
  };
  return {
    ...store,
    transaction: (work) =>
      new ResultAsync(
        Promise.resolve().then(async () => {
          try {
            return await work(store);
          } catch (e) {
            return (await errAsync({ type: "StoreUnavailable" as const, cause: String(e) })) as never;
          }
        }),
      ),
    close: () => okAsync(undefined),
  };
}

describe("the conformance suite can fail", () => {
  it("catches a store without isolation or rollback", async () => {
    const outcomes = new Map<string, boolean>();
    const pending: Promise<void>[] = [];
    runStoreConformance((name, fn) => {
      pending.push(
        fn().then(
          () => void outcomes.set(name, true),
          () => void outcomes.set(name, false),
        ),
      );
    }, naiveStore);
    await Promise.all(pending);
    expect(outcomes.get("a failed transaction leaves no trace, documents and audit alike")).toBe(false);
    expect(
      outcomes.get("ten concurrent confirmations for one mentor's last place: exactly one succeeds"),
    ).toBe(false);
    expect(outcomes.get("a document comes back equal, dates as Date, at version 1")).toBe(true);
  });
});
