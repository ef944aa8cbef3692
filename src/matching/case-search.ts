import type { CoverageData, Instance } from "./instance.js";
import { coveragePoints } from "./instance.js";
import { SAME_FIRM, teamRuleBits } from "./team-value.js";

/** Seats per team a case search holds (a round's team size is 2–6). */
export const MAX_TEAM = 8;

/**
 * A round's candidate lists in columns, with everything the certificate's case searches share:
 * their warm state and, per step, the mentors' prices in and each case's best team out. Plain
 * typed arrays on one thread; on SharedArrayBuffers when helper threads take a share of the cases
 * (see {@link CaseSearchHelpers}) — then any thread may solve any case and get the same team.
 */
export interface CaseColumns extends CoverageData {
  readonly cases: number;
  /** Case j's candidates at start[j] … start[j + 1] − 1, in the order of `Instance.candidates[j]`. */
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  readonly score: Float64Array;
  /** Lead fitness, −1 when not lead-qualified. */
  readonly lead: Float64Array;
  readonly covers: Int32Array;
  readonly teamSize: Int32Array;
  readonly background: Int32Array;
  readonly firm: Int32Array;
  /** 1 where case j's team must keep the team rules (0: relaxed). */
  readonly keepRules: Uint8Array;
  /** Per candidate slot: case j's candidates (positions in its list) by score minus price at its last solve. */
  readonly order: Int32Array;
  /** 1 once case j has an order. */
  readonly ordered: Uint8Array;
  /** Case j's best team at its last solve: positions in its list at j × MAX_TEAM, lastSize[j] of them. */
  readonly last: Int32Array;
  readonly lastSize: Int32Array;
  /** This step's price per mentor. */
  readonly prices: Float64Array;
  /** This step's best team value per case (max(0, …); an upper bound on it if the search ran out of budget). */
  readonly value: Float64Array;
  /** This step's best team per case: mentor indices at j × MAX_TEAM, size[j] of them (0: none beats no team). */
  readonly team: Int32Array;
  readonly size: Int32Array;
}

/**
 * Pack a round's candidates for its certificate's case searches, each case's team keeping the team
 * rules unless `relaxRules[j]`; on SharedArrayBuffers when `shared`.
 */
export function packCases(inst: Instance, relaxRules: readonly boolean[], shared: boolean): CaseColumns {
  const ints = (n: number) => new Int32Array(shared ? new SharedArrayBuffer(4 * n) : new ArrayBuffer(4 * n));
  const floats = (n: number) =>
    new Float64Array(shared ? new SharedArrayBuffer(8 * n) : new ArrayBuffer(8 * n));
  const bytes = (n: number) => new Uint8Array(shared ? new SharedArrayBuffer(n) : new ArrayBuffer(n));
  const N = inst.cases.length;
  const start = ints(N + 1);
  let total = 0;
  for (let j = 0; j < N; j++) {
    start[j] = total;
    total += (inst.candidates[j] as readonly unknown[]).length;
  }
  start[N] = total;
  const mentor = ints(total);
  const score = floats(total);
  const lead = floats(total);
  const covers = ints(total);
  inst.candidates.forEach((list, j) => {
    let x = start[j] as number;
    for (const c of list) {
      mentor[x] = c.mentor;
      score[x] = c.score;
      lead[x] = c.lead;
      covers[x] = c.covers;
      x++;
    }
  });
  const keepRules = bytes(N);
  for (let j = 0; j < N; j++) keepRules[j] = relaxRules[j] === true ? 0 : 1;
  /** The instance's own arrays on one thread; copies in shared memory (views of one buffer) for helpers. */
  const copy = <T extends Int32Array | Float64Array>(
    lists: readonly (T | undefined)[],
    make: (n: number) => T,
  ) => {
    if (!shared) return lists;
    const all = make(lists.reduce((s, l) => s + (l?.length ?? 0), 0));
    let at = 0;
    return lists.map((l) => {
      if (l === undefined) return undefined;
      all.set(l, at);
      at += l.length;
      return all.subarray(at - l.length, at) as T;
    });
  };
  const one = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
    if (!shared) return a;
    const out = make(a.length);
    out.set(a);
    return out;
  };
  return {
    cases: N,
    start,
    mentor,
    score,
    lead,
    covers,
    teamSize: one(inst.teamSize, ints),
    background: one(inst.background, ints),
    firm: one(inst.firm, ints),
    coverageByMask: copy(inst.coverageByMask, floats),
    topicWeights: copy(inst.topicWeights, ints) as Int32Array[],
    totalWeight: one(inst.totalWeight, ints),
    round: { weights: { coverage: inst.round.weights.coverage } },
    keepRules,
    order: ints(total),
    ordered: bytes(N),
    last: ints(N * MAX_TEAM),
    lastSize: ints(N),
    prices: floats(inst.mentors.length),
    value: floats(N),
    team: ints(N * MAX_TEAM),
    size: ints(N),
  };
}

