import { fc, test } from "@fast-check/vitest";
import { matchRound } from "venture-mentoring";
import { describe, expect } from "vitest";
import { buildInstance, type Candidate, type Instance, loadCost } from "../../src/matching/instance.js";
import { proveOptimum } from "../../src/matching/optimum.js";
import type { Assignment } from "../../src/matching/staffing.js";
import {
  leadOf,
  SAME_BACKGROUND,
  SAME_FIRM,
  TEAM_RULE_PENALTY,
  teamRuleBits,
  teamScore,
} from "../../src/matching/team-value.js";
import { bruteForce, smallRoundArb, subsets } from "./support.js";

/** Every staffing of the instance (capacities kept), with its value: team scores with penalties, less load costs. */
interface Staffing {
  readonly assignment: Assignment;
  /** With the team rules' penalties. */
  readonly value: number;
  /** Without them, and the rules broken. */
  readonly plain: number;
  readonly breaks: number;
  readonly staffed: number;
}

function everyStaffing(inst: Instance): Staffing[] {
  const N = inst.cases.length;
  const cap = Int32Array.from(inst.capacity, (k, i) => (inst.mentorExclusion[i] === undefined ? k : 0));
  const options = inst.cases.map((_, j) => [
    [] as number[],
    ...subsets(
      (inst.candidates[j] as Candidate[]).map((c) => c.mentor),
      inst.teamSize[j] as number,
    ).filter((team) => !Number.isNaN(teamScore(inst, j, team))),
  ]);
  const out: Staffing[] = [];
  const used = new Int32Array(inst.mentors.length);
  const chosen: number[][] = [];
  const walk = (j: number) => {
    if (j === N) {
      let value = 0;
      let breaks = 0;
      chosen.forEach((team, k) => {
        if (team.length === 0) return;
        value += teamScore(inst, k, team);
        const bits = teamRuleBits(inst, team);
        breaks += (bits & SAME_BACKGROUND ? 1 : 0) + (bits & SAME_FIRM ? 1 : 0);
      });
      for (let i = 0; i < used.length; i++) value -= loadCost(inst, i, used[i] as number);
      out.push({
        assignment: chosen.map((team, k) => {
          if (team.length === 0) return undefined;
          const lead = leadOf(inst, k, team);
          return { lead, members: team.filter((i) => i !== lead) };
        }),
        value,
        plain: value + TEAM_RULE_PENALTY * breaks,
        breaks,
        staffed: chosen.filter((t) => t.length > 0).length,
      });
      return;
    }
    for (const team of options[j] ?? []) {
      if (team.some((i) => (used[i] as number) >= (cap[i] as number))) continue;
      for (const i of team) used[i] = (used[i] as number) + 1;
      chosen[j] = team;
      walk(j + 1);
      for (const i of team) used[i] = (used[i] as number) - 1;
    }
  };
  walk(0);
  return out;
}

/** The instance with mentor `i` pinned to case `j` when a candidate there (the manager's pin). */
function withPin(inst: Instance, j: number, i: number): Instance {
  return {
    ...inst,
    candidates: inst.candidates.map((list, k) =>
      k === j ? list.map((c) => (c.mentor === i ? { ...c, pinned: true } : c)) : list,
    ),
  };
}

/** The pins (case, mentor) that `a` honours. */
const honoured = (inst: Instance, a: Assignment): [number, number][] =>
  inst.candidates.flatMap((list, j) => {
    const t = a[j];
    return list
      .filter((c) => c.pinned && t !== undefined && (c.mentor === t.lead || t.members.includes(c.mentor)))
      .map((c): [number, number] => [j, c.mentor]);
  });

/** The staffings of at least as many cases as `start` that honour every pin it honours. */
const rivalsOf = (inst: Instance, all: readonly Staffing[], start: Staffing) => {
  const pins = honoured(inst, start.assignment);
  return all.filter(
    (s) =>
      s.staffed >= start.staffed &&
      pins.every(([j, i]) => {
        const t = s.assignment[j];
        return t !== undefined && (t.lead === i || t.members.includes(i));
      }),
  );
};

describe("the proof of an optimum", () => {
  const instance = fc
    .tuple(
      smallRoundArb({ maxMentors: 7, maxCases: 3 }),
      fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 7, maxLength: 7 }),
      fc.option(fc.tuple(fc.nat(2), fc.nat(6)), { nil: undefined }),
      fc.nat(),
    )
    .map(([round, prices, pin, pick]) => {
      const base = buildInstance(round, { full: true });
      const inst = pin === undefined ? base : withPin(base, pin[0], pin[1]);
      return { inst, prices: Float64Array.from(prices), pick };
    });

  test.prop([instance], { numRuns: 300 })(
    "finds the best staffing of at least as many cases that honours every pin the start honours, from any start and at any prices",
    ({ inst, prices, pick }) => {
      const all = everyStaffing(inst);
      // Any staffing may be the start — the worst as well as the best, pins honoured or not.
      const start = all[pick % all.length] as Staffing;
      const proof = proveOptimum(inst, start.assignment, prices, { teams: 1e6, nodes: 1e7 });
      expect(proof?.proven).toBe(true);
      const rivals = rivalsOf(inst, all, start);
      // What it returns is such a staffing, worth what it says.
      const key = (a: Assignment) =>
        JSON.stringify(a.map((t) => t && { lead: t.lead, members: [...t.members].sort((x, y) => x - y) }));
      const found = rivals.find((s) => key(s.assignment) === key(proof?.assignment ?? []));
      expect(found).toBeDefined();
      expect(proof?.value).toBeCloseTo(found?.value ?? Number.NaN, 6);
      const b = found as Staffing;
      // No staffing of as many cases that breaks no more team rules scores more …
      for (const s of rivals) if (s.breaks <= b.breaks) expect(s.plain).toBeLessThanOrEqual(b.plain + 1e-6);
      // … and from a start that breaks none, none scores more with the penalties either.
      if (start.breaks === 0) expect(b.value).toBeCloseTo(Math.max(...rivals.map((s) => s.value)), 6);
    },
  );

  test.prop([instance], { numRuns: 100 })(
    "claims nothing when its budget runs out, and never claims wrong",
    ({ inst, prices, pick }) => {
      const all = everyStaffing(inst);
      const start = all[pick % all.length] as Staffing;
      const proof = proveOptimum(inst, start.assignment, prices, { teams: 3, nodes: 2 });
      if (proof === undefined || start.breaks > 0) return;
      const optimum = Math.max(...rivalsOf(inst, all, start).map((s) => s.value));
      if (proof.proven) expect(proof.value).toBeCloseTo(optimum, 6);
      // Unproven, it is still a staffing in scope, no worse than the start.
      expect(proof.value).toBeGreaterThanOrEqual(start.value - 1e-6);
      expect(proof.value).toBeLessThanOrEqual(optimum + 1e-6);
    },
  );

  test.prop([smallRoundArb({ maxMentors: 7, maxCases: 3 })], { numRuns: 60 })(
    "a proposal that says optimal staffs as many cases as any staffing and scores the most of those",
    (round) => {
      const p = matchRound(round)._unsafeUnwrap();
      if (!p.certificate.optimal) return;
      const brute = bruteForce(round);
      expect(p.teams.length).toBe(brute.staffed);
      expect(p.certificate.gap).toBe(0);
      expect(p.certificate.bound).toBe(p.certificate.objective);
      if (p.teamRuleBreaks.length === 0 && !Number.isNaN(brute.full))
        expect(p.certificate.objective).toBeGreaterThanOrEqual(brute.full - 1e-6);
    },
  );
});
