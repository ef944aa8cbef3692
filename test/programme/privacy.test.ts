/**
 * Erasure leaves no trace: not in any document or audit entry (searched through SQL), and for
 * SQLite not in the database file or its write-ahead log either (searched byte by byte).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { okAsync } from "neverthrow";
import pg from "pg";
import {
  closeCase,
  decideTriage,
  erasePerson,
  type IntakeId,
  logSession,
  type MentorId,
  type ProgrammeContext,
  type ProgrammeStore,
  planRound,
  programmeReport,
  registerMentor,
  submitIntake,
} from "venture-mentoring";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { describe, expect, it } from "vitest";
import { confirmAgreed } from "../support/consent.js";
import { mentorRaw } from "../support/raw.js";
import { postgresUrl, startProgramme, testSchemas } from "../support/store.js";
import { tempDirs } from "../support/temp.js";

const tempDir = tempDirs("vm-privacy-");

const url = postgresUrl;
const newSchema = testSchemas("vm_privacy");

const secrets = {
  name: "Xylophone Quokka",
  email: "quokka.xylophone@example.nl",
  venture: "Quokkaworks Zwaagwesteinde",
  summary: "Our biggest client Zebrafinch BV is leaving",
  feedback: "Quokka found the team wonderful",
  note: "Quokka worries about the bank",
  override: "Quokka asked for Anke by name",
};

/** A mentor's name, written into the stored explanations of a planned round. */
const mentorName = "Anke Zwaluwstaart";

/** The files of every table, index and TOAST table of a PostgreSQL schema. */
async function relationFiles(admin: pg.Pool, schema: string): Promise<string[]> {
  const files = await admin.query<{ path: string }>(
    `SELECT current_setting('data_directory') || '/' || pg_relation_filepath(c.oid) AS path
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'i', 't')
     UNION
     SELECT current_setting('data_directory') || '/' || pg_relation_filepath(c.reltoastrelid)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.reltoastrelid <> 0`,
    [schema],
  );
  return files.rows.map((r) => r.path);
}

async function programme(store: ProgrammeStore): Promise<ProgrammeContext> {
  const ctx = await startProgramme(store, "2026-11-02T09:00:00.000Z", 60_000);
  for (const id of ["anke", "douwe", "froukje"])
    (
      await registerMentor(
        ctx,
        mentorRaw(id, {
          ...(id === "anke" ? { name: mentorName } : {}),
          expertise: [
            { topic: "leadership", level: 3 },
            { topic: "strategy", level: 3 },
          ],
          sectors: [],
          background: id === "anke" ? "founder" : "finance",
        }),
        { id: "pm" },
        "new",
      )
    )._unsafeUnwrap();
  const intake = JSON.parse(
    readFileSync(new URL("../../examples/data/sample-intakes.json", import.meta.url), "utf8"),
  )[0];
  intake.mentee = { name: secrets.name, email: secrets.email };
  intake.venture.name = secrets.venture;
  intake.question.summary = secrets.summary;
  (await submitIntake(ctx, intake, "key-q", { id: "portal" }))._unsafeUnwrap();
  // The manager's override reason, free text about the mentee, is personal data like a note.
  const caseId = (
    await decideTriage(
      ctx,
      intake.id as IntakeId,
      { id: "pm" },
      {
        outcome: { kind: "accept" },
        reason: secrets.override,
      },
    )
  )._unsafeUnwrap().caseId;
  if (caseId === undefined) throw new Error("expected the sample intake to be accepted");
  const team = ["anke", "douwe", "froukje"].map((m, k) => ({
    mentorId: m as MentorId,
    role: k === 0 ? ("lead" as const) : ("member" as const),
  }));
  (await confirmAgreed(ctx, caseId, team, { id: "pm" }))._unsafeUnwrap();
  (
    await logSession(
      ctx,
      {
        id: "s-q",
        kind: "case",
        caseId,
        on: "2026-11-02T18:00:00.000Z",
        minutes: 90,
        mode: "inPerson",
        mentors: ["anke", "douwe"],
        menteePresent: true,
        noteAuthor: "anke",
        note: secrets.note,
      },
      { id: "anke" },
    )
  )._unsafeUnwrap();
  (
    await closeCase(ctx, caseId, "questionResolved", { id: "pm" }, { mentee: secrets.feedback })
  )._unsafeUnwrap();
  // A later question, planned at a meeting: the stored round keeps the mentors by id; their names
  // are joined when it is read.
  const next = JSON.parse(
    readFileSync(new URL("../../examples/data/sample-intakes.json", import.meta.url), "utf8"),
  )[6];
  (await submitIntake(ctx, next, "key-n", { id: "portal" }))._unsafeUnwrap();
  expect((await decideTriage(ctx, next.id as IntakeId, { id: "pm" }))._unsafeUnwrap().caseId).toBeDefined();
  const round = (
    await planRound(ctx, "round-2026-12", new Date("2026-12-07T19:00:00.000Z"), { id: "pm" })
  )._unsafeUnwrap();
  expect(JSON.stringify(round)).toContain('"anke"');
  expect(JSON.stringify(round)).not.toContain(mentorName);
  return ctx;
}

