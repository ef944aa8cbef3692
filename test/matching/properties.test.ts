import { fc, test } from "@fast-check/vitest";
import { type MatchingRound, matchRound, validateProposal } from "venture-mentoring";
import { describe, expect } from "vitest";
import { generateRound } from "../../bench/generator.js";
import { greedyStaffing } from "../../src/matching/greedy.js";
import { buildInstance, type Candidate } from "../../src/matching/instance.js";
import { localSearch } from "../../src/matching/local-search.js";
import { type Assignment, Room, staffRound } from "../../src/matching/staffing.js";
import { objective, teamValue } from "../../src/matching/team-value.js";
import { bruteForce, smallRoundArb, subsets } from "./support.js";

const propose = (round: MatchingRound) => matchRound(round)._unsafeUnwrap();

/** Staffed count and modular value (pair scores + lead fitness − load) of a flow assignment. */
function modular(round: MatchingRound, assignment: Assignment) {
  const inst = buildInstance(round, { full: true });
  const full = objective(inst, assignment).value;
  let coverage = 0;
  assignment.forEach((t, j) => {
    if (t !== undefined) coverage += teamValue(inst, j, [t.lead, ...t.members])?.coverage ?? 0;
  });
  return { staffed: assignment.filter((t) => t !== undefined).length, value: full - coverage };
}

