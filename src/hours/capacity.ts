import type { Mentor } from "../model/mentor.js";

/**
 * New cases a mentor can take on: within both their case limit and the hours they offer, given
 * what they carry now (rule 9: committed hours ≤ offered hours). The one place this rule lives;
 * matching, insertion and the report all call it.
 *
 * @example
 * roomForNewCases(mentor, { cases: 2, hours: 3 }, 1.5); // maxCases 4, 6 h offered → 2
 */
export function roomForNewCases(
  m: Pick<Mentor, "capacity">,
  load: { readonly cases: number; readonly hours: number },
  hoursPerCase: number,
): number {
  const byCases = m.capacity.maxCases - load.cases;
  const byHours = Math.floor((m.capacity.monthlyHours - load.hours) / hoursPerCase + 1e-9);
  return Math.max(0, Math.min(byCases, byHours));
}
