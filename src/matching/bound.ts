import type { Candidate, Instance } from "./instance.js";
import { type PairValue, solveFlow } from "./staffing.js";

/** Coverage points of topic k of case j: the share of the question's weight it carries. */
const topicPoints = (inst: Instance, j: number, k: number) =>
  (inst.round.weights.coverage * ((inst.topicWeights[j] as Int32Array)[k] as number)) /
  (inst.totalWeight[j] as number);

/** Pair values with the coverage multipliers folded in: each topic a mentor covers is worth μ. */
export function adjustedValue(mu: readonly Float64Array[]): PairValue {
  return (j, c) => {
    let extra = 0;
    const m = mu[j] as Float64Array;
    for (let k = 0; k < m.length; k++) if (c.covers & (1 << k)) extra += m[k] as number;
    return { member: c.score + extra, lead: c.score + c.lead + extra };
  };
}

/**
 * An upper bound on the objective by Lagrangian relaxation of the coverage rows: topic k of case j
 * contributes at most (u − μ)·[some candidate covers it] + μ·(members covering it), for μ in [0, u].
 * For fixed μ the rest is a min-cost flow, solved exactly, so every iterate is a valid bound; a
 * projected subgradient method (Polyak steps towards `lower`, the best objective known) moves μ
 * to make it tight. With team rules relaxed this converges to the LP bound of the model without
 * them. Returns the least bound seen and the multipliers that gave it.
 */
export function lagrangianBound(
  inst: Instance,
  lower: number,
  iterations: number,
): { bound: number; multipliers: Float64Array[] } {
  const N = inst.cases.length;
  const active = Array.from({ length: N }, () => true);
  const cap: Float64Array[] = [];
  const coverable: Uint8Array[] = [];
  for (let j = 0; j < N; j++) {
    const K = (inst.topicWeights[j] as Int32Array).length;
    let mask = 0;
    for (const c of inst.candidates[j] as Candidate[]) mask |= c.covers;
    cap.push(Float64Array.from({ length: K }, (_, k) => topicPoints(inst, j, k)));
    coverable.push(Uint8Array.from({ length: K }, (_, k) => ((mask >> k) & 1 ? 1 : 0)));
  }
  let mu = cap.map((u, j) => u.map((x, k) => ((coverable[j] as Uint8Array)[k] ? x / 2 : 0)));
  let best = Number.POSITIVE_INFINITY;
  let bestMu = mu;
  let alpha = 1;
  let sinceBetter = 0;
  for (let it = 0; it < iterations; it++) {
    const { teams, cost } = solveFlow(inst, active, { value: adjustedValue(mu), priorities: false });
    let bound = -cost;
    const g: Float64Array[] = [];
    let norm = 0;
    for (let j = 0; j < N; j++) {
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
