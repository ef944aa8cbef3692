import type { ResultAsync } from "neverthrow";
import type { TeamRefused } from "../errors.js";
import { roomForNewCases } from "../hours/capacity.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import { hasDeclaredConflict, isPaused } from "../matching/instance.js";
import type { Mentor } from "../model/mentor.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { Venture } from "../model/venture.js";
import type { StoreReader, StoreUnavailable } from "../store/contract.js";

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
  recordedConflict = false,
): TeamRefused["reason"] | undefined {
  if (
    mentor.state !== "active" ||
    isPaused(mentor, now) ||
    !ethicsStatementCurrent(mentor, now, profile.ethicsStatementValidityMonths)
  ) {
    return "notMatchable";
  }
  if (role === "lead" && !mentor.leadQualified) return "notLeadQualified";
  if (recordedConflict || hasDeclaredConflict(mentor, venture)) return "conflictOfInterest";
  const norm = profile.hours.normPerCaseMonth;
  if (roomForNewCases(mentor, { cases: currentCases, hours: currentCases * norm }, norm) <= 0)
    return "atCapacity";
  return undefined;
}

/** What a seat check reads about the mentors it seats: their current cases, and recorded conflicts. */
export interface SeatLoads {
  /** The mentor's current cases. */
  get(mentorId: string): number | undefined;
  /** Whether the programme recorded a conflict of interest between the mentor and the venture. */
  conflicted(mentorId: string): boolean;
}

/** The current cases of `mentorIds` and the conflicts recorded with the venture, from the indexes. */
export function seatLoads(
  reader: StoreReader,
  mentorIds: readonly string[],
  ventureId: string,
): ResultAsync<SeatLoads, StoreUnavailable> {
  return reader.count("cases", "seatedMentor", mentorIds).andThen((load) =>
    reader.find("conflicts", "venture", ventureId).map((recorded) => {
      const off = new Set(recorded.map((c) => c.value.mentorId as string));
      return { get: (id: string) => load.get(id), conflicted: (id: string) => off.has(id) };
    }),
  );
}
