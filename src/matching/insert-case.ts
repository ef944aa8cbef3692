import { err, ok, type Result } from "neverthrow";
import type { CaseNotInRound } from "../errors.js";
import { roomForNewCases } from "../hours/capacity.js";
import type { CaseId, MentorId } from "../model/brand.js";
import { diagnose, explainTeam } from "./explain.js";
import {
  buildInstance,
  type Candidate,
  hasDeclaredConflict,
  type Instance,
  loadCost,
  mentorExclusion,
} from "./instance.js";
import type { Diagnosis, ProposedTeam, SolverDefect } from "./proposal.js";
import type { ActiveCase, MatchingRound, RoundMentor } from "./round.js";
import { selectBest } from "./select.js";
import { teamValue } from "./team-value.js";
import { validateProposal } from "./validate.js";

/** One proposed move that makes room: a mentor leaves a running case and another takes the seat. */
export interface Reassignment {
  readonly caseId: CaseId;
  readonly leaves: MentorId;
  readonly joins: MentorId;
  readonly role: "lead" | "member";
}

/** What single-case insertion proposes; nothing is ever applied by it. */
export type Insertion =
  | { readonly kind: "team"; readonly team: ProposedTeam }
  | {
      readonly kind: "reassignment";
      readonly team: ProposedTeam;
      readonly reassignments: readonly Reassignment[];
    }
  | { readonly kind: "none"; readonly diagnosis: readonly Diagnosis[] };

/** Networks up to this size are scanned whole for one case; larger ones use the candidate indexes. */
const SCAN_ALL = 1_000;

/** Mentors a single-case search looks at first on a large network. */
const SHORTLIST = 200;

/**
 * The mentors most likely to be on the best team: active with room, ranked by the same parts as
 * the pair score (sector, weighted expertise, volunteered, continuity) plus lead fitness, pinned
 * mentors first. A cheap pass over the network; the exact scoring happens on the shortlist.
 */
function shortlist(round: MatchingRound, kase: MatchingRound["cases"][number]): RoundMentor[] {
  const w = round.weights;
  const volunteered = new Set<string>(
    round.preferences.filter((p) => p.caseId === kase.id && p.kind === "volunteered").map((p) => p.mentorId),
  );
  const pinned = new Set<string>(
    round.pins.filter((p) => p.caseId === kase.id && p.kind === "pin").map((p) => p.mentorId),
  );
  const previous = new Set<string>(kase.previousMentors);
  const W = kase.topics.reduce((s, t) => s + t.weight, 0) || 1;
  const topicWeight = new Map<string, number>(kase.topics.map((t) => [t.topic, t.weight]));
  const scored: { m: RoundMentor; score: number }[] = [];
  for (const m of round.mentors) {
    if (m.state !== "active" || roomForNewCases(m, m.load, round.rules.hoursPerCase) <= 0) continue;
    let fit = 0;
    for (const e of m.expertise) fit += (topicWeight.get(e.topic) ?? 0) * e.level;
    const score =
      (m.sectors.includes(kase.venture.sector) ? w.sector : 0) +
      (w.expertise * fit) / (3 * W) +
      (volunteered.has(m.id) ? w.volunteered : 0) +
      (previous.has(m.id) ? w.continuity : 0) +
      (pinned.has(m.id) ? 1e9 : 0) +
      (m.leadQualified ? w.lead : 0);
    scored.push({ m, score });
  }
  return selectBest(
    scored,
    SHORTLIST,
    (a, b) => a.score < b.score || (a.score === b.score && a.m.id > b.m.id),
  ).map((x) => x.m);
}

/** Candidates a single-case search enumerates teams from (best pair score + lead fitness first). */
const TEAM_POOL = { 2: 40, 3: 25, 4: 15, 5: 12, 6: 10 } as const;

/** The best team of case 0 that holds every mentor in `forced` (instance indexes); the other seats from its best candidates. */
function bestTeam(
  inst: Instance,
  forced: readonly number[] = [],
): { team: number[]; value: number } | undefined {
  const size = inst.teamSize[0] as number;
  if (forced.length > size) return undefined;
  const kept = new Set(forced);
  const pool = [...(inst.candidates[0] as Candidate[])]
    .filter((c) => !kept.has(c.mentor))
    .sort((a, b) => b.score + Math.max(0, b.lead) - a.score - Math.max(0, a.lead) || a.mentor - b.mentor)
    .slice(0, TEAM_POOL[size as keyof typeof TEAM_POOL] ?? 10)
    .map((c) => c.mentor)
    .sort((a, b) => a - b);
  let best: { team: number[]; value: number } | undefined;
  const pick: number[] = [...forced];
  const walk = (from: number) => {
    if (pick.length === size) {
      const v = teamValue(inst, 0, pick);
      if (v === undefined) return;
      const value = v.value - pick.reduce((s, i) => s + loadCost(inst, i, 1), 0);
      if (best === undefined || value > best.value + 1e-9) best = { team: [...pick], value };
      return;
    }
    for (let p = from; p <= pool.length - (size - pick.length); p++) {
      pick.push(pool[p] as number);
      walk(p + 1);
      pick.pop();
    }
  };
  // A forced mentor who is not a candidate (excluded, at capacity) makes every team impossible.
  const candidates = new Set((inst.candidates[0] as Candidate[]).map((c) => c.mentor));
  if (forced.some((i) => !candidates.has(i))) return undefined;
  walk(0);
  return best;
}

