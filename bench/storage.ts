/**
 * `npm run bench:storage`: SQLite and PostgreSQL under a national network — one database holding
 * 20 programmes, the largest with 10 000 mentors, 50 000 cases (5 000 running) and 300 000
 * sessions. Sizes: STORAGE_MENTORS, STORAGE_CASES, STORAGE_PROGRAMMES. PostgreSQL at
 * VM_TEST_POSTGRES or 127.0.0.1:5432, in a schema of its own, dropped afterwards.
 *
 * The history is seeded straight into the stores' tables (documents and the core's index keys,
 * `indexEntries`), which the adapters' API would take minutes for; everything measured runs
 * through the public use-cases and the store contract. The baseline, in the same process and on
 * the same data, is what `confirmTeam` read before the indexes: every case and every mentor.
 *
 * Goals: confirmTeam and logSession p95 ≤ 20 ms; a month's report ≤ 200 ms; a portal list page
 * ≤ 50 ms; PostgreSQL with 16 users ≥ 1 000 operations/s, 0 lost, 0 over capacity; SQLite: while
 * planRound runs at 2 000 × 1 000, another process's writes wait ≤ 100 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import pg from "pg";
import {
  type CaseId,
  type Collection,
  confirmTeam,
  consentId,
  type Documents,
  evaluateTriage,
  friesland,
  type IntakeId,
  type IntakeRequest,
  indexEntries,
  logSession,
  type Mentor,
  type MentorId,
  type MentoringCase,
  openCase,
  type ProgrammeContext,
  type ProgrammeStore,
  parseIntake,
  parseSession,
  planRound,
  programmeReport,
  roomForNewCases,
  type Session,
  transition,
  type VentureId,
} from "venture-mentoring";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { reportOverEverything } from "./full-report.js";
import { generateRound } from "./generator.js";

const M = Number(process.env.STORAGE_MENTORS ?? 10_000);
const N = Number(process.env.STORAGE_CASES ?? 50_000);
const PROGRAMMES = Number(process.env.STORAGE_PROGRAMMES ?? 20);
const SESSIONS_PER_CASE = 6;
const SAMPLES = 200;
const url = process.env.VM_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const NOW = new Date("2026-12-20T12:00:00.000Z");
const MONTH_END = new Date("2026-12-31T23:00:00.000Z");

type Doc = { [C in Collection]: { collection: C; id: string; value: Documents[C] } }[Collection];

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d, 10));

function intakeFor(j: string, submittedAt: Date, conflicts = true): IntakeRequest {
  return parseIntake({
    id: `in-${j}`,
    submittedAt: submittedAt.toISOString(),
    mentee: { name: `Mentee ${j}`, email: `mentee-${j}@example.nl` },
    venture: {
      id: `v-${j}`,
      name: `Venture ${j}`,
      sector: "agrifood",
      stage: "established",
      employees: 8,
      region: "friesland",
      exportAmbition: "none",
      innovative: false,
      competitors: conflicts ? ["Organisation 1"] : [],
      suppliers: [],
    },
    question: {
      summary: "How do we grow?",
      topics: [
        { topic: "strategy", weight: 3 },
        { topic: "sales", weight: 2 },
      ],
    },
    urgency: "routine",
    consent: { dataProcessing: true, shareWithPartners: true },
  })._unsafeUnwrap();
}

/** A programme's history: mentors, cases (a tenth running), their intakes, decisions and sessions. */
function history(mentorCount: number, caseCount: number, seed: number) {
  const round = generateRound({ mentors: mentorCount, cases: 1, seed });
  const mentors = round.mentors.map(({ load: _load, ...m }) => m as Mentor);
  const running = Math.round(caseCount / 10);
  const template = evaluateTriage({
    intake: intakeFor("template", day(2026, 0, 1)),
    profile: friesland,
    context: { placesLeft: 3, network: { canStaff: true, shortTopics: [] } },
    now: day(2026, 0, 2),
  });
  const docs: Doc[] = [
    {
      collection: "settings",
      id: "programme",
      value: { id: "programme", profile: friesland, initialisedAt: day(2022, 0, 1) },
    },
  ];
  for (const m of mentors) docs.push({ collection: "mentors", id: m.id, value: m });
  for (let j = 0; j < caseCount; j++) {
    // Running cases started in 2026; the closed history goes back to 2022, a month per 1/48th.
    const live = j < running;
    const start = live ? day(2026, j % 11, 1 + (j % 27)) : day(2022, j % 48, 1 + (j % 27));
    const intake = intakeFor(String(j), start);
    const team = [0, 1, 2].map((k) => mentors[(j * 3 + k) % mentorCount]?.id as MentorId);
    const staffed = transition(
      openCase({
        id: `case-${j}` as CaseId,
        ventureId: intake.venture.id,
        intakeId: intake.id,
        teamSize: 3,
        on: start,
      }),
      {
        type: "teamConfirmed",
        on: new Date(start.getTime() + 7 * 86_400_000),
        team: team.map((mentorId, k) => ({ mentorId, role: k === 0 ? "lead" : "member" })),
      },
    )._unsafeUnwrap();
    const kase: MentoringCase = live
      ? staffed
      : transition(staffed, {
          type: "closed",
          on: new Date(start.getTime() + 150 * 86_400_000),
          reason: "questionResolved",
        })._unsafeUnwrap();
    docs.push({ collection: "intakes", id: intake.id, value: intake });
    docs.push({
      collection: "decisions",
      id: intake.id,
      value: { ...template, intakeId: intake.id, decidedAt: new Date(start.getTime() + 3_600_000) },
    });
    docs.push({ collection: "cases", id: kase.id, value: kase });
    for (let s = 0; s < SESSIONS_PER_CASE; s++) {
      const on = new Date(start.getTime() + (10 + s * 20) * 86_400_000);
      if (on > NOW) break;
      const session: Session = parseSession({
        id: `s-${j}-${s}`,
        kind: "case",
        caseId: kase.id,
        on: on.toISOString(),
        minutes: 90,
        mode: "video",
        mentors: team,
        menteePresent: true,
        noteAuthor: team[0],
      })._unsafeUnwrap();
      docs.push({ collection: "sessions", id: session.id, value: session });
    }
  }
  const load = new Map<string, number>();
  for (let j = 0; j < running; j++)
    for (let k = 0; k < 3; k++) {
      const id = mentors[(j * 3 + k) % mentorCount]?.id as string;
      load.set(id, (load.get(id) ?? 0) + 1);
    }
  return { mentors, docs, running, load };
}

