import { err, ok, type Result } from "neverthrow";
import { match, P } from "ts-pattern";
import { z } from "zod";
import type { IllegalTransition, TeamChangeRefused } from "../errors.js";
import type { CaseId, IntakeId, MentorId, VentureId } from "../model/brand.js";
import { dateSchema, idSchema, listOf, shortTextSchema } from "../model/common.js";

export const caseStates = ["awaitingMeeting", "active", "paused", "closed"] as const;
/** awaiting meeting → active ⇄ paused → closed. A case never closes by itself. */
export type CaseState = (typeof caseStates)[number];

/**
 * The membership history a case keeps (every join, with its dates; a departure closes its entry).
 * A join beyond it is refused (`TeamChangeRefused`, `historyFull`) rather than written: every store
 * must be able to read a case back.
 */
export const MAX_MEMBERSHIPS = 200;

export const closingReasons = [
  "questionResolved",
  "outgrown",
  "referred",
  "withdrew",
  "conflictOfInterest",
  "inactive",
  "other",
] as const;
export type ClosingReason = (typeof closingReasons)[number];

/** Why a mentor left a team: stepped off, or recused after declaring an intent to invest, join the board or sell services. */
export type DepartureReason = "steppedOff" | "recused";

/**
 * Why the manager plans a case once more after a meeting passed without a team for it: a suitable
 * mentor is expected back, the entrepreneur agreed to wait one more meeting, or another reason.
 */
export const holdOverReasons = ["mentorExpected", "menteeAgreed", "other"] as const;
export type HoldOverReason = (typeof holdOverReasons)[number];

/** One mentor's time on a case's team; the history is kept, never rewritten. */
export interface Membership {
  readonly mentorId: MentorId;
  readonly role: "lead" | "member";
  readonly from: Date;
  readonly until?: Date;
  readonly departure?: DepartureReason;
}

export interface ExitFeedback {
  readonly mentee?: string;
  readonly team?: string;
}

/** A mentoring case: one venture's question, its team over time, and how it ended. */
export interface MentoringCase {
  readonly id: CaseId;
  readonly ventureId: VentureId;
  readonly intakeId: IntakeId;
  readonly state: CaseState;
  readonly openedOn: Date;
  /** The team size the profile asks for (the minimum the team must not fall below). */
  readonly teamSize: number;
  readonly memberships: readonly Membership[];
  /** A mentor left and nobody has taken the seat yet: the next matching round proposes a replacement. */
  readonly needsReplacement: boolean;
  readonly closed?: { readonly on: Date; readonly reason: ClosingReason; readonly feedback?: ExitFeedback };
  /** A returning venture's new question: the earlier case it follows on from. */
  readonly previousCaseId?: CaseId;
  /** The manager's decision to plan the case once more after a meeting passed without a team for it. */
  readonly heldOver?: { readonly on: Date; readonly reason: HoldOverReason };
}

/** What can happen to a case. */
export type CaseEvent =
  | {
      readonly type: "teamConfirmed";
      readonly on: Date;
      readonly team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[];
    }
  | { readonly type: "paused"; readonly on: Date }
  | { readonly type: "resumed"; readonly on: Date }
  | {
      readonly type: "mentorLeft";
      readonly on: Date;
      readonly mentorId: MentorId;
      readonly reason: DepartureReason;
    }
  | {
      readonly type: "mentorJoined";
      readonly on: Date;
      readonly mentorId: MentorId;
      readonly role: "lead" | "member";
    }
  | {
      /** The manager plans a waiting case once more after a meeting passed without a team for it. */
      readonly type: "heldOver";
      readonly on: Date;
      readonly reason: HoldOverReason;
    }
  | {
      /** A member of the team becomes its lead (when the lead left). */
      readonly type: "leadHandedOver";
      readonly on: Date;
      readonly mentorId: MentorId;
    }
  | {
      readonly type: "closed";
      readonly on: Date;
      readonly reason: ClosingReason;
      readonly feedback?: ExitFeedback;
    };

export type CaseEventType = CaseEvent["type"];
export const caseEventTypes: readonly CaseEventType[] = [
  "teamConfirmed",
  "paused",
  "resumed",
  "mentorLeft",
  "mentorJoined",
  "leadHandedOver",
  "heldOver",
  "closed",
];

/** The mentors on the team now. */
export function currentTeam(c: MentoringCase): Membership[] {
  return c.memberships.filter((m) => m.until === undefined);
}

/** Cases each mentor is on now: the current teams of active and paused cases. The one place this is counted. */
export function mentorCaseCounts(cases: readonly MentoringCase[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const c of cases) {
    if (c.state !== "active" && c.state !== "paused") continue;
    for (const m of currentTeam(c)) count.set(m.mentorId, (count.get(m.mentorId) ?? 0) + 1);
  }
  return count;
}

/** The team is smaller than the profile asks: visible everywhere (reports, portal) until replaced. */
export function belowMinimum(c: MentoringCase): boolean {
  return c.state !== "closed" && c.state !== "awaitingMeeting" && currentTeam(c).length < c.teamSize;
}

