import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { z } from "zod";
import type { ValidationFailed } from "../errors.js";
import { inactivityAlerts } from "../hours/budget.js";
import type { Session } from "../hours/session.js";
import { currentTeam, type MentoringCase } from "../lifecycle/case.js";
import { ethicsStatementExpires } from "../lifecycle/mentor.js";
import { addMonths, DAY_MS, monthKey } from "../model/dates.js";
import type { Mentor } from "../model/mentor.js";
import type { ProgrammeProfile } from "../model/profile.js";
import {
  type ConsentRecord,
  consentId,
  type NotificationRecord,
  type StoreConflict,
  type StoredRound,
  type StoreReader,
  type StoreUnavailable,
  type StoreWriter,
} from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import type { Actor, ProgrammeContext } from "./context.js";

/** A reminder as it is due, before it is queued. */
export type DueNotification = Omit<NotificationRecord, "queuedAt" | "sentAt" | "withdrawnAt">;

/** What the reminders are computed from: the programme's state on `asOf`. */
export interface NotificationInput {
  readonly asOf: Date;
  readonly profile: ProgrammeProfile;
  /** The rounds of this month's and next month's meetings. */
  readonly rounds: readonly StoredRound[];
  /** Every case the rounds propose and every running case. */
  readonly cases: readonly MentoringCase[];
  /** The answers given to the rounds' cases. */
  readonly consents: readonly ConsentRecord[];
  /** The running cases' sessions. */
  readonly sessions: readonly Session[];
  readonly mentors: readonly Mentor[];
  /** How many days before an ethics statement expires its mentor is reminded. */
  readonly ethicsReminderDays: number;
}

/**
 * The reminders due on `asOf`, pure: every proposed mentor who has not answered a team still open to
 * them; the lead of every active case quiet for the profile's inactivity period (rule 16: a
 * question, never a closing); every mentor (not retired) whose ethics statement expires within
 * `ethicsReminderDays`. Each has an id stable for what it is about, so it is queued once.
 *
 * @example
 * const due = notificationsDue({ asOf, profile, rounds, cases, consents, sessions, mentors, ethicsReminderDays: 30 });
 */
