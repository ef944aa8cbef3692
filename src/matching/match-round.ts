import { err, ok, type Result } from "neverthrow";
import type { ValidationFailed } from "../errors.js";
import type { MentorId } from "../model/brand.js";
import { parseWith } from "../model/parse.js";
import {
  adjustedValue,
  anchoredValue,
  type BoundEffort,
  coveragePrices,
  type LagrangianBound,
  type TeamRuleMultipliers,
  teamBound,
} from "./bound.js";
import type { CaseSearchHelpers } from "./case-search.js";
import { diagnose, explainTeam } from "./explain.js";
import { greedyStaffing } from "./greedy.js";
import { buildInstance, type Candidate, type Instance } from "./instance.js";
import { localSearch } from "./local-search.js";
import { PROOF_BUDGET, proveOptimum } from "./optimum.js";
import { prng } from "./prng.js";
import type { MatchingProposal, SolverDefect } from "./proposal.js";
import { type MatchingRound, matchingRoundSchema } from "./round.js";
import {
  type Assignment,
  EXACT_SELECTION,
  isFullTeam,
  modularValue,
  type PairValue,
  StaffingFlow,
  seatsOffered,
  staffable,
  staffRound,
  type Team,
} from "./staffing.js";
import { brokenTeamRules, objective, TEAM_RULE_PENALTY } from "./team-value.js";
import { validateProposal } from "./validate.js";

/** Candidate pairs up to which a round's coverage prices get 150 iterations (above: 20); up to MEDIUM, a priced re-staffing. */
const SMALL = 5_000;
/** Passes of the case-swap move on small rounds short of seats, at most (each until no swap helps). */
const SWAP_PASSES = 4;
const MEDIUM = 40_000;
/**
 * The certificate's subgradient effort by the round's candidate pairs (up to SMALL, up to MEDIUM,
 * above). Its teams steer the Lagrangian re-staffing, so a better converged bound makes a better
 * proposal too; small rounds converge far enough to prove their optimum. The measurements behind
 * each value: docs/matching.md, "Tuned thresholds".
 */
const BOUND_EFFORT: readonly BoundEffort[] = [
  { iterations: 1000, patience: 10, window: 100 },
  { iterations: 60, patience: 3, window: 10 },
  { iterations: 120, patience: 5, window: 20 },
];
/** Attempts at mending a broken team rule on a small round by forbidding one of its pairs. */
const REPAIRS = 6;
/** Re-staffings of a large round with its broken team rules priced in. */
const LARGE_REPAIRS = 3;
/**
 * Perturbed searches on a round of at most MEDIUM candidate pairs, at most: each searches from the
 * best assignment with every pair score shaken by up to SHAKE (a share of it), then without.
 */
const PERTURBATIONS = 15;
/** However many are asked for (`MatchOptions.perturbations`), a round ends. */
const MAX_PERTURBATIONS = 1_000;
const SHAKE = 0.1;
/** Free seats (a share of the seats to staff) under which a large round skips its first search. */
const TIGHT_ROOM = 1.25;
/** A certificate this far from the proposal (a share of its bound) on a round short of seats is tried from another start. */
const FAR = 0.05;

/** Parse a matching round (the JSON format in docs/formats.md). */
export function parseMatchingRound(raw: unknown): Result<MatchingRound, ValidationFailed> {
  return parseWith(matchingRoundSchema, "MatchingRound", raw);
}

