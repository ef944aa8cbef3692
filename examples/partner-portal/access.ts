/**
 * Who may do what in the portal: one table, checked on every route (pages and API alike).
 * A mentor sees and logs only the cases they are on now — changing an id in the URL gives 403.
 */
import type { MentoringCase } from "venture-mentoring";

export type Role = "manager" | "mentor";

export interface User {
  /** The actor id written to the audit trail: `pm-paula`, `mentor-07`. */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export const permissions = [
  "intake.submit",
  "intake.view",
  "triage.override",
  "board.view",
  "board.plan",
  "board.confirm",
  "cases.list",
  "case.view",
  "case.logSession",
  "case.close",
  "mentors.view",
  "report.view",
  "myCases.view",
  "proposal.answer",
  "case.changeTeam",
  "mentors.ethics",
  "mentors.manage",
  "audit.view",
  "meetings.calendar",
  "outbox.send",
] as const;
export type Permission = (typeof permissions)[number];

/** allow; deny; or allow only on a case whose current team includes the user. */
export type Rule = "allow" | "deny" | "ownCase";

export const accessMatrix: { readonly [P in Permission]: { readonly [R in Role]: Rule } } = {
  "intake.submit": { manager: "allow", mentor: "deny" },
  "intake.view": { manager: "allow", mentor: "deny" },
  "triage.override": { manager: "allow", mentor: "deny" },
  "board.view": { manager: "allow", mentor: "deny" },
  "board.plan": { manager: "allow", mentor: "deny" },
  "board.confirm": { manager: "allow", mentor: "deny" },
  "cases.list": { manager: "allow", mentor: "deny" },
  "case.view": { manager: "allow", mentor: "ownCase" },
  "case.logSession": { manager: "deny", mentor: "ownCase" },
  // Close, pause and resume a case: the programme manager's.
  "case.close": { manager: "allow", mentor: "deny" },
  "mentors.view": { manager: "allow", mentor: "deny" },
  "report.view": { manager: "allow", mentor: "deny" },
  "myCases.view": { manager: "deny", mentor: "allow" },
  // A mentor answers for themselves; the manager records an answer for a mentor, saying how it was given.
  "proposal.answer": { manager: "allow", mentor: "allow" },
  "case.changeTeam": { manager: "allow", mentor: "deny" },
  "mentors.ethics": { manager: "allow", mentor: "deny" },
  // Add, edit, import mentors; pause, resume, retire them; record their ethics statement.
  "mentors.manage": { manager: "allow", mentor: "deny" },
  // Who did what, when, why: the audit trail.
  "audit.view": { manager: "allow", mentor: "deny" },
  // The dates of the mentors' meetings: for everyone in the programme.
  "meetings.calendar": { manager: "allow", mentor: "allow" },
  // The reminders' outbox: queue, send, mark sent.
  "outbox.send": { manager: "allow", mentor: "deny" },
};

/** Whether `user` may do `permission` (on `kase`, for the per-case permissions). */
export function permits(user: User, permission: Permission, kase?: MentoringCase): boolean {
  const rule = accessMatrix[permission][user.role];
  if (rule === "allow") return true;
  if (rule === "deny" || kase === undefined) return false;
  return kase.memberships.some((m) => m.mentorId === user.id && m.until === undefined);
}