/** A new case, accepted at intake and waiting for the next mentors' meeting. */
export function openCase(args: {
  readonly id: CaseId;
  readonly ventureId: VentureId;
  readonly intakeId: IntakeId;
  readonly teamSize: number;
  readonly on: Date;
  readonly previousCaseId?: CaseId;
}): MentoringCase {
  const base: MentoringCase = {
    id: args.id,
    ventureId: args.ventureId,
    intakeId: args.intakeId,
    state: "awaitingMeeting",
    openedOn: args.on,
    teamSize: args.teamSize,
    memberships: [],
    needsReplacement: false,
  };
  return args.previousCaseId === undefined ? base : { ...base, previousCaseId: args.previousCaseId };
}

const refuse = (
  c: MentoringCase,
  mentorId: string,
  reason: TeamChangeRefused["reason"],
): Result<never, TeamChangeRefused> => err({ type: "TeamChangeRefused", caseId: c.id, mentorId, reason });

function leave(
  c: MentoringCase,
  e: Extract<CaseEvent, { type: "mentorLeft" }>,
): Result<MentoringCase, TeamChangeRefused> {
  if (!currentTeam(c).some((m) => m.mentorId === e.mentorId)) return refuse(c, e.mentorId, "notOnTeam");
  const memberships = c.memberships.map((m) =>
    m.mentorId === e.mentorId && m.until === undefined ? { ...m, until: e.on, departure: e.reason } : m,
  );
  return ok({ ...c, memberships, needsReplacement: true });
}

function join(
  c: MentoringCase,
  e: Extract<CaseEvent, { type: "mentorJoined" }>,
): Result<MentoringCase, TeamChangeRefused> {
  const team = currentTeam(c);
  if (team.some((m) => m.mentorId === e.mentorId)) return refuse(c, e.mentorId, "alreadyOnTeam");
  if (e.role === "lead" && team.some((m) => m.role === "lead")) return refuse(c, e.mentorId, "leadTaken");
  // A mentor who recused from this case (a conflict of interest) never comes back to it.
  if (c.memberships.some((m) => m.mentorId === e.mentorId && m.departure === "recused"))
    return refuse(c, e.mentorId, "recused");
  if (team.length >= c.teamSize) return refuse(c, e.mentorId, "teamSize");
  if (c.memberships.length >= MAX_MEMBERSHIPS) return refuse(c, e.mentorId, "historyFull");
  const memberships = [...c.memberships, { mentorId: e.mentorId, role: e.role, from: e.on }];
  const after = memberships.filter((m) => m.until === undefined);
  return ok({
    ...c,
    memberships,
    needsReplacement: after.length < c.teamSize || !after.some((m) => m.role === "lead"),
  });
}

function handOver(
  c: MentoringCase,
  e: Extract<CaseEvent, { type: "leadHandedOver" }>,
): Result<MentoringCase, TeamChangeRefused> {
  const team = currentTeam(c);
  const member = team.find((m) => m.mentorId === e.mentorId);
  if (member === undefined) return refuse(c, e.mentorId, "notOnTeam");
  if (team.some((m) => m.role === "lead")) return refuse(c, e.mentorId, "leadTaken");
  if (c.memberships.length >= MAX_MEMBERSHIPS) return refuse(c, e.mentorId, "historyFull");
  // The member's seat ends and a lead's begins: the history says who led when.
  const memberships = [
    ...c.memberships.map((m) => (m === member ? { ...m, until: e.on } : m)),
    { mentorId: e.mentorId, role: "lead" as const, from: e.on },
  ];
  return ok({ ...c, memberships, needsReplacement: team.length < c.teamSize });
}

function confirm(
  c: MentoringCase,
  e: Extract<CaseEvent, { type: "teamConfirmed" }>,
): Result<MentoringCase, TeamChangeRefused> {
  const ids = e.team.map((m) => m.mentorId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) return refuse(c, dup, "alreadyOnTeam");
  if (e.team.length !== c.teamSize) return refuse(c, ids[0] ?? "", "teamSize");
  if (e.team.filter((m) => m.role === "lead").length !== 1) return refuse(c, ids[0] ?? "", "noLead");
  return ok({
    ...c,
    state: "active",
    memberships: e.team.map((m) => ({ mentorId: m.mentorId, role: m.role, from: e.on })),
    needsReplacement: false,
  });
}

/**
 * The events that make a running case's team whole with a proposed team (rule 13): the current
 * members stay, the proposal's newcomers fill the open seats (a lead among them only if the case
 * has none), or a current member the proposal names as lead takes over. Apply them with `transition`.
 */
