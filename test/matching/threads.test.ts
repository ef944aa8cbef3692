import { type CaseSearchHelpers, type CaseSearchJob, casesHelped, matchRound } from "venture-mentoring";
import { type ThreadPool, threadPool } from "venture-mentoring/threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRound } from "../../bench/generator.js";
import { teamBound } from "../../src/matching/bound.js";
import { CONTROL } from "../../src/matching/case-search.js";
import { buildInstance } from "../../src/matching/instance.js";
import { staffRound } from "../../src/matching/staffing.js";
import { objective } from "../../src/matching/team-value.js";

/** Helpers that pass each job on (changed by `change`), recording it. */
function recording(helpers: CaseSearchHelpers, change = (job: CaseSearchJob) => job) {
  const jobs: CaseSearchJob[] = [];
  const wrapped: CaseSearchHelpers = {
    get threads() {
      return helpers.threads;
    },
    post(job) {
      jobs.push(job);
      helpers.post(change(job));
    },
  };
  return { jobs, helpers: wrapped };
}

// Rounds of more than 40 000 candidate pairs: the certificate takes helpers there.
const tight = generateRound({ mentors: 2000, cases: 1000, seed: 1, supply: 1.05 });
const short = generateRound({ mentors: 2000, cases: 1000, seed: 1, supply: 0.9 });

// 2000 × 1000 rounds take 4–7 s each on a quiet two-core machine: budgets of 180 s.
describe("helper threads for the certificate (venture-mentoring/threads)", { timeout: 180_000 }, () => {
  let pool: ThreadPool;
  beforeAll(async () => {
    // Two helpers (with the caller, three threads claiming cases; on a 2-core box, more than its cores).
    pool = threadPool({ threads: 2 })._unsafeUnwrap();
    expect(await pool.ready()).toBe(2);
  });
  afterAll(() => pool.close());

  it.each([
    ["tight", tight],
    ["short of seats", short],
  ])(
    "give the proposal the caller's thread gives alone, taking a share of the searches (2000 × 1000, %s)",
    (_, round) => {
      const { jobs, helpers } = recording(pool);
      const shared = matchRound(round, { helpers })._unsafeUnwrap();
      expect(shared).toEqual(matchRound(round)._unsafeUnwrap());
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.reduce((s, job) => s + casesHelped(job), 0)).toBeGreaterThan(0);
    },
  );

  it("share a bound's steps exactly, even where a case's search runs out of budget and its warm start decides", () => {
    // 50 leaves per case and step: most searches settle for a bound, from the team their last
    // step left — kept in the shared columns, so whichever thread takes the case next starts there.
    const inst = buildInstance(tight);
    const { prices, assignment } = staffRound(inst);
    const lower = objective(inst, assignment).value;
    const effort = { iterations: 30, patience: 3, window: 10 };
    const { jobs, helpers } = recording(pool);
    const alone = teamBound(inst, lower, prices, effort, [], { caseBudget: 50 });
    // Later steps (warm) set the bound, not the first (cold).
    expect(alone.bound).toBeLessThan(
      teamBound(inst, lower, prices, { ...effort, iterations: 1 }, [], { caseBudget: 50 }).bound,
    );
    expect(teamBound(inst, lower, prices, effort, [], { caseBudget: 50, helpers })).toEqual(alone);
    expect(casesHelped(jobs[0] as CaseSearchJob)).toBeGreaterThan(0);
  });

  it("cost only speed when they never start", () => {
    const silent: CaseSearchHelpers = { threads: 1, post: () => {} };
    expect(matchRound(tight, { helpers: silent })._unsafeUnwrap()).toEqual(matchRound(tight)._unsafeUnwrap());
  });

  it("leave the round to the caller's thread when one fails mid-job: a sound proposal, no hang", () => {
    // The helpers' copy of the job lacks the candidates' mentors: their first case search throws.
    const { jobs, helpers } = recording(pool, (job) => ({
      ...job,
      columns: { ...job.columns, mentor: null as unknown as Int32Array },
    }));
    const p = matchRound(tight, { helpers })._unsafeUnwrap();
    expect(jobs.some((job) => Atomics.load(job.control, CONTROL.FAILED) === 1)).toBe(true);
    expect(jobs.reduce((s, job) => s + casesHelped(job), 0)).toBe(0);
    expect(p.unstaffed).toEqual([]);
    expect(p.certificate.bound).toBeGreaterThanOrEqual(p.certificate.objective);
    expect(p.certificate.gap).toBeLessThan(0.01);
    // The helpers are still there for the next round.
    expect(pool.threads).toBe(2);
  });
});

describe("a thread pool", () => {
  it.each([-1, 1.5, 65, Number.NaN])("refuses %s threads with a typed error", (threads) => {
    const made = threadPool({ threads });
    expect(made.isErr() && made.error).toMatchObject({
      type: "ValidationFailed",
      subject: "ThreadPoolOptions",
      issues: [{ path: "threads" }],
    });
  });

  it("has no helpers once closed: a bound then runs on the caller's thread alone, and waiting for it does not hang", async () => {
    const pool = threadPool({ threads: 2 })._unsafeUnwrap();
    expect(pool.threads).toBe(2);
    await pool.close();
    expect(pool.threads).toBe(0);
    await expect(pool.ready()).resolves.toBeLessThanOrEqual(2);
    const inst = buildInstance(generateRound({ mentors: 300, cases: 100, seed: 1, supply: 1.05 }));
    const { prices, assignment } = staffRound(inst);
    const effort = { iterations: 10, patience: 3, window: 10 };
    const lower = objective(inst, assignment).value;
    const { jobs, helpers } = recording(pool);
    expect(teamBound(inst, lower, prices, effort, [], { helpers })).toEqual(
      teamBound(inst, lower, prices, effort),
    );
    expect(jobs).toEqual([]);
  });
});
