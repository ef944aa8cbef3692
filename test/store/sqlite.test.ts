import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { runStoreConformance } from "venture-mentoring/testing";
import { afterAll, describe, expect, it } from "vitest";

describe("SQLite in memory", () => {
  runStoreConformance(it, async () => {
    const store = createSqliteStore({ path: ":memory:" })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    return store;
  });
});

describe("SQLite on a file", () => {
  const dir = mkdtempSync(join(tmpdir(), "vm-sqlite-"));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  runStoreConformance(
    it,
    async () => {
      const store = createSqliteStore({ path: join(dir, `store-${n++}.db`) })._unsafeUnwrap();
      (await store.migrate())._unsafeUnwrap();
      (await store.migrate())._unsafeUnwrap(); // idempotent
      return store;
    },
    {
      sharedDatabase: async () => {
        const path = join(dir, `shared-${n++}.db`);
        return async (programme) => {
          const store = createSqliteStore({ path, programme })._unsafeUnwrap();
          (await store.migrate())._unsafeUnwrap();
          return store;
        };
      },
    },
  );
});

describe("SQLite migrations", () => {
  it("take no write lock when the schema is current: opening beside a busy writer does not wait", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vm-sqlite-lock-"));
    try {
      const path = join(dir, "programme.db");
      const first = createSqliteStore({ path })._unsafeUnwrap();
      (await first.migrate())._unsafeUnwrap();
      (await first.close())._unsafeUnwrap();
      // Another process's connection holds the write lock for as long as it likes.
      const writer = new Database(path);
      writer.pragma("journal_mode = WAL");
      writer.exec("BEGIN IMMEDIATE");
      try {
        const second = createSqliteStore({ path, busyTimeoutMs: 50 })._unsafeUnwrap();
        expect((await second.migrate()).isOk()).toBe(true);
        expect((await second.list("cases"))._unsafeUnwrap()).toEqual([]);
        (await second.close())._unsafeUnwrap();
      } finally {
        writer.exec("ROLLBACK");
        writer.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
