import { roomForNewCases } from "../hours/capacity.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import type { Mentor } from "../model/mentor.js";
import type { Venture } from "../model/venture.js";
import type { MatchingRound, RoundCase, RoundMentor } from "./round.js";
import { selectTopScores } from "./select.js";

/** Why a mentor cannot be on a case: the hard filters, in the order they are checked. */
export type Exclusion =
  | "inactive"
  | "paused"
  | "ethicsExpired"
  | "atCapacity"
  | "conflictOfInterest"
  | "declined"
  | "excludedByManager";

/** A candidate mentor for one case, with the score broken down (points). */
export interface Candidate {
  readonly mentor: number;
  readonly sector: number;
  readonly expertise: number;
  readonly volunteered: number;
  readonly continuity: number;
  /** The pair score a: the sum of the four parts above. */
  readonly score: number;
  /** Lead fitness b, or -1 when the mentor is not lead-qualified. */
  readonly lead: number;
  /** Bit k set: the mentor covers the case's k-th topic (expertise level ≥ 2). */
  readonly covers: number;
  readonly pinned: boolean;
}

/** The round prepared for the solvers: sorted, indexed, filtered and scored. */
export interface Instance {
  readonly round: MatchingRound;
  readonly mentors: readonly RoundMentor[];
  readonly cases: readonly RoundCase[];
  /** Cases beyond the meeting's quota: not matched this round. */
  readonly overQuota: readonly RoundCase[];
  readonly teamSize: Int32Array;
  /** New cases each mentor can take this round (cases and hours both respected). */
  readonly capacity: Int32Array;
  readonly mentorExclusion: readonly (Exclusion | undefined)[];
  readonly leadQualified: Uint8Array;
  readonly background: Int32Array;
  /** Firm index per mentor, -1 when none given. */
  readonly firm: Int32Array;
  /** Per case: topic weights in the order of `round.cases[j].topics`, and their sum. */
  readonly topicWeights: readonly Int32Array[];
  readonly totalWeight: Int32Array;
  /**
   * Per case of at most TABLE_TOPICS topics, its coverage points for every mask of topics: the
   * certificate's case search asks for them at every leaf, tens of millions of times.
   */
  readonly coverageByMask: readonly (Float64Array | undefined)[];
  /** Per case, the eligible candidates (hard filters passed), sorted by mentor index. */
  readonly candidates: Candidate[][];
  /** Per case, the best-scored mentors excluded by a hard filter, and why (for explanations). */
  readonly pairExclusions: Map<number, { readonly reason: Exclusion; readonly score: number }>[];
  /** Per case, mentor index → position in `candidates[j]`. */
  readonly candidateIndex: Map<number, number>[];
  /** Whether candidate lists were cut to the best per case. */
  readonly sparse: boolean;
  /** Re-score case j keeping its `k` best eligible mentors (widening a sparse list). */
  readonly widen: (j: number, k: number) => void;
}

const normalise = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** The organisations a mentor must not be tied to for this venture: itself, its competitors and suppliers. */
export function ventureOrganisations(v: Venture): string[] {
  return [v.name, ...v.competitors, ...v.suppliers].map(normalise);
}

/** A declared interest of the mentor in one of the venture's organisations (rule 9). */
export function hasDeclaredConflict(m: Mentor, v: Venture): boolean {
  const orgs = new Set(ventureOrganisations(v));
  return m.interests.some((x) => orgs.has(normalise(x.organisation)));
}

/** Whether the mentor is paused on the date. */
export function isPaused(m: Pick<Mentor, "pauses">, date: Date): boolean {
  return m.pauses.some((p) => p.from <= date && (p.until === undefined || p.until >= date));
}

/** New cases a mentor can take this round (the capacity rule, in hours/capacity.ts). */
export function newCaseCapacity(m: RoundMentor, hoursPerCase: number): number {
  return roomForNewCases(m, m.load, hoursPerCase);
}

