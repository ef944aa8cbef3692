/**
 * A seeded generator of matching rounds, for the benchmark and the property tests: sectors and
 * topics with skewed popularity, expertise levels, capacities in cases and hours, a share of
 * lead-qualified mentors, backgrounds, firms, declared interests that conflict with 5–20 % of
 * ventures, volunteering and continuity. Equal options give an equal round.
 */
import {
  backgrounds,
  defaultWeights,
  friesland,
  type MatchingRound,
  roundRulesFromProfile,
} from "venture-mentoring";
import { prng } from "../src/matching/prng.js";

export interface GeneratorOptions {
  readonly mentors: number;
  readonly cases: number;
  readonly seed: number;
  /** Total capacity ÷ seats needed; undefined = generous (at least 1.5 × the seats). */
  readonly supply?: number;
  readonly leadShare?: number;
  /** Organisations each mentor is tied to (drives the conflict rate). */
  readonly ties?: number;
  readonly teamSize?: number;
  /**
   * Other distributions than the home one (each leaves the rest as it is): `steep` demand — the
   * cases ask for a few topics far more, while mentors' expertise is spread flat over the topics in
   * another order; `firms` — this many large firms employ half the mentors; `clustered` conflicts —
   * each sector's ventures name its large firms as competitors, and mentors declare their firm as
   * employer; `teamSizes` — each case's team size drawn from this range; `pins` — a share of the
   * cases with a mentor pinned and two excluded.
   */
  readonly family?: {
    readonly steep?: boolean;
    readonly firms?: number;
    readonly clustered?: boolean;
    readonly teamSizes?: readonly [number, number];
    readonly pins?: number;
  };
}

const SECTORS = [
  "agrifood",
  "maritime",
  "water-technology",
  "manufacturing",
  "construction",
  "retail",
  "hospitality",
  "ict",
  "creative",
  "healthcare",
  "energy",
  "logistics",
  "business-services",
];
const TOPICS = [
  "strategy",
  "growth",
  "sales",
  "marketing",
  "pricing",
  "financing",
  "subsidies",
  "investor-readiness",
  "export",
  "hr",
  "leadership",
  "operations",
  "product",
  "innovation",
  "crisis",
  "regulation",
  "legal",
  "succession",
  "mergers-acquisitions",
  "digital",
  "sustainability",
];

/** Total capacity ÷ seats of the generous variant. */
const GENEROUS = 1.5;

interface Capacity {
  capacity: { maxCases: number; monthlyHours: number };
  load: { cases: number; hours: number };
}
/** New cases a generated mentor can take (1.5 hours a case, as in the Friesland profile). */
const room = (m: Capacity) =>
  Math.max(
    0,
    Math.min(m.capacity.maxCases - m.load.cases, Math.floor((m.capacity.monthlyHours - m.load.hours) / 1.5)),
  );
const activeMentors = <
  T extends Capacity & { state: string; ethicsStatementSignedOn: Date; pauses: unknown[] },
>(
  mentors: T[],
) =>
  mentors.filter(
    (m) => m.state === "active" && m.ethicsStatementSignedOn.getFullYear() === 2026 && m.pauses.length === 0,
  );