export interface MatchOptions {
  /** Work budget of the local search, in passes over the cases and team evaluations (not time: results repeat). */
  readonly search?: { readonly passes: number; readonly evaluations: number };
  /**
   * How close to the optimum the certificate must prove the proposal before improving stops — a
   * share of the bound, default 0.003; a proposal that breaks a team rule is never proven. Until
   * then the round is staffed again near the bound's own teams and, on rounds of up to 40 000
   * candidate pairs (300 mentors × 100 cases), its search is perturbed and repeated up to
   * `perturbations` times (0: do all of it; 1: none of it unless a team rule is broken). On rounds
   * of more than 40 000 candidate pairs the certificate, too, stops once it proves the target, so
   * the gap it reports is then at most the target rather than as small as it could be (0: the
   * tightest it can reach).
   */
  readonly targetGap?: number;
  /** Perturbed searches on rounds of up to 40 000 candidate pairs, at most (default 15; 0: none; at most 1 000). */
  readonly perturbations?: number;
  /**
   * Threads that share the certificate's case searches on rounds of more than 40 000 candidate
   * pairs — `threadPool()` from `venture-mentoring/threads`. The proposal is the same with them or
   * without (each case is searched alike whichever thread takes it); only the time differs.
   */
  readonly helpers?: CaseSearchHelpers;
  /**
   * Called synchronously after each stage of the work, with the state so far — for a progress
   * line; what it does has no effect on the proposal. The core reads no clock: a caller that wants
   * to show progress only on slow rounds times the calls itself.
   */
  readonly progress?: (progress: MatchProgress) => void;
  /**
   * Stop improving at a deadline — `now` reads the caller's clock (the core has none), `at` is when
   * to stop, on that clock. The staffing flow, the first search on rounds that have one, and the
   * certificate always run: a proposal needs them. Every later stage (the floor, re-staffings,
   * repairs, the case moves, perturbations) starts only before `at`, so the proposal is the best
   * found by then, with a sound certificate. A stage under way is finished, so the answer can come
   * a stage after `at`; with a deadline, equal rounds can give different proposals on a busy machine.
   */
  readonly deadline?: { readonly at: number; readonly now: () => number };
}

/** Where a round's matching stands, as passed to {@link MatchOptions.progress}. */
export interface MatchProgress {
  /**
   * The stage just done: the staffing flow, a local search, a certificate (a bound on the optimum),
   * a re-staffing near the bound's teams, or one of the perturbed searches.
   */
  readonly stage: "staffing" | "search" | "certificate" | "restaffing" | "perturbation" | "proof";
  /** Cases with a team in the best proposal so far, of the cases the meeting's quota lets in. */
  readonly staffed: number;
  readonly cases: number;
  /** The best proposal's objective so far. */
  readonly objective: number;
  /** How far below the best bound so far that objective is, as a share (once a bound exists). */
  readonly gap?: number;
  /** For perturbed searches: how many are done, of at most how many. */
  readonly step?: { readonly done: number; readonly of: number };
}

/** A copy of the instance with each pair score shaken by a factor in [1 − share, 1 + share]. */
function shaken(inst: Instance, share: number, random: () => number): Instance {
  return {
    ...inst,
    candidates: inst.candidates.map((list) =>
      list.map((c) => ({ ...c, score: c.score * (1 + share * (2 * random() - 1)) })),
    ),
  };
}

/** The certificate's gap: how far below `bound` the objective is, as a share of it (0 for a bound ≤ 0). */
const gapOf = (bound: number, value: number) => (bound <= 0 ? 0 : Math.max(0, (bound - value) / bound));

/** Turn solver output into the published proposal, re-checked by the independent validator. */
export function toProposal(
  inst: Instance,
  assignment: Assignment,
  unstaffed: readonly number[],
  certificate: { bound: number; method: "flow+localSearch" | "exact"; optimal?: boolean },
  search: { passes: number; moves: number; evaluations: number },
): Result<MatchingProposal, SolverDefect> {
  const used = new Int32Array(inst.mentors.length);
  for (const t of assignment)
    if (t !== undefined) for (const i of [t.lead, ...t.members]) used[i] = (used[i] as number) + 1;
  const teams = assignment.flatMap((t, j) => (t === undefined ? [] : [explainTeam(inst, j, t, used)]));
  const { violations, teamRuleBreaks } = validateProposal(inst.round, { teams });
  if (violations.length > 0) return err({ type: "SolverDefect", violations });
  const value = objective(inst, assignment).value;
  const bound = certificate.bound;
  const loads: { mentorId: MentorId; casesBefore: number; casesAfter: number }[] = [];
  inst.mentors.forEach((m, i) => {
    if (used[i])
      loads.push({
        mentorId: m.id,
        casesBefore: m.load.cases,
        casesAfter: m.load.cases + (used[i] as number),
      });
  });
  return ok({
    roundId: inst.round.id,
    status: "proposal",
    teams,
    unstaffed: unstaffed.map((j) => inst.cases[j]?.id).filter((id) => id !== undefined),
    overQuota: inst.overQuota.map((c) => c.id),
    diagnosis: diagnose(inst, assignment, unstaffed, used),
    certificate: {
      objective: value,
      bound,
      gap: gapOf(bound, value),
      scope: inst.sparse ? "candidatePairs" : "allPairs",
      method: certificate.method,
      optimal: certificate.optimal === true,
    },
    loads,
    search,
    teamRuleBreaks,
  });
}

