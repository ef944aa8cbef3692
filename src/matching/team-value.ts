import { type Candidate, coveragePoints, type Instance, loadCost } from "./instance.js";
import type { Assignment } from "./staffing.js";

/** Points a team loses per broken team rule (three of a kind, two from one firm): the search repairs these first. */
export const TEAM_RULE_PENALTY = 5_000;

export interface TeamValue {
  /** Σ pair scores + lead fitness + coverage − penalties. */
  readonly value: number;
  readonly lead: number;
  readonly coverage: number;
  /** Team rules broken: "threeOfAKind" (all but none from one background), "sameFirm". */
  readonly broken: readonly ("sameBackground" | "sameFirm")[];
}

export const SAME_BACKGROUND = 1;
export const SAME_FIRM = 2;

/**
 * The team rules, as bits (1: every mentor of a team of three or more from one background; 2: two
 * mentors from one firm). Allocation-free: the local search asks this millions of times.
 */
export function teamRuleBits(
  inst: Pick<Instance, "background" | "firm">,
  team: readonly number[],
  out = -1,
  incoming = -1,
  /** The team is `team`'s first n mentors (a search's fixed buffer: setting an array's length is slow). */
  n = team.length,
): number {
  // No closures here: this runs millions of times, and a loader that keeps function names (tsx)
  // makes every closure created costly.
  let bits = 0;
  if (n >= 3) {
    const first = team[0] as number;
    const b = inst.background[first === out ? incoming : first] as number;
    let same = true;
    for (let x = 1; x < n && same; x++) {
      const i = team[x] as number;
      same = inst.background[i === out ? incoming : i] === b;
    }
    if (same) bits |= SAME_BACKGROUND;
  }
  for (let x = 0; x < n && (bits & SAME_FIRM) === 0; x++) {
    const i = team[x] as number;
    const f = inst.firm[i === out ? incoming : i] as number;
    if (f < 0) continue;
    for (let y = x + 1; y < n; y++) {
      const k = team[y] as number;
      if (inst.firm[k === out ? incoming : k] === f) {
        bits |= SAME_FIRM;
        break;
      }
    }
  }
  return bits;
}

/** Team rules for a set of mentors (independent of the case). */
export function brokenTeamRules(inst: Instance, team: readonly number[]): ("sameBackground" | "sameFirm")[] {
  const bits = teamRuleBits(inst, team);
  const broken: ("sameBackground" | "sameFirm")[] = [];
  if (bits & SAME_BACKGROUND) broken.push("sameBackground");
  if (bits & SAME_FIRM) broken.push("sameFirm");
  return broken;
}

/**
 * The value of `team` on case j, as {@link teamValue} computes it, without building the breakdown;
 * NaN when the team has no lead-qualified member or a mentor who is not a candidate. With `out`
 * and `incoming`, the value of the team with `incoming` in `out`'s seat (nothing is allocated:
 * the local search asks this millions of times).
 */
export function teamScore(
  inst: Instance,
  j: number,
  team: readonly number[],
  out = -1,
  incoming = -1,
): number {
  const index = inst.candidateIndex[j] as Map<number, number>;
  const list = inst.candidates[j] as Candidate[];
  let sum = 0;
  let mask = 0;
  let leadFit = -1;
  for (let x = 0; x < team.length; x++) {
    const i = team[x] as number;
    const pos = index.get(i === out ? incoming : i);
    if (pos === undefined) return Number.NaN;
    const c = list[pos] as Candidate;
    sum += c.score;
    mask |= c.covers;
    if (c.lead > leadFit) leadFit = c.lead;
  }
  if (leadFit < 0) return Number.NaN;
  const bits = teamRuleBits(inst, team, out, incoming);
  const broken = (bits & SAME_BACKGROUND ? 1 : 0) + (bits & SAME_FIRM ? 1 : 0);
  return sum + leadFit + coveragePoints(inst, j, mask) - TEAM_RULE_PENALTY * broken;
}

/**
 * The value of `team` (mentor indices) on case j, or undefined when it has no lead-qualified
 * member or contains a mentor who is not a candidate. The lead is the member with the best lead
 * fitness (ties: lowest index), so a team is a set and its lead follows from it.
 */
export function teamValue(inst: Instance, j: number, team: readonly number[]): TeamValue | undefined {
  const value = teamScore(inst, j, team);
  if (Number.isNaN(value)) return undefined;
  const index = inst.candidateIndex[j] as Map<number, number>;
  const list = inst.candidates[j] as Candidate[];
  let mask = 0;
  for (const i of team) mask |= (list[index.get(i) as number] as Candidate).covers;
  return {
    value,
    lead: leadOf(inst, j, team),
    coverage: coveragePoints(inst, j, mask),
    broken: brokenTeamRules(inst, team),
  };
}

/**
 * The lead of `team` on case j: the member with the best lead fitness, ties to the lowest index;
 * -1 when no member is lead-qualified (or a member is not a candidate of the case).
 */
export function leadOf(inst: Instance, j: number, team: readonly number[]): number {
  const index = inst.candidateIndex[j] as Map<number, number>;
  const list = inst.candidates[j] as Candidate[];
  let lead = -1;
  let leadFit = -1;
  for (const i of team) {
    const pos = index.get(i);
    if (pos === undefined) return -1;
    const c = list[pos] as Candidate;
    if (c.lead > leadFit || (c.lead === leadFit && c.lead >= 0 && i < lead)) {
      leadFit = c.lead;
      lead = i;
    }
  }
  return lead;
}

/** The objective of an assignment: Σ team values (without penalties) − load costs; and the penalties apart. */
export function objective(
  inst: Instance,
  assignment: Assignment,
): { value: number; brokenTeamRules: number } {
  const added = new Int32Array(inst.mentors.length);
  let value = 0;
  let broken = 0;
  assignment.forEach((t, j) => {
    if (t === undefined) return;
    const team = [t.lead, ...t.members];
    for (const i of team) added[i] = (added[i] as number) + 1;
    const v = teamValue(inst, j, team);
    if (v === undefined) return;
    broken += v.broken.length;
    value += v.value + TEAM_RULE_PENALTY * v.broken.length;
  });
  for (let i = 0; i < added.length; i++) if (added[i]) value -= loadCost(inst, i, added[i] as number);
  return { value, brokenTeamRules: broken };
}
