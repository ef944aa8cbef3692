/**
 * Time `matchRound` on one generated size: `npx tsx --tsconfig tsconfig.check.json bench/one-size.ts 10000 5000`.
 * For the sizes too slow for the full `npm run bench`.
 */
import { matchRound } from "venture-mentoring";
import { generateRound } from "./generator.js";

const [m, n] = [Number(process.argv[2]), Number(process.argv[3])];
const round = generateRound({ mentors: m, cases: n, seed: 1 });
const t0 = performance.now();
const p = matchRound(round)._unsafeUnwrap();
console.log(
  m,
  n,
  "ms",
  (performance.now() - t0).toFixed(0),
  "unstaffed",
  p.unstaffed.length,
  "gap%",
  (p.certificate.gap * 100).toFixed(2),
  "breaks",
  p.teamRuleBreaks.length,
  JSON.stringify(p.search),
  "rssMB",
  (process.resourceUsage().maxRSS / 1024).toFixed(0),
);
