/** Running load workers against a store and checking what they left behind. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import {
  friesland,
  initProgramme,
  openProgramme,
  type ProgrammeStore,
  registerMentors,
} from "venture-mentoring";
import { openStore } from "../../examples/shared/store.js";
import { violations } from "./invariants.js";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
const tsx = join(root, "node_modules", ".bin", "tsx");
const worker = join(root, "test", "hardening", "load-worker.ts");

export interface WorkerSummary {
  readonly worker: number;
  readonly ok: number;
  readonly refused: number;
  readonly invalid: number;
  readonly notFound: number;
  readonly unavailable: number;
  readonly defect: number;
  readonly submitted: readonly string[];
  readonly errors: readonly string[];
}

export async function prepare(db: string): Promise<void> {
  const store = (await openStore(db))._unsafeUnwrap();
  const clock = () => new Date();
  (await initProgramme(store, friesland, { id: "pm" }, clock))._unsafeUnwrap();
  const ctx = (await openProgramme(store, { clock, newId: (k) => `${k}-setup` }))._unsafeUnwrap();
  const mentors = Array.from({ length: 30 }, (_, k) => ({
    id: `mentor-${k}`,
    name: `Mentor ${k}`,
    state: "active",
    expertise: [{ topic: ["leadership", "strategy", "sales"][k % 3], level: 3 }],
    sectors: [],
    background: k % 2 === 0 ? "founder" : "finance",
    leadQualified: k % 3 === 0,
    intakeLead: false,
    capacity: { maxCases: 2, monthlyHours: 6 },
    pauses: [],
    interests: [],
    ethicsStatementSignedOn: new Date(Date.now() - 30 * 86_400_000).toISOString(),
  }));
  (await registerMentors(ctx, mentors, { id: "pm" }))._unsafeUnwrap();
  await store.close();
}

export async function workers(
  db: string,
  ms: number,
  count: number,
  parallel: number,
  extra: readonly string[] = [],
): Promise<WorkerSummary[]> {
  const outputs = await Promise.all(
    Array.from({ length: count }, (_, w) =>
      run(
        tsx,
        [
          "--tsconfig",
          join(root, "tsconfig.check.json"),
          worker,
          db,
          String(ms),
          String(w),
          "--parallel",
          String(parallel),
          ...extra,
        ],
        {
          cwd: root,
          timeout: ms + 60_000,
        },
      ),
    ),
  );
  return outputs.map((o) => JSON.parse(o.stdout.trim().split("\n").pop() as string) as WorkerSummary);
}

export async function check(db: string, summaries: readonly WorkerSummary[]) {
  const store: ProgrammeStore = (await openStore(db))._unsafeUnwrap();
  try {
    const problems = await violations(store);
    const intakes = (await store.list("intakes"))._unsafeUnwrap().map((i) => i.value.id as string);
    const submitted = summaries.flatMap((s) => s.submitted);
    const stored = new Set(intakes);
    const lost = submitted.filter((id) => !stored.has(id));
    const duplicated = intakes.length - stored.size;
    const total = (k: keyof Omit<WorkerSummary, "worker" | "submitted" | "errors">) =>
      summaries.reduce((a, s) => a + s[k], 0);
    return {
      problems,
      lost,
      duplicated,
      ok: total("ok"),
      refused: total("refused"),
      unavailable: total("unavailable"),
      defects: total("defect"),
      invalid: total("invalid"),
      errors: summaries.flatMap((s) => s.errors),
      intakes: intakes.length,
      audit: (await store.audit())._unsafeUnwrap().length,
    };
  } finally {
    await store.close();
  }
}

/** Terminate every PostgreSQL connection named `application` every `ms` until stopped; says how many. */
export function dropConnectionsEvery(
  url: string,
  application: string,
  ms: number,
): { stop(): Promise<number> } {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  let dropped = 0;
  const timer = setInterval(() => {
    void admin
      .query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
        application,
      ])
      .then((r) => {
        dropped += r.rowCount ?? 0;
      })
      .catch(() => undefined);
  }, ms);
  return {
    stop: async () => {
      clearInterval(timer);
      await admin.end();
      return dropped;
    },
  };
}
