import { fc } from "@fast-check/vitest";
import { backgrounds, type MatchingRound, parseMatchingRound } from "venture-mentoring";
import { buildInstance, type Candidate, type Instance, loadCost } from "../../src/matching/instance.js";
import { teamValue } from "../../src/matching/team-value.js";

const TOPICS = ["strategy", "export", "financing", "sales", "hr"];
const SECTORS = ["agrifood", "maritime", "ict"];
const ORGS = ["Org A", "Org B", "Org C", "Org D"];

/** A small random round: few enough mentors and cases to enumerate every staffing. */
export function smallRoundArb(opts: { maxMentors?: number; maxCases?: number; teamSize?: 2 | 3 } = {}) {
  const mentor = fc.record({
    expertise: fc
      .uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 3 })
      .chain((ts) =>
        fc.tuple(
          ...ts.map((topic) => fc.record({ topic: fc.constant(topic), level: fc.constantFrom(1, 2, 3) })),
        ),
      ),
    sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 2 }),
    background: fc.constantFrom(...backgrounds.slice(0, 3)),
    firm: fc.constantFrom("Firm 1", "Firm 2", "Firm 3", "Firm 4"),
    leadQualified: fc.boolean(),
    maxCases: fc.integer({ min: 0, max: 3 }),
    current: fc.integer({ min: 0, max: 1 }),
    hours: fc.constantFrom(1.5, 3, 4.5, 6),
    interests: fc.subarray(ORGS, { maxLength: 1 }),
    state: fc.constantFrom("active", "active", "active", "paused"),
  });
  const kase = fc.record({
    sector: fc.constantFrom(...SECTORS),
    topics: fc
      .uniqueArray(fc.constantFrom(...TOPICS), { minLength: 1, maxLength: 3 })
      .chain((ts) =>
        fc.tuple(
          ...ts.map((topic) => fc.record({ topic: fc.constant(topic), weight: fc.constantFrom(1, 2, 3) })),
        ),
      ),
    competitor: fc.constantFrom(...ORGS),
    day: fc.integer({ min: 1, max: 28 }),
  });
  return fc
    .record({
      mentors: fc.array(mentor, { minLength: 2, maxLength: opts.maxMentors ?? 6 }),
      cases: fc.array(kase, { minLength: 1, maxLength: opts.maxCases ?? 2 }),
      teamSize: opts.teamSize === undefined ? fc.constantFrom(2, 3) : fc.constant(opts.teamSize),
      volunteers: fc.array(fc.tuple(fc.nat(9), fc.nat(3)), { maxLength: 3 }),
      declines: fc.array(fc.tuple(fc.nat(9), fc.nat(3)), { maxLength: 2 }),
      seed: fc.nat(1000),
    })
    .map((r) => {
      const raw = {
        id: "prop",
        date: "2026-12-07",
        rules: {
          teamSize: { min: r.teamSize, max: r.teamSize },
          newCasesPerMeeting: 10,
          hoursPerCase: 1.5,
          ethicsStatementValidityMonths: 12,
          locale: "en",
        },
        mentors: r.mentors.map((m, i) => ({
          id: `m${i}`,
          name: `Mentor ${i}`,
          state: m.state,
          expertise: m.expertise,
          sectors: m.sectors,
          background: m.background,
          firm: m.firm,
          leadQualified: m.leadQualified,
          intakeLead: false,
          capacity: { maxCases: m.maxCases + m.current, monthlyHours: m.hours + m.current * 1.5 },
          pauses: [],
          interests: m.interests.map((organisation) => ({ kind: "client", organisation })),
          ethicsStatementSignedOn: "2026-05-01",
          load: { cases: m.current, hours: m.current * 1.5 },
        })),
        cases: r.cases.map((c, j) => ({
          id: `c${j}`,
          venture: {
            id: `v${j}`,
            name: `Venture ${j}`,
            sector: c.sector,
            stage: "established",
            employees: 10,
            region: "friesland",
            exportAmbition: "none",
            innovative: false,
            competitors: [c.competitor],
            suppliers: [],
          },
          topics: c.topics,
          acceptedOn: `2026-11-${String(c.day).padStart(2, "0")}`,
          previousMentors: [],
        })),
        preferences: dedupe([
          ...r.volunteers
            .filter(([i, j]) => i < r.mentors.length && j < r.cases.length)
            .map(([i, j]) => ({ mentorId: `m${i}`, caseId: `c${j}`, kind: "volunteered" })),
          ...r.declines
            .filter(([i, j]) => i < r.mentors.length && j < r.cases.length)
            .map(([i, j]) => ({ mentorId: `m${i}`, caseId: `c${j}`, kind: "declined" })),
        ]),
        seed: r.seed,
      };
      return parseMatchingRound(raw)._unsafeUnwrap();
    });
}