/**
 * Propose teams for a matching round — the monthly mentors' meeting. An exact min-cost flow staffs
 * as many of the quota's cases as the network allows (exactly the profile's team size, one
 * lead-qualified lead, capacities in cases and hours, no conflicts, declined or excluded mentors,
 * pins first, load spread); a local search then improves what the flow cannot see — the team
 * covering the question together, no team of one background, no two mentors of one firm — and,
 * until the certificate proves the proposal within `targetGap` of the bound, the round is staffed
 * again near the teams the bound's relaxation chose, and (up to 300 × 100) searched again from
 * shaken scores. The result is a proposal with explanations, a diagnosis of what could not be
 * staffed and why, and a certificate (objective, upper bound, gap); an independent validator
 * re-checks every hard rule.
 * Deterministic: equal round and seed give an equal proposal, whatever the input order.
 *
 * @example
 * const proposal = matchRound(round); // Result<MatchingProposal, SolverDefect>
 * proposal.map((p) => p.teams.map((t) => [t.caseId, t.lead, ...t.members]));
 */
export function matchRound(
  round: MatchingRound,
  options: MatchOptions = {},
): Result<MatchingProposal, SolverDefect> {
  const inst = buildInstance(round);
  const { assignment: flow, unstaffed, prices, network: staffed } = staffRound(inst);
  const staffedCount = flow.filter((t) => t !== undefined).length;
  const deadline = options.deadline;
  /** Whether the caller's deadline has passed: no new stage starts then. */
  const late = () => deadline !== undefined && deadline.now() >= deadline.at;
  const cases = inst.cases.length;
  options.progress?.({
    stage: "staffing",
    staffed: staffedCount,
    cases,
    objective: objective(inst, flow).value,
  });
  const pairs = inst.candidates.reduce((s, c) => s + c.length, 0);
  const room = seatsOffered(inst);
  let seats = 0;
  flow.forEach((t, j) => {
    if (t !== undefined) seats += inst.teamSize[j] as number;
  });
  // A large round with little room to spare skips the search of the flow's own staffing: with few
  // free seats the search cannot mend the team rules the flow ignores, and the Lagrangian
  // re-staffing below replaces its teams anyway — the search starts from the re-staffing instead
  // (and from the flow's staffing if none is kept). With room to spare the first search mends the
  // rules, and the certificate may then stop at once.
  const skipFirstSearch = pairs > MEDIUM && room < TIGHT_ROOM * seats;
  let best = skipFirstSearch
    ? { assignment: flow, stats: { passes: 0, moves: 0, evaluations: 0 } }
    : localSearch(inst, flow, round.seed, options.search);
  let bestValue = objective(inst, best.assignment);
  let certificate: LagrangianBound | undefined;
  const report = (stage: MatchProgress["stage"], step?: MatchProgress["step"]) =>
    options.progress?.({
      stage,
      staffed: staffedCount,
      cases,
      objective: bestValue.value,
      ...(certificate === undefined ? {} : { gap: gapOf(certificate.bound, bestValue.value) }),
      ...(step === undefined ? {} : { step }),
    });
  if (!skipFirstSearch) report("search");
  /** Keep a searched alternative when it breaks fewer team rules, or as few with more points. */
  const keepIfBetter = (other: typeof best): boolean => {
    const value = objective(inst, other.assignment);
    const better =
      value.brokenTeamRules < bestValue.brokenTeamRules ||
      (value.brokenTeamRules === bestValue.brokenTeamRules && value.value > bestValue.value + 1e-9);
    if (better) {
      best = other;
      bestValue = value;
    }
    return better;
  };
  const active = flow.map((t) => t !== undefined);
  // A floor under the engine: the per-case greedy staffing — of the cases the flow staffed, and of
  // every case in acceptance order — where it staffs as many cases and scores more than the search
  // so far (rounds unlike the ones the search was tuned on); the search goes on from there.
  for (const floor of [
    greedyStaffing(inst, active),
    greedyStaffing(
      inst,
      inst.cases.map(() => true),
      "case",
    ),
  ]) {
    if (late() || floor === undefined || floor.filter((t) => t !== undefined).length < staffedCount) continue;
    const v = objective(inst, floor);
    if (v.brokenTeamRules <= bestValue.brokenTeamRules && v.value > bestValue.value + 1e-9)
      keepIfBetter(localSearch(inst, floor, round.seed, options.search));
  }
  const effort: BoundEffort = {
    ...(BOUND_EFFORT[pairs <= SMALL ? 0 : pairs <= MEDIUM ? 1 : 2] as BoundEffort),
    ...(deadline === undefined ? {} : { stop: late }),
  };
  // Helper threads only where a step's case searches take milliseconds, not microseconds.
  const helpers = pairs > MEDIUM ? options.helpers : undefined;
  /** Per case, whether the best assignment's team breaks a team rule. */
  const breaking = () =>
    best.assignment.map((t) => t !== undefined && brokenTeamRules(inst, [t.lead, ...t.members]).length > 0);
  const target = options.targetGap ?? 0.003;
  let relaxed: boolean[] = [];
  /** The seat prices of a flow over every staffable case (a second start, see below), once. */
  let wholePrices: Float64Array | undefined;
  /**
   * The certificate: the capacity-relaxed bound, from the staffing flow's seat prices, over every
   * staffing that keeps the team rules the best assignment keeps (kept while its broken rules stay
   * on cases it relaxed). The first keeps the team rules on every case — tighter, and its teams (the Lagrangian
   * re-staffing's anchor) break none; it covers the proposal once that breaks none too, and is
   * computed again, with the broken cases relaxed, if it does not.
   */
  const certify = (): LagrangianBound => {
    const breaks = certificate === undefined ? best.assignment.map(() => false) : breaking();
    if (certificate === undefined || breaks.some((b, j) => b && !relaxed[j])) {
      relaxed = breaks;
      // Above MEDIUM pairs, enough once it proves the target gap for a proposal that breaks no team
      // rule (one that breaks a rule is never proven: its teams are needed then): the gap reported
      // is then at most the target. Smaller rounds' certificates run their full effort, cheaply
      // (and may prove an optimum).
      const enough =
        pairs > MEDIUM && bestValue.brokenTeamRules === 0
          ? bestValue.value / (1 - target)
          : Number.NEGATIVE_INFINITY;
      // On a round short of seats the staffing flow's prices come from the cases it kept, and can
      // leave the bound far off (a 300 × 100 round with room for 0.9 × the seats: 27.7 %). Then
      // the certificate starts again from the prices of a flow that staffs every case for its
      // value alone (there: 1.1 %; a better start elsewhere only at random) and keeps the tighter.
      // The first start is given up once it cannot come that close at its pace, so that a start
      // which stalls far off does not spend its whole effort.
      const short = unstaffed.some((j) => staffable(inst, j));
      const first: BoundEffort =
        short && bestValue.value > 0
          ? { ...effort, enough, hopeless: bestValue.value / (1 - FAR) }
          : { ...effort, enough };
      certificate = teamBound(inst, bestValue.value, prices, first, breaks, { helpers });
      if (short && gapOf(certificate.bound, bestValue.value) > FAR && !late()) {
        const whole = inst.cases.map((_, j) => staffable(inst, j));
        wholePrices ??= new StaffingFlow(inst, whole, false).solve(modularValue).prices;
        const other = teamBound(inst, bestValue.value, wholePrices, { ...effort, enough }, breaks, {
          helpers,
        });
        if (other.bound < certificate.bound) certificate = other;
      }
      report("certificate");
    }
    return certificate;
  };
  /**
   * The bound the proposal reports. One that breaks a team rule is measured against every staffing
   * — the rules relaxed on every case, not only where it breaks them — since another staffing may
   * break them elsewhere for more points; the certificate kept for the searches covers only the
   * staffings that keep the rules it keeps, and would claim too small a gap.
   */
  const reportedBound = () => {
    const kept = certify();
    if (bestValue.brokenTeamRules === 0) return kept.bound;
    const everyCase = inst.cases.map(() => true);
    const loose = { ...effort, enough: Number.NEGATIVE_INFINITY };
    return teamBound(inst, bestValue.value, prices, loose, everyCase, { helpers }).bound;
  };
  /** The proposal; `tighter`, a bound on every rule-keeping staffing in its scope (the proof's). */
  const finish = (optimal = false, tighter = Number.POSITIVE_INFINITY) => {
    const bound = optimal
      ? bestValue.value
      : bestValue.brokenTeamRules === 0
        ? Math.max(bestValue.value, Math.min(reportedBound(), tighter))
        : reportedBound();
    return toProposal(
      inst,
      best.assignment,
      // The cases the best assignment leaves without a team (the flow's, unless a floor staffed others).
      best.assignment.flatMap((t, j) => (t === undefined ? [j] : [])),
      { bound, method: "flow+localSearch", optimal },
      best.stats,
    );
  };
  // One network for every re-staffing, the staffing flow's own when it has one (then the first
  // re-staffing starts warm from its flow): a repair that prices a few more rules re-solves it warm.
  let network: StaffingFlow | undefined = staffed;
  /**
   * Staff the same cases again with other pair values, search from there — from the cases whose
   * team changed when `focus` — and keep the result if better. False when the flow could not staff
   * every case.
   */
  const restaff = (value: PairValue, focus: boolean): boolean => {
    if (late()) return false;
    network ??= new StaffingFlow(inst, active, true);
    const teams = network.solve(value).teams;
    if (!teams.every((t, j) => !active[j] || isFullTeam(inst, t, j))) return false;
    const start: Assignment = teams.map((t, j) => (active[j] ? t : undefined));
    const key = (t: Team) => [t.lead, ...t.members].sort((x, y) => x - y).join();
    const changed = focus
      ? start.flatMap((t, j) => {
          const before = best.assignment[j];
          return t === undefined || before === undefined || key(t) === key(before) ? [] : [j];
        })
      : undefined;
    keepIfBetter(localSearch(inst, start, round.seed, options.search, changed));
    report("restaffing");
    return true;
  };
  const proven = () => bestValue.brokenTeamRules === 0 && gapOf(certify().bound, bestValue.value) <= target;
  /**
   * A Lagrangian heuristic, unless the certificate already proves the proposal close enough: the
   * certificate's relaxation picks each case's best team at the seats' prices — coverage and team
   * rules seen whole, but some mentors overbooked. A flow kept near those teams (their seats earn
   * a bonus) staffs the round, moving mentors only where seats are overbooked, and the search goes
   * on from there. On large rounds the flow also charges a newcomer who would break a team rule
   * beside the anchor's team, so that no repair re-staffing is needed; small rounds go unguarded,
   * where the guard cost more of the target than it saved (docs/matching.md).
   */
  const lagrangianRestaff = () => {
    if (!proven()) restaff(anchoredValue(inst, certify().teams, undefined, pairs > MEDIUM), true);
  };
  if (pairs > MEDIUM) {
    lagrangianRestaff();
    // Teams still breaking a team rule get that rule priced into a flow kept near the best
    // assignment — their firm or background made as dear as the rule's penalty on that case — so
    // that it moves the fewest mentors that mend them; the search then starts from the cases whose
    // team changed. Kept only if better.
    const priced: TeamRuleMultipliers[] = inst.cases.map(() => ({ firm: new Map(), background: new Map() }));
    for (let attempt = 0; attempt < LARGE_REPAIRS && bestValue.brokenTeamRules > 0 && !late(); attempt++) {
      const anchor = best.assignment.map((t) => (t === undefined ? [] : [t.lead, ...t.members]));
      // Prices accumulate over the attempts, so a rule broken again elsewhere is priced there too.
      anchor.forEach((team, j) => {
        const broken = brokenTeamRules(inst, team);
        const rule = priced[j] as TeamRuleMultipliers;
        if (broken.includes("sameBackground"))
          rule.background.set(inst.background[team[0] as number] as number, TEAM_RULE_PENALTY);
        if (broken.includes("sameFirm")) {
          const seen = new Set<number>();
          for (const i of team) {
            const f = inst.firm[i] as number;
            if (f >= 0 && seen.has(f)) rule.firm.set(f, TEAM_RULE_PENALTY);
            seen.add(f);
          }
        }
      });
      if (!restaff(anchoredValue(inst, anchor, priced, true), true)) break;
    }
    if (best.assignment === flow) {
      best = localSearch(inst, flow, round.seed, options.search);
      bestValue = objective(inst, best.assignment);
    }
    return finish();
  }
  // Staff the same cases again with coverage priced in (the coverage rows' Lagrange multipliers,
  // each iteration a flow), so that mentors who complete each other's topics come out of the flow
  // together; keep the better. Above MEDIUM pairs the Lagrangian re-staffing alone does better,
  // cheaper.
  if (!late())
    restaff(
      adjustedValue(inst, coveragePrices(inst, bestValue.value, pairs <= SMALL ? 150 : 20, best.assignment)),
      false,
    );
  // Small rounds: a team rule the moves could not mend (it may take a chain through many teams):
  // forbid one pair of the breaking team at a time and staff the whole round again, keeping the
  // result when it staffs the same cases with fewer broken rules (or more points).
  for (
    let attempt = 0;
    attempt < REPAIRS && pairs <= SMALL && bestValue.brokenTeamRules > 0 && !late();
    attempt++
  ) {
    const j = breaking().indexOf(true);
    const team = best.assignment[j] as Team;
    let mended = false;
    for (const i of [team.lead, ...team.members]) {
      const all = inst.candidates[j] as Candidate[];
      const list = all.filter((c) => c.mentor !== i);
      if (all.some((c) => c.mentor === i && !c.pinned)) {
        const trial: Instance = {
          ...inst,
          candidates: inst.candidates.map((l, k) => (k === j ? list : l)),
          candidateIndex: inst.candidateIndex.map((m, k) =>
            k === j ? new Map(list.map((c, pos) => [c.mentor, pos])) : m,
          ),
        };
        const staffed = staffRound(trial);
        if (staffed.unstaffed.join() !== unstaffed.join()) continue;
        if (keepIfBetter(localSearch(trial, staffed.assignment, round.seed, options.search))) {
          mended = true;
          break;
        }
      }
    }
    if (!mended) break;
  }
  // Small rounds short of seats: staff as many cases as any staffing can. Where team sizes differ,
  // the flow may fill the seats with one large team where two small ones fit: each case left out is
  // tried in (the flow staffing the larger set, the search going on), then — sizes differing — a
  // staffed case given up for two left out that fit its seats. More cases staffed come first.
  const count = (a: Assignment) => a.filter((t) => t !== undefined).length;
  const staffMore = (set: boolean[]): boolean => {
    if (late()) return false;
    const teams = new StaffingFlow(inst, set, true).solve(modularValue).teams;
    if (!teams.every((t, j) => !set[j] || isFullTeam(inst, t, j))) return false;
    const found = localSearch(
      inst,
      teams.map((t, j) => (set[j] ? t : undefined)),
      round.seed,
      options.search,
    );
    if (count(found.assignment) <= count(best.assignment)) return false;
    best = found;
    bestValue = objective(inst, found.assignment);
    return true;
  };
  const sizesDiffer = new Set(inst.teamSize).size > 1;
  const grow = () => {
    for (let grown = pairs <= SMALL && !late(); grown && !late(); ) {
      grown = false;
      const on = best.assignment.map((t) => t !== undefined);
      const outs = on.flatMap((x, j) => (!x && staffable(inst, j) ? [j] : []));
      for (const b of outs) if (!grown) grown = staffMore(on.map((x, j) => x || j === b));
      const size = (j: number) => inst.teamSize[j] as number;
      for (let a = 0; a < on.length && !grown && sizesDiffer; a++) {
        if (!on[a] || (inst.candidates[a] as Candidate[]).some((c) => c.pinned)) continue;
        for (let x = 0; x < outs.length && !grown; x++)
          for (let y = x + 1; y < outs.length && !grown; y++) {
            const [b, c] = [outs[x] as number, outs[y] as number];
            if (size(b) + size(c) > size(a) + 1) continue;
            grown = staffMore(on.map((v, j) => (j === a ? false : v || j === b || j === c)));
          }
      }
    }
  };
  grow();
  // Small rounds short of seats: which cases go without a team matters as much as the teams. Try
  // leaving each staffed case out for each staffable one left out (the same number staffed), the
  // flow staffing the new set and the search going on from there; keep what scores more.
  for (let pass = 0, improved = true; pass < SWAP_PASSES && improved && pairs <= SMALL && !late(); pass++) {
    improved = false;
    const staffedNow = () => best.assignment.map((t) => t !== undefined);
    const outs = staffedNow().flatMap((on, j) => (!on && staffable(inst, j) ? [j] : []));
    for (const b of outs)
      for (let a = 0; a < inst.cases.length; a++) {
        const set = staffedNow();
        if (late()) break;
        // A case the manager pinned a mentor to keeps its team.
        if (!set[a] || set[b] || (inst.candidates[a] as Candidate[]).some((c) => c.pinned)) continue;
        set[a] = false;
        set[b] = true;
        const teams = new StaffingFlow(inst, set, true).solve(modularValue).teams;
        if (!teams.every((t, j) => !set[j] || isFullTeam(inst, t, j))) continue;
        const start: Assignment = teams.map((t, j) => (set[j] ? t : undefined));
        if (keepIfBetter(localSearch(inst, start, round.seed, options.search))) improved = true;
      }
  }
  lagrangianRestaff();
  // Iterated local search: shake the pair scores, search from the best assignment on the shaken
  // round (a different local optimum nearby), then on the true one, and keep the result if better —
  // until the certificate proves the proposal close enough or the perturbations are spent.
  const random = prng(round.seed);
  const tries = Math.min(options.perturbations ?? PERTURBATIONS, MAX_PERTURBATIONS);
  for (let r = 0; r < tries; r++) {
    if (late() || proven()) break;
    const moved = localSearch(
      shaken(inst, SHAKE, random),
      best.assignment,
      round.seed + r + 1,
      options.search,
    );
    keepIfBetter(localSearch(inst, moved.assignment, round.seed + r + 1, options.search));
    report("perturbation", { done: r + 1, of: tries });
  }
  // The searches above may have moved to another set of cases: staff more of them where that fits.
  grow();
  // Up to 5 000 candidate pairs: prove the proposal optimal, or find the staffing that is — every
  // team within the certificate's gap of its case's best at the bound's prices, combined
  // exhaustively (see optimum.ts) — among the staffings of at least as many cases that honour the
  // pins it honours. On rounds of up to 12 cases the number staffed is the most any staffing
  // reaches (the flow's exact choice of cases). The certificate's prices first, with a quarter of
  // the steps; on those rounds, where they leave too much slack (on a round short of seats they
  // may come from the second start, or be tuned to pins relaxed), then those of a bound run from
  // the staffing flow's prices to the end (on larger rounds that bound costs seconds).
  if (pairs <= SMALL) {
    const starts = [{ prices: () => certify().prices, nodes: PROOF_BUDGET.nodes / 4 }];
    // The proofs' relaxation keeps the pins and prices the cases to staff, so its bound can be
    // tighter than the certificate's; it bounds every rule-keeping staffing in the scope of any
    // proposal kept from here on (as many cases or more, the same pins or more).
    let proofBound = Number.POSITIVE_INFINITY;
    if (cases <= EXACT_SELECTION)
      starts.push({
        prices: () => teamBound(inst, bestValue.value, prices, BOUND_EFFORT[0] as BoundEffort).prices,
        nodes: PROOF_BUDGET.nodes,
      });
    for (const start of starts) {
      if (late()) break;
      const budget = { ...PROOF_BUDGET, nodes: start.nodes, stop: late };
      const proof = proveOptimum(inst, best.assignment, start.prices(), budget);
      if (proof === undefined) continue;
      if (proof.bound !== undefined) proofBound = Math.min(proofBound, proof.bound);
      // A better staffing found on the way is kept, proven or not.
      if (proof.assignment !== best.assignment)
        keepIfBetter({ assignment: proof.assignment, stats: best.stats });
      report("proof");
      // Optimal among the staffings of as many cases that break no more team rules: such a staffing
      // S has value(S) = F(S) + penalty × its breaks ≤ F* + penalty × the proposal's = its value.
      if (proof.proven && best.assignment === proof.assignment) return finish(true);
    }
    return finish(false, proofBound);
  }
  return finish();
}
