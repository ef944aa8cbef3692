import { errAsync, type ResultAsync } from "neverthrow";
import type { IllegalTransition, NotFound, TeamChangeRefused, TeamRefused } from "../errors.js";
import { roomForNewCases } from "../hours/capacity.js";
import { currentTeam, type MentoringCase, transition } from "../lifecycle/case.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import { hasDeclaredConflict, isPaused } from "../matching/instance.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

export type ConfirmTeamError =
  | NotFound
  | TeamRefused
  | IllegalTransition
  | TeamChangeRefused
  | StoreConflict
  | StoreUnavailable;

/**
 * Confirm a case's team after the mentors accepted (rule 12): capacity, eligibility and conflicts
 * of interest are checked again inside the same serializable transaction that writes the team, so
 * two confirmations racing for a mentor's last place cannot both succeed.
 *
 * @example
 * await confirmTeam(ctx, caseId, [{ mentorId: "mentor-08", role: "lead" }, …], { id: "pm-paula" });
 */
export function confirmTeam(
  ctx: ProgrammeContext,
  caseId: CaseId,
  team: readonly { readonly mentorId: MentorId; readonly role: "lead" | "member" }[],
  actor: Actor,
): ResultAsync<MentoringCase, ConfirmTeamError> {
  const { profile } = ctx;
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) =>
      required(tx, "intakes", kase.value.intakeId).andThen((intake) =>
        tx.list("cases").andThen((cases) =>
          tx.list("mentors").andThen((mentors) => {
            const now = ctx.clock();
            const load = new Map<string, number>();
            for (const c of cases) {
              if (c.value.state !== "active" && c.value.state !== "paused") continue;
              for (const m of currentTeam(c.value)) load.set(m.mentorId, (load.get(m.mentorId) ?? 0) + 1);
            }
            for (const seat of team) {
              const refuse = (reason: TeamRefused["reason"]) =>
                errAsync<MentoringCase, ConfirmTeamError>({
                  type: "TeamRefused",
                  caseId,
                  mentorId: seat.mentorId,
                  reason,
                });
              const m = mentors.find((x) => x.value.id === seat.mentorId)?.value;
              if (m === undefined)
                return errAsync<MentoringCase, ConfirmTeamError>({
                  type: "NotFound",
                  collection: "mentors",
                  id: seat.mentorId,
                });
              if (
                m.state !== "active" ||
                isPaused(m, now) ||
                !ethicsStatementCurrent(m, now, profile.ethicsStatementValidityMonths)
              ) {
                return refuse("notMatchable");
              }
              if (seat.role === "lead" && !m.leadQualified) return refuse("notLeadQualified");
              if (hasDeclaredConflict(m, intake.value.venture)) return refuse("conflictOfInterest");
              const cases = load.get(m.id) ?? 0;
              if (
                roomForNewCases(
                  m,
                  { cases, hours: cases * profile.hours.normPerCaseMonth },
                  profile.hours.normPerCaseMonth,
                ) <= 0
              ) {
                return refuse("atCapacity");
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
      ),
    ),
  );
}
