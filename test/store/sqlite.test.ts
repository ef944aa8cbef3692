import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { runStoreConformance } from "venture-mentoring/testing";
import { afterAll, describe, it } from "vitest";

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
  runStoreConformance(it, async () => {
    const store = createSqliteStore({ path: join(dir, `store-${n++}.db`) })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap(); // idempotent
    return store;
  });
});
