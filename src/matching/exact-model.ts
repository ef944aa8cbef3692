import { err, ok, type Result } from "neverthrow";
import { buildInstance, type Candidate, type Instance, loadCost } from "./instance.js";
import { toProposal } from "./match-round.js";
import type { MatchingProposal, SolverDefect } from "./proposal.js";
import type { MatchingRound } from "./round.js";
import type { Assignment } from "./staffing.js";
import { objective, TEAM_RULE_PENALTY } from "./team-value.js";

/** Staffing a case is worth more than any team's value; pins more than staffing (as in the flow). */
const STAFFED = 1e6;
const PINNED = 1e8;

/** The full matching model as text for an LP/MIP solver, and how to read its answer back. */
export interface ExactModel {
  /** CPLEX LP format: the integer program, or its LP relaxation. */
  readonly lp: string;
  /** The constant to subtract from the solver's objective to get the proposal's objective. */
  readonly offset: (columns: Readonly<Record<string, number>>) => number;
  /** Turn column values (name → value) into a proposal, re-checked by the validator. */
  readonly decode: (
    columns: Readonly<Record<string, number>>,
    certificate: { readonly bound: number },
  ) => Result<MatchingProposal, SolverDefect>;
}

/**
 * The whole matching model as a mixed-integer program — every hard rule, exactly one qualified
 * lead, coverage of the question's topics, convex load costs; the team rules (no team of one
 * background, no two mentors of one firm) priced as in the local search — for an exact solver (HiGHS in `venture-mentoring/highs`). Pure: it
 * only writes text. With `relax`, the binaries become [0, 1] and the optimum is an upper bound.
 *
 * @example
 * const model = exactModel(round);
 * const solution = highs.solve(model.lp); // in a worker: HiGHS blocks its thread
 */
