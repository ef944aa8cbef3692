import { errAsync, type ResultAsync } from "neverthrow";
import type { IllegalTransition, NotFound, TeamChangeRefused, ValidationFailed } from "../errors.js";
import type { MentoringCase } from "../lifecycle/case.js";
import type { CaseId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { recordCaseEvent } from "./case-event.js";
import type { Actor, ProgrammeContext } from "./context.js";

/** What pausing or resuming a case can answer instead of the case. */
export type PauseError =
  | ValidationFailed
  | NotFound
  | IllegalTransition
  | TeamChangeRefused
  | StoreConflict
  | StoreUnavailable;

/** One of the manager's steps on a running case, checked and recorded (`recordCaseEvent`). */
const step =
  (action: "pauseCase" | "resumeCase", type: "paused" | "resumed") =>
  (ctx: ProgrammeContext, caseId: CaseId, actor: Actor): ResultAsync<MentoringCase, PauseError> => {
    const invalid = checkArguments(
      action,
      { caseId: argument.caseId, actor: argument.actor },
      { caseId, actor },
    );
    if (invalid !== undefined) return errAsync(invalid);
    return recordCaseEvent(ctx, caseId, (on) => ({ type, on }), { action }, actor);
  };

/**
 * Pause a running case (the entrepreneur asked for a break: a harvest, a holiday, an illness). The
 * team stays on it (their seats stay taken) and the monthly report counts it as paused, until
 * `resumeCase`. Only an active case pauses (`IllegalTransition` otherwise); the audit trail records
 * who paused it when.
 *
 * @example
 * await pauseCase(ctx, caseId, { id: "pm-paula" });
 */
export const pauseCase: (
  ctx: ProgrammeContext,
  caseId: CaseId,
  actor: Actor,
) => ResultAsync<MentoringCase, PauseError> = step("pauseCase", "paused");

/**
 * Resume a paused case with the team it had. Only a paused case resumes (`IllegalTransition`
 * otherwise).
 *
 * @example
 * await resumeCase(ctx, caseId, { id: "pm-paula" });
 */
export const resumeCase: (
  ctx: ProgrammeContext,
  caseId: CaseId,
  actor: Actor,
) => ResultAsync<MentoringCase, PauseError> = step("resumeCase", "resumed");
