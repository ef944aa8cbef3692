import { errAsync, type ResultAsync } from "neverthrow";
import type { IllegalTransition, NotFound, TeamChangeRefused } from "../errors.js";
import { type CaseEvent, type MentoringCase, transition } from "../lifecycle/case.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * One step in a case's life, stored with its audit entry in one transaction: the case read, the
 * event (made for the transaction's moment) applied by the lifecycle, the case written, the step
 * audited under `action` with `reason` (a code). The use-cases that only move a case call this.
 */
export function recordCaseEvent(
  ctx: ProgrammeContext,
  caseId: string,
  event: (on: Date) => CaseEvent,
  audit: { readonly action: string; readonly reason?: string },
  actor: Actor,
): ResultAsync<
  MentoringCase,
  NotFound | IllegalTransition | TeamChangeRefused | StoreConflict | StoreUnavailable
> {
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) => {
      const on = ctx.clock();
      const next = transition(kase.value, event(on));
      if (next.isErr()) return errAsync(next.error);
      return tx
        .put("cases", caseId, next.value, kase.version)
        .andThen(() =>
          tx.appendAudit({
            at: on,
            actor: actor.id,
            action: audit.action,
            subject: { collection: "cases", id: caseId },
            ...(audit.reason === undefined ? {} : { reason: audit.reason }),
          }),
        )
        .map(() => next.value);
    }),
  );
}
