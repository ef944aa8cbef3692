/**
 * A store written by release 0.1.0 (test/fixtures: the demo year, on SQLite and on PostgreSQL)
 * opens in this one: the migration moves every document into the default programme, computes the
 * index keys, and the programme works on — reads, queries, the report, a new write.
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import {
  type Collection,
  collections,
  DEFAULT_PROGRAMME,
  decodeDocument,
  mentorCaseCounts,
  openProgramme,
  type ProgrammeStore,
  programmeReport,
  ventureKeys,
} from "venture-mentoring";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { describe, expect, it } from "vitest";
import { postgresUrl, testSchemas } from "../support/store.js";
import { tempDirs } from "../support/temp.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const tempDir = tempDirs("vm-migrate-");
const newSchema = testSchemas("vm_migrate");

type Rows = { collection: string; id: string; version: number; body: unknown }[];

/** What release 0.1.0 stored, and the store opened on it: the same documents, versions and trail. */
async function expectSameProgramme(store: ProgrammeStore, old: Rows, oldAudit: number) {
  for (const c of collections) {
    const want = old
      .filter((r) => r.collection === c)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => ({ value: decodeDocument(c as Collection, r.body)._unsafeUnwrap(), version: r.version }));
    expect((await store.list(c))._unsafeUnwrap(), c).toEqual(want);
  }
  expect((await store.audit())._unsafeUnwrap()).toHaveLength(oldAudit);
  // The indexes were built from the moved documents.
  const cases = (await store.list("cases"))._unsafeUnwrap().map((c) => c.value);
  const loads = (await store.count("cases", "seatedMentor"))._unsafeUnwrap();
  expect(new Map([...loads].sort())).toEqual(new Map([...mentorCaseCounts(cases)].sort()));
  const closed = cases.filter((c) => c.state === "closed").map((c) => c.id);
  expect(closed.length).toBeGreaterThan(0);
  expect((await store.find("cases", "state", "closed"))._unsafeUnwrap().map((c) => c.value.id)).toEqual(
    closed,
  );
  // Intakes stored before recognise a returning venture by its marks (migration 4).
  const intakes = (await store.list("intakes"))._unsafeUnwrap();
  const [one] = intakes;
  if (one === undefined) throw new Error("no intakes in the fixture");
  const [key] = ventureKeys(one.value.venture, one.value.mentee.email);
  expect(
    (await store.find("intakes", "venture", key as string))._unsafeUnwrap().map((i) => i.value.id),
  ).toContain(one.value.id);
  const sessions = (await store.list("sessions"))._unsafeUnwrap();
  const inJune = sessions.filter((s) => s.value.on.toISOString().startsWith("2026-06"));
  expect((await store.find("sessions", "month", "2026-06"))._unsafeUnwrap()).toEqual(inJune);
  // The programme works on: its report, and a write.
  const ctx = (
    await openProgramme(store, { clock: () => new Date("2026-12-20T12:00:00Z"), newId: (k) => `${k}-new` })
  )._unsafeUnwrap();
  const report = (await programmeReport(ctx, new Date("2026-12-31T23:59:59Z")))._unsafeUnwrap();
  expect(report.mentors.active).toBeGreaterThan(0);
  const [first] = cases;
  if (first === undefined) throw new Error("no cases in the fixture");
  const version = (await store.get("cases", first.id))._unsafeUnwrap()?.version ?? 0;
  expect((await store.transaction((tx) => tx.put("cases", first.id, first, version)))._unsafeUnwrap()).toBe(
    version + 1,
  );
}

/**
 * Migration 5: stored rounds and triage decisions keep codes and ids, no sentence and no name —
 * the fixture's release stored sentences with mentors' names in them.
 */
