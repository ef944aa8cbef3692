import { type Candidate, coveragePoints, type Instance } from "./instance.js";
import type { Assignment } from "./staffing.js";
import { brokenTeamRules } from "./team-value.js";

/**
 * The staffing a naive library would ship, kept as a floor under the engine: the cases one by one
 * in the instance's order (acceptance first), each taking its pinned mentors, its best lead, then
 * the members that add most (pair score plus coverage gained) among mentors with room, skipping a
 * member who would break a team rule. Only the `active` cases are staffed. A case it cannot staff
 * is given up (`giveUp: "case"`, the naive library: the benchmark's baseline) or the whole staffing
 * is (`"round"`, the default: the engine's floor never strands a case the staffing flow staffed).
 * Pure and deterministic.
 */
export function greedyStaffing(
  inst: Instance,
  active: readonly boolean[],
  giveUp: "round" | "case" = "round",
): Assignment | undefined {
  const used = new Int32Array(inst.mentors.length);
  const room = (i: number) => (used[i] as number) < (inst.capacity[i] as number);
  const out: Assignment = [];
  for (let j = 0; j < inst.cases.length; j++) {
    if (!active[j]) {
      out.push(undefined);
      continue;
    }
    const team = teamFor(j);
    if (team === undefined && giveUp === "round") return undefined;
    if (team !== undefined) for (const i of [team.lead, ...team.members]) used[i] = (used[i] as number) + 1;
    out.push(team);
  }
  return out;

  /** Case j's greedy team among the mentors with room, or undefined. */
  function teamFor(j: number): { lead: number; members: number[] } | undefined {
    const list = (inst.candidates[j] as Candidate[]).filter((c) => room(c.mentor));
    const size = inst.teamSize[j] as number;
    const pinned = (inst.candidates[j] as Candidate[]).filter((c) => c.pinned);
    if (pinned.some((c) => !room(c.mentor)) || pinned.length > size) return undefined;
    const byLead = (a: Candidate, b: Candidate) => b.score + b.lead - a.score - a.lead || a.mentor - b.mentor;
    const lead =
      [...pinned].filter((c) => c.lead >= 0).sort(byLead)[0] ??
      list.filter((c) => c.lead >= 0).sort(byLead)[0];
    if (lead === undefined) return undefined;
    const team = [lead.mentor, ...pinned.filter((c) => c.mentor !== lead.mentor).map((c) => c.mentor)];
    if (brokenTeamRules(inst, team).includes("sameFirm")) return undefined;
    let mask = 0;
    for (const c of list) if (team.includes(c.mentor)) mask |= c.covers;
    while (team.length < size) {
      let best: { c: Candidate; gain: number } | undefined;
      for (const c of list) {
        if (team.includes(c.mentor)) continue;
        const broken = brokenTeamRules(inst, [...team, c.mentor]);
        if (broken.includes("sameFirm") || (team.length === size - 1 && broken.length > 0)) continue;
        const gain = c.score + coveragePoints(inst, j, mask | c.covers) - coveragePoints(inst, j, mask);
        if (best === undefined || gain > best.gain || (gain === best.gain && c.mentor < best.c.mentor))
          best = { c, gain };
      }
      if (best === undefined) return undefined;
      team.push(best.c.mentor);
      mask |= best.c.covers;
    }
    return { lead: lead.mentor, members: team.slice(1).sort((a, b) => a - b) };
  }
}
