import { type Candidate, type Instance, loadCost } from "./instance.js";
import { prng, shuffled } from "./prng.js";
import type { Assignment } from "./staffing.js";
import { teamValue } from "./team-value.js";

/** Candidates per case that moves consider (best pair score + lead fitness first). */
const MOVE_CANDIDATES = 30;

export interface SearchStats {
  readonly passes: number;
  readonly moves: number;
  readonly evaluations: number;
}

/**
 * Improve the team-level terms the flow cannot see — coverage of the question's topics, no team
 * of one background, no two mentors of one firm — by best-improvement moves per case:
 * replace (a mentor with room takes a member's seat), exchange (two mentors trade cases) and
 * ejection chains (a mentor with room takes a seat elsewhere so that mentor can move here).
 * Every move keeps every hard rule; only strictly improving moves are made, so the objective
 * never falls. Budgets are counts, not time, so the result depends only on input and seed.
 */
export function localSearch(
  inst: Instance,
  start: Assignment,
  seed: number,
  budget = { passes: 30, evaluations: 30_000_000 },
): { assignment: Assignment; stats: SearchStats } {
  const N = inst.cases.length;
  const teams: (number[] | undefined)[] = start.map((t) =>
    t === undefined ? undefined : [t.lead, ...t.members],
  );
  const used = new Int32Array(inst.mentors.length);
  const casesOf: Set<number>[] = inst.mentors.map(() => new Set<number>());
  teams.forEach((t, j) => {
    if (t === undefined) return;
    for (const i of t) {
      used[i] = (used[i] as number) + 1;
      (casesOf[i] as Set<number>).add(j);
    }
  });
  const values = teams.map((t, j) => (t === undefined ? 0 : (teamValue(inst, j, t)?.value ?? 0)));
  const marginalAdd = (i: number) =>
    loadCost(inst, i, (used[i] as number) + 1) - loadCost(inst, i, used[i] as number);
  const marginalRemove = (i: number) =>
    loadCost(inst, i, used[i] as number) - loadCost(inst, i, (used[i] as number) - 1);
  const isPinned = (j: number, i: number) => {
    const pos = (inst.candidateIndex[j] as Map<number, number>).get(i);
    return pos !== undefined && ((inst.candidates[j] as Candidate[])[pos] as Candidate).pinned;
  };
  // Moves draw on each case's best candidates only: the rest rarely improve a team and cost time.
  const best = inst.candidates.map((list) =>
    [...list]
      .sort((a, b) => b.score + Math.max(0, b.lead) - a.score - Math.max(0, a.lead) || a.mentor - b.mentor)
      .slice(0, MOVE_CANDIDATES),
  );
  const random = prng(seed);
  let evaluations = 0;
  let moves = 0;
  let passes = 0;
  const swapIn = (team: readonly number[], out: number, incoming: number) =>
    team.map((x) => (x === out ? incoming : x));

  for (; passes < budget.passes && evaluations < budget.evaluations; passes++) {
    let improved = false;
    for (const j of shuffled(
      Array.from({ length: N }, (_, k) => k),
      random,
    )) {
      const team = teams[j];
      if (team === undefined) continue;
      let move: { gain: number; apply: () => void } | undefined;
      const consider = (gain: number, apply: () => void) => {
        if (gain > 1e-9 && (move === undefined || gain > move.gain)) move = { gain, apply };
      };
      for (const out of team) {
        if (isPinned(j, out)) continue;
        for (const c of best[j] as Candidate[]) {
          const inc = c.mentor;
          if (team.includes(inc)) continue;
          // Replace: a mentor with room takes the seat.
          if ((used[inc] as number) < (inst.capacity[inc] as number)) {
            evaluations++;
            const next = swapIn(team, out, inc);
            const v = teamValue(inst, j, next);
            if (v !== undefined) {
              const gain = v.value - (values[j] as number) - marginalAdd(inc) + marginalRemove(out);
              consider(gain, () => {
                teams[j] = next;
                values[j] = v.value;
                used[inc] = (used[inc] as number) + 1;
                used[out] = (used[out] as number) - 1;
                (casesOf[inc] as Set<number>).add(j);
                (casesOf[out] as Set<number>).delete(j);
              });
            }
          }
          // Exchange: `inc` leaves another case k for this one and `out` takes inc's seat there.
          for (const k of casesOf[inc] as Set<number>) {
            const other = teams[k];
            if (other === undefined || other.includes(out) || isPinned(k, inc)) continue;
            evaluations++;
            const nextJ = swapIn(team, out, inc);
            const nextK = swapIn(other, inc, out);
            const vj = teamValue(inst, j, nextJ);
            const vk = vj === undefined ? undefined : teamValue(inst, k, nextK);
            if (vj === undefined || vk === undefined) continue;
            const gain = vj.value + vk.value - (values[j] as number) - (values[k] as number);
            consider(gain, () => {
              teams[j] = nextJ;
              teams[k] = nextK;
              values[j] = vj.value;
              values[k] = vk.value;
              (casesOf[inc] as Set<number>).delete(k);
              (casesOf[inc] as Set<number>).add(j);
              (casesOf[out] as Set<number>).delete(j);
              (casesOf[out] as Set<number>).add(k);
            });
          }
        }
      }
      // Ejection chain: inc (full) moves here from case k; a mentor with room takes inc's seat in k.
      if (move === undefined) {
        for (const out of team) {
          if (isPinned(j, out)) continue;
          for (const c of best[j] as Candidate[]) {
            const inc = c.mentor;
            if (team.includes(inc) || (used[inc] as number) < (inst.capacity[inc] as number)) continue;
            const nextJ = swapIn(team, out, inc);
            evaluations++;
            const vj = teamValue(inst, j, nextJ);
            if (vj === undefined) continue;
            for (const k of casesOf[inc] as Set<number>) {
              const other = teams[k];
              if (other === undefined || isPinned(k, inc)) continue;
              for (const f of best[k] as Candidate[]) {
                const fill = f.mentor;
                if (
                  fill === out ||
                  other.includes(fill) ||
                  (used[fill] as number) >= (inst.capacity[fill] as number)
                ) {
                  continue;
                }
                evaluations++;
                const nextK = swapIn(other, inc, fill);
                const vk = teamValue(inst, k, nextK);
                if (vk === undefined) continue;
                const gain =
                  vj.value +
                  vk.value -
                  (values[j] as number) -
                  (values[k] as number) -
                  marginalAdd(fill) +
                  marginalRemove(out);
                consider(gain, () => {
                  teams[j] = nextJ;
                  teams[k] = nextK;
                  values[j] = vj.value;
                  values[k] = vk.value;
                  used[fill] = (used[fill] as number) + 1;
                  used[out] = (used[out] as number) - 1;
                  (casesOf[inc] as Set<number>).delete(k);
                  (casesOf[inc] as Set<number>).add(j);
                  (casesOf[fill] as Set<number>).add(k);
                  (casesOf[out] as Set<number>).delete(j);
                });
              }
            }
          }
        }
      }
      if (move !== undefined) {
        (move as { apply: () => void }).apply();
        moves++;
        improved = true;
      }
      if (evaluations >= budget.evaluations) break;
    }
    if (!improved) {
      passes++;
      break;
    }
  }
  const assignment: Assignment = teams.map((t, j) => {
    if (t === undefined) return undefined;
    const v = teamValue(inst, j, t);
    const lead = v?.lead ?? (t[0] as number);
    return { lead, members: t.filter((i) => i !== lead).sort((a, b) => a - b) };
  });
  return { assignment, stats: { passes, moves, evaluations } };
}
