/** Helpers the store-touching tests share: a byte-for-byte dump, and PostgreSQL schemas of their own. */
import pg from "pg";
import {
  collections,
  friesland,
  initProgramme,
  openProgramme,
  type ProgrammeContext,
  type ProgrammeStore,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { afterAll } from "vitest";

/** Every document of every collection and the whole audit trail, as one string to compare. */
export async function dumpStore(store: ProgrammeStore): Promise<string> {
  const out: unknown[] = [];
  for (const c of collections) {
    const list = await store.list(c);
    if (list.isErr()) throw new Error(`${c} unreadable: ${list.error.cause}`);
    out.push(list.value);
  }
  const audit = await store.audit();
  if (audit.isErr()) throw new Error(`audit unreadable: ${audit.error.cause}`);
  out.push(audit.value);
  return JSON.stringify(out);
}

/** The test server (CI starts it), or VM_TEST_POSTGRES. */
export const postgresUrl = process.env.VM_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * Names for PostgreSQL schemas of this test file's own, dropped after its tests:
 * `const schema = testSchemas("vm_cli"); … schema()`.
 */
export function testSchemas(prefix: string): () => string {
  const made: string[] = [];
  afterAll(async () => {
    const admin = new pg.Pool({ connectionString: postgresUrl, max: 1 });
    for (const s of made) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await admin.end();
  });
  return () => {
    const name = `${prefix}_${process.pid}_${made.length}`;
    made.push(name);
    return name;
  };
}

/**
 * The three stores, each made fresh and migrated: memory, SQLite in memory, and PostgreSQL in a
 * schema of its own (named after `prefix`, dropped after the file's tests). Call at the top of a
 * test file; `describe.each(threeStores("vm_x"))("… on the %s store", (_name, make) => …)`.
 */
export function threeStores(prefix: string): [string, () => Promise<ProgrammeStore>][] {
  const newSchema = testSchemas(prefix);
  return [
    ["memory", async () => createMemoryStore()],
    [
      "sqlite",
      async () => {
        const s = createSqliteStore({ path: ":memory:" })._unsafeUnwrap();
        (await s.migrate())._unsafeUnwrap();
        return s;
      },
    ],
    [
      "postgres",
      async () => {
        const s = createPostgresStore({ connectionString: postgresUrl, schema: newSchema() })._unsafeUnwrap();
        (await s.migrate())._unsafeUnwrap();
        return s;
      },
    ],
  ];
}

/**
 * Start the Friesland programme in `store` and open it: a clock that moves `stepMs` from `from`
 * each time it is read, and ids `case-1`, `referral-2`, … in the order they are made.
 */
export async function startProgramme(
  store: ProgrammeStore,
  from: string,
  stepMs: number,
): Promise<ProgrammeContext> {
  let t = Date.parse(from);
  const clock = () => {
    t += stepMs;
    return new Date(t);
  };
  (await initProgramme(store, friesland, { id: "pm" }, clock))._unsafeUnwrap();
  let n = 0;
  return (await openProgramme(store, { clock, newId: (k) => `${k}-${++n}` }))._unsafeUnwrap();
}