export function generateRound(o: GeneratorOptions): MatchingRound {
  const random = prng(o.seed * 7919 + o.mentors * 31 + o.cases);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const zipf = <T>(items: readonly T[]) =>
    items[Math.min(items.length - 1, Math.floor(items.length * random() ** 2))] as T;
  const pickDistinct = <T>(items: readonly T[], n: number, skew: boolean) => {
    const out = new Set<T>();
    while (out.size < Math.min(n, items.length))
      out.add(skew ? zipf(items) : (items[int(0, items.length - 1)] as T));
    return [...out];
  };
  const date = new Date("2026-12-07T19:00:00.000Z");
  const orgs = Array.from({ length: 120 }, (_, k) => `Organisation ${k}`);
  const firms = Array.from({ length: Math.max(3, Math.floor(o.mentors / 4)) }, (_, k) => `Firm ${k}`);
  const teamSize = o.teamSize ?? 3;
  const mentors = Array.from({ length: o.mentors }, (_, i) => {
    const maxCases = int(1, 4);
    const current = int(0, maxCases - 1);
    const monthlyHours = Math.max(current * 1.5 + 1.5, int(3, 12));
    return {
      id: `m${String(i).padStart(5, "0")}`,
      name: `Mentor ${i}`,
      state: random() < 0.97 ? ("active" as const) : ("paused" as const),
      expertise: pickDistinct(
        o.family?.steep ? [...TOPICS].reverse() : TOPICS,
        int(3, 8),
        !o.family?.steep,
      ).map((topic) => ({
        topic,
        level: int(1, 3) as 1 | 2 | 3,
      })),
      sectors: pickDistinct(SECTORS, int(1, 3), true),
      background: backgrounds[
        [0, 0, 0, 1, 1, 2, 3, 4, 5, 6][int(0, 9)] as number
      ] as (typeof backgrounds)[number],
      firm:
        o.family?.firms !== undefined && random() < 0.5
          ? `Big firm ${int(0, o.family.firms - 1)}`
          : (firms[int(0, firms.length - 1)] as string),
      leadQualified: random() < (o.leadShare ?? 0.35),
      intakeLead: random() < 0.1,
      capacity: { maxCases, monthlyHours },
      pauses: random() < 0.02 ? [{ from: new Date("2026-11-01T00:00:00Z") }] : [],
      interests: pickDistinct(orgs, o.ties ?? 2, false).map((organisation) => ({
        kind: "client" as const,
        organisation,
      })),
      ethicsStatementSignedOn:
        random() < 0.97 ? new Date("2026-03-01T00:00:00Z") : new Date("2025-01-01T00:00:00Z"),
      load: { cases: current, hours: current * 1.5 },
    };
  });
  if (o.supply === undefined) {
    // Generous supply: at least GENEROUS × the seats. Rounds with two mentors per new case (the two
    // large sizes) would otherwise be as tight as the tight variant; mentors there offer one more case.
    const active = activeMentors(mentors);
    const need = Math.ceil(o.cases * teamSize * GENEROUS);
    let have = active.reduce((s, m) => s + room(m), 0);
    for (let k = 0; have < need && k < mentors.length * 8; k++) {
      const m = active[int(0, active.length - 1)];
      if (m === undefined || m.capacity.maxCases >= 6) continue;
      const before = room(m);
      m.capacity = { maxCases: m.capacity.maxCases + 1, monthlyHours: m.capacity.monthlyHours + 1.5 };
      have += room(m) - before;
    }
  } else {
    // Scale capacity down until Σ capacity ≈ supply × seats, keeping lead capacity ≥ supply × cases,
    // so that a staffing still exists but only just.
    const active = activeMentors(mentors);
    const need = Math.ceil(o.cases * teamSize * o.supply);
    const needLeads = Math.ceil(o.cases * o.supply);
    let have = active.reduce((s, m) => s + room(m), 0);
    let leads = active.filter((m) => m.leadQualified).reduce((s, m) => s + room(m), 0);
    for (let k = 0; have > need && k < mentors.length * 8; k++) {
      const m = active[int(0, active.length - 1)];
      if (m === undefined || room(m) <= 0) continue;
      if (m.leadQualified && leads <= needLeads) continue;
      const before = room(m);
      m.capacity = { ...m.capacity, maxCases: m.capacity.maxCases - 1 };
      const lost = before - room(m);
      have -= lost;
      if (m.leadQualified) leads -= lost;
    }
  }
  const cases = Array.from({ length: o.cases }, (_, j) => ({
    id: `c${String(j).padStart(5, "0")}`,
    venture: {
      id: `v${j}`,
      name: `Venture ${j}`,
      sector: zipf(SECTORS),
      stage: "established" as const,
      employees: int(1, 80),
      region: "friesland",
      exportAmbition: "none" as const,
      innovative: false,
      competitors: pickDistinct(orgs, 2, false),
      suppliers: pickDistinct(orgs, 2, false),
    },
    topics: pickDistinct(TOPICS, int(2, 5), true).map((topic) => ({ topic, weight: int(1, 3) as 1 | 2 | 3 })),
    acceptedOn: new Date(date.getTime() - int(1, 40) * 86_400_000),
    previousMentors: random() < 0.05 ? [mentors[int(0, o.mentors - 1)]?.id as string] : [],
  }));
  const fam = o.family;
  if (fam?.clustered) {
    // A sector's large players: its ventures name them as competitors; their people say so.
    const players = (sector: string) => {
      const k = SECTORS.indexOf(sector);
      return fam.firms === undefined
        ? [firms[k % firms.length] as string]
        : [`Big firm ${k % fam.firms}`, `Big firm ${(k + 1) % fam.firms}`];
    };
    for (const c of cases)
      c.venture.competitors = [...players(c.venture.sector), ...c.venture.competitors.slice(1)];
    for (const m of mentors)
      m.interests = [...m.interests, { kind: "employer" as "client", organisation: m.firm }];
  }
  const sizes = fam?.teamSizes;
  if (sizes !== undefined)
    for (const c of cases) (c as { teamSize?: number }).teamSize = int(sizes[0], sizes[1]);
  const pins =
    fam?.pins === undefined
      ? []
      : cases.flatMap((c) =>
          random() < (fam.pins as number)
            ? [
                {
                  mentorId: mentors[int(0, o.mentors - 1)]?.id as string,
                  caseId: c.id,
                  kind: "pin" as const,
                },
                {
                  mentorId: mentors[int(0, o.mentors - 1)]?.id as string,
                  caseId: c.id,
                  kind: "exclude" as const,
                },
                {
                  mentorId: mentors[int(0, o.mentors - 1)]?.id as string,
                  caseId: c.id,
                  kind: "exclude" as const,
                },
              ]
            : [],
        );
  const preferences = cases.flatMap((c) => [
    ...Array.from({ length: int(0, 3) }, () => ({
      mentorId: mentors[int(0, o.mentors - 1)]?.id as string,
      caseId: c.id,
      kind: "volunteered" as const,
    })),
    ...(random() < 0.3
      ? [{ mentorId: mentors[int(0, o.mentors - 1)]?.id as string, caseId: c.id, kind: "declined" as const }]
      : []),
  ]);
  const seen = new Set<string>();
  const unique = preferences.filter((p) => {
    const k = `${p.mentorId}|${p.caseId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    id: `bench-${o.mentors}x${o.cases}-${o.seed}${o.supply === undefined ? "" : "-tight"}`,
    date,
    rules: {
      ...roundRulesFromProfile(friesland),
      teamSize: sizes === undefined ? { min: teamSize, max: teamSize } : { min: sizes[0], max: sizes[1] },
      newCasesPerMeeting: o.cases,
      locale: "en",
    },
    mentors: mentors as unknown as MatchingRound["mentors"],
    cases: cases as unknown as MatchingRound["cases"],
    preferences: unique as unknown as MatchingRound["preferences"],
    // A mentor pinned and excluded for one case contradicts itself: the pin stays.
    pins: pins.filter(
      (p, k) =>
        !pins.some(
          (q, l) => l !== k && q.caseId === p.caseId && q.mentorId === p.mentorId && p.kind === "exclude",
        ),
    ) as unknown as MatchingRound["pins"],
    conflicts: [],
    activeCases: [],
    weights: defaultWeights,
    seed: o.seed,
  };
}