export function exactModel(
  round: MatchingRound,
  options: {
    readonly relax?: boolean;
    /**
     * "all" (default): every eligible mentor × case pair. "candidates": only the pairs the
     * heuristic starts from on a large round (each case's best 40 plus spares) — the same scope as
     * its certificate (`scope: "candidatePairs"`), and a model small enough to solve at scale.
     */
    readonly pairs?: "all" | "candidates";
  } = {},
): ExactModel {
  const inst = buildInstance(round, { full: options.pairs !== "candidates" });
  const lines: string[] = [];
  const obj: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const term = (coef: number, name: string) => `${coef >= 0 ? "+" : "-"} ${Math.abs(coef)} ${name}`;
  const N = inst.cases.length;
  const M = inst.mentors.length;
  const byMentor: string[][] = inst.mentors.map(() => []);
  const slacks: string[] = [];
  for (let j = 0; j < N; j++) {
    const list = inst.candidates[j] as Candidate[];
    const size = inst.teamSize[j] as number;
    const s = `s_${j}`;
    binaries.push(s);
    obj.push(term(STAFFED, s));
    const team: string[] = [];
    const leads: string[] = [];
    const backgrounds = new Map<number, string[]>();
    const firms = new Map<number, string[]>();
    for (const c of list) {
      const x = `x_${c.mentor}_${j}`;
      binaries.push(x);
      obj.push(term(c.score + (c.pinned ? PINNED : 0), x));
      team.push(`+ ${x}`);
      byMentor[c.mentor]?.push(x);
      if (c.lead >= 0) {
        const y = `y_${c.mentor}_${j}`;
        binaries.push(y);
        obj.push(term(c.lead, y));
        leads.push(`+ ${y}`);
        rows.push(` link_${c.mentor}_${j}: ${y} - ${x} <= 0`);
      }
      const b = inst.background[c.mentor] as number;
      (backgrounds.get(b) ?? backgrounds.set(b, []).get(b))?.push(x);
      const f = inst.firm[c.mentor] as number;
      if (f >= 0) (firms.get(f) ?? firms.set(f, []).get(f))?.push(x);
    }
    rows.push(` team_${j}: ${team.join(" ") || `0 ${s}`} - ${size} ${s} = 0`);
    rows.push(` lead_${j}: ${leads.join(" ") || `0 ${s}`} - ${s} = 0`);
    // Team rules are strong preferences, never a reason to leave a case unstaffed: per team and
    // rule a binary that lets the rule break, priced like the engine's penalty — once per team,
    // however many mentors or firms break it (as the validator and the local search count).
    const breaks = (name: string, groups: string[][], allowed: number, excess: number) => {
      if (groups.length === 0) return;
      slacks.push(name);
      binaries.push(name);
      obj.push(term(-TEAM_RULE_PENALTY, name));
      groups.forEach((xs, g) => {
        rows.push(` ${name}_${g}: ${xs.map((x) => `+ ${x}`).join(" ")} - ${excess} ${name} <= ${allowed}`);
      });
    };
    if (size >= 3)
      breaks(
        `w_${j}`,
        [...backgrounds.values()].filter((xs) => xs.length >= size),
        size - 1,
        1,
      );
    breaks(
      `v_${j}`,
      [...firms.values()].filter((xs) => xs.length >= 2),
      1,
      size - 1,
    );
    const c = inst.cases[j];
    const W = inst.totalWeight[j] as number;
    c?.topics.forEach((t, k) => {
      const z = `z_${j}_${k}`;
      const covering = list.filter((x) => x.covers & (1 << k)).map((x) => `- x_${x.mentor}_${j}`);
      obj.push(term((inst.round.weights.coverage * t.weight) / W, z));
      bounds.push(` 0 <= ${z} <= 1`);
      rows.push(` cov_${j}_${k}: ${z} ${covering.join(" ")} <= 0`);
      rows.push(` covs_${j}_${k}: ${z} - ${s} <= 0`);
    });
  }
  for (let i = 0; i < M; i++) {
    const xs = byMentor[i] as string[];
    if (xs.length === 0) continue;
    const cap = inst.capacity[i] as number;
    const us: string[] = [];
    for (let k = 1; k <= cap; k++) {
      const u = `u_${i}_${k}`;
      us.push(`- ${u}`);
      bounds.push(` 0 <= ${u} <= 1`);
      obj.push(term(-(loadCost(inst, i, k) - loadCost(inst, i, k - 1)), u));
    }
    rows.push(` cap_${i}: ${xs.map((x) => `+ ${x}`).join(" ")} ${us.join(" ")} = 0`);
  }
  // Joined, not spread: a large round has millions of lines.
  const binaryPart = options.relax
    ? binaries.map((b) => ` 0 <= ${b} <= 1`).join("\n")
    : `Binary\n${binaries.map((b) => ` ${b}`).join("\n")}`;
  lines.push(
    "Maximize",
    ` obj: ${obj.join(" ") || "0 s_0"}`,
    "Subject To",
    rows.join("\n"),
    "Bounds",
    bounds.join("\n"),
    binaryPart,
    "End",
  );
  const offset = (cols: Readonly<Record<string, number>>) => {
    let o = 0;
    for (const w of slacks) o -= TEAM_RULE_PENALTY * (cols[w] ?? 0);
    for (let j = 0; j < N; j++) o += STAFFED * (cols[`s_${j}`] ?? 0);
    for (let j = 0; j < N; j++) {
      for (const c of inst.candidates[j] as Candidate[])
        if (c.pinned) o += PINNED * (cols[`x_${c.mentor}_${j}`] ?? 0);
    }
    return o;
  };
  return {
    lp: lines.join("\n"),
    offset,
    decode: (columns, certificate) => decode(inst, columns, certificate.bound),
  };
}

function decode(
  inst: Instance,
  columns: Readonly<Record<string, number>>,
  bound: number,
): Result<MatchingProposal, SolverDefect> {
  const assignment: Assignment = [];
  const unstaffed: number[] = [];
  for (let j = 0; j < inst.cases.length; j++) {
    if ((columns[`s_${j}`] ?? 0) < 0.5) {
      assignment.push(undefined);
      unstaffed.push(j);
      continue;
    }
    const team = (inst.candidates[j] as Candidate[]).filter(
      (c) => (columns[`x_${c.mentor}_${j}`] ?? 0) > 0.5,
    );
    const lead = team.find((c) => (columns[`y_${c.mentor}_${j}`] ?? 0) > 0.5);
    if (lead === undefined)
      return err({
        type: "SolverDefect",
        violations: [{ rule: "leadNotInTeam", caseId: inst.cases[j]?.id as string }],
      });
    assignment.push({ lead: lead.mentor, members: team.filter((c) => c !== lead).map((c) => c.mentor) });
  }
  const result = toProposal(
    inst,
    assignment,
    unstaffed,
    // Optimal when the solver's bound is the objective (`solveExact` asks HiGHS for gap 0).
    {
      bound,
      method: "exact",
      optimal: bound <= objective(inst, assignment).value + 1e-6 * Math.max(1, Math.abs(bound)),
    },
    { passes: 0, moves: 0, evaluations: 0 },
  );
  return result.isOk() ? ok(result.value) : err(result.error);
}
