import { type Candidate, coveragePoints, type Instance } from "./instance.js";
import { solveFlow } from "./staffing.js";

/**
 * An upper bound on the objective (pair scores + lead fitness + coverage − load costs, team rules
 * relaxed) from a Lagrangian relaxation of the coverage rows. Coverage of a case is at most
 * (1 − θ)·[what its candidates could cover at all] + θ·Σ members' individual coverage, for any θ in
 * [0, 1]; what remains is a min-cost flow, solved exactly. The least bound over a few θ is kept.
 * The bound holds over the instance's candidate pairs (all eligible pairs on small rounds).
 */
export function upperBound(inst: Instance, thetas: readonly number[] = [0, 0.5, 1]): number {
  const N = inst.cases.length;
  const active = Array.from({ length: N }, () => true);
  const coverable = new Float64Array(N);
  for (let j = 0; j < N; j++) {
    let mask = 0;
    for (const c of inst.candidates[j] as Candidate[]) mask |= c.covers;
    coverable[j] = coveragePoints(inst, j, mask);
  }
  const totalCoverable = coverable.reduce((s, x) => s + x, 0);
  let best = Number.POSITIVE_INFINITY;
  for (const theta of thetas) {
    const { cost } = solveFlow(inst, active, {
      priorities: false,
      value: (j, c) => {
        const own = theta * coveragePoints(inst, j, c.covers);
        return { member: c.score + own, lead: c.score + c.lead + own };
      },
    });
    best = Math.min(best, -cost + (1 - theta) * totalCoverable);
  }
  return best;
}
