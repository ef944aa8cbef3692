import { errAsync, type ResultAsync } from "neverthrow";
import type {
  IllegalTransition,
  NotFound,
  TeamChangeRefused,
  TeamRefused,
  ValidationFailed,
} from "../errors.js";
import { type DepartureReason, type MentoringCase, transition } from "../lifecycle/case.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { seatRefusal } from "./seat-check.js";

/** A team change: a mentor steps off or is recused (rule 13), or a replacement joins. */
export type TeamChange =
  | { readonly kind: "leave"; readonly mentorId: MentorId; readonly reason: DepartureReason }
  | { readonly kind: "join"; readonly mentorId: MentorId; readonly role: "lead" | "member" };

/**
 * Change a running case's team. Leaving keeps the membership history with its dates and flags the
 * case for a replacement; joining re-checks the newcomer's eligibility, capacity and conflicts of
 * interest inside the transaction, like a confirmation.
 *
 * @example
 * await changeTeam(ctx, caseId, { kind: "leave", mentorId, reason: "recused" }, { id: "pm-paula" });
 */
export function changeTeam(
  ctx: ProgrammeContext,
  caseId: CaseId,
  change: TeamChange,
  actor: Actor,
): ResultAsync<
  MentoringCase,
  | ValidationFailed
  | NotFound
  | TeamRefused
  | IllegalTransition
  | TeamChangeRefused
  | StoreConflict
  | StoreUnavailable
> {
  const invalid = checkArguments(
    "changeTeam",
    { caseId: argument.caseId, change: argument.teamChange, actor: argument.actor },
    { caseId, change, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const { profile } = ctx;
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) =>
      required(tx, "intakes", kase.value.intakeId).andThen((intake) => {
        const on = ctx.clock();
        const write = (next: MentoringCase) =>
          tx
            .put("cases", caseId, next, kase.version)
            .andThen(() =>
              tx.appendAudit({
                at: on,
                actor: actor.id,
                action: change.kind === "leave" ? "mentorLeft" : "mentorJoined",
                subject: { collection: "cases", id: caseId },
                reason: change.kind === "leave" ? change.reason : change.role,
              }),
            )
            .map(() => next);
        if (change.kind === "leave") {
          const next = transition(kase.value, {
            type: "mentorLeft",
            on,
            mentorId: change.mentorId,
            reason: change.reason,
          });
          return next.isErr() ? errAsync(next.error) : write(next.value);
        }
        return required(tx, "mentors", change.mentorId).andThen((m) =>
          tx.count("cases", "seatedMentor", [m.value.id]).andThen((load) => {
            const reason = seatRefusal(
              m.value,
              intake.value.venture,
              change.role,
              load.get(m.value.id) ?? 0,
              profile,
              on,
            );
            if (reason !== undefined) {
              return errAsync<MentoringCase, TeamRefused>({
                type: "TeamRefused",
                caseId,
                mentorId: change.mentorId,
                reason,
              });
            }
            const next = transition(kase.value, {
              type: "mentorJoined",
              on,
              mentorId: change.mentorId,
              role: change.role,
            });
            return next.isErr() ? errAsync(next.error) : write(next.value);
          }),
        );
      }),
    ),
  );
}