function proposed(inst: Instance, team: number[]): ProposedTeam {
  const v = teamValue(inst, 0, team);
  const lead = v?.lead ?? (team[0] as number);
  const used = new Int32Array(inst.mentors.length);
  for (const i of team) used[i] = 1;
  return explainTeam(inst, 0, { lead, members: team.filter((i) => i !== lead) }, used);
}

const withLoad = (m: RoundMentor, delta: number, hoursPerCase: number): RoundMentor => ({
  ...m,
  load: { cases: m.load.cases + delta, hours: Math.max(0, m.load.hours + delta * hoursPerCase) },
});

/**
 * Between meetings: the best team for one new case against the mentors' current loads, chosen
 * exactly among each case's best candidates (coverage and team rules included). If no team fits,
 * the fewest reassignments in running cases that would make room — each frees one mentor who
 * is at capacity by giving their seat to a mentor with room — proposed, never applied.
 *
 * @example
 * proposeInsertion(round, "case-2026-12-04" as CaseId).map((x) => x.kind); // "team"
 */
export function proposeInsertion(
  round: MatchingRound,
  caseId: CaseId,
): Result<Insertion, CaseNotInRound | SolverDefect> {
  const kase = round.cases.find((c) => c.id === caseId);
  if (kase === undefined) return err({ type: "CaseNotInRound", caseId });
  const single: MatchingRound = { ...round, cases: [kase], rules: { ...round.rules, newCasesPerMeeting: 1 } };
  const check = (r: MatchingRound, team: ProposedTeam): Result<ProposedTeam, SolverDefect> => {
    // The validator reads only the team's own mentors: hand it those, not the whole network.
    const on = new Set<string>([team.lead, ...team.members]);
    const { violations } = validateProposal(
      { ...r, mentors: r.mentors.filter((m) => on.has(m.id)) },
      { teams: [team] },
    );
    return violations.length > 0 ? err({ type: "SolverDefect", violations }) : ok(team);
  };
  // Large networks: first the mentors who score best for this question and have room (the team is
  // chosen among the best candidates anyway); the whole network only if no team comes out of them.
  const sparse = { full: round.mentors.length <= SCAN_ALL };
  if (round.mentors.length > SHORTLIST) {
    const few: MatchingRound = { ...single, mentors: shortlist(single, kase) };
    const quick = buildInstance(few, { full: true });
    const found = bestTeam(quick);
    if (found !== undefined) {
      return check(single, proposed(quick, found.team)).map((team) => ({ kind: "team", team }));
    }
  }
  const inst = buildInstance(single, sparse);
  const direct = bestTeam(inst);
  if (direct !== undefined) {
    return check(single, proposed(inst, direct.team)).map((team) => ({ kind: "team", team }));
  }

  // Make room: free mentors who could serve the case but are at capacity, best-scored first.
  const hours = round.rules.hoursPerCase;
  const pairOff = (mentor: string, c: string) =>
    round.conflicts.some((x) => x.mentorId === mentor && x.caseId === c) ||
    round.preferences.some((x) => x.mentorId === mentor && x.caseId === c && x.kind === "declined") ||
    round.pins.some((x) => x.mentorId === mentor && x.caseId === c && x.kind === "exclude");
  const blocked = inst.mentors
    .map((m, i) => ({ m, i }))
    .filter(
      ({ m }) =>
        mentorExclusion(m, single, 1) === undefined &&
        !hasDeclaredConflict(m, kase.venture) &&
        !pairOff(m.id, kase.id),
    )
    .filter(({ i }) => inst.mentorExclusion[i] === "atCapacity")
    .map(({ m }) => m);
  const score = (m: RoundMentor, c: { venture: ActiveCase["venture"]; topics: ActiveCase["topics"] }) =>
    (m.sectors.includes(c.venture.sector) ? 1 : 0) +
    c.topics.reduce((s, t) => s + t.weight * (m.expertise.find((e) => e.topic === t.topic)?.level ?? 0), 0);
  blocked.sort(
    (a, b) =>
      score(b, kase) - score(a, kase) ||
      Number(b.leadQualified) - Number(a.leadQualified) ||
      (a.id < b.id ? -1 : 1),
  );

  let mentors = new Map(round.mentors.map((m) => [m.id as string, m]));
  const reassignments: Reassignment[] = [];
  const size = inst.teamSize[0] as number;
  for (const b of blocked) {
    if (reassignments.length >= size) break;
    const running = round.activeCases.filter((c) => c.team.some((t) => t.mentorId === b.id));
    let move: Reassignment | undefined;
    for (const c of running) {
      const role = c.team.find((t) => t.mentorId === b.id)?.role ?? "member";
      const options = [...mentors.values()]
        .filter(
          (r) =>
            r.id !== b.id &&
            !c.team.some((t) => t.mentorId === r.id) &&
            (role !== "lead" || r.leadQualified) &&
            mentorExclusion(r, single, roomForNewCases(r, r.load, hours)) === undefined &&
            !hasDeclaredConflict(r, c.venture) &&
            !pairOff(r.id, c.id),
        )
        .sort((x, y) => score(y, c) - score(x, c) || (x.id < y.id ? -1 : 1));
      const r = options[0];
      if (r !== undefined) {
        move = { caseId: c.id, leaves: b.id, joins: r.id, role };
        break;
      }
    }
    if (move === undefined) continue;
    const joiner = mentors.get(move.joins) as RoundMentor;
    mentors = new Map(mentors);
    mentors.set(b.id, withLoad(b, -1, hours));
    mentors.set(joiner.id, withLoad(joiner, 1, hours));
    reassignments.push(move);
    const adjusted: MatchingRound = { ...single, mentors: [...mentors.values()] };
    const widened = buildInstance(adjusted, sparse);
    const found = bestTeam(widened);
    if (found !== undefined) {
      // Keep only the moves whose freed mentor is on the team (the others were not needed).
      const team = proposed(widened, found.team);
      const onTeam = new Set<string>([team.lead, ...team.members]);
      const needed = reassignments.filter((x) => onTeam.has(x.leaves));
      return check(adjusted, team).map((t) => ({ kind: "reassignment", team: t, reassignments: needed }));
    }
  }
  return ok({
    kind: "none",
    diagnosis: diagnose(inst, [undefined], [0], new Int32Array(inst.mentors.length)),
  });
}

