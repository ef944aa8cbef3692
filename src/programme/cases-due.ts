import { errAsync, type ResultAsync } from "neverthrow";
import type { IllegalTransition, NotFound, TeamChangeRefused, ValidationFailed } from "../errors.js";
import type { HoldOverReason, MentoringCase } from "../lifecycle/case.js";
import { meetingsMissed } from "../lifecycle/due.js";
import type { DiagnosisData } from "../matching/proposal.js";
import type { CaseId, IntakeId } from "../model/brand.js";
import { addMonths, monthKey, monthStart } from "../model/dates.js";
import type { StoreConflict, StoredRound, StoreReader, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { recordCaseEvent } from "./case-event.js";
import type { Actor, ProgrammeContext } from "./context.js";

/** The rounds stored for meetings from the month of `from` to the month of `to`, oldest first. */
export function roundsBetween(
  reader: StoreReader,
  from: Date,
  to: Date,
): ResultAsync<readonly StoredRound[], StoreUnavailable> {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to && months.length < 240; m = addMonths(m, 1))
    months.push(monthKey(m));
  return reader
    .find("rounds", "meeting", months)
    .map((rounds) =>
      rounds
        .map((r) => r.value)
        .sort((a, b) => (a.meetingOn?.getTime() ?? 0) - (b.meetingOn?.getTime() ?? 0)),
    );
}

/** The dates of the meetings the stored rounds were for. */
export const meetingDates = (rounds: readonly StoredRound[]): Date[] =>
  rounds.flatMap((r) => (r.meetingOn === undefined ? [] : [r.meetingOn]));

/** The waiting cases that are due (see `meetingsMissed`), given the stored rounds. */
export function dueAmong(
  cases: readonly MentoringCase[],
  rounds: readonly StoredRound[],
  asOf: Date,
): DueCase[] {
  const meetings = meetingDates(rounds);
  return cases.flatMap((c) => {
    const missed = meetingsMissed(c, meetings, asOf);
    if (missed.length === 0) return [];
    // What the last meeting's proposal said about this case.
    const last = missed[missed.length - 1] as Date;
    const round = rounds.find((r) => r.meetingOn?.getTime() === last.getTime());
    const diagnosis = (round?.proposal.diagnosis ?? []).filter(
      (d) => (d as { readonly caseId?: string }).caseId === c.id,
    );
    return [{ caseId: c.id, intakeId: c.intakeId, openedOn: c.openedOn, meetingsMissed: missed, diagnosis }];
  });
}

/** An accepted case that waited through a meeting without a team: the manager decides what next. */
export interface DueCase {
  readonly caseId: CaseId;
  readonly intakeId: IntakeId;
  readonly openedOn: Date;
  /** The meetings it waited through, oldest first. */
  readonly meetingsMissed: readonly Date[];
  /** Why the last of them found no team for it (the round's diagnosis for this case). */
  readonly diagnosis: readonly DiagnosisData[];
}

/**
 * The manager's list of decisions due: every accepted case that waited through a meeting without a
 * team (no case waits unseen). For each, plan it once more (`holdOver`, with a reason), offer a
 * one-off conversation or refer it (`decideTriage` with an override, which closes the waiting case).
 * A due case holds no place at the next meeting until the manager plans it once more.
 *
 * @example
 * const due = await casesDue(ctx); // [{ caseId: "case-007", meetingsMissed: [2026-12-07], diagnosis: [...] }]
 */
export function casesDue(ctx: ProgrammeContext): ResultAsync<readonly DueCase[], StoreUnavailable> {
  const now = ctx.clock();
  return ctx.store.find("cases", "state", "awaitingMeeting").andThen((waiting) => {
    const cases = waiting.map((c) => c.value);
    if (cases.length === 0) return roundsBetween(ctx.store, now, now).map(() => []);
    const oldest = new Date(Math.min(...cases.map((c) => c.openedOn.getTime())));
    return roundsBetween(ctx.store, oldest, now).map((rounds) => dueAmong(cases, rounds, now));
  });
}

/**
 * Plan a due case once more: it takes a place at the next meeting again, with the manager's reason
 * (a code, in the case and the audit trail). Only a case awaiting a meeting can be held over.
 *
 * @example
 * await holdOver(ctx, "case-007" as CaseId, "menteeAgreed", { id: "pm-paula" });
 */
export function holdOver(
  ctx: ProgrammeContext,
  caseId: CaseId,
  reason: HoldOverReason,
  actor: Actor,
): ResultAsync<
  MentoringCase,
  ValidationFailed | NotFound | IllegalTransition | TeamChangeRefused | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "holdOver",
    { caseId: argument.caseId, reason: argument.holdOverReason, actor: argument.actor },
    { caseId, reason, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return recordCaseEvent(
    ctx,
    caseId,
    (on) => ({ type: "heldOver", on, reason }),
    { action: "holdOver", reason },
    actor,
  );
}
