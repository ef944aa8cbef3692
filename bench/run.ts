/**
 * `npm run bench`: the matching engine against a per-case greedy baseline and HiGHS (exact, where
 * it finishes) on seeded instances, in one process, with ratios. Sizes: BENCH_SIZES=30x10,300x100
 * (default: all four, each also with tight and with short supply). Every round runs again with
 * helper threads (the machine's cores less one), its proposal checked equal; where the core shared
 * its certificate with them, once more alone, both warm, for the ratio. Prints a Markdown table for docs/benchmarks.md.
 */
import {
  type CaseSearchHelpers,
  type MatchingProposal,
  matchRound,
  proposeInsertion,
  validateProposal,
} from "venture-mentoring";
import { lpBound, solveExact } from "venture-mentoring/highs";
import { threadPool } from "venture-mentoring/threads";
import { greedyStaffing } from "../src/matching/greedy.js";
import { buildInstance, coveragePoints, type Instance } from "../src/matching/instance.js";
import type { Assignment } from "../src/matching/staffing.js";
import { objective, TEAM_RULE_PENALTY, teamValue } from "../src/matching/team-value.js";
import { generateRound } from "./generator.js";

interface Row {
  size: string;
  method: string;
  ms: number;
  violations: number;
  teamRuleBreaks: number;
  unstaffed: number;
  objective: number;
  gapOwnBound: number | undefined;
  gapLp: number | undefined;
  coverage: number;
  worstTeam: number;
  maxLoad: number;
  rssMB: number;
}

const rss = () => Math.round(process.resourceUsage().maxRSS / 1024);

function measure(inst: Instance, assignment: Assignment) {
  let covered = 0;
  let total = 0;
  let worst = Number.POSITIVE_INFINITY;
  const added = new Int32Array(inst.mentors.length);
  assignment.forEach((t, j) => {
    if (t === undefined) return;
    const team = [t.lead, ...t.members];
    for (const i of team) added[i] = (added[i] as number) + 1;
    const v = teamValue(inst, j, team);
    worst = Math.min(worst, (v?.value ?? 0) + TEAM_RULE_PENALTY * (v?.broken.length ?? 0));
    covered += v?.coverage ?? 0;
    total += coveragePoints(inst, j, 0xffff);
  });
  return {
    coverage: total === 0 ? 1 : covered / total,
    worst: Number.isFinite(worst) ? worst : 0,
    maxLoad: Math.max(0, ...added),
  };
}

function fromProposal(p: MatchingProposal, inst: Instance): Assignment {
  const mentorIndex = new Map(inst.mentors.map((m, i) => [m.id as string, i]));
  const byCase = new Map(p.teams.map((t) => [t.caseId as string, t]));
  return inst.cases.map((c) => {
    const t = byCase.get(c.id);
    return t === undefined
      ? undefined
      : {
          lead: mentorIndex.get(t.lead) as number,
          members: t.members.map((m) => mentorIndex.get(m) as number),
        };
  });
}

/** Supply of a benchmark round: generous, tight (room for 1.05 × the seats) or short (0.9 ×: a tenth of the cases cannot be staffed). */
type Supply = "generous" | "tight" | "short";
const SUPPLY: Record<Supply, { supply?: number; label: string }> = {
  generous: { label: "" },
  tight: { supply: 1.05, label: " tight" },
  short: { supply: 0.9, label: " short" },
};