export function completionEvents(
  c: MentoringCase,
  proposed: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[],
  on: Date,
): CaseEvent[] {
  const team = currentTeam(c);
  const onTeam = new Set(team.map((m) => m.mentorId as string));
  let hasLead = team.some((m) => m.role === "lead");
  const events: CaseEvent[] = [];
  const lead = proposed.find((p) => p.role === "lead");
  if (!hasLead && lead !== undefined && onTeam.has(lead.mentorId)) {
    events.push({ type: "leadHandedOver", on, mentorId: lead.mentorId });
    hasLead = true;
  }
  let open = c.teamSize - team.length;
  // The lead first, so that a newcomer who leads takes the lead's seat.
  const newcomers = [...proposed]
    .filter((p) => !onTeam.has(p.mentorId))
    .sort((a, b) => (a.role === "lead" ? -1 : 0) - (b.role === "lead" ? -1 : 0));
  for (const p of newcomers) {
    if (open <= 0) break;
    const role = p.role === "lead" && !hasLead ? "lead" : "member";
    events.push({ type: "mentorJoined", on, mentorId: p.mentorId, role });
    if (role === "lead") hasLead = true;
    open--;
  }
  return events;
}

/**
 * Apply one event to a case. Every (state, event) pair has a defined answer: the new case or a
 * typed error naming the state and the attempted step. Only an explicit `closed` event closes a
 * case; a closed case accepts nothing more (a returning venture starts a new case).
 *
 * @example
 * transition(kase, { type: "paused", on: new Date("2027-03-01") }); // Ok(paused) when active
 */
export function transition(
  c: MentoringCase,
  e: CaseEvent,
): Result<MentoringCase, IllegalTransition | TeamChangeRefused> {
  const illegal = (): Result<MentoringCase, IllegalTransition> =>
    err({ type: "IllegalTransition", caseId: c.id, state: c.state, event: e.type });
  return match<[CaseState, CaseEvent], Result<MentoringCase, IllegalTransition | TeamChangeRefused>>([
    c.state,
    e,
  ])
    .with(["awaitingMeeting", { type: "teamConfirmed" }], ([, ev]) => confirm(c, ev))
    .with(["awaitingMeeting", { type: "closed" }], ([, ev]) => ok(close(c, ev)))
    .with(["awaitingMeeting", { type: "heldOver" }], ([, ev]) =>
      ok({ ...c, heldOver: { on: ev.on, reason: ev.reason } }),
    )
    .with([P.union("active", "paused"), { type: "heldOver" }], illegal)
    .with(
      [
        "awaitingMeeting",
        { type: P.union("paused", "resumed", "mentorLeft", "mentorJoined", "leadHandedOver") },
      ],
      illegal,
    )
    .with(["active", { type: "paused" }], () => ok({ ...c, state: "paused" }))
    .with([P.union("active", "paused"), { type: "mentorLeft" }], ([, ev]) => leave(c, ev))
    .with([P.union("active", "paused"), { type: "mentorJoined" }], ([, ev]) => join(c, ev))
    .with([P.union("active", "paused"), { type: "leadHandedOver" }], ([, ev]) => handOver(c, ev))
    .with([P.union("active", "paused"), { type: "closed" }], ([, ev]) => ok(close(c, ev)))
    .with(["active", { type: P.union("resumed", "teamConfirmed") }], illegal)
    .with(["paused", { type: "resumed" }], () => ok({ ...c, state: "active" }))
    .with(["paused", { type: P.union("paused", "teamConfirmed") }], illegal)
    .with(["closed", P._], illegal)
    .exhaustive();
}

function close(c: MentoringCase, e: Extract<CaseEvent, { type: "closed" }>): MentoringCase {
  const memberships = c.memberships.map((m) => (m.until === undefined ? { ...m, until: e.on } : m));
  const closed =
    e.feedback === undefined
      ? { on: e.on, reason: e.reason }
      : { on: e.on, reason: e.reason, feedback: e.feedback };
  return { ...c, state: "closed", memberships, needsReplacement: false, closed };
}

const membershipSchema = z.object({
  mentorId: idSchema<"MentorId">(),
  role: z.enum(["lead", "member"]),
  from: dateSchema,
  until: dateSchema.exactOptional(),
  departure: z.enum(["steppedOff", "recused"]).exactOptional(),
});

/** The stored form of a case (storage adapters read it back through this schema). */
export const mentoringCaseSchema = z.object({
  id: idSchema<"CaseId">(),
  ventureId: idSchema<"VentureId">(),
  intakeId: idSchema<"IntakeId">(),
  state: z.enum(caseStates),
  openedOn: dateSchema,
  teamSize: z.int().min(1).max(6),
  memberships: listOf(membershipSchema, MAX_MEMBERSHIPS),
  needsReplacement: z.boolean(),
  closed: z
    .object({
      on: dateSchema,
      reason: z.enum(closingReasons),
      feedback: z
        .object({ mentee: shortTextSchema.exactOptional(), team: shortTextSchema.exactOptional() })
        .exactOptional(),
    })
    .exactOptional(),
  previousCaseId: idSchema<"CaseId">().exactOptional(),
  heldOver: z.object({ on: dateSchema, reason: z.enum(holdOverReasons) }).exactOptional(),
}) satisfies z.ZodType<MentoringCase>;