export function notificationsDue(input: NotificationInput): DueNotification[] {
  const { asOf, profile } = input;
  const caseById = new Map(input.cases.map((c) => [c.id as string, c]));
  const answered = new Set(input.consents.map((c) => c.id));
  const due: DueNotification[] = [];
  for (const round of input.rounds)
    for (const team of round.proposal.teams) {
      const kase = caseById.get(team.caseId);
      if (kase === undefined || !(kase.state === "awaitingMeeting" || kase.needsReplacement)) continue;
      const seated = new Set(currentTeam(kase).map((m) => m.mentorId as string));
      for (const mentorId of [team.lead, ...team.members])
        if (!seated.has(mentorId) && !answered.has(consentId(team.caseId, mentorId)))
          due.push({
            id: `proposalToAnswer/${round.id}/${team.caseId}/${mentorId}`,
            kind: "proposalToAnswer",
            to: mentorId,
            caseId: team.caseId,
            roundId: round.id,
          });
    }
  for (const alert of inactivityAlerts(input.cases, input.sessions, profile, asOf)) {
    const lead = currentTeam(caseById.get(alert.caseId) as MentoringCase).find((m) => m.role === "lead");
    if (lead === undefined) continue;
    due.push({
      id: `caseQuiet/${alert.caseId}/${alert.lastActivity.toISOString().slice(0, 10)}`,
      kind: "caseQuiet",
      to: lead.mentorId,
      caseId: alert.caseId,
      on: alert.lastActivity,
    });
  }
  for (const m of input.mentors) {
    const expires = ethicsStatementExpires(m, profile.ethicsStatementValidityMonths);
    if (m.state === "retired" || expires === undefined) continue;
    if (expires > asOf && expires.getTime() - asOf.getTime() <= input.ethicsReminderDays * DAY_MS)
      due.push({
        id: `ethicsExpiring/${m.id}/${expires.toISOString().slice(0, 10)}`,
        kind: "ethicsExpiring",
        to: m.id,
        on: expires,
      });
  }
  // One of each: a mentor proposed in both months' rounds for one case is reminded once.
  const seen = new Set<string>();
  return due.filter((n) => {
    const key = n.kind === "proposalToAnswer" ? `${n.caseId}/${n.to}` : n.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What queueing did: the reminders queued now, and the pending ones withdrawn (no longer due). */
export interface QueuedNotifications {
  readonly queued: readonly NotificationRecord[];
  readonly withdrawn: readonly string[];
}

const queueOptions = z.object({ ethicsReminderDays: z.int().min(0).max(365).optional() });

/** The state `notificationsDue` reads, from the store (indexes only: the meeting months' rounds, running cases). */
function readInput(
  reader: StoreReader,
  profile: ProgrammeProfile,
  asOf: Date,
  ethicsReminderDays: number,
): ResultAsync<NotificationInput, StoreUnavailable> {
  return reader
    .find("rounds", "meeting", [monthKey(asOf), monthKey(addMonths(asOf, 1))])
    .andThen((rounds) => {
      const proposed = rounds.flatMap((r) => r.value.proposal.teams.map((t) => t.caseId as string));
      return reader.find("cases", "state", ["active", "awaitingMeeting"]).andThen((running) =>
        reader.getMany("cases", proposed).andThen((more) => {
          const cases = [
            ...new Map([...running, ...more].map((c) => [c.value.id as string, c.value])).values(),
          ];
          return reader.find("consents", "case", proposed).andThen((consents) =>
            reader
              .find(
                "sessions",
                "case",
                cases.filter((c) => c.state === "active").map((c) => c.id),
              )
              .andThen((sessions) =>
                reader.list("mentors").map((mentors) => ({
                  asOf,
                  profile,
                  rounds: rounds.map((r) => r.value),
                  cases,
                  consents: consents.map((c) => c.value),
                  sessions: sessions.map((s) => s.value),
                  mentors: mentors.map((m) => m.value),
                  ethicsReminderDays,
                })),
              ),
          );
        }),
      );
    });
}

/**
 * Queue the reminders due on `asOf` (`notificationsDue`) that are not queued yet, and withdraw the
 * pending ones no longer due (the mentor answered, a session was logged, the statement renewed).
 * Run it daily or before sending; running it twice queues nothing twice. One transaction; each
 * queued reminder is in the audit trail.
 *
 * @example
 * const done = await queueNotifications(ctx, new Date(), { id: "system" });
 * if (done.isOk()) console.log(done.value.queued.length);
 */
export function queueNotifications(
  ctx: ProgrammeContext,
  asOf: Date,
  actor: Actor,
  options: { readonly ethicsReminderDays?: number } = {},
): ResultAsync<QueuedNotifications, ValidationFailed | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "queueNotifications",
    { asOf: argument.date, actor: argument.actor, options: queueOptions },
    { asOf, actor, options },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    readInput(tx, ctx.profile, asOf, options.ethicsReminderDays ?? 30).andThen((input) => {
      const due = notificationsDue(input);
      const dueIds = new Set(due.map((n) => n.id));
      return tx
        .getMany(
          "notifications",
          due.map((n) => n.id),
        )
        .andThen((known) =>
          tx.find("notifications", "state", "pending").andThen((pending) => {
            const there = new Set(known.map((k) => k.value.id));
            const at = ctx.clock();
            const queued: NotificationRecord[] = due
              .filter((n) => !there.has(n.id))
              .map((n) => ({ ...n, queuedAt: at }));
            const stale = pending.filter((p) => !dueIds.has(p.value.id));
            const writes = [
              ...queued.map((n) => () => put(tx, n, "new", at, actor, "queueNotification")),
              ...stale.map(
                (p) => () =>
                  put(tx, { ...p.value, withdrawnAt: at }, p.version, at, actor, "withdrawNotification"),
              ),
            ];
            return writes
              .reduce<ResultAsync<void, StoreConflict | StoreUnavailable>>(
                (chain, write) => chain.andThen(write),
                okAsync(undefined),
              )
              .map(() => ({ queued, withdrawn: stale.map((p) => p.value.id) }));
          }),
        );
    }),
  );
}

function put(
  tx: StoreWriter,
  n: NotificationRecord,
  expected: number | "new",
  at: Date,
  actor: Actor,
  action: string,
): ResultAsync<void, StoreConflict | StoreUnavailable> {
  return tx
    .put("notifications", n.id, n, expected)
    .andThen(() =>
      tx.appendAudit({ at, actor: actor.id, action, subject: { collection: "notifications", id: n.id } }),
    );
}

/**
 * The reminders queued and not yet sent or withdrawn, oldest first: what a host sends (or a portal
 * shows). Run `queueNotifications` first for what is due today.
 *
 * @example
 * const outbox = await pendingNotifications(store);
 */
export function pendingNotifications(
  reader: StoreReader,
): ResultAsync<readonly NotificationRecord[], StoreUnavailable> {
  return reader
    .find("notifications", "state", "pending")
    .map((found) =>
      found
        .map((n) => n.value)
        .sort(
          (a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        ),
    );
}

/**
 * Mark reminders sent (the host delivered them). A reminder sent or withdrawn already is left as
 * it is; an id that names no reminder is left out. Returns the ids marked now.
 *
 * @example
 * const outbox = await pendingNotifications(ctx.store);
 * if (outbox.isOk()) await markNotificationsSent(ctx, outbox.value.map((n) => n.id), { id: "system" });
 */
export function markNotificationsSent(
  ctx: ProgrammeContext,
  ids: readonly string[],
  actor: Actor,
): ResultAsync<readonly string[], ValidationFailed | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "markNotificationsSent",
    { ids: z.array(z.string().min(1).max(200)).max(10_000), actor: argument.actor },
    { ids, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    tx.getMany("notifications", ids).andThen((found) => {
      const at = ctx.clock();
      const open = found.filter((n) => n.value.sentAt === undefined && n.value.withdrawnAt === undefined);
      return open
        .reduce<ResultAsync<void, StoreConflict | StoreUnavailable>>(
          (chain, n) =>
            chain.andThen(() =>
              put(tx, { ...n.value, sentAt: at }, n.version, at, actor, "notificationSent"),
            ),
          okAsync(undefined),
        )
        .map(() => open.map((n) => n.value.id));
    }),
  );
}
