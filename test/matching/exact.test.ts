import { fc } from "@fast-check/vitest";
import { matchRound, validateProposal } from "venture-mentoring";
import { lpBound, solveExact } from "venture-mentoring/highs";
import { describe, expect, it } from "vitest";
import { generateRound } from "../../bench/generator.js";
import { bruteForce, smallRoundArb } from "./support.js";

describe("exact mode (HiGHS in a worker)", () => {
  it("proves the optimum of a 30 × 10 round; the heuristic is at most that, the LP bound at least", async () => {
    const round = generateRound({ mentors: 30, cases: 10, seed: 3 });
    const exact = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap();
    expect(exact.certificate).toMatchObject({ method: "exact", gap: 0 });
    expect(exact.teamRuleBreaks).toEqual([]);
    const heuristic = matchRound(round)._unsafeUnwrap();
    expect(heuristic.teams.length).toBe(exact.teams.length);
    expect(heuristic.certificate.objective).toBeLessThanOrEqual(exact.certificate.objective + 1e-6);
    // The heuristic's own certificate is tight here: its bound is the proven optimum (subgradient steps
    // from the flow's seat prices; without them it stays ~3 % above).
    expect(heuristic.certificate.bound).toBeGreaterThanOrEqual(exact.certificate.objective - 1e-6);
    expect(heuristic.certificate.bound).toBeLessThanOrEqual(exact.certificate.objective * 1.001);
    const lp = (await lpBound(round))._unsafeUnwrap();
    expect(lp).toBeGreaterThanOrEqual(exact.certificate.objective - 1e-6);
    // Over the candidate pairs only (the heuristic's scope on large rounds): a model with fewer pairs, a bound no higher.
    const candidates = (await lpBound(round, { pairs: "candidates" }))._unsafeUnwrap();
    expect(candidates).toBeLessThanOrEqual(lp + 1e-6);
    expect(candidates).toBeGreaterThan(0);
  }, 120_000);

  it("finds and proves the optimum of a tight 30 × 10 round (its certificate's bound converges)", async () => {
    const round = generateRound({ mentors: 30, cases: 10, seed: 1, supply: 1.05 });
    const optimum = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap().certificate.objective;
    // With the subgradient effort of larger rounds, the bound stayed 2 % above this proposal.
    const proposal = matchRound(round)._unsafeUnwrap();
    expect(proposal.certificate.objective).toBeCloseTo(optimum, 6);
    expect(proposal.certificate.gap).toBeLessThan(1e-6);
    expect(proposal.teamRuleBreaks).toEqual([]);
  }, 120_000);

  it("claims a sound gap on rounds whose teams must break a rule: its bound is never below the optimum", async () => {
    // Large firms and conflicts clustered by sector: no staffing keeps every team rule, and the
    // optimum may break them on other cases than the proposal does.
    for (const [seed, family, supply] of [
      [638077, { firms: 4 }, 0.9],
      [638077, { clustered: true, firms: 6 }, 1.05],
      [11, { clustered: true, firms: 6, steep: true }, 0.9],
    ] as const) {
      const round = generateRound({ mentors: 30, cases: 10, seed, family, supply });
      const optimum = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap().certificate
        .objective;
      const p = matchRound(round)._unsafeUnwrap();
      expect(p.certificate.bound, JSON.stringify(family)).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(p.certificate.objective).toBeLessThanOrEqual(optimum + 1e-6);
    }
  }, 120_000);

  it("strands no case an optimum staffs when team sizes differ: two small teams where one large one was", async () => {
    const round = generateRound({
      mentors: 100,
      cases: 30,
      seed: 175275,
      family: { teamSizes: [2, 4] },
      supply: 0.9,
    });
    const exact = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap();
    const p = matchRound(round)._unsafeUnwrap();
    // Filling the seats with a team of four where two teams of two fit left one case more out.
    expect(p.unstaffed.length).toBe(exact.unstaffed.length);
    expect(validateProposal(round, p).violations).toEqual([]);
  }, 120_000);

  it("on a 30 × 10 round short of seats, chooses which case goes without a team: the optimum, proven", async () => {
    const round = generateRound({ mentors: 30, cases: 10, seed: 1, supply: 0.9 });
    const optimum = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap().certificate;
    const proposal = matchRound(round)._unsafeUnwrap();
    // Leaving the flow's choice of case out: 5.6 % below; trying each other case out instead: 2.6 %;
    // the proof at the end finds the optimum and proves it.
    expect(proposal.unstaffed).toHaveLength(optimum.objective === 0 ? 0 : 1);
    expect(proposal.certificate).toMatchObject({ optimal: true, gap: 0 });
    expect(proposal.certificate.objective).toBeCloseTo(optimum.objective, 6);
  }, 120_000);

  it("at programme scale, every proposal that says optimal is HiGHS' optimum, on rounds of other distributions", async () => {
    // Large firms (teams must break a rule), pins, teams of 2–4, few leads, all at once; short of seats.
    const families = [
      { family: { firms: 4 }, supply: 0.9 },
      { family: { pins: 0.3 } },
      { family: { teamSizes: [2, 4] as [number, number] }, supply: 1.05 },
      { leadShare: 0.15, supply: 0.9 },
      {
        leadShare: 0.18,
        family: { steep: true, firms: 5, clustered: true, teamSizes: [2, 4] as [number, number], pins: 0.2 },
      },
    ];
    let proven = 0;
    for (const [k, options] of families.entries()) {
      const round = generateRound({ mentors: 30, cases: 10, seed: 175275 + k, ...options });
      const optimum = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap().certificate;
      const p = matchRound(round)._unsafeUnwrap();
      expect(p.certificate.objective, JSON.stringify(options)).toBeLessThanOrEqual(optimum.objective + 1e-6);
      if (!p.certificate.optimal) continue;
      proven++;
      expect(p.certificate.objective, JSON.stringify(options)).toBeCloseTo(optimum.objective, 6);
      expect(p.certificate.bound).toBe(p.certificate.objective);
    }
    // Most are proven (the budget is counted, so this repeats): the test is not vacuous.
    expect(proven).toBeGreaterThanOrEqual(4);
  }, 180_000);

  it("on 100 × 30 rounds with pins, where the proof does not end, the bound it adds is still sound", async () => {
    let unproven = 0;
    for (const supply of [undefined, 1.05, 0.9]) {
      const round = generateRound({
        mentors: 100,
        cases: 30,
        seed: 218864,
        family: { pins: 0.3 },
        ...(supply === undefined ? {} : { supply }),
      });
      const exact = (await solveExact(round, { timeLimitMs: 120_000 }))._unsafeUnwrap();
      const p = matchRound(round)._unsafeUnwrap();
      expect(p.certificate.objective).toBeLessThanOrEqual(exact.certificate.objective + 1e-6);
      if (!p.certificate.optimal) unproven++;
      // The bound covers HiGHS' optimum when that is in its scope: keeping every team rule, as many
      // cases, every pin the proposal honours.
      const teamOf = (q: typeof p, caseId: string) => q.teams.find((t) => t.caseId === caseId);
      const inScope =
        p.teamRuleBreaks.length === 0 &&
        exact.teamRuleBreaks.length === 0 &&
        exact.teams.length >= p.teams.length &&
        round.pins
          .filter((x) => x.kind === "pin")
          .every((x) => {
            const ours = teamOf(p, x.caseId);
            const theirs = teamOf(exact, x.caseId);
            const has = (t: typeof ours) =>
              t !== undefined && (t.lead === x.mentorId || t.members.includes(x.mentorId));
            return !has(ours) || has(theirs);
          });
      if (inScope) expect(p.certificate.bound).toBeGreaterThanOrEqual(exact.certificate.objective - 1e-6);
    }
    // (seed 218864: the three are unproven, their bounds from the proof: 0.20 %, 0.13 %, 0.65 %)
    expect(unproven).toBeGreaterThanOrEqual(1);
  }, 300_000);

  it("staffing again near the bound's own teams reaches the target gap on a tight round the perturbed search alone does not", async () => {
    const round = generateRound({ mentors: 30, cases: 10, seed: 3, supply: 1.05 });
    const optimum = (await solveExact(round, { timeLimitMs: 60_000 }))._unsafeUnwrap().certificate.objective;
    // Flow, searches and 15 perturbations alone end this round 0.76 % below the certificate's bound.
    const proposal = matchRound(round)._unsafeUnwrap();
    expect(proposal.certificate.gap).toBeLessThanOrEqual(0.003);
    expect(proposal.certificate.objective).toBeLessThanOrEqual(optimum + 1e-6);
    expect(proposal.teamRuleBreaks).toEqual([]);
  }, 120_000);

  it("agrees with brute force on small rounds", async () => {
    const rounds = fc.sample(smallRoundArb({ maxMentors: 7, maxCases: 3 }), { numRuns: 15, seed: 42 });
    for (const round of rounds) {
      const brute = bruteForce(round);
      const exact = (await solveExact(round))._unsafeUnwrap();
      expect(exact.teams.length).toBe(brute.staffed);
      if (!Number.isNaN(brute.full)) expect(exact.certificate.objective).toBeCloseTo(brute.full, 4);
    }
  }, 120_000);

  it("kills the worker at the deadline and says so", async () => {
    const round = generateRound({ mentors: 300, cases: 100, seed: 1 });
    const r = await solveExact(round, { timeLimitMs: 300 });
    expect(r._unsafeUnwrapErr()).toEqual({ type: "ExactTimedOut", afterMs: 300 });
  }, 60_000);
});
