import { errAsync, type ResultAsync } from "neverthrow";
import type {
  IllegalTransition,
  NotFound,
  TeamChangeRefused,
  TeamRefused,
  ValidationFailed,
} from "../errors.js";
import { type MentoringCase, transition } from "../lifecycle/case.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { seatRefusal } from "./seat-check.js";

export type ConfirmTeamError =
  | ValidationFailed
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
  const invalid = checkArguments(
    "confirmTeam",
    { caseId: argument.caseId, team: argument.team, actor: argument.actor },
    { caseId, team, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const { profile } = ctx;
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) =>
      required(tx, "intakes", kase.value.intakeId).andThen((intake) =>
        // O(team): the seated mentors and their current cases, from the index — never every case.
        tx
          .getMany(
            "mentors",
            team.map((seat) => seat.mentorId),
          )
          .andThen((mentors) =>
            tx
              .count(
                "cases",
                "seatedMentor",
                team.map((seat) => seat.mentorId),
              )
              .andThen((load) => {
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
      ),
    ),
  );
}
