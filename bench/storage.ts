/**
 * `npm run bench:storage`: the three stores under a national-scale programme — bulk load of mentors,
 * cases and sessions, listing, the monthly report, and intakes per second from concurrent
 * submitters — memory as the baseline in the same process. Sizes: STORAGE_MENTORS (10 000),
 * STORAGE_CASES (10 000), sessions 2 per case. PostgreSQL at VM_TEST_POSTGRES or 127.0.0.1:5432,
 * in a schema of its own that is dropped afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResultAsync } from "neverthrow";
import pg from "pg";
import {
  type CaseId,
  confirmTeam,
  friesland,
  type IntakeId,
  type MentorId,
  openCase,
  type ProgrammeContext,
  type ProgrammeStore,
  parseIntake,
  parseSession,
  planRound,
  programmeReport,
  submitIntake,
  transition,
  type VentureId,
} from "venture-mentoring";
import { createMemoryStore } from "venture-mentoring/memory";
import { createPostgresStore } from "venture-mentoring/postgres";
import { createSqliteStore } from "venture-mentoring/sqlite";
import { generateRound } from "./generator.js";

const M = Number(process.env.STORAGE_MENTORS ?? 10_000);
const N = Number(process.env.STORAGE_CASES ?? 50_000);
const NEW = 100;
const RUNNING = Math.min(N, 5_000);
const url = process.env.VM_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";
const round = generateRound({ mentors: M, cases: 1, seed: 9 });
const mentors = round.mentors.map(({ load: _load, ...m }) => m);

async function measure(name: string, store: ProgrammeStore) {
  const t = (label: string, start: number) =>
    console.error(`${name}: ${label} ${(performance.now() - start).toFixed(0)} ms`);
  const row: Record<string, string> = { store: name };
  let start = performance.now();
  const batch = 1_000;
  for (let k = 0; k < mentors.length; k += batch) {
    (
      await store.transaction(
        (tx) =>
          new ResultAsync(
            (async () => {
              for (const m of mentors.slice(k, k + batch))
                (await tx.put("mentors", m.id, m, "new"))._unsafeUnwrap();
              return tx.appendAudit({
                at: new Date("2026-12-01"),
                actor: "bench",
                action: "load",
                subject: { collection: "mentors", id: "batch" },
              });
            })(),
          ),
      )
    )._unsafeUnwrap();
  }
  row.mentors = `${((performance.now() - start) / 1000).toFixed(1)} s`;
  start = performance.now();
  for (let k = 0; k < N; k += batch) {
    (
      await store.transaction(
        (tx) =>
          new ResultAsync(
            (async () => {
              for (let j = k; j < Math.min(N, k + batch); j++) {
                const id = `case-${j}` as CaseId;
                const lead = mentors[j % M]?.id as MentorId;
                const c = transition(
                  openCase({
                    id,
                    ventureId: `v-${j}` as VentureId,
                    intakeId: `in-${j}` as IntakeId,
                    teamSize: 3,
                    on: new Date("2026-01-05"),
                  }),
                  {
                    type: "teamConfirmed",
                    on: new Date("2026-01-12"),
                    team: [
                      { mentorId: lead, role: "lead" },
                      { mentorId: mentors[(j + 1) % M]?.id as MentorId, role: "member" },
                      { mentorId: mentors[(j + 2) % M]?.id as MentorId, role: "member" },
                    ],
                  },
                )._unsafeUnwrap();
                // A national programme's history: most cases are closed; RUNNING are active and load the mentors.
                const stored =
                  j < RUNNING
                    ? c
                    : transition(c, {
                        type: "closed",
                        on: new Date("2026-06-30"),
                        reason: "questionResolved",
                      })._unsafeUnwrap();
                (await tx.put("cases", id, stored, "new"))._unsafeUnwrap();
                for (const s of [0, 1]) {
                  const session = parseSession({
                    id: `s-${j}-${s}`,
                    kind: "case",
                    caseId: id,
                    on: `2026-12-0${2 + s}T10:00:00.000Z`,
                    minutes: 90,
                    mode: "video",
                    mentors: [lead],
                    menteePresent: true,
                    noteAuthor: lead,
                  })._unsafeUnwrap();
                  (await tx.put("sessions", session.id, session, "new"))._unsafeUnwrap();
                }
              }
              return tx.appendAudit({
                at: new Date("2026-12-01"),
                actor: "bench",
                action: "load",
                subject: { collection: "cases", id: "batch" },
              });
            })(),
          ),
      )
    )._unsafeUnwrap();
  }
  row.cases = `${((performance.now() - start) / 1000).toFixed(1)} s`;
  t("loaded", start);
  start = performance.now();
  const listed = (await store.list("cases"))._unsafeUnwrap().length;
  row.list = `${(performance.now() - start).toFixed(0)} ms (${listed})`;
  const ctx: ProgrammeContext = {
    store,
    profile: friesland,
    clock: () => new Date("2026-12-20T12:00:00.000Z"),
    newId: (k) => `${k}-x`,
  };
  start = performance.now();
  const report = (await programmeReport(ctx, new Date("2026-12-31T23:00:00.000Z")))._unsafeUnwrap();
  row.report = `${((performance.now() - start) / 1000).toFixed(1)} s (${report.cases.active} cases)`;
  // Concurrent intake submission for two seconds: 8 submitters.
  let submitted = 0;
  let conflicts = 0;
  const until = performance.now() + 2_000;
  await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      for (let k = 0; performance.now() < until; k++) {
        const id = `in-w${w}-${k}`;
        const r = await submitIntake(
          ctx,
          {
            id,
            submittedAt: "2026-12-20T09:00:00.000Z",
            mentee: { name: "Bench Mentee", email: "bench@example.nl" },
            venture: {
              id: `v-${id}`,
              name: "Bench BV",
              sector: "ict",
              stage: "established",
              employees: 5,
              region: "friesland",
              exportAmbition: "none",
              innovative: false,
              competitors: [],
              suppliers: [],
            },
            question: { summary: "Growth", topics: [{ topic: "growth", weight: 3 }] },
            urgency: "routine",
            consent: { dataProcessing: true, shareWithPartners: true },
          },
          `key-${id}`,
          { id: "bench" },
        );
        if (r.isOk()) submitted++;
        else {
          conflicts++;
          if (conflicts === 1) console.error(`${name}: first error ${JSON.stringify(r.error)}`);
        }
      }
    }),
  );
  row.intakes = `${(submitted / 2).toFixed(0)}/s (${conflicts} errors)`;
  // A meeting: NEW accepted cases waiting for teams; plan the round (reads + solver + write), confirm ten teams.
  (
    await store.transaction(
      (tx) =>
        new ResultAsync(
          (async () => {
            for (let j = 0; j < NEW; j++) {
              const intake = parseIntake({
                id: `in-new-${j}`,
                submittedAt: "2026-12-15T09:00:00.000Z",
                mentee: { name: "New Mentee", email: `new${j}@example.nl` },
                venture: {
                  id: `v-new-${j}`,
                  name: `New Venture ${j}`,
                  sector: "agrifood",
                  stage: "established",
                  employees: 8,
                  region: "friesland",
                  exportAmbition: "none",
                  innovative: false,
                  competitors: [],
                  suppliers: [],
                },
                question: {
                  summary: "Growth",
                  topics: [
                    { topic: "strategy", weight: 3 },
                    { topic: "sales", weight: 2 },
                  ],
                },
                urgency: "routine",
                consent: { dataProcessing: true, shareWithPartners: true },
              })._unsafeUnwrap();
              (await tx.put("intakes", intake.id, intake, "new"))._unsafeUnwrap();
              const c = openCase({
                id: `case-new-${j}` as CaseId,
                ventureId: intake.venture.id,
                intakeId: intake.id,
                teamSize: 3,
                on: new Date("2026-12-16"),
              });
              (await tx.put("cases", c.id, c, "new"))._unsafeUnwrap();
            }
            return tx.appendAudit({
              at: new Date("2026-12-16"),
              actor: "bench",
              action: "load",
              subject: { collection: "cases", id: "new" },
            });
          })(),
        ),
    )
  )._unsafeUnwrap();
  const planCtx: ProgrammeContext = {
    ...ctx,
    profile: { ...friesland, meeting: { ...friesland.meeting, newCasesPerMeeting: NEW } },
  };
  start = performance.now();
  const proposal = (
    await planRound(planCtx, "bench-round", new Date("2026-12-20T19:00:00.000Z"), { id: "bench" })
  )._unsafeUnwrap();
  row.plan = `${((performance.now() - start) / 1000).toFixed(1)} s (${proposal.teams.length} teams)`;
  start = performance.now();
  let confirmed = 0;
  for (const t of proposal.teams.slice(0, 10)) {
    const r = await confirmTeam(
      planCtx,
      t.caseId,
      t.team.map((m) => ({ mentorId: m.mentorId, role: m.role })),
      { id: "bench" },
    );
    if (r.isOk()) confirmed++;
  }
  row.confirm = `${((performance.now() - start) / Math.max(1, confirmed)).toFixed(0)} ms per team (${confirmed})`;
  row.rss = `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
  await store.close();
  return row;
}

const rows: Record<string, string>[] = [];
rows.push(await measure("memory", createMemoryStore()));
const dir = mkdtempSync(join(tmpdir(), "vm-bench-"));
const sqlite = createSqliteStore({ path: join(dir, "bench.db") })._unsafeUnwrap();
(await sqlite.migrate())._unsafeUnwrap();
rows.push(await measure("sqlite (file, WAL)", sqlite));
rmSync(dir, { recursive: true, force: true });
const schema = `vm_bench_${process.pid}`;
const postgres = createPostgresStore({ connectionString: url, schema })._unsafeUnwrap();
(await postgres.migrate())._unsafeUnwrap();
try {
  rows.push(await measure("postgres 15 (SERIALIZABLE)", postgres));
} finally {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
}
console.log(`${M} mentors, ${N} cases (${RUNNING} running), ${2 * N} sessions; Node ${process.version}`);
console.log("");
console.log(
  `| store | load mentors | load cases + sessions | list cases | monthly report | intakes (8 concurrent submitters) | plan a round of ${NEW} new cases | confirm a team | peak RSS |`,
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.store} | ${r.mentors} | ${r.cases} | ${r.list} | ${r.report} | ${r.intakes} | ${r.plan} | ${r.confirm} | ${r.rss} |`,
  );
}