// Each law takes up to 3 s of fast-check runs on a quiet two-core machine.
describe("matching laws", { timeout: 60_000 }, () => {
  test.prop([smallRoundArb({ maxMentors: 8, maxCases: 3 })])(
    "the independent validator passes on every proposal",
    (round) => {
      const p = propose(round);
      expect(validateProposal(round, p).violations).toEqual([]);
      for (const t of p.teams) {
        const size = round.rules.teamSize.min;
        expect(new Set([t.lead, ...t.members]).size).toBe(size);
        expect(round.mentors.find((m) => m.id === t.lead)?.leadQualified).toBe(true);
        expect(t.team.filter((m) => m.role === "lead")).toHaveLength(1);
      }
    },
  );

  test.prop(
    [
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 12, max: 40 }),
      fc.integer({ min: 4, max: 12 }),
      fc.constantFrom(undefined, 1.05, 0.9),
      fc.double({ min: 0.1, max: 0.5, noNaN: true }),
    ],
    { numRuns: 40 },
  )(
    "the proposal is never below the per-case greedy's, and staffs every case the greedy staffs as many of",
    (seed, mentors, cases, supply, leadShare) => {
      const round = generateRound({
        mentors,
        cases,
        seed,
        leadShare,
        ...(supply === undefined ? {} : { supply }),
      });
      const inst = buildInstance(round);
      const p = propose(round);
      const naive = greedyStaffing(
        inst,
        inst.cases.map(() => true),
        "case",
      ) as Assignment;
      const staffed = naive.filter((t) => t !== undefined).length;
      // The engine staffs at least as many cases as the greedy, and — when the greedy's teams break
      // no rule and staff as many — scores at least as much.
      expect(p.teams.length).toBeGreaterThanOrEqual(staffed);
      const g = objective(inst, naive);
      if (p.teams.length === staffed && g.brokenTeamRules === 0)
        expect(p.certificate.objective).toBeGreaterThanOrEqual(g.value - 1e-6);
    },
  );

  test.prop([smallRoundArb({ maxMentors: 8, maxCases: 3 })])(
    "no mentor exceeds capacity in cases or hours",
    (round) => {
      const p = propose(round);
      for (const m of round.mentors) {
        const added = p.teams.filter((t) => t.lead === m.id || t.members.includes(m.id)).length;
        expect(m.load.cases + added).toBeLessThanOrEqual(Math.max(m.capacity.maxCases, m.load.cases));
        if (added > 0)
          expect(m.load.hours + added * round.rules.hoursPerCase).toBeLessThanOrEqual(
            m.capacity.monthlyHours + 1e-9,
          );
      }
    },
  );

  test.prop([smallRoundArb({ maxMentors: 8, maxCases: 3 })])(
    "no conflicted, declined, paused or inactive mentor is on a team",
    (round) => {
      const p = propose(round);
      for (const t of p.teams) {
        const c = round.cases.find((x) => x.id === t.caseId);
        for (const id of [t.lead, ...t.members]) {
          const m = round.mentors.find((x) => x.id === id);
          expect(m?.state).toBe("active");
          const orgs = [
            c?.venture.name,
            ...(c?.venture.competitors ?? []),
            ...(c?.venture.suppliers ?? []),
          ].map((o) => o?.toLowerCase());
          expect(m?.interests.some((x) => orgs.includes(x.organisation.toLowerCase()))).toBe(false);
          expect(
            round.preferences.some(
              (x) => x.mentorId === id && x.caseId === t.caseId && x.kind === "declined",
            ),
          ).toBe(false);
        }
      }
    },
  );

  test.prop([smallRoundArb({ maxMentors: 7, maxCases: 3 })], { numRuns: 150 })(
    "the flow staffs as many cases as brute force, at the same modular optimum",
    (round) => {
      const brute = bruteForce(round);
      const inst = buildInstance(round, { full: true });
      const { assignment } = staffRound(inst);
      const ours = modular(round, assignment);
      expect(ours.staffed).toBe(brute.staffed);
      // With every case staffable the flow is exact; with a shortage it staffs the maximum.
      if (brute.staffed === round.cases.length) expect(ours.value).toBeCloseTo(brute.modular, 6);
    },
  );

  test.prop([smallRoundArb({ maxMentors: 7, maxCases: 3 })], { numRuns: 150 })(
    "objective ≤ brute-force optimum ≤ certified bound",
    (round) => {
      const brute = bruteForce(round);
      const p = propose(round);
      fc.pre(!Number.isNaN(brute.full) && p.teams.length === brute.staffed && p.teamRuleBreaks.length === 0);
      expect(p.certificate.objective).toBeLessThanOrEqual(brute.full + 1e-6);
      expect(brute.full).toBeLessThanOrEqual(p.certificate.bound + 1e-6);
      expect(p.certificate.gap).toBeGreaterThanOrEqual(-1e-9);
    },
  );

  test.prop([smallRoundArb({ maxMentors: 7, maxCases: 3 }), fc.nat(1000)])(
    "the local search never worsens",
    (round, seed) => {
      const inst = buildInstance(round);
      const { assignment } = staffRound(inst);
      // What the search optimises: the objective with each broken team rule priced at 5 000.
      const penalised = (a: typeof assignment) => {
        const o = objective(inst, a);
        return o.value - 5_000 * o.brokenTeamRules;
      };
      const after = localSearch(inst, assignment, seed).assignment;
      expect(penalised(after)).toBeGreaterThanOrEqual(penalised(assignment) - 1e-6);
      expect(after.map((t) => t === undefined)).toEqual(assignment.map((t) => t === undefined));
    },
  );

  test.prop(
    [
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 20, max: 30 }),
      fc.integer({ min: 8, max: 15 }),
      fc.boolean(),
    ],
    { numRuns: 100 },
  )(
    "the local search ends where no replace or exchange of two mentors improves (revisits skip nothing)",
    (seed, mentors, cases, tight) => {
      // Rounds large enough that a revisit often finds its own team untouched (small ones rarely
      // do), with at most 30 mentors: the search's moves draw on 30 candidates per case, as here.
      const round = generateRound({ mentors, cases, seed, ...(tight ? { supply: 1.05 } : {}) });
      const inst = buildInstance(round);
      const { assignment } = staffRound(inst);
      const after = localSearch(inst, assignment, seed).assignment;
      const penalised = (a: Assignment) => {
        const o = objective(inst, a);
        return o.value - 5_000 * o.brokenTeamRules;
      };
      const current = penalised(after);
      const teams = after.map((t) => (t === undefined ? undefined : [t.lead, ...t.members]));
      const used = new Int32Array(inst.mentors.length);
      for (const t of teams) for (const i of t ?? []) used[i] = (used[i] as number) + 1;
      const pinned = (j: number, i: number) =>
        (inst.candidates[j] as Candidate[]).some((c) => c.mentor === i && c.pinned);
      /** The assignment with the given teams replaced, or undefined when one has no qualified lead. */
      const withTeams = (changes: [number, number[]][]): Assignment | undefined => {
        const next = [...after];
        for (const [j, team] of changes) {
          const v = teamValue(inst, j, team);
          if (v === undefined) return undefined;
          next[j] = { lead: v.lead, members: team.filter((i) => i !== v.lead) };
        }
        return next;
      };
      teams.forEach((team, j) => {
        if (team === undefined) return;
        for (const out of team) {
          if (pinned(j, out)) continue;
          for (const c of inst.candidates[j] as Candidate[]) {
            const inc = c.mentor;
            if (team.includes(inc)) continue;
            const here = team.map((x) => (x === out ? inc : x));
            // Replace: a mentor with room takes the seat.
            if ((used[inc] as number) < (inst.capacity[inc] as number)) {
              const next = withTeams([[j, here]]);
              if (next !== undefined) expect(penalised(next)).toBeLessThanOrEqual(current + 1e-6);
            }
            // Exchange: inc leaves case k for this one, out takes inc's seat there.
            teams.forEach((other, k) => {
              if (other === undefined || k === j || !other.includes(inc) || other.includes(out)) return;
              if (pinned(k, inc)) return;
              const next = withTeams([
                [j, here],
                [k, other.map((x) => (x === inc ? out : x))],
              ]);
              if (next !== undefined) expect(penalised(next)).toBeLessThanOrEqual(current + 1e-6);
            });
          }
        }
      });
    },
  );

  test.prop([smallRoundArb({ maxMentors: 7, maxCases: 3 }), fc.nat(1000)])(
    "adding a mentor never lowers the optimum (staffed cases, then value)",
    (round, extra) => {
      const base = buildInstance(round, { full: true });
      const before = modular(round, staffRound(base).assignment);
      const donor = round.mentors[extra % round.mentors.length];
      fc.pre(donor !== undefined);
      const bigger: MatchingRound = {
        ...round,
        mentors: [...round.mentors, { ...donor, id: "zz-new" as typeof donor.id }],
      };
      const after = modular(bigger, staffRound(buildInstance(bigger, { full: true })).assignment);
      expect(after.staffed).toBeGreaterThanOrEqual(before.staffed);
      if (after.staffed === before.staffed && before.staffed === round.cases.length) {
        expect(after.value).toBeGreaterThanOrEqual(before.value - 1e-6);
      }
    },
  );

  test.prop([smallRoundArb({ maxMentors: 8, maxCases: 3 }), fc.nat(1000)])(
    "permuting the input changes nothing; equal input and seed give an equal proposal",
    (round, shuffleSeed) => {
      const rotate = <T>(xs: readonly T[]) => {
        const k = xs.length === 0 ? 0 : shuffleSeed % xs.length;
        return [...xs.slice(k), ...xs.slice(0, k)].reverse();
      };
      const permuted: MatchingRound = {
        ...round,
        mentors: rotate(round.mentors),
        cases: rotate(round.cases),
        preferences: rotate(round.preferences),
      };
      expect(propose(permuted)).toEqual(propose(round));
      expect(propose(structuredClone(round))).toEqual(propose(round));
    },
  );

  test.prop([smallRoundArb({ maxMentors: 8, maxCases: 3 })])("every team is explained", (round) => {
    const p = propose(round);
    for (const t of p.teams) {
      expect(t.explanation.texts.length).toBeGreaterThanOrEqual(t.team.length + 1);
      const covered = new Set(t.team.flatMap((m) => m.covers));
      expect([...covered].sort()).toEqual([...t.explanation.coveredTopics].sort());
      for (const m of t.team) {
        const s = m.score;
        expect(s.total).toBe(s.sector + s.expertise + s.volunteered + s.continuity + s.lead);
      }
    }
    // Every case is accounted for: staffed, unstaffed with a diagnosis, or over quota.
    const accounted = [...p.teams.map((t) => t.caseId), ...p.unstaffed, ...p.overQuota];
    expect(accounted.sort()).toEqual(round.cases.map((c) => c.id).sort());
    for (const id of p.unstaffed)
      expect(p.diagnosis.some((d) => "caseId" in d && d.caseId === id)).toBe(true);
  });
});