/**
 * The best team for one case at given mentor prices, by branch and bound over the candidates in
 * order of score minus price: value Σ (score − price) + the best lead fitness + coverage, with at
 * least one lead-qualified member and, when asked, the team rules kept (pins relaxed). Exact unless
 * the budget runs out, and then still an upper bound on it (the largest bound among the branches
 * left unexplored). A case's last order and best team (in the columns) are where it starts.
 */
export class CaseSearch {
  private a = new Float64Array(0);
  private cum = new Float64Array(0);
  private sufMask = new Int32Array(0);
  private sufLead = new Float64Array(0);
  private chosen = new Int32Array(MAX_TEAM);
  /** The chosen mentors (indices), for the team rules: the first d + 1 at depth d. */
  private mentors: number[] = [];
  private rules = true;
  /** The best team found (positions in the candidate list), its size 0 when none beats an empty one. */
  readonly team = new Int32Array(MAX_TEAM);
  size = 0;
  private best = 0;
  private leaves = 0;
  /** The case's first slot in the columns, its candidates, its team size. */
  private base = 0;
  private K = 0;
  private j = 0;
  private s = 0;

  constructor(
    private readonly cols: CaseColumns,
    private readonly budget: number,
  ) {}

  /** max(0, the best team's value) on case j at prices `pi` (an upper bound on it if the budget ran out). */
  solve(j: number, pi: Float64Array, rules: boolean): number {
    const cols = this.cols;
    this.rules = rules;
    const base = cols.start[j] as number;
    const K = (cols.start[j + 1] as number) - base;
    const s = cols.teamSize[j] as number;
    if (this.a.length < K + 1) {
      this.a = new Float64Array(K + 1);
      this.cum = new Float64Array(K + 1);
      this.sufMask = new Int32Array(K + 1);
      this.sufLead = new Float64Array(K + 1);
    }
    const { a, cum, sufMask, sufLead } = this;
    const { order, mentor, score, covers, lead: leads } = cols;
    for (let x = 0; x < K; x++)
      a[x] = (score[base + x] as number) - (pi[mentor[base + x] as number] as number);
    // Candidates by score minus price, best first (ties: list order). The prices move a little
    // between iterations, so the last order is nearly sorted and an insertion sort is linear.
    if (cols.ordered[j] === 0) {
      for (let x = 0; x < K; x++) order[base + x] = x;
      cols.ordered[j] = 1;
    }
    for (let p = 1; p < K; p++) {
      const x = order[base + p] as number;
      const ax = a[x] as number;
      let q = p - 1;
      for (; q >= 0; q--) {
        const y = order[base + q] as number;
        const ay = a[y] as number;
        if (ay > ax || (ay === ax && y < x)) break;
        order[base + q + 1] = y;
      }
      order[base + q + 1] = x;
    }
    cum[0] = 0;
    for (let p = 0; p < K; p++) cum[p + 1] = (cum[p] as number) + (a[order[base + p] as number] as number);
    sufMask[K] = 0;
    sufLead[K] = -1;
    for (let p = K - 1; p >= 0; p--) {
      const x = base + (order[base + p] as number);
      sufMask[p] = (sufMask[p + 1] as number) | (covers[x] as number);
      sufLead[p] = Math.max(sufLead[p + 1] as number, leads[x] as number);
    }
    this.base = base;
    this.K = K;
    this.j = j;
    this.s = s;
    this.best = 0;
    this.size = 0;
    this.leaves = 0;
    // The case's last best team, at today's prices, is where the search starts: only better teams
    // are explored (the prices moved a little, so it is usually still best or close).
    const lastSize = cols.lastSize[j] as number;
    if (lastSize > 0) {
      let sum = 0;
      let mask = 0;
      let lead = -1;
      for (let y = 0; y < lastSize; y++) {
        const x = cols.last[j * MAX_TEAM + y] as number;
        sum += a[x] as number;
        mask |= covers[base + x] as number;
        lead = Math.max(lead, leads[base + x] as number);
      }
      const value = sum + lead + coveragePoints(cols, j, mask);
      if (value > 0) {
        this.best = value;
        this.size = s;
        this.team.set(cols.last.subarray(j * MAX_TEAM, j * MAX_TEAM + lastSize));
      }
    }
    if (K >= s) this.branch(0, 0, 0, 0, -1);
    if (this.size > 0) {
      cols.last.set(this.team.subarray(0, this.size), j * MAX_TEAM);
      cols.lastSize[j] = this.size;
    }
    return this.best;
  }

