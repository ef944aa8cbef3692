import type { MentoringCase } from "./case.js";

/**
 * The meetings an accepted case has waited through without a team: meetings held after it was
 * opened (or after the manager last decided to plan it once more) and on or before `asOf`. No case
 * waits unseen: one with any such meeting is due — it no longer holds a place at the next meeting
 * and is on the manager's list, to plan once more (with a reason), offer a one-off conversation, or
 * refer. Only cases awaiting a meeting can be due.
 */
export function meetingsMissed(c: MentoringCase, meetings: readonly Date[], asOf: Date): Date[] {
  if (c.state !== "awaitingMeeting") return [];
  const since = c.heldOver !== undefined && c.heldOver.on > c.openedOn ? c.heldOver.on : c.openedOn;
  return meetings.filter((m) => m > since && m <= asOf).sort((a, b) => a.getTime() - b.getTime());
}

/** Whether a case waited through a meeting without a team (see `meetingsMissed`). */
export function isDue(c: MentoringCase, meetings: readonly Date[], asOf: Date): boolean {
  return meetingsMissed(c, meetings, asOf).length > 0;
}
