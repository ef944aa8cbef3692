/**
 * The baseline a naive library would ship: cases one by one in acceptance order, each taking its
 * best lead and then the members that add most (score plus coverage gained), among mentors with
 * room, skipping a member who would break a team rule. Kept only for the benchmark.
 */
import { type Candidate, coveragePoints, type Instance } from "../src/matching/instance.js";
import type { Assignment } from "../src/matching/staffing.js";
import { brokenTeamRules } from "../src/matching/team-value.js";

export function greedy(inst: Instance): Assignment {
  const used = new Int32Array(inst.mentors.length);
  const room = (i: number) => (used[i] as number) < (inst.capacity[i] as number);
  return inst.cases.map((_, j) => {
    const list = (inst.candidates[j] as Candidate[]).filter((c) => room(c.mentor));
    const size = inst.teamSize[j] as number;
    const leads = list
      .filter((c) => c.lead >= 0)
      .sort((a, b) => b.score + b.lead - a.score - a.lead || a.mentor - b.mentor);
    const lead = leads[0];
    if (lead === undefined) return undefined;
    const team = [lead.mentor];
    let mask = lead.covers;
    while (team.length < size) {
      let best: { c: Candidate; gain: number } | undefined;
      for (const c of list) {
        if (team.includes(c.mentor)) continue;
        if (team.length === size - 1 && brokenTeamRules(inst, [...team, c.mentor]).length > 0) continue;
        if (brokenTeamRules(inst, [...team, c.mentor]).includes("sameFirm")) continue;
        const gain = c.score + coveragePoints(inst, j, mask | c.covers) - coveragePoints(inst, j, mask);
        if (best === undefined || gain > best.gain) best = { c, gain };
      }
      if (best === undefined) return undefined;
      team.push(best.c.mentor);
      mask |= best.c.covers;
    }
    for (const i of team) used[i] = (used[i] as number) + 1;
    return { lead: lead.mentor, members: team.slice(1).sort((a, b) => a - b) };
  });
}