async function runSize(mentors: number, cases: number, kind: Supply): Promise<Row[]> {
  const { supply, label } = SUPPLY[kind];
  const size = `${mentors}×${cases}${label}`;
  const round = generateRound({ mentors, cases, seed: 1, ...(supply === undefined ? {} : { supply }) });
  const rows: Row[] = [];
  const inst = buildInstance(round);

  let t0 = performance.now();
  // The naive library: cases one by one, a case it cannot staff given up.
  const g = greedyStaffing(
    inst,
    inst.cases.map(() => true),
    "case",
  ) as Assignment;
  const greedyMs = performance.now() - t0;
  const gTeams = g.flatMap((t, j) =>
    t === undefined
      ? []
      : [
          {
            caseId: inst.cases[j]?.id as string,
            lead: inst.mentors[t.lead]?.id as string,
            members: t.members.map((i) => inst.mentors[i]?.id as string),
          },
        ],
  );
  const gv = validateProposal(round, { teams: gTeams });
  const gm = measure(inst, g);

  t0 = performance.now();
  const ours = matchRound(round)._unsafeUnwrap();
  const oursMs = performance.now() - t0;
  const ov = validateProposal(round, ours);
  const om = measure(inst, fromProposal(ours, inst));

  // Every round again with the helper threads — the same proposal (checked). Where the core shared
  // the certificate with them (rounds of more than 40 000 candidate pairs: it posted them a job),
  // the round runs alone once more, so that the ratio compares two warm runs (the first call above
  // also warms the JIT).
  let helped: number | undefined;
  if (pool.threads > 0) {
    let jobs = 0;
    const counting: CaseSearchHelpers = {
      threads: pool.threads,
      post: (job) => {
        jobs++;
        pool.post(job);
      },
    };
    t0 = performance.now();
    const again = matchRound(round, { helpers: counting })._unsafeUnwrap();
    const sharedMs = performance.now() - t0;
    if (JSON.stringify(again) !== JSON.stringify(ours))
      throw new Error(`${size}: the helper threads changed the proposal`);
    if (jobs > 0) {
      helped = sharedMs;
      t0 = performance.now();
      matchRound(round)._unsafeUnwrap();
      const alone = performance.now() - t0;
      console.error(
        `${size}: warm, alone ${(alone / 1000).toFixed(1)} s, with ${pool.threads} helper thread(s) ${(helped / 1000).toFixed(1)} s: ${(alone / helped).toFixed(2)}× as fast, the same proposal`,
      );
    }
  }

  let lp: number | undefined;
  let exact: { ms: number; p: MatchingProposal } | undefined;
  let exactNote = "";
  if (mentors * cases <= 30_000) {
    const lb = await lpBound(round, { timeLimitMs: 120_000 });
    if (lb.isOk()) lp = lb.value;
    t0 = performance.now();
    const ex = await solveExact(round, { timeLimitMs: 120_000 });
    if (ex.isOk()) exact = { ms: performance.now() - t0, p: ex.value };
    else exactNote = ex.error.type;
  } else {
    exactNote = "not run (model too large for the 120 s limit)";
    // Larger rounds: the LP bound over the same candidate pairs as our certificate, where it solves in time.
    if (mentors * cases <= 2_500_000) {
      const lb = await lpBound(round, { timeLimitMs: 120_000, pairs: "candidates" });
      if (lb.isOk()) lp = lb.value;
    }
  }

  // Against the LP bound the objective counts broken team rules as the exact model does (5 000 each).
  const gapTo = (bound: number | undefined, value: number) =>
    bound === undefined ? undefined : (bound - value) / bound;
  rows.push({
    size,
    method: "greedy (per case)",
    ms: greedyMs,
    violations: gv.violations.length,
    teamRuleBreaks: gv.teamRuleBreaks.length,
    unstaffed: g.filter((t) => t === undefined).length,
    objective: objective(inst, g).value,
    gapOwnBound: gapTo(ours.certificate.bound, objective(inst, g).value),
    gapLp: gapTo(lp, objective(inst, g).value - TEAM_RULE_PENALTY * gv.teamRuleBreaks.length),
    coverage: gm.coverage,
    worstTeam: gm.worst,
    maxLoad: gm.maxLoad,
    rssMB: rss(),
  });
  rows.push({
    size,
    method: "flow + local search (ours)",
    ms: oursMs,
    violations: ov.violations.length,
    teamRuleBreaks: ours.teamRuleBreaks.length,
    unstaffed: ours.unstaffed.length,
    objective: ours.certificate.objective,
    gapOwnBound: ours.certificate.gap,
    gapLp: gapTo(lp, ours.certificate.objective - TEAM_RULE_PENALTY * ours.teamRuleBreaks.length),
    coverage: om.coverage,
    worstTeam: om.worst,
    maxLoad: om.maxLoad,
    rssMB: rss(),
  });
  if (helped !== undefined)
    rows.push({
      ...(rows.at(-1) as Row),
      method: `ours, ${pool.threads} helper thread${pool.threads === 1 ? "" : "s"} (same proposal, warm)`,
      ms: helped,
      rssMB: rss(),
    });
  if (exact !== undefined) {
    const em = measure(inst, fromProposal(exact.p, inst));
    rows.push({
      size,
      method: "HiGHS exact",
      ms: exact.ms,
      violations: validateProposal(round, exact.p).violations.length,
      teamRuleBreaks: exact.p.teamRuleBreaks.length,
      unstaffed: exact.p.unstaffed.length,
      objective: exact.p.certificate.objective,
      gapOwnBound: 0,
      gapLp: gapTo(lp, exact.p.certificate.objective),
      coverage: em.coverage,
      worstTeam: em.worst,
      maxLoad: em.maxLoad,
      rssMB: rss(),
    });
    console.error(
      `${size}: ours ${(exact.ms / oursMs).toFixed(1)}× faster than HiGHS; ${((100 * (exact.p.certificate.objective - ours.certificate.objective)) / exact.p.certificate.objective).toFixed(2)} % below its optimum`,
    );
  } else console.error(`${size}: HiGHS ${exactNote}`);
  console.error(
    `${size}: ours/greedy objective ${(ours.certificate.objective / objective(inst, g).value).toFixed(4)}, time ${(oursMs / greedyMs).toFixed(1)}×`,
  );
  return rows;
}

