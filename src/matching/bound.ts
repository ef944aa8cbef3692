import type { Candidate, Instance } from "./instance.js";
import { type Assignment, type PairValue, StaffingFlow } from "./staffing.js";

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

/** Coverage points of topic k of case j: the share of the question's weight it carries. */
const topicPoints = (inst: Instance, j: number, k: number) =>
  (inst.round.weights.coverage * ((inst.topicWeights[j] as Int32Array)[k] as number)) /
  (inst.totalWeight[j] as number);

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

/**
 * An upper bound on the objective by Lagrangian relaxation of the coverage rows: topic k of case j
 * contributes at most (u − μ)·[some candidate covers it] + μ·(members covering it), for μ in [0, u].
 * The rule that a case's members need a lead is relaxed with a multiplier ν ≥ 0 per case, and the
 * team rules (one mentor per firm, at most size − 1 of one background) with one per firm and
 * background that more candidates share than the rule allows. For
 * fixed multipliers the rest is a min-cost flow, solved exactly, so every iterate is a valid bound; a
 * projected subgradient method (Polyak steps towards `lower`, the best objective known) moves μ
 * to make it tight. With team rules relaxed this converges to the LP bound of the model without
 * them. Returns the least bound seen and the multipliers that gave it.
 */
export function lagrangianBound(
  inst: Instance,
  lower: number,
  iterations: number,
  start?: Assignment,
): { bound: number; multipliers: Float64Array[] } {
  const N = inst.cases.length;
  // A case with too few candidates or none lead-qualified is staffed in no solution: leave it out.
  const active = Array.from({ length: N }, (_, j) => {
    const list = inst.candidates[j] as Candidate[];
    return list.length >= (inst.teamSize[j] as number) && list.some((c) => c.lead >= 0);
  });
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
  let mu = cap.map((u, j) =>
    u.map((x, k) => {
      if (!(coverable[j] as Uint8Array)[k]) return 0;
      const team = start?.[j];
      if (team === undefined) return x / 2;
      const index = inst.candidateIndex[j] as Map<number, number>;
      const list = inst.candidates[j] as Candidate[];
      let n = 0;
      for (const i of [team.lead, ...team.members])
        if ((((list[index.get(i) as number] as Candidate).covers >> k) & 1) === 1) n++;
      return n === 0 ? x : n >= 2 ? 0 : x / 2;
    }),
  );
  let best = Number.POSITIVE_INFINITY;
  let bestMu = mu;
  let nu = new Float64Array(N);
  // Team-rule multipliers only where the rule can bind.
  let rules: TeamRuleMultipliers[] = inst.cases.map((_, j) => {
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
  let alpha = 1;
  let sinceBetter = 0;
  const flow = new StaffingFlow(inst, active, false);
  for (let it = 0; it < iterations; it++) {
    const withRules = it >= iterations / 2;
    // −(the least cost the prices prove): an upper bound on the flow's value however its costs were rounded.
    const { teams, bound: least } = flow.solve(
      adjustedValue(inst, mu, nu, rules),
      Math.max(FLOW_TOLERANCE * Math.max(1, Math.abs(lower)), GAP_SHARE * (best - lower)),
    );
    let bound = -least;
    const g: Float64Array[] = [];
    let norm = 0;
    const h = new Float64Array(N);
    const ruleGrad: TeamRuleMultipliers[] = [];
    for (let j = 0; j < N; j++) {
      if (!active[j]) {
        g.push(new Float64Array((mu[j] as Float64Array).length));
        ruleGrad.push({ firm: new Map(), background: new Map() });
        continue;
      }
      const m = mu[j] as Float64Array;
      const t = teams[j] as { lead: number; members: number[] };
      const members = t.lead >= 0 ? [t.lead, ...t.members] : t.members;
      const index = inst.candidateIndex[j] as Map<number, number>;
      const list = inst.candidates[j] as Candidate[];
      const gj = new Float64Array(m.length);
      for (let k = 0; k < m.length; k++) {
        if (!(coverable[j] as Uint8Array)[k]) continue;
        bound += ((cap[j] as Float64Array)[k] as number) - (m[k] as number);
        let n = 0;
        for (const i of members) if (((list[index.get(i) as number] as Candidate).covers >> k) & 1) n++;
        gj[k] = n - 1;
        norm += (n - 1) * (n - 1);
      }
      g.push(gj);
      h[j] = ((inst.teamSize[j] as number) - 1) * (t.lead >= 0 ? 1 : 0) - t.members.length;
      norm += (h[j] as number) * (h[j] as number);
      const r = rules[j] as TeamRuleMultipliers;
      const size = inst.teamSize[j] as number;
      const firmCount = new Map<number, number>();
      const bgCount = new Map<number, number>();
      for (const i of members) {
        firmCount.set(inst.firm[i] as number, (firmCount.get(inst.firm[i] as number) ?? 0) + 1);
        bgCount.set(inst.background[i] as number, (bgCount.get(inst.background[i] as number) ?? 0) + 1);
      }
      const fg = new Map<number, number>();
      for (const [f, rho] of r.firm) {
        bound += rho;
        const d = 1 - (firmCount.get(f) ?? 0);
        fg.set(f, d);
        if (withRules) norm += d * d;
      }
      const bg = new Map<number, number>();
      for (const [b, sigma] of r.background) {
        bound += (size - 1) * sigma;
        const d = size - 1 - (bgCount.get(b) ?? 0);
        bg.set(b, d);
        if (withRules) norm += d * d;
      }
      ruleGrad.push({ firm: fg, background: bg });
    }
    if (bound < best - 1e-9) {
      best = bound;
      bestMu = mu;
      sinceBetter = 0;
    } else if (++sinceBetter >= 3) {
      alpha /= 2;
      sinceBetter = 0;
    }
    if (norm === 0 || best - lower <= 1e-6 * Math.abs(best)) break;
    const step = (alpha * Math.max(bound - lower, 1e-3 * Math.abs(bound))) / norm;
    nu = nu.map((v, j) => Math.max(0, v - step * (h[j] as number)));
    // The team-rule multipliers join in the second half, once coverage and lead prices have settled.
    if (it + 1 >= iterations / 2)
      rules = rules.map((r, j) => {
        const d = ruleGrad[j] as TeamRuleMultipliers;
        return {
          firm: new Map([...r.firm].map(([f, x]) => [f, Math.max(0, x - step * (d.firm.get(f) ?? 0))])),
          background: new Map(
            [...r.background].map(([b, x]) => [b, Math.max(0, x - step * (d.background.get(b) ?? 0))]),
          ),
        };
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
  return { bound: best, multipliers: bestMu };
}
