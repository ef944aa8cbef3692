import type { TeamRefused } from "../errors.js";
import { roomForNewCases } from "../hours/capacity.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import { hasDeclaredConflict, isPaused } from "../matching/instance.js";
import type { Mentor } from "../model/mentor.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { Venture } from "../model/venture.js";

/**
 * Why a mentor may not take a seat on a venture's team right now, or undefined if they may: the
 * hard rules of a confirmation (rule 9 and 12), in one place for every use-case that seats a mentor.
 */
export function seatRefusal(
  mentor: Mentor,
  venture: Venture,
  role: "lead" | "member",
  currentCases: number,
  profile: ProgrammeProfile,
  now: Date,
): TeamRefused["reason"] | undefined {
  if (
    mentor.state !== "active" ||
    isPaused(mentor, now) ||
    !ethicsStatementCurrent(mentor, now, profile.ethicsStatementValidityMonths)
  ) {
    return "notMatchable";
  }
  if (role === "lead" && !mentor.leadQualified) return "notLeadQualified";
  if (hasDeclaredConflict(mentor, venture)) return "conflictOfInterest";
  const norm = profile.hours.normPerCaseMonth;
  if (roomForNewCases(mentor, { cases: currentCases, hours: currentCases * norm }, norm) <= 0)
    return "atCapacity";
  return undefined;
}
