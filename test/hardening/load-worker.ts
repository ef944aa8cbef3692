/**
 * One portal's worth of users, as a separate process: submits and triages intakes, confirms teams
 * and logs sessions against a shared store until its time is up, then prints what it did as JSON.
 * Usage: tsx load-worker.ts <db> <milliseconds> <worker> [--parallel <users>] [--crash-after <ms>]
 */
import {
  answerProposal,
  type CaseId,
  confirmTeam,
  decideTriage,
  errorClass,
  type IntakeId,
  logSession,
  type MentorId,
  openProgramme,
  prng,
  submitIntake,
  type VentureMentoringError,
} from "venture-mentoring";
import { openStore } from "../../examples/shared/store.js";

const [db = "", ms = "2000", worker = "0"] = process.argv.slice(2);
const parallel = process.argv.includes("--parallel")
  ? Number(process.argv[process.argv.indexOf("--parallel") + 1])
  : 1;
const crashAfter = process.argv.includes("--crash-after")
  ? Number(process.argv[process.argv.indexOf("--crash-after") + 1])
  : undefined;
const random = prng(Number(worker) * 7919 + 1);
const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];

// Opening (and migrating) may meet a dropped connection (the fault test drops them all the time).
let opened = await openStore(db);
for (let tries = 0; opened.isErr() && tries < 50; tries++) {
  await new Promise((r) => setTimeout(r, 20));
  opened = await openStore(db);
}
if (opened.isErr()) {
  console.log(JSON.stringify({ fatal: opened.error.cause }));
  process.exit(1);
}
const store = opened.value;
let n = 0;
// Opening may meet a dropped connection too (the fault test drops them all the time): try again.
const host = { clock: () => new Date(), newId: (k: "case" | "referral") => `${k}-w${worker}-${++n}` };
let opening = await openProgramme(store, host);
for (let tries = 0; opening.isErr() && tries < 50; tries++) {
  await new Promise((r) => setTimeout(r, 20));
  opening = await openProgramme(store, host);
}
const ctx = opening._unsafeUnwrap();
if (crashAfter !== undefined) setTimeout(() => process.kill(process.pid, "SIGKILL"), crashAfter);

const summary = {
  worker: Number(worker),
  ok: 0,
  refused: 0,
  invalid: 0,
  notFound: 0,
  unavailable: 0,
  defect: 0,
  submitted: [] as string[],
  errors: [] as string[],
};
const count = (e: VentureMentoringError) => {
  const kind = errorClass(e);
  summary[kind]++;
  if (kind === "defect" || kind === "invalid") summary.errors.push(JSON.stringify(e).slice(0, 300));
};
const deadline = Date.now() + Number(ms);
async function user(u: number): Promise<void> {
  for (let k = 0; Date.now() < deadline; k++) {
    const action = random();
    if (action < 0.4) {
      const id = `intake-w${worker}-${u}-${k}`;
      const submitted = await submitIntake(
        ctx,
        {
          id,
          submittedAt: new Date().toISOString(),
          mentee: { name: `Mentee ${worker}-${k}`, email: `m${worker}-${k}@example.nl` },
          venture: {
            id: `v-w${worker}-${u}-${k}`,
            name: `Venture ${worker}-${k}`,
            sector: "agrifood",
            stage: "established",
            employees: 10,
            region: "friesland",
            exportAmbition: "none",
            innovative: false,
            competitors: [],
            suppliers: [],
          },
          question: {
            summary: "How do we grow?",
            topics: [{ topic: pick(["leadership", "strategy", "sales"]), weight: 3 }],
          },
          urgency: "routine",
          consent: { dataProcessing: true, shareWithPartners: true },
        },
        id,
        { id: "portal" },
      );
      if (submitted.isErr()) count(submitted.error);
      else {
        summary.ok++;
        summary.submitted.push(id);
        const decided = await decideTriage(ctx, id as IntakeId, { id: "pm" });
        if (decided.isErr()) count(decided.error);
        else summary.ok++;
      }
    } else {
      const cases = await store.list("cases");
      const mentors = await store.list("mentors");
      if (cases.isErr() || mentors.isErr()) {
        summary.unavailable++;
        continue;
      }
      if (action < 0.7) {
        const waiting = pick(cases.value.filter((c) => c.value.state === "awaitingMeeting"));
        const lead = pick(mentors.value.filter((m) => m.value.leadQualified));
        const others = mentors.value.filter((m) => m.value.id !== lead?.value.id);
        const a = pick(others);
        const b = pick(others.filter((m) => m.value.id !== a?.value.id));
        if (waiting === undefined || lead === undefined || a === undefined || b === undefined) continue;
        for (const m of [lead, a, b]) {
          const said = await answerProposal(
            ctx,
            { caseId: waiting.value.id, mentorId: m.value.id, answer: "yes" },
            { id: m.value.id },
          );
          if (said.isErr()) count(said.error);
        }
        const done = await confirmTeam(
          ctx,
          waiting.value.id,
          [
            { mentorId: lead.value.id, role: "lead" },
            { mentorId: a.value.id, role: "member" },
            { mentorId: b.value.id, role: "member" },
          ],
          { id: "pm" },
        );
        if (done.isErr()) count(done.error);
        else summary.ok++;
      } else {
        const active = pick(cases.value.filter((c) => c.value.state === "active"));
        if (active === undefined) continue;
        const team = active.value.memberships.filter((m) => m.until === undefined);
        const lead = team.find((m) => m.role === "lead");
        if (lead === undefined) continue;
        const done = await logSession(
          ctx,
          {
            id: `session-w${worker}-${u}-${k}`,
            kind: "case",
            caseId: active.value.id as CaseId,
            on: new Date().toISOString(),
            minutes: 60,
            mode: "video",
            mentors: team.map((m) => m.mentorId as MentorId),
            menteePresent: true,
            noteAuthor: lead.mentorId,
          },
          { id: lead.mentorId },
        );
        if (done.isErr()) count(done.error);
        else summary.ok++;
      }
    }
  }
}
await Promise.all(Array.from({ length: parallel }, (_, u) => user(u)));
await store.close();
console.log(JSON.stringify(summary));