function dedupe<T extends { mentorId: string; caseId: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.mentorId}|${x.caseId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every k-element subset of `items`, in order. */
export function subsets<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((x, i) => {
    for (const rest of subsets(items.slice(i + 1), k - 1)) out.push([x, ...rest]);
  });
  return out;
}

export interface BruteResult {
  staffed: number;
  /** Best modular value (pair scores + lead fitness − load) among staffings of `staffed` cases. */
  modular: number;
  /** Best full value (with coverage) among staffings of `staffed` cases meeting the team rules. */
  full: number;
  /** Best full value among all staffings, however many cases they staff: keeping the team rules, and not. */
  anyKeeping: number;
  anyAtAll: number;
}

/** Enumerate every staffing of the round (every case: a team of its candidates, or none). */
export function bruteForce(round: MatchingRound): BruteResult {
  const inst: Instance = buildInstance(round, { full: true });
  const options: { team: number[]; modular: number; full: number; rulesOk: boolean }[][] = inst.cases.map(
    (_, j) => {
      const list = inst.candidates[j] as Candidate[];
      const size = inst.teamSize[j] as number;
      const teams = subsets(
        list.map((c) => c.mentor),
        size,
      ).flatMap((team) => {
        const v = teamValue(inst, j, team);
        if (v === undefined) return [];
        const modular =
          team.reduce((s, i) => s + (list.find((c) => c.mentor === i) as Candidate).score, 0) +
          (list.find((c) => c.mentor === v.lead) as Candidate).lead;
        return [{ team, modular, full: v.value + 5_000 * v.broken.length, rulesOk: v.broken.length === 0 }];
      });
      return [{ team: [], modular: 0, full: 0, rulesOk: true }, ...teams];
    },
  );
  let best: BruteResult = { staffed: 0, modular: 0, full: 0, anyKeeping: 0, anyAtAll: 0 };
  let bestFullStaffed = 0;
  let bestFull = 0;
  const used = new Int32Array(inst.mentors.length);
  const walk = (j: number, staffed: number, modular: number, full: number, rulesOk: boolean) => {
    if (j === inst.cases.length) {
      let load = 0;
      for (let i = 0; i < used.length; i++) load += loadCost(inst, i, used[i] as number);
      if (staffed > best.staffed || (staffed === best.staffed && modular - load > best.modular))
        best = { ...best, staffed, modular: modular - load };
      best.anyAtAll = Math.max(best.anyAtAll, full - load);
      if (rulesOk) best.anyKeeping = Math.max(best.anyKeeping, full - load);
      if (rulesOk && (staffed > bestFullStaffed || (staffed === bestFullStaffed && full - load > bestFull))) {
        bestFullStaffed = staffed;
        bestFull = full - load;
      }
      return;
    }
    for (const o of options[j] ?? []) {
      if (o.team.some((i) => (used[i] as number) >= (inst.capacity[i] as number))) continue;
      for (const i of o.team) used[i] = (used[i] as number) + 1;
      walk(
        j + 1,
        staffed + (o.team.length > 0 ? 1 : 0),
        modular + o.modular,
        full + o.full,
        rulesOk && o.rulesOk,
      );
      for (const i of o.team) used[i] = (used[i] as number) - 1;
    }
  };
  walk(0, 0, 0, 0, true);
  return { ...best, full: bestFullStaffed === best.staffed ? bestFull : Number.NaN };
}
