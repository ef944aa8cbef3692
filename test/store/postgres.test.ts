import pg from "pg";
import { createPostgresStore } from "venture-mentoring/postgres";
import { runStoreConformance } from "venture-mentoring/testing";
import { afterAll, describe, expect, it } from "vitest";

/** The real server (CI starts it); every store gets a schema of its own, dropped afterwards. */
const url = process.env.VM_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const admin = new pg.Pool({ connectionString: url, max: 2 });
const schemas: string[] = [];

afterAll(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  const left = await admin.query("SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)", [schemas]);
  await admin.end();
  expect(left.rowCount).toBe(0);
});

describe("PostgreSQL", () => {
  runStoreConformance(
    it,
    async () => {
      const schema = `vm_test_${process.pid}_${schemas.length}`;
      schemas.push(schema);
      const store = createPostgresStore({ connectionString: url, schema })._unsafeUnwrap();
      (await store.migrate())._unsafeUnwrap();
      return store;
    },
    {
      sharedDatabase: async () => {
        const schema = `vm_test_${process.pid}_${schemas.length}`;
        schemas.push(schema);
        return async (programme) => {
          const store = createPostgresStore({ connectionString: url, schema, programme })._unsafeUnwrap();
          (await store.migrate())._unsafeUnwrap();
          return store;
        };
      },
    },
  );

  it("refuses a schema name that is not a plain identifier", () => {
    expect(
      createPostgresStore({ connectionString: url, schema: 'x"; DROP TABLE y; --' })._unsafeUnwrapErr().type,
    ).toBe("StoreUnavailable");
  });

  it("migrates concurrently and idempotently", async () => {
    const schema = `vm_test_${process.pid}_mig`;
    schemas.push(schema);
    const stores = Array.from({ length: 4 }, () =>
      createPostgresStore({ connectionString: url, schema })._unsafeUnwrap(),
    );
    const results = await Promise.all(stores.map((s) => s.migrate()));
    expect(results.every((r) => r.isOk())).toBe(true);
    for (const s of stores) await s.close();
  });
});