describe("erasure leaves no trace", () => {
  it("SQLite: not in any document, nor in the database file or its WAL, while open and after closing", async () => {
    const path = join(tempDir(), "programme.db");
    const store = createSqliteStore({ path })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const ctx = await programme(store);
    const asOf = new Date("2026-11-30T23:00:00.000Z");
    const before = (await programmeReport(ctx, asOf))._unsafeUnwrap();
    const files = () => [path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f));
    expect(files().some((b) => b.includes(secrets.name))).toBe(true); // the search can find it

    (await erasePerson(ctx, { kind: "mentee", email: secrets.email }, { id: "pm" }))._unsafeUnwrap();
    for (const value of Object.values(secrets))
      for (const bytes of files()) expect(bytes.includes(value), value).toBe(false);
    expect((await programmeReport(ctx, asOf))._unsafeUnwrap()).toEqual(before);
    expect(files().some((b) => b.includes(mentorName))).toBe(true);
    (await erasePerson(ctx, { kind: "mentor", id: "anke" as MentorId }, { id: "pm" }))._unsafeUnwrap();
    for (const bytes of files()) expect(bytes.includes(mentorName), mentorName).toBe(false);
    (await store.close())._unsafeUnwrap();
    for (const value of [...Object.values(secrets), mentorName])
      for (const bytes of files()) expect(bytes.includes(value), value).toBe(false);
  });

  it("SQLite: not in the files either once a reader that held an older snapshot during the erasure ends", async () => {
    const path = join(tempDir(), "programme.db");
    const store = createSqliteStore({ path })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const ctx = await programme(store);
    const files = () => [path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f));
    // Another process reads, inside a transaction, while the erasure commits.
    const reader = new Database(path, { readonly: true });
    reader.exec("BEGIN");
    expect((reader.prepare("SELECT count(*) AS n FROM vm_records").get() as { n: number }).n).toBeGreaterThan(
      0,
    );
    try {
      (await erasePerson(ctx, { kind: "mentee", email: secrets.email }, { id: "pm" }))._unsafeUnwrap();
      // Its snapshot still needs the old pages; the erased values are not in any document now.
      expect(JSON.stringify((await store.list("intakes"))._unsafeUnwrap())).not.toContain(secrets.name);
    } finally {
      reader.exec("COMMIT");
      reader.close();
    }
    // The next call on the store completes the checkpoint the reader held back.
    (await store.list("cases"))._unsafeUnwrap();
    for (const value of Object.values(secrets))
      for (const bytes of files()) expect(bytes.includes(value), value).toBe(false);
    (await store.close())._unsafeUnwrap();
  });

  it("PostgreSQL: not in any document or audit entry, nor in the files of any table or index after a CHECKPOINT", async () => {
    const schema = newSchema();
    const store = createPostgresStore({ connectionString: url, schema })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const ctx = await programme(store);
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const found = async (value: string) => {
      const tables = await admin.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
        [schema],
      );
      let hits = 0;
      for (const { table_name } of tables.rows) {
        const r = await admin.query(`SELECT 1 FROM "${schema}"."${table_name}" t WHERE t::text ILIKE $1`, [
          `%${value}%`,
        ]);
        hits += r.rowCount ?? 0;
      }
      return hits;
    };
    try {
      expect(await found(secrets.name)).toBeGreaterThan(0);
      (await erasePerson(ctx, { kind: "mentee", email: secrets.email }, { id: "pm" }))._unsafeUnwrap();
      for (const value of Object.values(secrets)) expect(await found(value), value).toBe(0);
      expect(await found(mentorName)).toBeGreaterThan(0);
      (await erasePerson(ctx, { kind: "mentor", id: "anke" as MentorId }, { id: "pm" }))._unsafeUnwrap();
      expect(await found(mentorName), mentorName).toBe(0);
      // Nor in the files behind the tables and their indexes once PostgreSQL wrote its pages out
      // (pg_wal keeps earlier page images until it recycles them: docs/reliability.md).
      await admin.query("CHECKPOINT");
      const files = await relationFiles(admin, schema);
      expect(files.length).toBeGreaterThan(0);
      for (const path of files) {
        if (!existsSync(path)) continue; // a relation that has never been written has no file yet
        const bytes = readFileSync(path);
        for (const value of [...Object.values(secrets), mentorName])
          expect(bytes.includes(value), `${value} in ${path}`).toBe(false);
      }
    } finally {
      await admin.end();
      await store.close();
    }
  });

  it("PostgreSQL: not in the files either when a transaction elsewhere in the database was open during the erasure", async () => {
    const schema = newSchema();
    const store = createPostgresStore({ connectionString: url, schema })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const ctx = await programme(store);
    const admin = new pg.Pool({ connectionString: url, max: 2 });
    // Another user of the database (any schema) holds a snapshot from before the erasure: VACUUM
    // FULL would copy the erased row versions it might still see into the new files.
    const reader = await admin.connect();
    try {
      await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await reader.query("SELECT count(*) FROM pg_class");
      (await erasePerson(ctx, { kind: "mentee", email: secrets.email }, { id: "pm" }))._unsafeUnwrap();
    } finally {
      await reader.query("COMMIT");
      reader.release();
    }
    // The next transaction on the store rewrites the table, now that nobody can see the old rows.
    (await store.transaction(() => okAsync(undefined)))._unsafeUnwrap();
    await admin.query("CHECKPOINT");
    const files = await relationFiles(admin, schema);
    try {
      for (const path of files) {
        if (!existsSync(path)) continue;
        const bytes = readFileSync(path);
        for (const value of Object.values(secrets))
          expect(bytes.includes(value), `${value} in ${path}`).toBe(false);
      }
    } finally {
      await admin.end();
      await store.close();
    }
  }, 60_000);
});