export function mentorExclusion(
  m: RoundMentor,
  round: MatchingRound,
  capacity: number,
): Exclusion | undefined {
  if (m.state !== "active") return "inactive";
  if (isPaused(m, round.date)) return "paused";
  if (!ethicsStatementCurrent(m, round.date, round.rules.ethicsStatementValidityMonths))
    return "ethicsExpired";
  if (capacity <= 0) return "atCapacity";
  return undefined;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cases in the order the meeting takes them: accepted earliest first, then by id. */
export function caseOrder(a: RoundCase, b: RoundCase): number {
  return a.acceptedOn.getTime() - b.acceptedOn.getTime() || cmp(a.id, b.id);
}

/** Rounds up to this many mentor × case pairs keep every eligible pair; larger ones keep the best per case. */
export const FULL_GRAPH_PAIRS = 60_000;
/** Candidates kept per case on large rounds (best scores), plus `SPARE` spread over mentors with room. */
export const TOP_K = 40;
export const SPARE = 8;

/** Per-mentor arrays one case's scoring fills (reset per case: dense, so the hot loops do not branch). */
interface Scratch {
  /** The mentor's score on the case so far. */
  readonly acc: Float64Array;
  /** 1 when the mentor shares the venture's sector or a topic of its question, or is volunteered, returning or pinned. */
  readonly marked: Uint8Array;
  /** 1 when the mentor works in the venture's sector. */
  readonly inSector: Uint8Array;
  /** The call of `scoreCase` that last took the mentor in or left them out (so each is considered once). */
  readonly seen: Int32Array;
  /** Calls of `scoreCase` so far. */
  calls: number;
}

/** Scoring context shared by every case of a round. */
interface Prepared {
  readonly mentorIndex: ReadonlyMap<string, number>;
  /** Topics (and organisations) as numbers, for the per-candidate checks. */
  readonly topicIds: ReadonlyMap<string, number>;
  readonly orgIds: ReadonlyMap<string, number>;
  /** Mentor i's expertise: topic ids and levels at expertStart[i] … expertStart[i + 1] − 1. */
  readonly expertStart: Int32Array;
  readonly expertTopic: Int32Array;
  readonly expertLevel: Uint8Array;
  /** Mentor i's declared interests (organisation ids) at interestStart[i] … interestStart[i + 1] − 1. */
  readonly interestStart: Int32Array;
  readonly interestOrg: Int32Array;
  readonly bySector: Map<string, number[]>;
  /** Per topic, the mentors with expertise in it and their levels (parallel arrays: the hot loop of scoring). */
  readonly byTopic: Map<string, { readonly mentors: Int32Array; readonly levels: Float64Array }>;
  /** Eligible mentors with room, most room first: the pool spare candidates rotate through. */
  readonly roomy: Int32Array;
  readonly volunteered: Map<number, Set<number>>;
  readonly declined: Map<number, Set<number>>;
  readonly pinned: Map<number, Set<number>>;
  readonly excluded: Map<number, Set<number>>;
  readonly recorded: Map<number, Set<number>>;
  readonly scratch: Scratch;
}

/**
 * Prepare a round: sort (so input order never matters), cut to the meeting's quota, apply every
 * hard filter and score the eligible pairs with their breakdown. Small rounds keep every eligible
 * pair; large ones keep each case's best `TOP_K` plus `SPARE` mentors with room, widened later if
 * a case cannot be staffed from its list.
 */
export function buildInstance(round: MatchingRound, options: { readonly full?: boolean } = {}): Instance {
  const mentors = [...round.mentors].sort((a, b) => cmp(a.id, b.id));
  const ordered = [...round.cases].sort(caseOrder);
  const cases = ordered.slice(0, round.rules.newCasesPerMeeting);
  const overQuota = ordered.slice(round.rules.newCasesPerMeeting);
  const M = mentors.length;
  const N = cases.length;
  const mentorIndex = new Map(mentors.map((m, i) => [m.id as string, i]));
  const caseIndex = new Map(cases.map((c, j) => [c.id as string, j]));
  const capacity = new Int32Array(M);
  const leadQualified = new Uint8Array(M);
  const background = new Int32Array(M);
  const firm = new Int32Array(M);
  const firms = new Map<string, number>();
  const backgrounds = new Map<string, number>();
  const mentorExclusions: (Exclusion | undefined)[] = [];
  const topicIds = new Map<string, number>();
  const orgIds = new Map<string, number>();
  const expertStart = new Int32Array(M + 1);
  const expertTopic: number[] = [];
  const expertLevel: number[] = [];
  const interestStart = new Int32Array(M + 1);
  const interestOrg: number[] = [];
  const bySector = new Map<string, number[]>();
  const topicLists = new Map<string, { mentor: number; level: number }[]>();
  mentors.forEach((m, i) => {
    capacity[i] = newCaseCapacity(m, round.rules.hoursPerCase);
    mentorExclusions.push(mentorExclusion(m, round, capacity[i] as number));
    leadQualified[i] = m.leadQualified ? 1 : 0;
    background[i] = backgrounds.get(m.background) ?? backgrounds.set(m.background, backgrounds.size).size - 1;
    if (m.firm === undefined) firm[i] = -1;
    else {
      const f = normalise(m.firm);
      firm[i] = firms.get(f) ?? firms.set(f, firms.size).size - 1;
    }
    // A topic listed twice counts at its last level, as a map from topic to level would have it.
    for (const [topic, level] of new Map(m.expertise.map((e) => [e.topic as string, e.level]))) {
      expertTopic.push(topicIds.get(topic) ?? topicIds.set(topic, topicIds.size).size - 1);
      expertLevel.push(level);
    }
    expertStart[i + 1] = expertTopic.length;
    for (const x of m.interests) {
      const org = normalise(x.organisation);
      interestOrg.push(orgIds.get(org) ?? orgIds.set(org, orgIds.size).size - 1);
    }
    interestStart[i + 1] = interestOrg.length;
    for (const s of m.sectors) (bySector.get(s) ?? bySector.set(s, []).get(s))?.push(i);
    for (const e of m.expertise)
      (topicLists.get(e.topic) ?? topicLists.set(e.topic, []).get(e.topic))?.push({
        mentor: i,
        level: e.level,
      });
  });
  const roomy = Int32Array.from(
    mentors
      .map((_, i) => i)
      .filter((i) => mentorExclusions[i] === undefined)
      .sort((a, b) => (capacity[b] as number) - (capacity[a] as number) || a - b),
  );
  const pairs = (list: readonly { mentorId: string; caseId: string }[]) => {
    const map = new Map<number, Set<number>>();
    for (const x of list) {
      const i = mentorIndex.get(x.mentorId);
      const j = caseIndex.get(x.caseId);
      if (i === undefined || j === undefined) continue;
      (map.get(j) ?? map.set(j, new Set()).get(j))?.add(i);
    }
    return map;
  };
  const prepared: Prepared = {
    mentorIndex,
    topicIds,
    orgIds,
    expertStart,
    expertTopic: Int32Array.from(expertTopic),
    expertLevel: Uint8Array.from(expertLevel),
    interestStart,
    interestOrg: Int32Array.from(interestOrg),
    bySector,
    byTopic: new Map(
      [...topicLists].map(([topic, list]) => [
        topic,
        { mentors: Int32Array.from(list, (e) => e.mentor), levels: Float64Array.from(list, (e) => e.level) },
      ]),
    ),
    roomy,
    volunteered: pairs(round.preferences.filter((p) => p.kind === "volunteered")),
    declined: pairs(round.preferences.filter((p) => p.kind === "declined")),
    pinned: pairs(round.pins.filter((p) => p.kind === "pin")),
    excluded: pairs(round.pins.filter((p) => p.kind === "exclude")),
    recorded: pairs(round.conflicts),
    scratch: {
      acc: new Float64Array(M),
      marked: new Uint8Array(M),
      inSector: new Uint8Array(M),
      seen: new Int32Array(M),
      calls: 0,
    },
  };
  const full = options.full ?? M * N <= FULL_GRAPH_PAIRS;

  const teamSize = new Int32Array(N);
  const topicWeights: Int32Array[] = [];
  const coverageByMask: (Float64Array | undefined)[] = [];
  const totalWeight = new Int32Array(N);
  const inst: Instance = {
    round,
    mentors,
    cases,
    overQuota,
    teamSize,
    capacity,
    mentorExclusion: mentorExclusions,
    leadQualified,
    background,
    firm,
    topicWeights,
    totalWeight,
    coverageByMask,
    candidates: [],
    pairExclusions: [],
    candidateIndex: [],
    widen: (j: number, k: number) => scoreCase(inst, prepared, j, k),
    sparse: !full,
  };
  cases.forEach((c, j) => {
    teamSize[j] = c.teamSize ?? round.rules.teamSize.min;
    const weights = Int32Array.from(c.topics.map((t) => t.weight));
    topicWeights.push(weights);
    const W = weights.reduce((s, x) => s + x, 0);
    totalWeight[j] = W;
    coverageByMask.push(
      weights.length <= TABLE_TOPICS
        ? Float64Array.from({ length: 1 << weights.length }, (_, mask) =>
            coverageOf(weights, W, round.weights.coverage, mask),
          )
        : undefined,
    );
  });
  for (let j = 0; j < N; j++) scoreCase(inst, prepared, j, full ? M : TOP_K);
  return inst;
}

/**
 * Score case j's mentors and keep its `k` best eligible ones (all of them when k ≥ M), plus
 * pinned mentors and, on sparse rounds, `SPARE` mentors with room taken in rotation.
 */
function scoreCase(inst: Instance, p: Prepared, j: number, k: number): void {
  const { mentors, round } = inst;
  const w = round.weights;
  const c = inst.cases[j] as RoundCase;
  const M = mentors.length;
  const W = inst.totalWeight[j] as number;
  const scratch = p.scratch;
  const { acc, marked, inSector, seen } = scratch;
  const call = ++scratch.calls;
  acc.fill(0);
  marked.fill(0);
  inSector.fill(0);
  const touch = (i: number, add: number) => {
    marked[i] = 1;
    acc[i] = (acc[i] as number) + add;
  };
  for (const i of p.bySector.get(c.venture.sector) ?? []) {
    inSector[i] = 1;
    touch(i, w.sector);
  }
  for (const t of c.topics) {
    const factor = W === 0 ? 0 : (w.expertise * t.weight) / (3 * W);
    const list = p.byTopic.get(t.topic);
    if (list === undefined) continue;
    const { mentors: who, levels } = list;
    for (let x = 0; x < who.length; x++) {
      const i = who[x] as number;
      marked[i] = 1;
      acc[i] = (acc[i] as number) + factor * (levels[x] as number);
    }
  }
  const volunteered = p.volunteered.get(j);
  const declined = p.declined.get(j);
  const pinned = p.pinned.get(j);
  const excluded = p.excluded.get(j);
  const recorded = p.recorded.get(j);
  for (const i of volunteered ?? []) touch(i, w.volunteered);
  const previous = new Set<number>();
  for (const id of new Set<string>(c.previousMentors)) {
    const i = p.mentorIndex.get(id);
    if (i === undefined) continue;
    previous.add(i);
    touch(i, w.continuity);
  }
  for (const i of pinned ?? []) touch(i, 0);

  // The ranking: marked mentors by score, then everybody else when the whole graph is kept. A
  // sparse list needs only the best few (k plus a margin for those a hard filter excludes): they
  // are selected first, and the rest sorted only if the margin runs out.
  const byScore = (a: number, b: number) => (acc[b] as number) - (acc[a] as number) || a - b;
  const mentorsWhere = (keep: (i: number) => boolean) => {
    const out: number[] = [];
    for (let i = 0; i < M; i++) if (keep(i)) out.push(i);
    return out;
  };
  const ranked: Iterable<number> =
    k >= M
      ? [...mentorsWhere((i) => marked[i] === 1).sort(byScore), ...mentorsWhere((i) => marked[i] === 0)]
      : (function* () {
          const head = selectTopScores(acc, marked, k + RANK_MARGIN);
          yield* head;
          const chosen = new Set(head);
          yield* mentorsWhere((i) => marked[i] === 1 && !chosen.has(i)).sort(byScore);
        })();

  // The venture's organisations as ids: one no mentor declared cannot tie anybody.
  const orgs = Int32Array.from(
    ventureOrganisations(c.venture).flatMap((o) => {
      const id = p.orgIds.get(o);
      return id === undefined ? [] : [id];
    }),
  );
  const topics = Int32Array.from(c.topics, (t) => p.topicIds.get(t.topic) ?? -1);
  const list: Candidate[] = [];
  const exclusions = new Map<number, { reason: Exclusion; score: number }>();
  const consider = (i: number): boolean => {
    if (seen[i] === call) return false;
    const mentorLevel = inst.mentorExclusion[i];
    if (mentorLevel !== undefined) {
      if (exclusions.size < 20) {
        seen[i] = call;
        exclusions.set(i, { reason: mentorLevel, score: Math.round(acc[i] as number) });
      }
      return false;
    }
    let tied = false;
    for (let x = p.interestStart[i] as number; x < (p.interestStart[i + 1] as number) && !tied; x++)
      tied = orgs.includes(p.interestOrg[x] as number);
    const why: Exclusion | undefined =
      recorded?.has(i) || tied
        ? "conflictOfInterest"
        : declined?.has(i)
          ? "declined"
          : excluded?.has(i)
            ? "excludedByManager"
            : undefined;
    seen[i] = call;
    if (why !== undefined) {
      exclusions.set(i, { reason: why, score: Math.round(acc[i] as number) });
      return false;
    }
    let fit = 0;
    let covers = 0;
    const to = p.expertStart[i + 1] as number;
    for (let b = 0; b < topics.length; b++) {
      const topic = topics[b] as number;
      let level = 0;
      for (let x = p.expertStart[i] as number; x < to; x++)
        if (p.expertTopic[x] === topic) level = p.expertLevel[x] as number;
      fit += (c.topics[b] as RoundCase["topics"][number]).weight * level;
      if (level >= 2) covers |= 1 << b;
    }
    const sectorFit = inSector[i] as number;
    const sector = sectorFit * w.sector;
    const expertise = W === 0 ? 0 : Math.round((w.expertise * fit) / (3 * W));
    const volunteer = volunteered?.has(i) ? w.volunteered : 0;
    const continuity = previous.has(i) ? w.continuity : 0;
    list.push({
      mentor: i,
      sector,
      expertise,
      volunteered: volunteer,
      continuity,
      score: sector + expertise + volunteer + continuity,
      lead: inst.leadQualified[i] === 1 ? w.lead + sectorFit * w.leadSector : -1,
      covers,
      pinned: pinned?.has(i) ?? false,
    });
    return true;
  };
  for (const i of pinned ?? []) consider(i);
  let kept = list.length;
  for (const i of ranked) {
    if (kept >= k) break;
    if (consider(i)) kept++;
  }
  if (k < M) {
    // Spare candidates in rotation over the mentors with most room, so supply nobody ranks first is reachable.
    const pool = p.roomy;
    for (let r = 0, added = 0; r < pool.length && added < SPARE; r++) {
      const i = pool[(j * SPARE + r) % pool.length] as number;
      if (consider(i)) added++;
    }
  }
  const sorted = [...list].sort((a, b) => a.mentor - b.mentor);
  inst.candidates[j] = sorted;
  inst.candidateIndex[j] = new Map(sorted.map((cand, pos) => [cand.mentor, pos]));
  inst.pairExclusions[j] = exclusions;
}

/** Extra mentors ranked beyond k on a sparse list, for those a hard filter excludes. */
const RANK_MARGIN = 32;

/** Cases with at most this many topics get a table of their coverage points by mask (256 entries). */
const TABLE_TOPICS = 8;

/** The coverage points of the topics in `mask`: their weighted share of the question, times `points`. */
function coverageOf(weights: Int32Array, W: number, points: number, mask: number): number {
  let hit = 0;
  for (let b = 0; b < weights.length; b++) if (mask & (1 << b)) hit += weights[b] as number;
  return W === 0 ? 0 : (points * hit) / W;
}

/** What coverage points are computed from: per case, a table by mask of topics or the topics' weights. */
export type CoverageData = Pick<Instance, "coverageByMask" | "topicWeights" | "totalWeight"> & {
  readonly round: { readonly weights: { readonly coverage: number } };
};

/** Coverage points of a team on case j: the weighted share of its topics some member covers. */
export function coveragePoints(inst: CoverageData, j: number, mask: number): number {
  const table = inst.coverageByMask[j];
  // Bits beyond the case's topics are ignored, as the sum over its topics ignores them.
  if (table !== undefined) return table[mask & (table.length - 1)] as number;
  return coverageOf(
    inst.topicWeights[j] as Int32Array,
    inst.totalWeight[j] as number,
    inst.round.weights.coverage,
    mask,
  );
}

/** Load cost of a mentor taking `added` new cases this round: convex, so load spreads. */
export function loadCost(inst: Instance, i: number, added: number): number {
  const current = (inst.mentors[i] as RoundMentor).load.cases;
  // Σ_{k=1..added} load × (current + k), in closed form (the searches ask this millions of times).
  return inst.round.weights.load * (added * current + (added * (added + 1)) / 2);
}
