import { type Candidate, coveragePoints, type Instance, loadCost } from "./instance.js";
import type { Assignment, Team } from "./staffing.js";
import { leadOf, objective, TEAM_RULE_PENALTY, teamScore } from "./team-value.js";

/**
 * How much work the proof may do before it gives up (then nothing is proven, nothing changes):
 * teams kept over all cases, and steps of the search over the cases. Counted, not timed, so that
 * equal rounds give equal answers on any machine.
 */
export interface ProofBudget {
  readonly teams: number;
  readonly nodes: number;
  /** Give up when this says so (a caller's deadline), checked every few thousand steps. */
  readonly stop?: () => boolean;
}

export const PROOF_BUDGET: ProofBudget = { teams: 200_000, nodes: 2_000_000 };

/** The staffing the proof found best, and its value (team rule penalties subtracted). */
export interface ProvenOptimum {
  readonly assignment: Assignment;
  /** Σ team values − load costs − the team rule penalty per broken rule. */
  readonly value: number;
}

/** One team of one case, with what it is worth at the prices and in the objective. */
interface Column {
  readonly mentors: Int32Array;
  /** Its reduced value: team score − Σ seat prices (team score with the rule penalties). */
  readonly reduced: number;
  /** Its team score (pair scores, lead fitness, coverage, less the rule penalties). */
  readonly score: number;
}

/**
 * Prove a staffing optimal, or find the one that is: among every staffing of `inst` that staffs at
 * least as many cases as `incumbent` and honours every pin, none has a higher value (team scores
 * with their rule penalties, less load costs) than the one returned. Undefined when the budget
 * runs out first, or when the incumbent leaves a pin unhonoured (then nothing is claimed).
 *
 * The proof is reduced-cost enumeration under the capacity relaxation's prices π (any π ≥ 0 is
 * sound; the certificate's are nearly the best): with λ ≥ 0 priced on "at least C cases staffed",
 * every such staffing S has
 *   value(S) = U − Σ_cases (best_j − reduced_j(T_j)) − Σ_mentors slack_i(k_i) − λ·(count(S) − C),
 * where U = Σ_j best_j + Σ_i max_k (π_i·k − load_i(k)) − λ·C is the relaxation's bound and every
 * term subtracted is ≥ 0. A staffing that beats the best value V known therefore spends at most
 * U − V of slack: only the teams of each case within U − V of its best at those prices can be in
 * it. They are enumerated (branch and bound over the candidates), and a depth-first search over
 * the cases combines them, pruning every branch whose slack (with the least the mentors' seats
 * still owe) exceeds U − V. When it ends, the best staffing found is optimal.
 */
