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

/** Team rules for a set of mentors (independent of the case). */
export function brokenTeamRules(inst: Instance, team: readonly number[]): ("sameBackground" | "sameFirm")[] {
  const broken: ("sameBackground" | "sameFirm")[] = [];
  if (team.length >= 3) {
    const counts = new Map<number, number>();
    for (const i of team)
      counts.set(inst.background[i] as number, (counts.get(inst.background[i] as number) ?? 0) + 1);
    if (Math.max(...counts.values()) >= team.length) broken.push("sameBackground");
  }
  const firms = new Set<number>();
  for (const i of team) {
    const f = inst.firm[i] as number;
    if (f < 0) continue;
    if (firms.has(f)) {
      broken.push("sameFirm");
      break;
    }
    firms.add(f);
  }
  return broken;
}

/**
 * The value of `team` (mentor indices) on case j, or undefined when it has no lead-qualified
 * member or contains a mentor who is not a candidate. The lead is the member with the best lead
 * fitness (ties: lowest index), so a team is a set and its lead follows from it.
 */
export function teamValue(inst: Instance, j: number, team: readonly number[]): TeamValue | undefined {
  const index = inst.candidateIndex[j] as Map<number, number>;
  const list = inst.candidates[j] as Candidate[];
  let sum = 0;
  let mask = 0;
  let lead = -1;
  let leadFit = -1;
  for (const i of team) {
    const pos = index.get(i);
    if (pos === undefined) return undefined;
    const c = list[pos] as Candidate;
    sum += c.score;
    mask |= c.covers;
    if (c.lead > leadFit || (c.lead === leadFit && c.lead >= 0 && i < lead)) {
      leadFit = c.lead;
      lead = i;
    }
  }
  if (leadFit < 0) return undefined;
  const coverage = coveragePoints(inst, j, mask);
  const broken = brokenTeamRules(inst, team);
  return { value: sum + leadFit + coverage - TEAM_RULE_PENALTY * broken.length, lead, coverage, broken };
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