async function insertionBench(): Promise<string> {
  const round = generateRound({ mentors: 10_000, cases: 1, seed: 5 });
  const id = round.cases[0]?.id;
  if (id === undefined) return "";
  const times: number[] = [];
  // Five warm-up calls (the JIT), then 31 measured.
  for (let k = 0; k < 36; k++) {
    const t0 = performance.now();
    proposeInsertion(round, id)._unsafeUnwrap();
    if (k >= 5) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return `Single-case insertion at 10 000 mentors: median ${times[15]?.toFixed(1)} ms, worst ${times[30]?.toFixed(1)} ms (31 runs after 5 warm-up calls).`;
}

const all = [
  [30, 10],
  [300, 100],
  [2000, 1000],
  [10000, 5000],
] as const;
// Helper threads for the certificate (the machine's cores less one), loaded before any round.
const pool = threadPool()._unsafeUnwrap();
await pool.ready();
const wanted = process.env.BENCH_SIZES?.split(",").map((s) => s.split("x").map(Number)) ?? all;
const rows: Row[] = [];
for (const [m, n] of wanted) {
  // Short supply: the case for staffing the most cases and saying why not the rest.
  for (const kind of Object.keys(SUPPLY) as Supply[]) {
    console.error(`running ${m}×${n}${SUPPLY[kind].label} …`);
    rows.push(...(await runSize(m as number, n as number, kind)));
  }
}
const pct = (x: number | undefined) => (x === undefined ? "–" : `${(x * 100).toFixed(2)} %`);
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log("");
console.log(
  "| size | method | violations | team-rule breaks | unstaffed | objective | gap to own bound | gap to LP bound | coverage | worst team | max new cases per mentor | time | peak RSS |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.size} | ${r.method} | ${r.violations} | ${r.teamRuleBreaks} | ${r.unstaffed} | ${r.objective.toFixed(0)} | ${pct(r.gapOwnBound)} | ${pct(r.gapLp)} | ${(r.coverage * 100).toFixed(1)} % | ${r.worstTeam.toFixed(0)} | ${r.maxLoad} | ${r.ms < 1000 ? `${r.ms.toFixed(0)} ms` : `${(r.ms / 1000).toFixed(1)} s`} | ${r.rssMB} MB |`,
  );
}
console.log("");
console.log(await insertionBench());
await pool.close();
