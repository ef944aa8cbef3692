import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type {
  ConsentMissing,
  IllegalTransition,
  NotFound,
  TeamChangeRefused,
  TeamRefused,
  ValidationFailed,
} from "../errors.js";
import {
  type CaseEvent,
  completionEvents,
  currentTeam,
  type MentoringCase,
  transition,
} from "../lifecycle/case.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { Venture } from "../model/venture.js";
import type { StoreConflict, StoreUnavailable, StoreWriter, Versioned } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { awaitingConsent } from "./consent.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { seatLoads, seatRefusal } from "./seat-check.js";

export type ConfirmTeamError =
  | ValidationFailed
  | NotFound
  | TeamRefused
  | IllegalTransition
  | TeamChangeRefused
  | ConsentMissing
  | StoreConflict
  | StoreUnavailable;

/**
 * Confirm a case's team once every mentor on it said yes (`answerProposal`, rule 24; else
 * `ConsentMissing` names who did not) and the rules still hold (rule 12): capacity, eligibility and conflicts
 * of interest are checked again inside the same serializable transaction that writes the team, so
 * two confirmations racing for a mentor's last place cannot both succeed. Confirming the team a
 * running case has already changes nothing and succeeds (a repeated confirmation is harmless).
 *
 * @example
 * // The team as the round proposed it (`planRound`'s proposal, one of its teams):
 * const seats = [
 *   { mentorId: team.lead, role: "lead" as const },
 *   ...team.members.map((id) => ({ mentorId: id, role: "member" as const })),
 * ];
 * await confirmTeam(ctx, team.caseId, seats, { id: "pm-paula" });
 */
export function confirmTeam(
  ctx: ProgrammeContext,
  caseId: CaseId,
  team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[],
  actor: Actor,
): ResultAsync<MentoringCase, ConfirmTeamError> {
  const invalid = checkArguments(
    "confirmTeam",
    { caseId: argument.caseId, team: argument.team, actor: argument.actor },
    { caseId, team, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const { profile } = ctx;
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) =>
      required(tx, "intakes", kase.value.intakeId).andThen((intake) => {
        if (kase.value.state === "active" || kase.value.state === "paused") {
          // Confirming the team the case has: already done, nothing to change (a repeat is harmless).
          const seated = currentTeam(kase.value);
          const same =
            seated.length === team.length &&
            team.every((seat) => seated.some((m) => m.mentorId === seat.mentorId && m.role === seat.role));
          if (same) return okAsync<MentoringCase, ConfirmTeamError>(kase.value);
          return completeTeam(ctx, tx, kase, intake.value.venture, team, actor);
        }
        return consented(
          tx,
          kase.value,
          team.map((seat) => seat.mentorId),
        ).andThen(() =>
          // O(team): the seated mentors and their current cases, from the index — never every case.
          tx
            .getMany(
              "mentors",
              team.map((seat) => seat.mentorId),
            )
            .andThen((mentors) =>
              seatLoads(
                tx,
                team.map((seat) => seat.mentorId),
                intake.value.venture.id,
              ).andThen((load) => {
                const now = ctx.clock();
                for (const seat of team) {
                  const m = mentors.find((x) => x.value.id === seat.mentorId)?.value;
                  if (m === undefined) {
                    return errAsync<MentoringCase, ConfirmTeamError>({
                      type: "NotFound",
                      collection: "mentors",
                      id: seat.mentorId,
                    });
                  }
                  const reason = seatRefusal(
                    m,
                    intake.value.venture,
                    seat.role,
                    load.get(m.id) ?? 0,
                    profile,
                    now,
                    load.conflicted(m.id),
                  );
                  if (reason !== undefined) {
                    return errAsync<MentoringCase, ConfirmTeamError>({
                      type: "TeamRefused",
                      caseId,
                      mentorId: seat.mentorId,
                      reason,
                    });
                  }
                }
                const confirmed = transition(kase.value, { type: "teamConfirmed", on: now, team });
                if (confirmed.isErr()) return errAsync<MentoringCase, ConfirmTeamError>(confirmed.error);
                return tx
                  .put("cases", caseId, confirmed.value, kase.version)
                  .andThen(() =>
                    tx.appendAudit({
                      at: now,
                      actor: actor.id,
                      action: "confirmTeam",
                      subject: { collection: "cases", id: caseId },
                    }),
                  )
                  .map(() => confirmed.value);
              }),
            ),
        );
      }),
    ),
  );
}

/** Every mentor to seat said yes (rule 24), or `ConsentMissing` naming those who did not. */
function consented(
  tx: StoreWriter,
  kase: MentoringCase,
  mentorIds: readonly MentorId[],
): ResultAsync<void, ConsentMissing | StoreUnavailable> {
  return awaitingConsent(tx, kase, mentorIds).andThen((missing) =>
    missing.length === 0
      ? okAsync(undefined)
      : errAsync<void, ConsentMissing>({ type: "ConsentMissing", caseId: kase.id, mentorIds: missing }),
  );
}

/**
 * A running case short of a member or its lead (rule 13): the proposed team's newcomers join (each
 * checked like any seat) and a current member it names as lead takes over; the current members stay.
 * A case whose team is whole is refused as already confirmed.
 */
function completeTeam(
  ctx: ProgrammeContext,
  tx: StoreWriter,
  kase: Versioned<MentoringCase>,
  venture: Venture,
  team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[],
  actor: Actor,
): ResultAsync<MentoringCase, ConfirmTeamError> {
  const now = ctx.clock();
  const events = kase.value.needsReplacement ? completionEvents(kase.value, team, now) : [];
  if (events.length === 0)
    return errAsync({
      type: "IllegalTransition",
      caseId: kase.value.id,
      state: kase.value.state,
      event: "teamConfirmed",
    });
  const who = (e: CaseEvent) => (e as { readonly mentorId: MentorId }).mentorId as string;
  const seated = events.map(who);
  const joining = events.flatMap((e) => (e.type === "mentorJoined" ? [e.mentorId] : []));
  return consented(tx, kase.value, joining)
    .andThen(() => tx.getMany("mentors", seated))
    .andThen((mentors) =>
      seatLoads(tx, seated, venture.id).andThen((load) => {
        let next = kase.value;
        for (const e of events) {
          const m = mentors.find((x) => x.value.id === who(e))?.value;
          if (m === undefined)
            return errAsync<MentoringCase, ConfirmTeamError>({
              type: "NotFound",
              collection: "mentors",
              id: who(e),
            });
          const reason =
            e.type === "mentorJoined"
              ? seatRefusal(m, venture, e.role, load.get(m.id) ?? 0, ctx.profile, now, load.conflicted(m.id))
              : m.leadQualified
                ? undefined
                : "notLeadQualified";
          if (reason !== undefined)
            return errAsync<MentoringCase, ConfirmTeamError>({
              type: "TeamRefused",
              caseId: kase.value.id,
              mentorId: m.id,
              reason,
            });
          const applied = transition(next, e);
          if (applied.isErr()) return errAsync<MentoringCase, ConfirmTeamError>(applied.error);
          next = applied.value;
        }
        const done = next;
        return tx
          .put("cases", kase.value.id, done, kase.version)
          .andThen(() =>
            tx.appendAudit({
              at: now,
              actor: actor.id,
              action: "confirmTeam",
              subject: { collection: "cases", id: kase.value.id },
              reason: "replacement",
            }),
          )
          .map(() => done);
      }),
    );
}
