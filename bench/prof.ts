import { upperBound } from "../src/matching/bound.js";
import { buildInstance } from "../src/matching/instance.js";
import { localSearch } from "../src/matching/local-search.js";
import { staffRound } from "../src/matching/staffing.js";
import { generateRound } from "./generator.js";

const [m, n] = [Number(process.argv[2]), Number(process.argv[3])];
const round = generateRound({ mentors: m, cases: n, seed: 1 });
let t = performance.now();
const lap = (s: string) => {
  const x = performance.now();
  console.log(s, (x - t).toFixed(0), "ms");
  t = x;
};
const inst = buildInstance(round);
lap("instance");
console.log(
  "pairs",
  inst.candidates.reduce((s, c) => s + c.length, 0),
);
const st = staffRound(inst);
lap("staff");
const ls = localSearch(inst, st.assignment, 1);
lap("ls");
console.log(ls.stats);
upperBound(inst);
lap("bound");