/** Seed documents and their index keys straight into the SQLite tables. */
function seedSqlite(path: string, programme: string, docs: readonly Doc[]) {
  const db = new Database(path);
  const record = db.prepare(
    "INSERT INTO vm_records (programme, collection, id, version, body) VALUES (?, ?, ?, 1, ?)",
  );
  const key = db.prepare(
    "INSERT INTO vm_index (programme, collection, name, key, id) VALUES (?, ?, ?, ?, ?)",
  );
  db.transaction(() => {
    for (const d of docs) {
      record.run(programme, d.collection, d.id, JSON.stringify(d.value));
      for (const e of indexEntries(d.collection, d.value as never))
        key.run(programme, d.collection, e.index, e.key, d.id);
    }
  })();
  db.close();
}

/** Seed documents and their index keys straight into the PostgreSQL tables. */
async function seedPostgres(pool: pg.Pool, schema: string, programme: string, docs: readonly Doc[]) {
  for (let k = 0; k < docs.length; k += 5_000) {
    const batch = docs.slice(k, k + 5_000);
    const keys = batch.flatMap((d) =>
      indexEntries(d.collection, d.value as never).map((e) => [d.collection, e.index, e.key, d.id]),
    );
    await pool.query(
      `INSERT INTO "${schema}".vm_records (programme, collection, id, version, body)
       SELECT $1, c, i, 1, b::jsonb FROM unnest($2::text[], $3::text[], $4::text[]) AS x(c, i, b)`,
      [
        programme,
        batch.map((d) => d.collection),
        batch.map((d) => d.id),
        batch.map((d) => JSON.stringify(d.value)),
      ],
    );
    await pool.query(
      `INSERT INTO "${schema}".vm_index (programme, collection, name, key, id)
       SELECT $1, c, n, k, i FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(c, n, k, i)`,
      [programme, keys.map((r) => r[0]), keys.map((r) => r[1]), keys.map((r) => r[2]), keys.map((r) => r[3])],
    );
  }
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const ms = (x: number) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`);
async function timed<T>(f: () => PromiseLike<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await f();
  return [performance.now() - start, value];
}

/** Awaiting cases with conflict-free intakes, and mentors with room to staff them (three each). */
function meetingDocs(
  mentors: readonly Mentor[],
  load: ReadonlyMap<string, number>,
  count: number,
  prefix: string,
) {
  const spare = mentors.filter(
    (m) =>
      m.state === "active" &&
      m.pauses.length === 0 &&
      (m.ethicsStatementSignedOn ?? new Date(0)) >= new Date("2026-01-01") &&
      roomForNewCases(m, { cases: load.get(m.id) ?? 0, hours: (load.get(m.id) ?? 0) * 1.5 }, 1.5) > 0,
  );
  const docs: Doc[] = [];
  const teams: { caseId: CaseId; team: { mentorId: MentorId; role: "lead" | "member" }[] }[] = [];
  const leads = spare.filter((m) => m.leadQualified);
  const members = spare.filter((m) => !m.leadQualified);
  for (let k = 0; k < count; k++) {
    const intake = intakeFor(`${prefix}-${k}`, day(2026, 11, 10), false);
    const c = openCase({
      id: `case-${prefix}-${k}` as CaseId,
      ventureId: intake.venture.id as VentureId,
      intakeId: intake.id as IntakeId,
      teamSize: 3,
      on: day(2026, 11, 11),
    });
    docs.push({ collection: "intakes", id: intake.id, value: intake });
    docs.push({ collection: "cases", id: c.id, value: c });
    const lead = leads[k % leads.length] as Mentor;
    const others = [members[(2 * k) % members.length], members[(2 * k + 1) % members.length]] as Mentor[];
    teams.push({
      caseId: c.id,
      team: [
        { mentorId: lead.id, role: "lead" },
        ...others.map((m) => ({ mentorId: m.id, role: "member" as const })),
      ],
    });
    // The mentors said yes at the meeting (rule 24): a confirmation checks their answers.
    for (const m of [lead, ...others]) {
      const id = consentId(c.id, m.id);
      docs.push({
        collection: "consents",
        id,
        value: { id, caseId: c.id, mentorId: m.id, answer: "yes", on: day(2026, 11, 12) },
      });
    }
  }
  return { docs, teams };
}

interface Row {
  store: string;
  [k: string]: string;
}

async function measure(
  name: string,
  store: ProgrammeStore,
  mentors: readonly Mentor[],
  load: ReadonlyMap<string, number>,
  running: number,
  seedMore: (docs: readonly Doc[]) => Promise<void>,
): Promise<Row> {
  const row: Row = { store: name };
  const ctx: ProgrammeContext = {
    store,
    profile: { ...friesland, meeting: { ...friesland.meeting, newCasesPerMeeting: 10_000 } },
    clock: () => NOW,
    newId: (k) => `${k}-bench`,
  };
  const meeting = meetingDocs(mentors, load, SAMPLES, "meet");
  await seedMore(meeting.docs);

  // The baseline: what confirmTeam read before the indexes, every case and every mentor.
  const before: number[] = [];
  for (let k = 0; k < 5; k++)
    before.push(
      (await timed(() => store.transaction((tx) => tx.list("cases").andThen(() => tx.list("mentors")))))[0],
    );
  const confirm: number[] = [];
  let refused = 0;
  for (const t of meeting.teams) {
    const [took, r] = await timed(() => confirmTeam(ctx, t.caseId, t.team, { id: "pm-bench" }));
    confirm.push(took);
    if (r.isErr()) {
      refused++;
      if (refused === 1) console.error(`${name}: confirmTeam refused: ${JSON.stringify(r.error)}`);
    }
  }
  row.before = `${ms(quantile(before, 0.5))}`;
  row.confirm = `${ms(quantile(confirm, 0.95))} (${SAMPLES - refused}/${SAMPLES} ok; ${(quantile(before, 0.5) / quantile(confirm, 0.95)).toFixed(0)} × faster)`;

  const sessions: number[] = [];
  let lost = 0;
  for (let k = 0; k < SAMPLES; k++) {
    const j = (k * 7919) % running;
    const lead = mentors[(j * 3) % mentors.length]?.id as string;
    const [took, r] = await timed(() =>
      logSession(
        ctx,
        {
          id: `s-bench-${k}`,
          kind: "case",
          caseId: `case-${j}`,
          on: "2026-12-18T10:00:00.000Z",
          minutes: 60,
          mode: "video",
          mentors: [lead],
          menteePresent: true,
          noteAuthor: lead,
        },
        { id: lead },
      ),
    );
    sessions.push(took);
    if (r.isErr()) {
      lost++;
      if (lost === 1) console.error(`${name}: logSession refused: ${JSON.stringify(r.error)}`);
    }
  }
  row.session = `${ms(quantile(sessions, 0.95))} (${SAMPLES - lost}/${SAMPLES} ok)`;

  // The report as it was before: over every document of the programme.
  const [fullReport] = await timed(() => reportOverEverything(ctx, MONTH_END));
  const reports: number[] = [];
  let active = 0;
  for (let k = 0; k < 5; k++) {
    const [took, r] = await timed(() => programmeReport(ctx, MONTH_END));
    reports.push(took);
    active = r._unsafeUnwrap().cases.active;
  }
  row.report = `${ms(quantile(reports, 0.5))} (max ${ms(Math.max(...reports))}; ${active} running cases; over every document ${ms(fullReport)})`;

  const pages: number[] = [];
  for (let k = 0; k < 20; k++) {
    const after = `case-${(k * 997) % running}`;
    pages.push(
      (
        await timed(() => store.page("cases", { limit: 50, after, where: { index: "state", key: "active" } }))
      )[0],
    );
    pages.push(
      (
        await timed(() =>
          store.page("intakes", {
            limit: 50,
            where: { index: "month", key: `2025-${String(1 + (k % 12)).padStart(2, "0")}` },
          }),
        )
      )[0],
    );
    pages.push(
      (
        await timed(() =>
          store.page("sessions", {
            limit: 50,
            after: `s-${k * 101}`,
            where: { index: "month", key: "2026-06" },
          }),
        )
      )[0],
    );
  }
  row.page = `${ms(quantile(pages, 0.95))} (max ${ms(Math.max(...pages))})`;
  return row;
}

/** 16 users at once: sessions on running cases, and confirmations racing for a few mentors' last places. */
async function concurrentUsers(
  ctx: ProgrammeContext,
  mentors: readonly Mentor[],
  load: ReadonlyMap<string, number>,
  running: number,
  seedMore: (docs: readonly Doc[]) => Promise<void>,
) {
  const USERS = 16;
  const SECONDS = 10;
  const contested = meetingDocs(mentors.slice(-300), load, 3_000, "race");
  await seedMore(contested.docs);
  const pool = new Set(contested.teams.flatMap((t) => t.team.map((m) => m.mentorId as string)));
  let ops = 0;
  let refusedAtCapacity = 0;
  let failed = 0;
  const stored: { kind: "session" | "team"; id: string }[] = [];
  let nextTeam = 0;
  const until = performance.now() + SECONDS * 1_000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, u) => {
      for (let k = 0; performance.now() < until; k++) {
        if (k % 4 === 3 && nextTeam < contested.teams.length) {
          const t = contested.teams[nextTeam++] as (typeof contested.teams)[number];
          const r = await confirmTeam(ctx, t.caseId, t.team, { id: `pm-${u}` });
          if (r.isOk()) stored.push({ kind: "team", id: t.caseId });
          else if (r.error.type === "TeamRefused") refusedAtCapacity++;
          else failed++;
        } else {
          const j = (u * 100_003 + k * 7919) % running;
          const lead = mentors[(j * 3) % mentors.length]?.id as string;
          const id = `s-race-${u}-${k}`;
          const r = await logSession(
            ctx,
            {
              id,
              kind: "case",
              caseId: `case-${j}`,
              on: "2026-12-19T10:00:00.000Z",
              minutes: 60,
              mode: "video",
              mentors: [lead],
              menteePresent: true,
              noteAuthor: lead,
            },
            { id: lead },
          );
          if (r.isOk()) stored.push({ kind: "session", id });
          else failed++;
        }
        ops++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1_000;
  // Nothing acknowledged is lost; no mentor of the contested pool is over capacity.
  let missing = 0;
  for (const s of stored) {
    const got = (await ctx.store.get(s.kind === "team" ? "cases" : "sessions", s.id))._unsafeUnwrap();
    if (got === undefined || (s.kind === "team" && (got.value as MentoringCase).state !== "active"))
      missing++;
  }
  const loads = (await ctx.store.count("cases", "seatedMentor", [...pool]))._unsafeUnwrap();
  const over = mentors.filter((m) => pool.has(m.id) && (loads.get(m.id) ?? 0) > m.capacity.maxCases).length;
  return `${(ops / seconds).toFixed(0)} ops/s (${ops} in ${seconds.toFixed(1)} s; ${refusedAtCapacity} refused at capacity, ${failed} errors, ${missing} lost, ${over} over capacity)`;
}

/** SQLite: plan a 2 000 × 1 000 round while another thread, on its own connection, writes every 20 ms. */
async function planBesideWriter(path: string): Promise<string> {
  const round = generateRound({ mentors: 2_000, cases: 1_000, seed: 11 });
  const docs: Doc[] = [
    {
      collection: "settings",
      id: "programme",
      value: { id: "programme", profile: friesland, initialisedAt: day(2026, 0, 1) },
    },
  ];
  for (const { load: _load, ...m } of round.mentors)
    docs.push({ collection: "mentors", id: m.id, value: m as Mentor });
  for (const c of round.cases) {
    const intake = parseIntake({
      id: `in-${c.id}`,
      submittedAt: c.acceptedOn.toISOString(),
      mentee: { name: "Mentee", email: "mentee@example.nl" },
      venture: c.venture,
      question: { summary: "Question", topics: c.topics },
      urgency: "routine",
      consent: { dataProcessing: true, shareWithPartners: true },
    })._unsafeUnwrap();
    const kase = openCase({
      id: c.id as CaseId,
      ventureId: intake.venture.id,
      intakeId: intake.id,
      teamSize: 3,
      on: c.acceptedOn,
    });
    docs.push(
      { collection: "intakes", id: intake.id, value: intake },
      { collection: "cases", id: kase.id, value: kase },
    );
  }
  seedSqlite(path, "plan", docs);
  const store = createSqliteStore({ path, programme: "plan" })._unsafeUnwrap();
  const ctx: ProgrammeContext = {
    store,
    profile: { ...friesland, meeting: { ...friesland.meeting, newCasesPerMeeting: 1_000 } },
    clock: () => NOW,
    newId: (k) => `${k}-plan`,
  };
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require("better-sqlite3");
     const db = new Database(workerData.path);
     db.pragma("busy_timeout = 5000");
     db.exec("CREATE TABLE IF NOT EXISTS bench_writes (at REAL)");
     const insert = db.prepare("INSERT INTO bench_writes (at) VALUES (?)");
     const waits = [];
     let stop = false;
     parentPort.on("message", () => { stop = true; });
     const tick = () => {
       if (stop) { db.close(); parentPort.postMessage(waits); return; }
       const start = performance.now();
       try { db.transaction(() => insert.run(start)).immediate(); waits.push(performance.now() - start); }
       catch (e) { waits.push(-1); }
       setTimeout(tick, 20);
     };
     tick();`,
    { eval: true, workerData: { path } },
  );
  const waits = new Promise<number[]>((resolve) => worker.once("message", resolve));
  const [took, planned] = await timed(() =>
    planRound(ctx, "round-national", new Date("2026-12-21T19:00:00.000Z"), { id: "pm-bench" }),
  );
  worker.postMessage("stop");
  const w = await waits;
  await worker.terminate();
  await store.close();
  const failedWrites = w.filter((x) => x < 0).length;
  const teams = planned.isOk() ? planned.value.teams.length : 0;
  return `${ms(Math.max(...w))} max, ${ms(quantile(w, 0.95))} p95 over ${w.length} writes (${failedWrites} failed) while planning ${(took / 1000).toFixed(1)} s (${teams} teams)`;
}