  private branch(d: number, from: number, sum: number, mask: number, lead: number): void {
    const { a, cum, sufMask, sufLead, cols, s, j, base, K } = this;
    const { order, covers, lead: leads, mentor } = cols;
    const r = s - d;
    for (let p = from; p <= K - r; p++) {
      const bestLead = Math.max(lead, sufLead[p] as number);
      if (bestLead < 0) return;
      const ub =
        sum +
        (cum[p + r] as number) -
        (cum[p] as number) +
        bestLead +
        coveragePoints(cols, j, mask | (sufMask[p] as number));
      if (ub <= this.best) return;
      if (this.leaves >= this.budget) {
        // Out of budget: this branch and the later ones (whose bounds are no higher) count at their
        // bound, which keeps the result an upper bound; `team` keeps the best team actually found.
        this.best = ub;
        return;
      }
      const x = order[base + p] as number;
      const cover = covers[base + x] as number;
      const fit = leads[base + x] as number;
      if (r === 1) {
        // A leaf: its team's value first (most leaves do not beat the best), then the team rules.
        this.leaves++;
        const l = Math.max(lead, fit);
        if (l < 0) continue;
        const value = sum + (a[x] as number) + l + coveragePoints(cols, j, mask | cover);
        if (value <= this.best) continue;
        this.chosen[d] = x;
        this.mentors[d] = mentor[base + x] as number;
        if (this.rules && teamRuleBits(cols, this.mentors, -1, -1, s) !== 0) continue;
        this.best = value;
        this.size = s;
        this.team.set(this.chosen.subarray(0, s));
      } else {
        this.chosen[d] = x;
        this.mentors[d] = mentor[base + x] as number;
        // Two mentors of one firm: every team through here breaks that rule (the background rule
        // speaks only of whole teams, at the leaves).
        if (this.rules && d > 0 && teamRuleBits(cols, this.mentors, -1, -1, d + 1) & SAME_FIRM) continue;
        this.branch(d + 1, p + 1, sum + (a[x] as number), mask | cover, Math.max(lead, fit));
      }
    }
  }
}

/** Solve case j at the columns' prices and write its value and team (mentor indices) into them. */
function solveCase(search: CaseSearch, cols: CaseColumns, j: number): void {
  cols.value[j] = search.solve(j, cols.prices, cols.keepRules[j] === 1);
  const size = search.size;
  cols.size[j] = size;
  const base = cols.start[j] as number;
  for (let x = 0; x < size; x++)
    cols.team[j * MAX_TEAM + x] = cols.mentor[base + (search.team[x] as number)] as number;
}

/**
 * Threads that take a share of a certificate's case searches on large rounds — the bound's inner
 * loop, each step one search per case. `venture-mentoring/threads` provides them with Node's
 * worker threads; any other runtime's threads will do that run {@link helpCaseSearch} on a job.
 * The caller's thread waits for them with `Atomics.wait`, which a browser allows only off its main
 * thread: there, match from a worker.
 */
export interface CaseSearchHelpers {
  /** Helper threads besides the caller's (0: the caller searches alone). */
  readonly threads: number;
  /** Hand a job to every helper thread (a message: the caller does not wait for it to arrive). */
  post(job: CaseSearchJob): void;
}

/** A certificate's case searches, in shared memory: what a helper thread receives. */
export interface CaseSearchJob {
  readonly columns: CaseColumns;
  /** Leaf evaluations per case and step before a search settles for its upper bound. */
  readonly budget: number;
  /** The step protocol's words: generation, next case to claim, threads busy, stop, failed, cases helpers solved (see `Cases`). */
  readonly control: Int32Array;
}

