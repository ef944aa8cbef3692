import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type {
  ConsentMissing,
  IllegalTransition,
  NotFound,
  TeamChangeRefused,
  TeamRefused,
  ValidationFailed,
} from "../errors.js";
import { currentTeam, type DepartureReason, type MentoringCase, transition } from "../lifecycle/case.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { awaitingConsent } from "./consent.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { seatLoads, seatRefusal } from "./seat-check.js";

/**
 * A team change: a mentor steps off or is recused (rule 13), a replacement joins, or the manager
 * names which member leads (when the lead left and no member took over by themselves).
 */
export type TeamChange =
  | { readonly kind: "leave"; readonly mentorId: MentorId; readonly reason: DepartureReason }
  | { readonly kind: "join"; readonly mentorId: MentorId; readonly role: "lead" | "member" }
  | { readonly kind: "lead"; readonly mentorId: MentorId };

export type ChangeTeamError =
  | ValidationFailed
  | NotFound
  | TeamRefused
  | IllegalTransition
  | TeamChangeRefused
  | ConsentMissing
  | StoreConflict
  | StoreUnavailable;

/**
 * Change a running case's team. Leaving keeps the membership history with its dates and flags the
 * case for a replacement; when the lead leaves, the first remaining member who is lead-qualified
 * and active takes over as lead at once (so the team can go on logging sessions), else the manager
 * names one (`kind: "lead"`). Joining re-checks the newcomer's eligibility, capacity and conflicts
 * of interest inside the transaction, like a confirmation; a mentor who recused from the case never
 * joins it again.
 *
 * @example
 * await changeTeam(ctx, caseId, { kind: "leave", mentorId, reason: "recused" }, { id: "pm-paula" });
 */
export function changeTeam(
  ctx: ProgrammeContext,
  caseId: CaseId,
  change: TeamChange,
  actor: Actor,
): ResultAsync<MentoringCase, ChangeTeamError> {
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
        const audited = (action: string, reason?: string) =>
          tx.appendAudit({
            at: on,
            actor: actor.id,
            action,
            subject: { collection: "cases", id: caseId },
            ...(reason === undefined ? {} : { reason }),
          });
        const write = (next: MentoringCase, action: string, reason: string) =>
          tx
            .put("cases", caseId, next, kase.version)
            .andThen(() => audited(action, reason))
            .map(() => next);
        /** A member takes over as lead: lead-qualified and active, else refused. */
        const handOver = (c: MentoringCase, mentorId: MentorId) =>
          required(tx, "mentors", mentorId).andThen((m) =>
            !m.value.leadQualified
              ? errAsync<MentoringCase, ChangeTeamError>({
                  type: "TeamRefused",
                  caseId,
                  mentorId,
                  reason: "notLeadQualified",
                })
              : transition(c, { type: "leadHandedOver", on, mentorId }).asyncAndThen((next) =>
                  okAsync<MentoringCase, ChangeTeamError>(next),
                ),
          );
        if (change.kind === "lead")
          return handOver(kase.value, change.mentorId).andThen((next) =>
            write(next, "leadHandedOver", "manager"),
          );
        if (change.kind === "leave") {
          const wasLead = currentTeam(kase.value).some(
            (m) => m.mentorId === change.mentorId && m.role === "lead",
          );
          const left = transition(kase.value, {
            type: "mentorLeft",
            on,
            mentorId: change.mentorId,
            reason: change.reason,
          });
          if (left.isErr()) return errAsync(left.error);
          if (!wasLead) return write(left.value, "mentorLeft", change.reason);
          // The lead left: the first remaining member who may lead takes over.
          const rest = currentTeam(left.value).map((m) => m.mentorId as string);
          return tx.getMany("mentors", rest).andThen((mentors) => {
            const next = rest
              .map((id) => mentors.find((m) => m.value.id === id)?.value)
              .find((m) => m?.leadQualified && m.state === "active");
            if (next === undefined) return write(left.value, "mentorLeft", change.reason);
            const handed = transition(left.value, { type: "leadHandedOver", on, mentorId: next.id });
            if (handed.isErr()) return write(left.value, "mentorLeft", change.reason);
            return tx
              .put("cases", caseId, handed.value, kase.version)
              .andThen(() => audited("mentorLeft", change.reason))
              .andThen(() => audited("leadHandedOver", "leadLeft"))
              .map(() => handed.value);
          });
        }
        // A newcomer joins within the rules and once they said yes (rule 24), like a confirmed
        // team's mentors; the rules are checked first, so a refusal never asks for an answer.
        return required(tx, "mentors", change.mentorId).andThen((m) =>
          seatLoads(tx, [m.value.id], intake.value.venture.id).andThen((load) => {
            const reason = seatRefusal(
              m.value,
              intake.value.venture,
              change.role,
              load.get(m.value.id) ?? 0,
              profile,
              on,
              load.conflicted(m.value.id),
            );
            if (reason !== undefined) {
              return errAsync<MentoringCase, ChangeTeamError>({
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
            if (next.isErr()) return errAsync<MentoringCase, ChangeTeamError>(next.error);
            return awaitingConsent(tx, kase.value, [m.value.id]).andThen((missing) =>
              missing.length > 0
                ? errAsync<MentoringCase, ChangeTeamError>({
                    type: "ConsentMissing",
                    caseId,
                    mentorIds: missing,
                  })
                : write(next.value, "mentorJoined", change.role),
            );
          }),
        );
      }),
    ),
  );
}