// --- the run -----------------------------------------------------------------------------------
console.error(`building ${PROGRAMMES} programmes: the largest ${M} mentors × ${N} cases …`);
const big = history(M, N, 9);
const small = Array.from({ length: PROGRAMMES - 1 }, (_, k) => history(30, 30, 100 + k));
const sessionCount = big.docs.filter((d) => d.collection === "sessions").length;
const rows: Row[] = [];

{
  const dir = mkdtempSync(join(tmpdir(), "vm-bench-"));
  try {
    const path = join(dir, "network.db");
    const store = createSqliteStore({ path, programme: "national" })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const [seeded] = await timed(async () => {
      for (const [k, p] of small.entries()) seedSqlite(path, `chapter-${k}`, p.docs);
      seedSqlite(path, "national", big.docs);
    });
    console.error(`sqlite: seeded in ${(seeded / 1000).toFixed(0)} s`);
    const row = await measure("SQLite (file, WAL)", store, big.mentors, big.load, big.running, async (docs) =>
      seedSqlite(path, "national", docs),
    );
    await store.close();
    row.plan = await planBesideWriter(path);
    row.users = "—";
    rows.push(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

{
  const schema = `vm_bench_${process.pid}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const users = new pg.Pool({ connectionString: url, max: 16 });
  users.on("error", () => undefined);
  try {
    const store = createPostgresStore({ pool: users, schema, programme: "national" })._unsafeUnwrap();
    (await store.migrate())._unsafeUnwrap();
    const [seeded] = await timed(async () => {
      for (const [k, p] of small.entries()) await seedPostgres(admin, schema, `chapter-${k}`, p.docs);
      await seedPostgres(admin, schema, "national", big.docs);
      await admin.query(`ANALYZE "${schema}".vm_records; ANALYZE "${schema}".vm_index`);
    });
    console.error(`postgres: seeded in ${(seeded / 1000).toFixed(0)} s`);
    const seedMore = (docs: readonly Doc[]) => seedPostgres(admin, schema, "national", docs);
    const row = await measure(
      "PostgreSQL 15 (SERIALIZABLE)",
      store,
      big.mentors,
      big.load,
      big.running,
      seedMore,
    );
    const ctx: ProgrammeContext = { store, profile: friesland, clock: () => NOW, newId: (k) => `${k}-race` };
    row.users = await concurrentUsers(ctx, big.mentors, big.load, big.running, seedMore);
    row.plan = "—";
    rows.push(row);
    await store.close();
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    await users.end();
  }
}

console.log(
  `${PROGRAMMES} programmes in one database; the measured one: ${M} mentors, ${N} cases (${big.running} running), ${sessionCount} sessions; Node ${process.version}`,
);
console.log("");
console.log(
  "| store | before: every case and mentor (median) | confirmTeam p95 | logSession p95 | month's report | portal list page p95 | 16 users | writes beside planRound 2 000 × 1 000 |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows)
  console.log(
    `| ${r.store} | ${r.before} | ${r.confirm} | ${r.session} | ${r.report} | ${r.page} | ${r.users} | ${r.plan} |`,
  );