function expectNoStoredSentences(rows: readonly { collection: string; body: unknown }[]) {
  const names = rows.filter((r) => r.collection === "mentors").map((r) => (r.body as { name: string }).name);
  const kept = rows.filter((r) => r.collection === "rounds" || r.collection === "decisions");
  expect(kept.length).toBeGreaterThan(50);
  for (const r of kept) {
    const json = JSON.stringify(r.body);
    expect(json).not.toMatch(/"texts?":/);
    for (const name of names) expect(json, `${r.collection} holds ${name}`).not.toContain(name);
  }
}

describe("a SQLite file written by release 0.1.0", () => {
  it("opens in this release: every document in the default programme, indexed, and the programme works on", async () => {
    const path = join(tempDir(), "programme.db");
    copyFileSync(join(fixtures, "release-0.1.0.db"), path);
    const raw = new Database(path, { readonly: true });
    const old = (raw.prepare("SELECT collection, id, version, body FROM vm_documents").all() as Rows).map(
      (r) => ({
        ...r,
        body: JSON.parse(r.body as string) as unknown,
      }),
    );
    const oldAudit = (raw.prepare("SELECT COUNT(*) AS n FROM vm_audit").get() as { n: number }).n;
    raw.close();
    expect(old.length).toBeGreaterThan(300);

    const store = createSqliteStore({ path })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    try {
      await expectSameProgramme(store, old, oldAudit);
    } finally {
      await store.close();
    }
    // The old table is gone; the file records every step; another programme in it starts empty.
    const after = new Database(path, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'vm_documents'").get()).toBeUndefined();
    expect((after.prepare("SELECT MAX(version) AS v FROM vm_migrations").get() as { v: number }).v).toBe(5);
    expectNoStoredSentences(
      (
        after.prepare("SELECT collection, body FROM vm_records").all() as {
          collection: string;
          body: string;
        }[]
      ).map((r) => ({ collection: r.collection, body: JSON.parse(r.body) as unknown })),
    );
    after.close();
    const other = createSqliteStore({ path, programme: "other-chapter" })._unsafeUnwrap();
    (await other.migrate())._unsafeUnwrap();
    expect((await other.list("cases"))._unsafeUnwrap()).toEqual([]);
    expect((await other.audit())._unsafeUnwrap()).toEqual([]);
    await other.close();
    const again = createSqliteStore({ path, programme: DEFAULT_PROGRAMME })._unsafeUnwrap();
    (await again.migrate())._unsafeUnwrap();
    expect((await again.list("mentors"))._unsafeUnwrap()).toHaveLength(30);
    await again.close();
  });
});

describe("a PostgreSQL schema written by release 0.1.0", () => {
  it("opens in this release: every document in the default programme, indexed, and the programme works on", async () => {
    const schema = newSchema();
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      const dump = readFileSync(join(fixtures, "release-0.1.0.pg.sql"), "utf8").replaceAll(
        "vm_release",
        schema,
      );
      await admin.query(dump);
      const old = (
        await admin.query<Rows[number]>(`SELECT collection, id, version, body FROM "${schema}".vm_documents`)
      ).rows;
      const oldAudit = Number(
        (await admin.query(`SELECT COUNT(*) AS n FROM "${schema}".vm_audit`)).rows[0].n,
      );
      expect(old.length).toBeGreaterThan(300);

      const store = createPostgresStore({ connectionString: postgresUrl, schema })._unsafeUnwrap();
      (await store.migrate())._unsafeUnwrap();
      try {
        await expectSameProgramme(store as ProgrammeStore, old, oldAudit);
      } finally {
        await store.close();
      }
      const tables = await admin.query("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1", [
        schema,
      ]);
      expectNoStoredSentences(
        (await admin.query(`SELECT collection, body FROM "${schema}".vm_records`)).rows as {
          collection: string;
          body: unknown;
        }[],
      );
      expect(tables.rows.map((r) => r.tablename)).toEqual([
        "vm_audit",
        "vm_index",
        "vm_migrations",
        "vm_records",
      ]);
    } finally {
      await admin.end();
    }
  });
});