export function proveOptimum(
  inst: Instance,
  incumbent: Assignment,
  prices: Float64Array,
  budget: ProofBudget = PROOF_BUDGET,
): ProvenOptimum | undefined {
  const N = inst.cases.length;
  const M = inst.mentors.length;
  const pinned = inst.candidates.map((list) => list.filter((c) => c.pinned).map((c) => c.mentor));
  // The scope: staffings that honour every pin. A proposal that cannot honour one is not proven.
  for (let j = 0; j < N; j++) {
    const pins = pinned[j] as number[];
    const t = incumbent[j];
    if (pins.length === 0) continue;
    if (t === undefined) return undefined;
    const team = [t.lead, ...t.members];
    if (!pins.every((i) => team.includes(i))) return undefined;
  }
  const C = incumbent.filter((t) => t !== undefined).length;
  const start = objective(inst, incumbent);
  let bestValue = start.value - TEAM_RULE_PENALTY * start.brokenTeamRules;
  let bestAssignment: Assignment = incumbent;

  const pi = Float64Array.from({ length: M }, (_, i) => Math.max(0, prices[i] ?? 0));
  const cap = Int32Array.from(inst.capacity, (k, i) => (inst.mentorExclusion[i] === undefined ? k : 0));
  // Per mentor: the most k seats earn at price π against their load cost, and from which k.
  const earns = new Float64Array(M);
  const from = new Int32Array(M);
  for (let i = 0; i < M; i++) {
    let best = 0;
    let at = 0;
    for (let k = 1; k <= (cap[i] as number); k++) {
      const v = k * (pi[i] as number) - loadCost(inst, i, k);
      if (v > best + 1e-12) {
        best = v;
        at = k;
      }
    }
    earns[i] = best;
    from[i] = at;
  }
  /** What mentor i's seats still owe the bound at k seats, at least, however many more they get. */
  const owed = (i: number, k: number) =>
    k <= (from[i] as number) ? 0 : (earns[i] as number) - (k * (pi[i] as number) - loadCost(inst, i, k));

  // Each case's best reduced value (−∞ when no team is possible).
  const best = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    const found = enumerate(inst, j, pi, pinned[j] as number[], Number.NEGATIVE_INFINITY, 1, true);
    if (found === undefined) return undefined;
    best[j] = found.best;
  }
  // λ on "at least C cases": the bound U(λ) is convex and piecewise linear in λ, with its breaks
  // where a case's best team stops beating no team; try each and keep the least.
  const mentorsEarn = earns.reduce((s, x) => s + x, 0);
  const bound = (lambda: number) => {
    let u = mentorsEarn - lambda * C;
    for (let j = 0; j < N; j++) {
      const b = (best[j] as number) + lambda;
      u += (pinned[j] as number[]).length > 0 ? b : Math.max(0, b);
    }
    return u;
  };
  let lambda = 0;
  let U = bound(0);
  for (let j = 0; j < N; j++) {
    const at = -(best[j] as number);
    if (Number.isFinite(at) && at > 0 && bound(at) < U) {
      U = bound(at);
      lambda = at;
    }
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(U));
  if (U <= bestValue + tolerance) return { assignment: bestAssignment, value: bestValue };

  // Per case, its teams within U − V of its best (at λ), best first; "no team" where allowed.
  const columns: Column[][] = [];
  const top = new Float64Array(N);
  let kept = 0;
  for (let j = 0; j < N; j++) {
    const b = best[j] as number;
    const mustStaff = (pinned[j] as number[]).length > 0;
    top[j] = mustStaff ? b + lambda : Math.max(0, b + lambda);
    const floor = (top[j] as number) - lambda - (U - bestValue) - tolerance;
    const found = enumerate(inst, j, pi, pinned[j] as number[], floor, budget.teams - kept, false);
    if (found === undefined) return undefined;
    const list = found.teams.map((c) => ({ ...c, reduced: c.reduced + lambda }));
    if (!mustStaff) list.push({ mentors: new Int32Array(0), reduced: 0, score: 0 });
    list.sort((a, b) => b.reduced - a.reduced);
    kept += list.length;
    columns.push(list);
  }
  // The cases with the fewest choices first: their conflicts prune the search earliest.
  const order = Array.from({ length: N }, (_, j) => j).sort(
    (a, b) => (columns[a] as Column[]).length - (columns[b] as Column[]).length || a - b,
  );

  const used = new Int32Array(M);
  const chosen: (Column | undefined)[] = new Array(N);
  let nodes = 0;
  let exhausted = false;
  /** The value of the staffing chosen: team scores less the load costs. */
  const valueOfChosen = () => {
    let v = 0;
    for (const c of chosen) v += c?.score ?? 0;
    for (let i = 0; i < M; i++) if (used[i]) v -= loadCost(inst, i, used[i] as number);
    return v;
  };
  const walk = (d: number, slack: number, owing: number, staffed: number): void => {
    if (exhausted) return;
    if (d === N) {
      const v = valueOfChosen();
      if (v > bestValue + tolerance) {
        bestValue = v;
        bestAssignment = chosen.map((c, j) => (c === undefined ? undefined : teamOf(inst, j, c.mentors)));
      }
      return;
    }
    const j = order[d] as number;
    for (const c of columns[j] as Column[]) {
      const spent = slack + (top[j] as number) - c.reduced;
      // Columns come best first: once one costs too much, so do the rest.
      if (spent + owing > U - bestValue + tolerance) break;
      const staffs = c.mentors.length > 0;
      // Enough cases left to reach C.
      if (!staffs && staffed + (N - d - 1) < C) continue;
      if (++nodes > budget.nodes || (nodes % 4096 === 0 && budget.stop?.() === true)) {
        exhausted = true;
        return;
      }
      let fits = true;
      for (const i of c.mentors) if ((used[i] as number) >= (cap[i] as number)) fits = false;
      if (!fits) continue;
      let more = 0;
      for (const i of c.mentors) {
        const k = used[i] as number;
        more += owed(i, k + 1) - owed(i, k);
        used[i] = k + 1;
      }
      chosen[j] = staffs ? c : undefined;
      if (spent + owing + more <= U - bestValue + tolerance)
        walk(d + 1, spent, owing + more, staffed + (staffs ? 1 : 0));
      chosen[j] = undefined;
      for (const i of c.mentors) used[i] = (used[i] as number) - 1;
      if (exhausted) return;
    }
  };
  walk(0, 0, 0, 0);
  if (exhausted) return undefined;
  return { assignment: bestAssignment, value: bestValue };
}

