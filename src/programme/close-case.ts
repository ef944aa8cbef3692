import { errAsync, type ResultAsync } from "neverthrow";
import type { IllegalTransition, NotFound, TeamChangeRefused, ValidationFailed } from "../errors.js";
import type { ClosingReason, ExitFeedback, MentoringCase } from "../lifecycle/case.js";
import type { CaseId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { recordCaseEvent } from "./case-event.js";
import type { Actor, ProgrammeContext } from "./context.js";

/**
 * Close a case for a reason, with optional exit feedback. Only this closes a case: inactivity
 * alerts never do.
 *
 * @example
 * await closeCase(ctx, caseId, "questionResolved", { id: "pm-paula" });
 */
export function closeCase(
  ctx: ProgrammeContext,
  caseId: CaseId,
  reason: ClosingReason,
  actor: Actor,
  feedback?: ExitFeedback,
): ResultAsync<
  MentoringCase,
  ValidationFailed | NotFound | IllegalTransition | TeamChangeRefused | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "closeCase",
    {
      caseId: argument.caseId,
      reason: argument.closingReason,
      actor: argument.actor,
      feedback: argument.feedback,
    },
    { caseId, reason, actor, feedback },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return recordCaseEvent(
    ctx,
    caseId,
    (on) =>
      feedback === undefined ? { type: "closed", on, reason } : { type: "closed", on, reason, feedback },
    { action: "closeCase", reason },
    actor,
  );
}
