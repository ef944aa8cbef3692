import { type CaseSearchHelpers, Cases, MAX_TEAM } from "./case-search.js";
import { type Candidate, coveragePoints, type Instance, loadCost } from "./instance.js";
import { type Assignment, type PairValue, StaffingFlow, staffable } from "./staffing.js";
import { TEAM_RULE_PENALTY } from "./team-value.js";

/**
 * Each iteration's flow may stop this close (relative to the objective) to the bound its prices
 * prove: the bound stays valid and loses at most this much, and a warm re-solve then takes a few
 * phases instead of all of them.
 */
const FLOW_TOLERANCE = 1e-5;
/**
 * Early on, while the bound is far from the best objective known, a flow this close (as a share
 * of that gap) is as good as the optimum for the next step and much cheaper.
 */
const GAP_SHARE = 0.05;

/** Coverage points of topic k of case j alone: the share of the question's weight it carries. */
const topicPoints = (inst: Instance, j: number, k: number) => coveragePoints(inst, j, 1 << k);

/** Per topic of case j, how many of `members` (mentor indices, candidates of j) cover it. */
function coverCounts(inst: Instance, j: number, members: readonly number[]): Int32Array {
  const index = inst.candidateIndex[j] as Map<number, number>;
  const list = inst.candidates[j] as Candidate[];
  const counts = new Int32Array((inst.topicWeights[j] as Int32Array).length);
  for (const i of members) {
    const covers = (list[index.get(i) as number] as Candidate).covers;
    for (let k = 0; k < counts.length; k++) if ((covers >> k) & 1) counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

/** Multipliers of the team rules of one case: at most one mentor per firm, at most size − 1 of one background. */
export interface TeamRuleMultipliers {
  readonly firm: Map<number, number>;
  readonly background: Map<number, number>;
}

/**
 * Pair values with the multipliers folded in: each topic a mentor covers is worth μ, and ν prices
 * the rule that members need a lead (a member seat costs ν, a lead seat earns (size − 1)·ν).
 */
export function adjustedValue(
  inst: Instance,
  mu: readonly Float64Array[],
  nu?: Float64Array,
  rules?: readonly TeamRuleMultipliers[],
): PairValue {
  return (j, c) => {
    let extra = 0;
    const r = rules?.[j];
    if (r !== undefined) {
      extra -= r.firm.get(inst.firm[c.mentor] as number) ?? 0;
      extra -= r.background.get(inst.background[c.mentor] as number) ?? 0;
    }
    const m = mu[j] as Float64Array;
    for (let k = 0; k < m.length; k++) if (c.covers & (1 << k)) extra += m[k] as number;
    const v = nu === undefined ? 0 : (nu[j] as number);
    return {
      member: c.score + extra - v,
      lead: c.score + c.lead + extra + ((inst.teamSize[j] as number) - 1) * v,
    };
  };
}

/** How many of `members` have `value` in `by` (a firm or background per mentor). */
function countOf(by: Int32Array, members: readonly number[], value: number): number {
  let n = 0;
  for (const i of members) if (by[i] === value) n++;
  return n;
}

/**
 * Step sizes of a projected subgradient method that lowers an upper bound: Polyak's rule towards
 * `lower` (the best objective known), the factor halved after `patience` iterations without a
 * better bound. Both bounds here use it.
 */
class PolyakSteps {
  /** The least bound seen. */
  best = Number.POSITIVE_INFINITY;
  private alpha = 1;
  private sinceBetter = 0;

  constructor(
    private readonly lower: number,
    private readonly patience = 3,
  ) {}

  /** Record an iteration's bound; true when it is the least so far. */
  observe(bound: number): boolean {
    if (bound < this.best - 1e-9) {
      this.best = bound;
      this.sinceBetter = 0;
      return true;
    }
    if (++this.sinceBetter >= this.patience) {
      this.alpha /= 2;
      this.sinceBetter = 0;
    }
    return false;
  }

  /** The step for this iteration's bound and squared subgradient norm. */
  size(bound: number, norm: number): number {
    return (this.alpha * Math.max(bound - this.lower, 1e-3 * Math.abs(bound))) / norm;
  }
}

/**
 * Prices for the question's topics, per case, that make a min-cost flow staff teams whose mentors
 * complete each other: the multipliers of a Lagrangian relaxation of the coverage rows (topic k of
 * case j contributes at most (u − μ)·[some candidate covers it] + μ·(members covering it), for μ
 * in [0, u]; the rule that members need a lead relaxed with ν ≥ 0 per case, the team rules with a
 * multiplier per firm and background that more candidates share than the rule allows). For fixed
 * multipliers the rest is a min-cost flow, re-solved warm; a projected subgradient method (Polyak
 * steps towards `lower`, the best objective known) moves μ towards the LP dual. Returns the μ of
 * the least bound seen. (The certificate uses {@link teamBound}, which is tighter and cheaper.)
 */
export function coveragePrices(
  inst: Instance,
  lower: number,
  iterations: number,
  start?: Assignment,
): Float64Array[] {
  const N = inst.cases.length;
  // A case with too few candidates or none lead-qualified is staffed in no solution: leave it out.
  const active = Array.from({ length: N }, (_, j) => staffable(inst, j));
  const cap: Float64Array[] = [];
  const coverable: Uint8Array[] = [];
  for (let j = 0; j < N; j++) {
    const K = (inst.topicWeights[j] as Int32Array).length;
    let mask = 0;
    for (const c of inst.candidates[j] as Candidate[]) mask |= c.covers;
    cap.push(Float64Array.from({ length: K }, (_, k) => topicPoints(inst, j, k)));
    coverable.push(Uint8Array.from({ length: K }, (_, k) => ((mask >> k) & 1 ? 1 : 0)));
  }
  // First multipliers from complementary slackness with the best proposal known: a topic its team
  // leaves uncovered is priced at its full points, one it covers twice at nothing, one it covers
  // once half-way (without a proposal, every topic half-way).
  let mu = cap.map((u, j) => {
    const team = start?.[j];
    const counts = team === undefined ? undefined : coverCounts(inst, j, [team.lead, ...team.members]);
    return u.map((x, k) => {
      if (!(coverable[j] as Uint8Array)[k]) return 0;
      if (counts === undefined) return x / 2;
      const n = counts[k] as number;
      return n === 0 ? x : n >= 2 ? 0 : x / 2;
    });
  });
  const steps = new PolyakSteps(lower);
  let bestMu = mu;
  let nu = new Float64Array(N);
  // Team-rule multipliers only where the rule can bind.
  const rules: TeamRuleMultipliers[] = inst.cases.map((_, j) => {
    const firms = new Map<number, number>();
    const backgrounds = new Map<number, number>();
    for (const c of inst.candidates[j] as Candidate[]) {
      const f = inst.firm[c.mentor] as number;
      if (f >= 0) firms.set(f, (firms.get(f) ?? 0) + 1);
      const b = inst.background[c.mentor] as number;
      backgrounds.set(b, (backgrounds.get(b) ?? 0) + 1);
    }
    const size = inst.teamSize[j] as number;
    return {
      firm: new Map([...firms].filter(([, n]) => n >= 2).map(([f]) => [f, 0])),
      background: new Map([...backgrounds].filter(([, n]) => size >= 3 && n >= size).map(([b]) => [b, 0])),
    };
  });
  const flow = new StaffingFlow(inst, active, false);
  for (let it = 0; it < iterations; it++) {
    const withRules = it >= iterations / 2;
    // −(the least cost the prices prove): an upper bound on the flow's value however its costs were rounded.
    const { teams, bound: least } = flow.solve(
      adjustedValue(inst, mu, nu, rules),
      Math.max(FLOW_TOLERANCE * Math.max(1, Math.abs(lower)), GAP_SHARE * (steps.best - lower)),
    );
    let bound = -least;
    const g: Float64Array[] = [];
    let norm = 0;
    const h = new Float64Array(N);
    const teamOf: number[][] = [];
    for (let j = 0; j < N; j++) {
      if (!active[j]) {
        g.push(new Float64Array((mu[j] as Float64Array).length));
        teamOf.push([]);
        continue;
      }
      const m = mu[j] as Float64Array;
      const t = teams[j] as { lead: number; members: number[] };
      const members = t.lead >= 0 ? [t.lead, ...t.members] : t.members;
      teamOf.push(members);
      const counts = coverCounts(inst, j, members);
      const gj = new Float64Array(m.length);
      for (let k = 0; k < m.length; k++) {
        if (!(coverable[j] as Uint8Array)[k]) continue;
        bound += ((cap[j] as Float64Array)[k] as number) - (m[k] as number);
        const n = counts[k] as number;
        gj[k] = n - 1;
        norm += (n - 1) * (n - 1);
      }
      g.push(gj);
      h[j] = ((inst.teamSize[j] as number) - 1) * (t.lead >= 0 ? 1 : 0) - t.members.length;
      norm += (h[j] as number) * (h[j] as number);
      const r = rules[j] as TeamRuleMultipliers;
      const size = inst.teamSize[j] as number;
      for (const [f, rho] of r.firm) {
        bound += rho;
        const d = 1 - countOf(inst.firm, members, f);
        if (withRules) norm += d * d;
      }
      for (const [b, sigma] of r.background) {
        bound += (size - 1) * sigma;
        const d = size - 1 - countOf(inst.background, members, b);
        if (withRules) norm += d * d;
      }
    }
    if (steps.observe(bound)) bestMu = mu;
    if (norm === 0 || steps.best - lower <= 1e-6 * Math.abs(steps.best)) break;
    const step = steps.size(bound, norm);
    nu = nu.map((v, j) => Math.max(0, v - step * (h[j] as number)));
    // The team-rule multipliers join in the second half, once coverage and lead prices have settled.
    if (it + 1 >= iterations / 2)
      rules.forEach((r, j) => {
        const members = teamOf[j] as number[];
        if (members.length === 0) return;
        const size = inst.teamSize[j] as number;
        for (const [f, x] of r.firm)
          r.firm.set(f, Math.max(0, x - step * (1 - countOf(inst.firm, members, f))));
        for (const [b, x] of r.background)
          r.background.set(b, Math.max(0, x - step * (size - 1 - countOf(inst.background, members, b))));
      });
    mu = mu.map((m, j) =>
      m.map((x, k) =>
        Math.min(
          (cap[j] as Float64Array)[k] as number,
          Math.max(0, x - step * ((g[j] as Float64Array)[k] as number)),
        ),
      ),
    );
  }
  return bestMu;
}

/** The bound's subgradient stops when `window` iterations gained less than this share of it. */
const STALL = 1e-4;

/**
 * How long the certificate's subgradient method runs: at most `iterations` steps, the step size
 * halved after `patience` steps without a better bound, stopped once `window` steps gained less
 * than 0.01 % of it. More patience converges further but needs more steps.
 */
export interface BoundEffort {
  readonly iterations: number;
  readonly patience: number;
  readonly window: number;
  /**
   * Stop as soon as the bound is at most this: it then proves what the caller asked (the target
   * gap), and further steps would only tighten a certificate nobody needs tighter.
   */
  readonly enough?: number;
  /**
   * Give up once the bound cannot come down to this in the steps left: when even at the pace of
   * the last `window` steps kept up (it mostly slows) it would stay above. For a caller with
   * another start to try (a round short of seats, see `matchRound`).
   */
  readonly hopeless?: number;
  /**
   * Stop after the current step when this says so (a caller's deadline): every step's bound is
   * sound, so the bound is then the best reached, looser than it could have become.
   */
  readonly stop?: () => boolean;
}
/** Leaf evaluations per case and iteration before a case's search settles for its upper bound (valid, looser). */
const CASE_BUDGET = 20_000;

/**
 * An upper bound on the objective of every staffing of the round from its candidate pairs, by
 * Lagrangian relaxation of the mentors' capacities: at prices π ≥ 0 (one per mentor), the round
 * splits into one problem per case — its best team at Σ (score − π) + lead fitness + coverage, or
 * none — solved exactly by {@link CaseSearch}, plus what each mentor would earn selling k seats at π
 * against the load cost, max over 0 ≤ k ≤ capacity of k·π − load cost(k). Any prices give a valid
 * bound (weak duality), and a bound at least as tight as the LP relaxation at the best ones (each
 * case's team is chosen whole, with its coverage). Each case's team keeps the team rules unless
 * `relaxRules[j]` (pins are relaxed): the bound holds for every staffing that keeps the rules on
 * those cases — for a proposal, relax the cases whose team breaks one, and the bound covers it and
 * every staffing that keeps the rules it keeps. A projected subgradient method (Polyak steps
 * towards `lower`, the best objective known) moves the prices from `start` — the staffing flow's
 * capacity prices, which leave little to do — as long as `effort` allows. Returns the least bound
 * seen. With `options.helpers`, each step's case searches are shared with their threads (the same result).
 */
export function teamBound(
  inst: Instance,
  lower: number,
  start: Float64Array,
  effort: BoundEffort,
  relaxRules: readonly boolean[] = [],
  options: {
    /** Leaf evaluations per case and step before its search settles for its upper bound. */
    readonly caseBudget?: number;
    /** Threads that share each step's case searches (the same result). */
    readonly helpers?: CaseSearchHelpers | undefined;
  } = {},
): LagrangianBound {
  const M = inst.mentors.length;
  const N = inst.cases.length;
  const cap = Int32Array.from(inst.capacity, (k, i) => (inst.mentorExclusion[i] === undefined ? k : 0));
  // No price above what one mentor can add to a team is ever needed.
  let ceiling = inst.round.weights.coverage;
  for (const list of inst.candidates)
    for (const c of list) ceiling = Math.max(ceiling, c.score + c.lead + inst.round.weights.coverage);
  const cases = new Cases(inst, relaxRules, options.caseBudget ?? CASE_BUDGET, options.helpers);
  const { prices: pi, value, team, size } = cases.columns;
  for (let i = 0; i < M; i++) pi[i] = Math.min(Math.max(0, start[i] as number), ceiling);
  const demand = new Int32Array(M);
  const g = new Float64Array(M);
  const steps = new PolyakSteps(lower, effort.patience);
  const history: number[] = [];
  let teams: number[][] = inst.cases.map(() => []);
  let bestPrices = Float64Array.from(pi);
  try {
    for (let it = 0; it < effort.iterations; it++) {
      if (it > 0 && effort.stop?.() === true) break;
      // Stop once the last `window` iterations gained less than STALL of the bound.
      history.push(steps.best);
      const before = history[it - effort.window];
      if (before !== undefined && before - steps.best < STALL * Math.abs(steps.best)) break;
      const pace = before === undefined ? Number.POSITIVE_INFINITY : (before - steps.best) / effort.window;
      if (steps.best - pace * (effort.iterations - it) > (effort.hopeless ?? Number.POSITIVE_INFINITY)) break;
      demand.fill(0);
      let bound = 0;
      const chosen: number[][] = [];
      cases.solve();
      for (let j = 0; j < N; j++) {
        bound += value[j] as number;
        const mentors = Array.from(team.subarray(j * MAX_TEAM, j * MAX_TEAM + (size[j] as number)));
        for (const i of mentors) demand[i] = (demand[i] as number) + 1;
        chosen.push(mentors);
      }
      let norm = 0;
      for (let i = 0; i < M; i++) {
        // Seats mentor i would sell at price π: those whose marginal load cost is below it.
        let k = 0;
        while (k < (cap[i] as number) && loadCost(inst, i, k + 1) - loadCost(inst, i, k) < (pi[i] as number))
          k++;
        bound += k * (pi[i] as number) - loadCost(inst, i, k);
        const gi = k - (demand[i] as number);
        g[i] = gi;
        norm += gi * gi;
      }
      if (steps.observe(bound)) {
        teams = chosen;
        bestPrices = Float64Array.from(pi);
      }
      if (
        norm === 0 ||
        steps.best - lower <= 1e-9 * Math.abs(steps.best) ||
        steps.best <= (effort.enough ?? Number.NEGATIVE_INFINITY)
      )
        break;
      const step = steps.size(bound, norm);
      for (let i = 0; i < M; i++) pi[i] = Math.max(0, (pi[i] as number) - step * (g[i] as number));
    }
  } finally {
    // The helpers go back to wait for the next job.
    cases.close();
  }
  return { bound: steps.best, teams, prices: bestPrices };
}

/** The certificate's bound, and the teams its relaxation chose at the prices that proved it. */
export interface LagrangianBound {
  readonly bound: number;
  /**
   * Per case, the mentors (indices) of its best team at those prices — empty for none. Each is as
   * good a team as the case could get at the seat's worth, but together they may overbook a mentor:
   * a start for a staffing (see {@link anchoredValue}), not one.
   */
  readonly teams: readonly (readonly number[])[];
  /** The mentors' seat prices that proved it (where the proof of an optimum, optimum.ts, starts). */
  readonly prices: Float64Array;
}

/**
 * What a seat in the anchor's team is worth to a flow kept near the anchor, as a share of the
 * round's coverage or lead weight (the larger): 600 points at the default weights, where a pair
 * scores up to about 1 500: enough to keep the anchor's teams unless a seat is overbooked, too
 * little to outweigh coverage (the values tried: docs/matching.md).
 */
const ANCHOR_SHARE = 1;

/**
 * Pair values for a staffing flow kept near `anchor` (per case, mentor indices): the pair's value,
 * plus a bonus (ANCHOR_SHARE) for a seat the anchor gives it, plus, per topic the mentor covers,
 * what the anchor's team stands to lose or gain there — the topic's full points when the anchor
 * covers it once (its one coverer keeps it, or a newcomer takes it over), half when the anchor
 * leaves it open (a flow cannot see which other newcomer covers it too), nothing when it is covered
 * twice — less the priced team `rules` and, when `guardRules`, a team rule's penalty for a newcomer
 * who would break it beside the anchor's team. The flow then changes the anchor only where seats
 * are overbooked or a priced rule is broken, and the mentors it moves in complete their team's
 * question (and, guarded, keep its rules).
 */
export function anchoredValue(
  inst: Instance,
  anchor: readonly (readonly number[])[],
  rules?: readonly TeamRuleMultipliers[],
  guardRules = false,
): PairValue {
  const mu = inst.cases.map((_, j) => {
    const counts = coverCounts(inst, j, anchor[j] ?? []);
    return Float64Array.from(counts, (n, k) => (n === 0 ? 0.5 : n === 1 ? 1 : 0) * topicPoints(inst, j, k));
  });
  const members = anchor.map((team) => new Set(team));
  const value = adjustedValue(inst, mu, undefined, rules);
  const w = inst.round.weights;
  const anchored = ANCHOR_SHARE * Math.max(w.coverage, w.lead + w.leadSector);
  // Guarded, a newcomer who would break a team rule beside the anchor's team — a second mentor of
  // one of its firms, or one more of a background that fills all seats but one — costs the rule's
  // penalty, as the proposal would pay it if the team stayed.
  const firms = guardRules
    ? anchor.map((team) => new Set(team.map((i) => inst.firm[i] as number).filter((f) => f >= 0)))
    : [];
  const crowded = guardRules
    ? anchor.map((team, j) => {
        const size = inst.teamSize[j] as number;
        const n = new Map<number, number>();
        for (const i of team)
          n.set(inst.background[i] as number, (n.get(inst.background[i] as number) ?? 0) + 1);
        return new Set([...n].filter(([, k]) => size >= 3 && k >= size - 1).map(([b]) => b));
      })
    : [];
  return (j, c) => {
    const v = value(j, c);
    let bonus = 0;
    if (members[j]?.has(c.mentor)) bonus = anchored;
    else if (guardRules) {
      if (firms[j]?.has(inst.firm[c.mentor] as number)) bonus -= TEAM_RULE_PENALTY;
      if (crowded[j]?.has(inst.background[c.mentor] as number)) bonus -= TEAM_RULE_PENALTY;
    }
    return { member: v.member + bonus, lead: v.lead + bonus };
  };
}