/**
 * A seat to fill at once (rule 24: a proposed mentor said no; rule 23: a mentor left a running
 * case): the best team for one case that keeps every mentor in `keep` and fills the other seats,
 * chosen exactly among the case's best candidates with the round's hard rules, pins and
 * exclusions (a mentor who declined the case is a `declined` preference). `none`, with the
 * diagnosis, when no mentor can take the open seats with the kept ones. Nothing is applied.
 *
 * @example
 * proposeReplacement(round, "case-2026-12-04" as CaseId, ["mentor-03" as MentorId]).map((x) => x.kind); // "team"
 */
export function proposeReplacement(
  round: MatchingRound,
  caseId: CaseId,
  keep: readonly MentorId[],
): Result<Exclude<Insertion, { readonly kind: "reassignment" }>, CaseNotInRound | SolverDefect> {
  const kase = round.cases.find((c) => c.id === caseId);
  if (kase === undefined) return err({ type: "CaseNotInRound", caseId });
  const kept = new Set<string>(keep);
  const single: MatchingRound = {
    ...round,
    cases: [kase],
    rules: { ...round.rules, newCasesPerMeeting: 1 },
    // The kept mentors are pinned: they are candidates whatever their score.
    pins: [
      ...round.pins.filter((p) => p.caseId === caseId && !(p.kind === "pin" && kept.has(p.mentorId))),
      ...[...kept].map((mentorId) => ({ mentorId: mentorId as MentorId, caseId, kind: "pin" as const })),
    ],
  };
  const attempt = (r: MatchingRound) => {
    const inst = buildInstance(r, { full: r.mentors.length <= SCAN_ALL });
    const at = new Map(inst.mentors.map((m, i) => [m.id as string, i]));
    const forced = [...kept].map((id) => at.get(id));
    if (forced.some((i) => i === undefined)) return { inst, found: undefined };
    return { inst, found: bestTeam(inst, forced as number[]) };
  };
  const fromShortlist =
    round.mentors.length > SHORTLIST ? attempt({ ...single, mentors: shortlist(single, kase) }) : undefined;
  const { inst, found } = fromShortlist?.found !== undefined ? fromShortlist : attempt(single);
  if (found === undefined)
    return ok({
      kind: "none",
      diagnosis: diagnose(inst, [undefined], [0], new Int32Array(inst.mentors.length)),
    });
  const team = proposed(inst, found.team);
  const on = new Set<string>([team.lead, ...team.members]);
  const { violations } = validateProposal(
    { ...single, mentors: single.mentors.filter((m) => on.has(m.id)) },
    { teams: [team] },
  );
  return violations.length > 0 ? err({ type: "SolverDefect", violations }) : ok({ kind: "team", team });
}