/** The words of a job's `control`, by position. */
export const CONTROL = { GEN: 0, NEXT: 1, BUSY: 2, STOP: 3, FAILED: 4, HELPED: 5 } as const;
const { GEN, NEXT, BUSY, STOP, FAILED, HELPED } = CONTROL;
/** Cases a thread claims at a time (tens of microseconds each: few claims, fair shares). */
const CHUNK = 16;

/** Claim chunks of this step's cases until none is left, solving each; returns how many it solved. */
function claim(search: CaseSearch, cols: CaseColumns, control: Int32Array): number {
  let solved = 0;
  for (;;) {
    const from = Atomics.add(control, NEXT, CHUNK);
    if (from >= cols.cases) return solved;
    const to = Math.min(cols.cases, from + CHUNK);
    for (let j = from; j < to; j++) solveCase(search, cols, j);
    solved += to - from;
  }
}

/** Case searches the helper threads took of a job, over all its steps (the rest were the caller's). */
export function casesHelped(job: CaseSearchJob): number {
  return Atomics.load(job.control, HELPED);
}

/**
 * Take a share of a certificate's case searches, in a helper thread, until the job stops: wait
 * for a step, claim chunks of its cases and solve them, tell the caller when done. Blocks the
 * thread it runs on (Atomics.wait). Every case's search reads and writes only its own slots, so
 * whichever thread solves a case finds the same team: equal rounds give equal proposals, with
 * helpers or without.
 */
export function helpCaseSearch(job: CaseSearchJob): void {
  const { control } = job;
  const search = new CaseSearch(job.columns, job.budget);
  let seen = 0;
  for (;;) {
    const gen = Atomics.load(control, GEN);
    if (Atomics.load(control, STOP) !== 0 || Atomics.load(control, FAILED) !== 0) return;
    if (gen === seen) {
      Atomics.wait(control, GEN, gen);
      continue;
    }
    seen = gen;
    // Busy before claiming: the caller reads the step's teams once no thread is busy and no case unclaimed.
    Atomics.add(control, BUSY, 1);
    try {
      Atomics.add(control, HELPED, claim(search, job.columns, control));
    } catch {
      Atomics.store(control, FAILED, 1);
    } finally {
      if (Atomics.sub(control, BUSY, 1) === 1) Atomics.notify(control, BUSY);
    }
  }
}

/**
 * Every case's best team at the columns' prices, step after step: on the caller's thread alone,
 * or with helper threads claiming chunks of the cases beside it (the caller claims too, so a
 * helper that never starts only costs its share of speed).
 */
export class Cases {
  readonly columns: CaseColumns;
  private readonly search: CaseSearch;
  private readonly job: CaseSearchJob | undefined;
  private gen = 0;

  constructor(inst: Instance, relaxRules: readonly boolean[], budget: number, helpers?: CaseSearchHelpers) {
    const shared = helpers !== undefined && helpers.threads > 0;
    this.columns = packCases(inst, relaxRules, shared);
    this.search = new CaseSearch(this.columns, budget);
    if (shared) {
      this.job = {
        columns: this.columns,
        budget,
        control: new Int32Array(new SharedArrayBuffer(4 * Object.keys(CONTROL).length)),
      };
      helpers.post(this.job);
    }
  }

  /** Solve every case at `columns.prices`: its value and team are then in the columns. */
  solve(): void {
    const cols = this.columns;
    const job = this.job;
    if (job === undefined || Atomics.load(job.control, FAILED) !== 0) {
      for (let j = 0; j < cols.cases; j++) solveCase(this.search, cols, j);
      return;
    }
    const { control } = job;
    Atomics.store(control, NEXT, 0);
    Atomics.store(control, GEN, ++this.gen);
    Atomics.notify(control, GEN);
    claim(this.search, cols, control);
    for (let busy = Atomics.load(control, BUSY); busy !== 0; busy = Atomics.load(control, BUSY))
      Atomics.wait(control, BUSY, busy);
    if (Atomics.load(control, FAILED) !== 0) {
      // A helper failed mid-step (its thread ran out of memory, say): solve every case again here,
      // from scratch (its search may have left a case's warm state half-written); no helper from now on.
      cols.ordered.fill(0);
      cols.lastSize.fill(0);
      for (let j = 0; j < cols.cases; j++) solveCase(this.search, cols, j);
    }
  }

  /** Release the helpers: they return to wait for the next job. */
  close(): void {
    if (this.job === undefined) return;
    Atomics.store(this.job.control, STOP, 1);
    Atomics.add(this.job.control, GEN, 1);
    Atomics.notify(this.job.control, GEN);
  }
}