/** A team as the proposal holds it: its lead (the best lead fitness) and the others. */
function teamOf(inst: Instance, j: number, mentors: Int32Array): Team {
  const team = Array.from(mentors);
  const lead = leadOf(inst, j, team);
  return { lead, members: team.filter((i) => i !== lead) };
}

/**
 * Case j's teams (the team size, a lead-qualified member, every pinned mentor) whose reduced value
 * at prices `pi` is at least `floor`, by branch and bound over the candidates best first; with
 * `bestOnly`, just the best reduced value (−∞ when no team is possible). Undefined when more than
 * `limit` teams qualify.
 */
function enumerate(
  inst: Instance,
  j: number,
  pi: Float64Array,
  pins: readonly number[],
  floor: number,
  limit: number,
  bestOnly: boolean,
): { best: number; teams: Column[] } | undefined {
  const size = inst.teamSize[j] as number;
  const list = (inst.candidates[j] as Candidate[]).filter((c) => !pins.includes(c.mentor));
  const fixed = (inst.candidates[j] as Candidate[]).filter((c) => pins.includes(c.mentor));
  if (fixed.length > size) return { best: Number.NEGATIVE_INFINITY, teams: [] };
  const net = (c: Candidate) => c.score - (pi[c.mentor] as number);
  list.sort((a, b) => net(b) - net(a) || a.mentor - b.mentor);
  const L = list.length;
  // Suffix sums for the bound: the best `need` net values from position p are the next `need`.
  const cum = new Float64Array(L + 1);
  for (let p = 0; p < L; p++) cum[p + 1] = (cum[p] as number) + net(list[p] as Candidate);
  const sufLead = new Float64Array(L + 1).fill(-1);
  const sufMask = new Int32Array(L + 1);
  for (let p = L - 1; p >= 0; p--) {
    const c = list[p] as Candidate;
    sufLead[p] = Math.max(sufLead[p + 1] as number, c.lead);
    sufMask[p] = (sufMask[p + 1] as number) | c.covers;
  }
  const team: number[] = fixed.map((c) => c.mentor);
  let sum = fixed.reduce((s, c) => s + net(c), 0);
  let lead = fixed.reduce((m, c) => Math.max(m, c.lead), -1);
  let mask = fixed.reduce((m, c) => m | c.covers, 0);
  let bestFound = Number.NEGATIVE_INFINITY;
  const teams: Column[] = [];
  let overflow = false;
  const threshold = () => (bestOnly ? bestFound : floor);
  const go = (p: number): void => {
    if (overflow) return;
    const need = size - team.length;
    if (need === 0) {
      const score = teamScore(inst, j, team);
      if (Number.isNaN(score)) return;
      let prices = 0;
      for (const i of team) prices += pi[i] as number;
      const reduced = score - prices;
      if (reduced > bestFound) bestFound = reduced;
      if (!bestOnly && reduced >= floor) {
        if (teams.length >= limit) {
          overflow = true;
          return;
        }
        teams.push({ mentors: Int32Array.from(team), reduced, score });
      }
      return;
    }
    if (L - p < need) return;
    const leadBound = Math.max(lead, sufLead[p] as number);
    if (leadBound < 0) return;
    // The next `need` net values are the best left; coverage at most what the team and the rest cover.
    const ub =
      sum +
      (cum[p + need] as number) -
      (cum[p] as number) +
      leadBound +
      coveragePoints(inst, j, mask | (sufMask[p] as number));
    if (ub < threshold()) return;
    const c = list[p] as Candidate;
    // With c.
    const saved = { sum, lead, mask };
    team.push(c.mentor);
    sum += net(c);
    lead = Math.max(lead, c.lead);
    mask |= c.covers;
    go(p + 1);
    team.pop();
    ({ sum, lead, mask } = saved);
    // Without c.
    go(p + 1);
  };
  go(0);
  if (overflow) return undefined;
  return { best: bestFound, teams };
}
