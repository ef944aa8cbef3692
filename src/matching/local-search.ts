import { type Candidate, coveragePoints, type Instance, loadCost } from "./instance.js";
import { prng, shuffled } from "./prng.js";
import type { Assignment } from "./staffing.js";
import {
  SAME_BACKGROUND,
  SAME_FIRM,
  TEAM_RULE_PENALTY,
  teamRuleBits,
  teamScore,
  teamValue,
} from "./team-value.js";

/** Candidates per case that moves consider (best pair score + lead fitness first). */
const MOVE_CANDIDATES = 30;
/** Bounds on a move's gain are rounded differently from the gain itself: prune only beyond this. */
const PRUNE_MARGIN = 1e-6;

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
 * never falls. The first pass visits every case in a seeded order; each later pass visits only
 * the cases a move may have opened something for (those whose best candidates include, or whose
 * team shares, a mentor who moved or whose team changed), until a pass finds nothing. Budgets are counts, not
 * time, so the result depends only on input and seed.
 */
export function localSearch(
  inst: Instance,
  start: Assignment,
  seed: number,
  budget = { passes: 30, evaluations: 30_000_000 },
  /** The cases the first pass visits (default: all); later passes follow the moves as always. */
  focus?: readonly number[],
): { assignment: Assignment; stats: SearchStats } {
  const N = inst.cases.length;
  const teams: (number[] | undefined)[] = start.map((t) =>
    t === undefined ? undefined : [t.lead, ...t.members],
  );
  const used = new Int32Array(inst.mentors.length);
  const candidateOf = (k: number, i: number) =>
    (inst.candidates[k] as Candidate[])[(inst.candidateIndex[k] as Map<number, number>).get(i) as number];
  // Each mentor's cases this round, in the order they joined, and their pair score on each
  // (parallel arrays: iterated millions of times, for the bounds that prune the moves).
  const casesOf: number[][] = inst.mentors.map(() => []);
  const seatScores: number[][] = inst.mentors.map(() => []);
  const join = (i: number, k: number) => {
    (casesOf[i] as number[]).push(k);
    (seatScores[i] as number[]).push((candidateOf(k, i) as Candidate).score);
  };
  const leave = (i: number, k: number) => {
    const list = casesOf[i] as number[];
    const x = list.indexOf(k);
    list.splice(x, 1);
    (seatScores[i] as number[]).splice(x, 1);
  };
  teams.forEach((t, j) => {
    if (t === undefined) return;
    for (const i of t) {
      used[i] = (used[i] as number) + 1;
      join(i, j);
    }
  });
  const values = teams.map((t, j) => (t === undefined ? 0 : teamScore(inst, j, t)));
  const marginalAdd = (i: number) =>
    loadCost(inst, i, (used[i] as number) + 1) - loadCost(inst, i, used[i] as number);
  const marginalRemove = (i: number) =>
    loadCost(inst, i, used[i] as number) - loadCost(inst, i, (used[i] as number) - 1);
  const pinned = inst.candidates.map((list) => {
    const set = new Set(list.filter((c) => c.pinned).map((c) => c.mentor));
    return set.size === 0 ? undefined : set;
  });
  const isPinned = (j: number, i: number) => pinned[j]?.has(i) ?? false;
  // Moves draw on each case's best candidates only (the incoming mentors): the rest rarely improve
  // a team and cost time.
  const bestCandidates = inst.candidates.map((list) =>
    [...list]
      .sort((a, b) => b.score + Math.max(0, b.lead) - a.score - Math.max(0, a.lead) || a.mentor - b.mentor)
      .slice(0, MOVE_CANDIDATES),
  );
  // The cases whose best candidates include each mentor: where a move of that mentor may open a move.
  const watching: number[][] = inst.mentors.map(() => []);
  bestCandidates.forEach((list, j) => {
    for (const c of list) (watching[c.mentor] as number[]).push(j);
  });
  // For ejection chains: each case's best candidates by pair score alone, and its slack — what a
  // new member could add beyond their pair score (a better lead, the uncovered topics, a broken
  // team rule mended). A fill whose score cannot pay for the chain ends the scan of that case.
  const byScore = bestCandidates.map((list) =>
    [...list].sort((a, b) => b.score - a.score || a.mentor - b.mentor),
  );
  // The same, flat: case k's fills at k × MOVE_CANDIDATES, their scores and mentors (the chains'
  // innermost scan reads these, not the candidates).
  const fillScore = new Float64Array(N * MOVE_CANDIDATES);
  const fillMentor = new Int32Array(N * MOVE_CANDIDATES);
  byScore.forEach((list, k) => {
    list.forEach((c, q) => {
      fillScore[k * MOVE_CANDIDATES + q] = c.score;
      fillMentor[k * MOVE_CANDIDATES + q] = c.mentor;
    });
  });
  const maxLead = inst.candidates.map((list) => list.reduce((m, c) => Math.max(m, c.lead), 0));
  const slack = new Float64Array(N);
  const refresh = (k: number) => {
    const t = teams[k];
    const v = t === undefined ? undefined : teamValue(inst, k, t);
    if (v === undefined) return;
    const list = inst.candidates[k] as Candidate[];
    const leadFit = (list[(inst.candidateIndex[k] as Map<number, number>).get(v.lead) as number] as Candidate)
      .lead;
    slack[k] =
      (maxLead[k] as number) -
      leadFit +
      inst.round.weights.coverage -
      v.coverage +
      TEAM_RULE_PENALTY * v.broken.length;
  };
  for (let k = 0; k < N; k++) refresh(k);
  const random = prng(seed);
  let evaluations = 0;
  let moves = 0;
  let passes = 0;
  const dirty = new Uint8Array(N);
  // When things changed, counted in moves: a mentor's load (loadStamp), a case's team (teamTime),
  // the load of some mentor on a case's list (fillTime), and when a case was last visited. A visit
  // scores only the moves something changed for since its last one — a replace when the incoming
  // mentor's load changed, an exchange or chain through a team that changed, a chain whose fill's
  // load changed — unless its own team or a member's load changed: the others did not improve then
  // and would not now.
  let clock = 0;
  const loadStamp = new Int32Array(inst.mentors.length);
  const teamTime = new Int32Array(N);
  const fillTime = new Int32Array(N);
  const lastVisit = new Int32Array(N).fill(-1);
  const touch = (...mentors: number[]) => {
    for (const i of mentors) {
      for (const k of watching[i] as number[]) dirty[k] = 1;
      for (const k of casesOf[i] as number[]) dirty[k] = 1;
    }
  };
  /** Whether a chain through case k may have changed since `since` (`changed`: its own end did). */
  const chainChanged = (k: number, changed: boolean, since: number) =>
    changed || (teamTime[k] as number) > since || (fillTime[k] as number) > since;
  const loaded = (i: number) => {
    loadStamp[i] = clock;
    for (const k of watching[i] as number[]) fillTime[k] = clock;
  };
  const swapIn = (team: readonly number[], out: number, incoming: number) =>
    team.map((x) => (x === out ? incoming : x));
  // Each team's candidates (pair scores, lead fitness, topics), so that a swap is scored without lookups.
  const members: Candidate[][] = teams.map((t, k) =>
    t === undefined ? [] : t.map((i) => candidateOf(k, i) as Candidate),
  );
  const setTeam = (k: number, team: number[]) => {
    teams[k] = team;
    members[k] = team.map((i) => candidateOf(k, i) as Candidate);
  };
  /** teamScore of case k's team with `incoming` in `out`'s seat, from the team's candidates. */
  const swapScore = (k: number, out: number, incoming: Candidate): number => {
    let sum = incoming.score;
    let mask = incoming.covers;
    let leadFit = incoming.lead;
    for (const c of members[k] as Candidate[]) {
      if (c.mentor === out) continue;
      sum += c.score;
      mask |= c.covers;
      if (c.lead > leadFit) leadFit = c.lead;
    }
    if (leadFit < 0) return Number.NaN;
    const bits = teamRuleBits(inst, teams[k] as number[], out, incoming.mentor);
    const broken = (bits & SAME_BACKGROUND ? 1 : 0) + (bits & SAME_FIRM ? 1 : 0);
    return sum + leadFit + coveragePoints(inst, k, mask) - TEAM_RULE_PENALTY * broken;
  };

  // The best move found for the current case: 1 replace, 2 exchange, 3 ejection chain.
  let kind = 0;
  let gainOf = 0;
  let mOut = -1;
  let mIn = -1;
  let mOther = -1;
  let mFill = -1;
  let mValue = 0;
  let mOtherValue = 0;
  const better = (gain: number) => gain > 1e-9 && (kind === 0 || gain > gainOf);
  /** Remember a move as the best so far: `out` leaves case j for `inc`; in exchanges and chains `inc` leaves `other`, where `fill` (chains) or `out` (exchanges) takes the seat. */
  const take = (
    k: number,
    gain: number,
    out: number,
    inc: number,
    other: number,
    fill: number,
    v: number,
    vOther: number,
  ) => {
    kind = k;
    gainOf = gain;
    mOut = out;
    mIn = inc;
    mOther = other;
    mFill = fill;
    mValue = v;
    mOtherValue = vOther;
  };
  /** What a move must gain to be taken (see `better`). */
  const threshold = () => (kind === 0 ? 1e-9 : gainOf);
  // The most any candidate scores on each case, for bounding what a swap there could gain.
  const maxScore = inst.candidates.map((list) => list.reduce((m, c) => Math.max(m, c.score), 0));
  /** At most what case k gains when a member whose pair score there is `seat` gives it up to any candidate. */
  const upThere = (k: number, seat: number): number => (maxScore[k] as number) - seat + (slack[k] as number);
  const apply = (j: number) => {
    clock++;
    teamTime[j] = clock;
    if (kind !== 1) teamTime[mOther] = clock;
    const team = teams[j] as number[];
    setTeam(j, swapIn(team, mOut, mIn));
    values[j] = mValue;
    join(mIn, j);
    leave(mOut, j);
    if (kind === 1) {
      used[mIn] = (used[mIn] as number) + 1;
      used[mOut] = (used[mOut] as number) - 1;
      loaded(mIn);
      loaded(mOut);
      touch(mOut, ...(teams[j] as number[]));
      refresh(j);
      return;
    }
    const other = teams[mOther] as number[];
    const fill = kind === 2 ? mOut : mFill;
    setTeam(mOther, swapIn(other, mIn, fill));
    values[mOther] = mOtherValue;
    leave(mIn, mOther);
    join(fill, mOther);
    if (kind === 3) {
      used[mFill] = (used[mFill] as number) + 1;
      used[mOut] = (used[mOut] as number) - 1;
      loaded(mFill);
      loaded(mOut);
      touch(mOut, ...(teams[j] as number[]), ...(teams[mOther] as number[]));
    } else touch(...(teams[j] as number[]), ...(teams[mOther] as number[]));
    refresh(j);
    refresh(mOther);
  };

  // Per mentor, the cases they are a candidate for and their position there (pairs, flat), and
  // the exchange's lookup of the outgoing member's candidacies (case → position, valid when stamped).
  const candidacies: number[][] = inst.mentors.map(() => []);
  inst.candidates.forEach((list, k) => {
    for (let pos = 0; pos < list.length; pos++)
      (candidacies[(list[pos] as Candidate).mentor] as number[]).push(k, pos);
  });
  const outCase = new Int32Array(N);
  const outPosition = new Int32Array(N);
  let outStamp = 0;

  let todo = focus === undefined ? Array.from({ length: N }, (_, k) => k) : [...focus];
  while (todo.length > 0 && passes < budget.passes && evaluations < budget.evaluations) {
    passes++;
    dirty.fill(0);
    for (const j of shuffled(todo, random)) {
      const team = teams[j];
      if (team === undefined) continue;
      kind = 0;
      const current = values[j] as number;
      const mine = members[j] as Candidate[];
      const since = lastVisit[j] as number;
      lastVisit[j] = clock;
      // Everything is new when the team or a member's load changed; else only moves of changed mentors.
      let full = (teamTime[j] as number) > since;
      for (const i of team) if ((loadStamp[i] as number) > since) full = true;
      for (let x = 0; x < team.length; x++) {
        const out = team[x] as number;
        if (isPinned(j, out)) continue;
        const outScore = (mine[x] as Candidate).score;
        // Where `out` could take a seat in an exchange: its candidacies, stamped for lookups below.
        outStamp++;
        const where = candidacies[out] as number[];
        for (let y = 0; y < where.length; y += 2) {
          outCase[where[y] as number] = outStamp;
          outPosition[where[y] as number] = where[y + 1] as number;
        }
        for (const inc of bestCandidates[j] as Candidate[]) {
          const i = inc.mentor;
          if (team.includes(i)) continue;
          // What the swap could gain here at most (its pair scores, and the case's slack); a move
          // that cannot beat the best found, or that nothing changed for, is not scored.
          const upHere = inc.score - outScore + (slack[j] as number);
          const room = (used[i] as number) < (inst.capacity[i] as number);
          const replace = room && (full || (loadStamp[i] as number) > since);
          let promising =
            replace && upHere - marginalAdd(i) + marginalRemove(out) + PRUNE_MARGIN > threshold();
          const theirs = casesOf[i] as number[];
          const seats = seatScores[i] as number[];
          for (let y = 0; y < theirs.length && !promising; y++) {
            const k = theirs[y] as number;
            if (!full && (teamTime[k] as number) <= since) continue;
            promising = upHere + upThere(k, seats[y] as number) + PRUNE_MARGIN > threshold();
          }
          if (!promising) continue;
          evaluations++;
          const v = swapScore(j, out, inc);
          if (Number.isNaN(v)) continue;
          // Replace: a mentor with room takes the seat.
          if (replace) {
            const gain = v - current - marginalAdd(i) + marginalRemove(out);
            if (better(gain)) take(1, gain, out, i, -1, -1, v, 0);
          }
          // Exchange: `inc` leaves another case k for this one and `out` takes inc's seat there.
          for (let y = 0; y < theirs.length; y++) {
            const k = theirs[y] as number;
            const other = teams[k];
            if (other === undefined || other.includes(out) || isPinned(k, i)) continue;
            if (!full && (teamTime[k] as number) <= since) continue;
            if (v - current + upThere(k, seats[y] as number) + PRUNE_MARGIN <= threshold()) continue;
            const outThere =
              outCase[k] === outStamp
                ? (inst.candidates[k] as Candidate[])[outPosition[k] as number]
                : undefined;
            evaluations++;
            if (outThere === undefined) continue;
            const vk = swapScore(k, i, outThere);
            if (Number.isNaN(vk)) continue;
            const gain = v + vk - current - (values[k] as number);
            if (better(gain)) take(2, gain, out, i, k, -1, v, vk);
          }
        }
      }
      // Ejection chain: inc (full) moves here from case k; a mentor with room takes inc's seat in k.
      if (kind === 0) {
        for (let x = 0; x < team.length; x++) {
          const out = team[x] as number;
          if (isPinned(j, out)) continue;
          const outScore = (mine[x] as Candidate).score;
          for (const inc of bestCandidates[j] as Candidate[]) {
            const i = inc.mentor;
            if (team.includes(i) || (used[i] as number) < (inst.capacity[i] as number)) continue;
            // The chain's gain is at most what this case and the best of inc's cases could gain.
            const upHere = inc.score - outScore + (slack[j] as number) + marginalRemove(out);
            const changed = full || (loadStamp[i] as number) > since;
            let promising = false;
            const theirs = casesOf[i] as number[];
            const seats = seatScores[i] as number[];
            for (let y = 0; y < theirs.length; y++) {
              const k = theirs[y] as number;
              if (!chainChanged(k, changed, since)) continue;
              promising = upHere + upThere(k, seats[y] as number) + PRUNE_MARGIN > threshold();
              if (promising) break;
            }
            if (!promising) continue;
            evaluations++;
            const vj = swapScore(j, out, inc);
            if (Number.isNaN(vj)) continue;
            const here = vj - current + marginalRemove(out);
            for (let y = 0; y < theirs.length; y++) {
              const k = theirs[y] as number;
              const other = teams[k];
              if (other === undefined || isPinned(k, i) || !chainChanged(k, changed, since)) continue;
              const room = here - (seats[y] as number) + (slack[k] as number);
              const fills = byScore[k] as Candidate[];
              const base = k * MOVE_CANDIDATES;
              for (let q = 0; q < fills.length; q++) {
                if (room + (fillScore[base + q] as number) + PRUNE_MARGIN <= threshold()) break;
                const fill = fillMentor[base + q] as number;
                if (
                  fill === out ||
                  (used[fill] as number) >= (inst.capacity[fill] as number) ||
                  other.includes(fill)
                ) {
                  continue;
                }
                evaluations++;
                const vk = swapScore(k, i, fills[q] as Candidate);
                if (Number.isNaN(vk)) continue;
                const gain = here + vk - (values[k] as number) - marginalAdd(fill);
                if (better(gain)) take(3, gain, out, i, k, fill, vj, vk);
              }
            }
          }
        }
      }
      if (kind !== 0) {
        apply(j);
        moves++;
      }
      if (evaluations >= budget.evaluations) break;
    }
    todo = [];
    for (let k = 0; k < N; k++) if (dirty[k]) todo.push(k);
  }
  const assignment: Assignment = teams.map((t, j) => {
    if (t === undefined) return undefined;
    const v = teamValue(inst, j, t);
    const lead = v?.lead ?? (t[0] as number);
    return { lead, members: t.filter((i) => i !== lead).sort((a, b) => a - b) };
  });
  return { assignment, stats: { passes, moves, evaluations } };
}