void ({} as Candidate);

/** Whether every case in `cases` can have a whole team at once (lead-qualified lead, capacities), by enumeration. */
function staffableTogether(round: MatchingRound, cases: readonly number[]): boolean {
  const inst = buildInstance(round, { full: true });
  const used = new Int32Array(inst.mentors.length);
  const cap = (i: number) => (inst.mentorExclusion[i] === undefined ? (inst.capacity[i] as number) : 0);
  const place = (x: number): boolean => {
    if (x === cases.length) return true;
    const j = cases[x] as number;
    const list = inst.candidates[j] as Candidate[];
    for (const team of subsets(list, inst.teamSize[j] as number)) {
      if (!team.some((c) => c.lead >= 0) || team.some((c) => (used[c.mentor] as number) >= cap(c.mentor)))
        continue;
      for (const c of team) used[c.mentor] = (used[c.mentor] as number) + 1;
      const ok = place(x + 1);
      for (const c of team) used[c.mentor] = (used[c.mentor] as number) - 1;
      if (ok) return true;
    }
    return false;
  };
  return place(0);
}

/** Some staffing of the round: each case in turn a whole team (the pick among those that fit) or none. */
function someStaffing(round: MatchingRound, picks: readonly number[]): Assignment {
  const inst = buildInstance(round, { full: true });
  const used = new Int32Array(inst.mentors.length);
  const cap = (i: number) => (inst.mentorExclusion[i] === undefined ? (inst.capacity[i] as number) : 0);
  return inst.cases.map((_, j) => {
    const list = inst.candidates[j] as Candidate[];
    const teams = subsets(list, inst.teamSize[j] as number).filter(
      (team) =>
        team.some((c) => c.lead >= 0) && team.every((c) => (used[c.mentor] as number) < cap(c.mentor)),
    );
    const team = teams[(picks[j] ?? 0) % (teams.length + 1)];
    if (team === undefined) return undefined;
    for (const c of team) used[c.mentor] = (used[c.mentor] as number) + 1;
    const lead = team.find((c) => c.lead >= 0) as Candidate;
    return { lead: lead.mentor, members: team.filter((c) => c !== lead).map((c) => c.mentor) };
  });
}

