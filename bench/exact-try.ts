import highsLoader from "highs";
import { matchRound } from "venture-mentoring";
import { exactModel } from "../src/matching/exact-model.js";
import { generateRound } from "./generator.js";

const highs = await highsLoader();
for (const [m, n, sup] of [
  [30, 10, undefined],
  [30, 10, undefined],
  [300, 100, undefined],
] as const) {
  for (const seed of [1, 2]) {
    const round = generateRound({ mentors: m, cases: n, seed });
    const ours = matchRound(round)._unsafeUnwrap();
    const t0 = performance.now();
    const model = exactModel(round);
    const sol = highs.solve(model.lp, { mip_rel_gap: 0, time_limit: 60 });
    const cols: Record<string, number> = {};
    for (const [k, v] of Object.entries(sol.Columns)) cols[k] = (v as { Primal: number }).Primal;
    const relax = exactModel(round, { relax: true });
    const lp = highs.solve(relax.lp, {});
    const lcols: Record<string, number> = {};
    for (const [k, v] of Object.entries(lp.Columns)) lcols[k] = (v as { Primal: number }).Primal;
    const exactObj = sol.ObjectiveValue - model.offset(cols);
    const lpBound = lp.ObjectiveValue - relax.offset(lcols);
    console.log(
      `${m}x${n} s${seed}`,
      sol.Status,
      "exact",
      exactObj.toFixed(1),
      "LP",
      lpBound.toFixed(1),
      "ours",
      ours.certificate.objective.toFixed(1),
      "ourBound",
      ours.certificate.bound.toFixed(1),
      "gap vs exact %",
      (((exactObj - ours.certificate.objective) / exactObj) * 100).toFixed(2),
      "ms",
      (performance.now() - t0).toFixed(0),
    );
  }
}
