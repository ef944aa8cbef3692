import { type Candidate, coveragePoints, type Instance, loadCost } from "./instance.js";
import type { Assignment, Team } from "./staffing.js";
import {
  leadOf,
  objective,
  SAME_BACKGROUND,
  SAME_FIRM,
  TEAM_RULE_PENALTY,
  teamRuleBits,
  teamScore,
} from "./team-value.js";

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

export const PROOF_BUDGET: ProofBudget = { teams: 200_000, nodes: 20_000_000 };

/** Prices of a broken team rule tried when the start breaks one, as shares of the proposal's penalty. */
const RULE_PRICES = [0, 0.02, 0.05, 0.1, 0.2, 0.5];

/**
 * The staffing the proof found best, and its value (team rule penalties subtracted). Proven: no
 * staffing in scope that breaks no more team rules scores more (the objective without penalties);
 * when the start breaks none, no staffing in scope has a higher value with the penalties.
 */
export interface ProvenOptimum {
  readonly assignment: Assignment;
  /** Σ team values − load costs − the team rule penalty per broken rule. */
  readonly value: number;
  /** The search ended: no staffing in scope is better. False when the budget ran out (the best found so far). */
  readonly proven: boolean;
  /**
   * When the start breaks no team rule: the relaxation's bound U on every rule-keeping staffing in
   * scope (pins kept, at least as many cases — so often tighter than the certificate's), proven or
   * not. Undefined when the start breaks a rule.
   */
  readonly bound?: number;
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
 * least as many cases as `incumbent` and honours every pin it honours, none has a higher value
 * (see {@link ProvenOptimum}) than the one returned. When the search's steps run out first, the
 * best staffing it found so far, `proven: false`; undefined when the teams within reach are too
 * many to list (nothing is claimed).
 *
 * The proof is reduced-cost enumeration under the capacity relaxation's prices π (any π ≥ 0 is
 * sound; the certificate's are nearly the best): with λ ≥ 0 priced on "at least C cases staffed",
 * every such staffing S has
 *   value(S) = U − Σ_cases (best_j − reduced_j(T_j)) − Σ_mentors slack_i(k_i) − λ·(count(S) − C),
 * where U = Σ_j best_j + Σ_i max_k (π_i·k − load_i(k)) − λ·C is the relaxation's bound and every
 * term subtracted is ≥ 0. A staffing that beats the best value V known therefore spends at most
 * U − V of slack: only the teams of each case within U − V of its best at those prices can be in
 * it. They are enumerated (branch and bound over the candidates), and a depth-first search over
 * the cases combines them — the case that must give up the most first — pruning every branch whose
 * slack (with the least the mentors' seats still owe and each case left still gives up) exceeds
 * U − V. When it ends, the best staffing found is optimal.
 */
export function proveOptimum(
  inst: Instance,
  incumbent: Assignment,
  prices: Float64Array,
  budget: ProofBudget = PROOF_BUDGET,
): ProvenOptimum | undefined {
  const N = inst.cases.length;
  const M = inst.mentors.length;
  // The scope: staffings that honour every pin the start honours (a pin it leaves unhonoured —
  // one no staffing of as many cases can honour, say — binds nothing).
  const pinned = inst.candidates.map((list, j) => {
    const t = incumbent[j];
    return list
      .filter((c) => c.pinned && t !== undefined && (t.lead === c.mentor || t.members.includes(c.mentor)))
      .map((c) => c.mentor);
  });
  const C = incumbent.filter((t) => t !== undefined).length;
  const start = objective(inst, incumbent);
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

  const mentorsEarn = earns.reduce((s, x) => s + x, 0);
  /**
   * The bound at rule price ρ: each case's best reduced value (−∞ when no team is possible) and
   * λ on "at least C cases" — U(λ) is convex and piecewise linear in λ, with its breaks where a
   * case's best team stops beating no team; each is tried and the least kept.
   */
  const relaxation = (rho: number) => {
    const best = new Float64Array(N);
    for (let j = 0; j < N; j++) {
      const found = enumerate(inst, j, pi, pinned[j] as number[], rho, Number.NEGATIVE_INFINITY, 1, true);
      if (found === undefined) return undefined;
      best[j] = found.best;
    }
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
    return { rho, best, lambda, U, value: start.value - rho * start.brokenTeamRules };
  };
  // The price ρ of a broken team rule: any ρ ≥ 0 proves the same claim — a staffing S breaking no
  // more rules than the best B found has value(S) = F_ρ(S) + ρ·breaks(S) ≤ F_ρ(B) + ρ·breaks(B) =
  // value(B), where F_ρ is the value less ρ per broken rule. The proposal's own penalty when the
  // incumbent breaks none; when it breaks some, the ρ that leaves the least slack U − F_ρ.
  let priced = relaxation(TEAM_RULE_PENALTY);
  if (priced === undefined) return undefined;
  if (start.brokenTeamRules > 0)
    for (const share of RULE_PRICES) {
      const other = relaxation(share * TEAM_RULE_PENALTY);
      if (other === undefined) return undefined;
      if (other.U - other.value < priced.U - priced.value) priced = other;
    }
  const { rho, best, lambda, U } = priced;
  let bestValue = priced.value;
  const tolerance = 1e-9 * Math.max(1, Math.abs(U));
  /** The answer: the value is the proposal's objective less the penalty per broken rule. */
  const answer = (proven: boolean): ProvenOptimum => {
    const o = objective(inst, bestAssignment);
    return {
      assignment: bestAssignment,
      value: o.value - TEAM_RULE_PENALTY * o.brokenTeamRules,
      proven,
      ...(rho === TEAM_RULE_PENALTY && start.brokenTeamRules === 0 ? { bound: U } : {}),
    };
  };
  if (U <= bestValue + tolerance) return answer(true);

  // Per case, its teams within U − V of its best (at λ), best first; "no team" where allowed.
  const columns: Column[][] = [];
  const top = new Float64Array(N);
  let kept = 0;
  for (let j = 0; j < N; j++) {
    const b = best[j] as number;
    const mustStaff = (pinned[j] as number[]).length > 0;
    top[j] = mustStaff ? b + lambda : Math.max(0, b + lambda);
    const floor = (top[j] as number) - lambda - (U - bestValue) - tolerance;
    const found = enumerate(inst, j, pi, pinned[j] as number[], rho, floor, budget.teams - kept, false);
    if (found === undefined) return undefined;
    const list = found.teams.map((c) => ({ ...c, reduced: c.reduced + lambda }));
    if (!mustStaff) list.push({ mentors: new Int32Array(0), reduced: 0, score: 0 });
    list.sort((a, b) => b.reduced - a.reduced);
    kept += list.length;
    columns.push(list);
  }
  const used = new Int32Array(M);
  const done = new Uint8Array(N);
  const chosen: (Column | undefined)[] = new Array(N);
  const least = new Float64Array(N);
  /** Per depth and case, where its first team that fits was (a scan starts there). */
  const at = new Int32Array(N * (N + 1));
  let nodes = 0;
  let exhausted = false;
  /** The value of the staffing chosen: team scores less the load costs. */
  const valueOfChosen = () => {
    let v = 0;
    for (const c of chosen) v += c?.score ?? 0;
    for (let i = 0; i < M; i++) if (used[i]) v -= loadCost(inst, i, used[i] as number);
    return v;
  };
  const fits = (c: Column) => {
    for (const i of c.mentors) if ((used[i] as number) >= (cap[i] as number)) return false;
    return true;
  };
  /**
   * The search over the cases left (`left` of them), each step taking the case that must give up
   * the most: every case left takes some team whose mentors still have a seat (or none), the first
   * such in its list costing it least, so their least costs together are slack still to spend.
   */
  const walk = (left: number, slack: number, owing: number, staffed: number): void => {
    if (left === 0) {
      const v = valueOfChosen();
      if (v > bestValue + tolerance) {
        bestValue = v;
        bestAssignment = chosen.map((c, j) => (c === undefined ? undefined : teamOf(inst, j, c.mentors)));
      }
      return;
    }
    let still = 0;
    let j = -1;
    const depth = N - left;
    const room = U - bestValue + tolerance;
    for (let e = 0; e < N; e++) {
      if (done[e]) continue;
      // Seats are only taken deeper down: a case's first team that fits is no earlier than it was
      // one step up, so the scan starts there.
      const list = columns[e] as Column[];
      const from = at[depth * N + e] as number;
      let p = from;
      while (p < list.length && !fits(list[p] as Column)) p++;
      at[depth * N + e] = p;
      nodes += p - from;
      if (p === list.length) return;
      const cost = (top[e] as number) - (list[p] as Column).reduced;
      least[e] = cost;
      still += cost;
      if (slack + owing + still > room) return;
      if (
        j < 0 ||
        cost > (least[j] as number) ||
        (cost === least[j] && (columns[e] as Column[]).length < (columns[j] as Column[]).length)
      )
        j = e;
    }
    const others = still - (least[j] as number);
    done[j] = 1;
    for (const c of columns[j] as Column[]) {
      const spent = slack + (top[j] as number) - c.reduced;
      // Columns come best first: once one costs too much, so do the rest.
      if (spent + owing + others > U - bestValue + tolerance) break;
      const staffs = c.mentors.length > 0;
      // Enough cases left to reach C.
      if (!staffs && staffed + left - 1 < C) continue;
      if (++nodes > budget.nodes || (nodes % 4096 === 0 && budget.stop?.() === true)) {
        exhausted = true;
        break;
      }
      if (!fits(c)) continue;
      let more = 0;
      for (const i of c.mentors) {
        const k = used[i] as number;
        more += owed(i, k + 1) - owed(i, k);
        used[i] = k + 1;
      }
      chosen[j] = staffs ? c : undefined;
      if (spent + owing + more + others <= U - bestValue + tolerance) {
        at.copyWithin((depth + 1) * N, depth * N, (depth + 1) * N);
        walk(left - 1, spent, owing + more, staffed + (staffs ? 1 : 0));
      }
      chosen[j] = undefined;
      for (const i of c.mentors) used[i] = (used[i] as number) - 1;
      if (exhausted) break;
    }
    done[j] = 0;
  };
  walk(N, 0, 0, 0);
  return answer(!exhausted);
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
  /** The price of a broken team rule (the proposal's penalty, or less). */
  rho: number,
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
      let score = teamScore(inst, j, team);
      if (Number.isNaN(score)) return;
      if (rho !== TEAM_RULE_PENALTY) {
        const bits = teamRuleBits(inst, team);
        score += (TEAM_RULE_PENALTY - rho) * ((bits & SAME_BACKGROUND ? 1 : 0) + (bits & SAME_FIRM ? 1 : 0));
      }
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