describe("room for one more case", () => {
  test.prop(
    [
      fc.oneof(
        smallRoundArb({ maxMentors: 7, maxCases: 4 }),
        smallRoundArb({ maxMentors: 6, maxCases: 5, teamSize: 2 }),
      ),
      fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
      fc.nat(),
    ],
    { numRuns: 5000 },
  )(
    "a case fits beside the others' teams exactly when all of them can be staffed at once",
    (round, picks, gPick) => {
      const inst = buildInstance(round, { full: true });
      const N = inst.cases.length;
      const assignment = someStaffing(round, picks);
      const active = assignment.map((t) => t !== undefined);
      const staffed = active.flatMap((a, j) => (a ? [j] : []));
      const g = gPick % N;
      const room = new Room(
        inst,
        assignment,
        active.map((a, j) => a && j !== g),
      );
      const expected = staffableTogether(round, [...staffed.filter((j) => j !== g), g]);
      expect(room.fits(g)).toBe(expected);
      // The quick screen never rules out a fit; all cases not staffed together have room for at
      // least as many seats as any one of them, and no more than their teams have.
      if (expected) expect(room.mayFit(g)).toBe(true);
      const open = inst.cases.map((_, j) => j).filter((j) => j === g || !active[j]);
      expect(room.extraSeats(open)).toBeGreaterThanOrEqual(room.extraSeats([g]));
      expect(room.extraSeats(open)).toBeLessThanOrEqual(
        open.reduce((n, j) => n + (inst.teamSize[j] as number), 0),
      );
      // Each test leaves the staffing as it was: asked again, the same answer, and so for the others.
      expect(room.fits(g)).toBe(expected);
      const h = (g + 1) % N;
      if (!active[h] || h === g)
        expect(room.fits(h)).toBe(staffableTogether(round, [...staffed.filter((j) => j !== g), h]));
    },
    // 5 000 runs take 3–5 s alone, more beside the thread tests on two cores.
    60_000,
  );
});
