import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { NotFound, ValidationFailed } from "../errors.js";
import { type EthicsResolution, type EthicsViolation, recordBenefit } from "../lifecycle/mentor.js";
import type { CaseId, MentorId, VentureId } from "../model/brand.js";
import type { BenefitKind, Mentor } from "../model/mentor.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * Record a benefit (compensation, gift, fee, equity) a mentor received from a venture (rule 3). It
 * is stored on the mentor as an ethics hold: from now on the mentor is not matchable — triage,
 * planning and every confirmation leave them out — until the manager resolves it. The mentor's
 * running cases are returned (and audited) for review: the manager decides per case whether the
 * mentor steps off.
 *
 * @example
 * await recordEthicsViolation(ctx, { mentorId, ventureId, kind: "gift", on }, { id: "pm-paula" });
 */
export function recordEthicsViolation(
  ctx: ProgrammeContext,
  benefit: {
    readonly mentorId: MentorId;
    readonly ventureId: VentureId;
    readonly kind: BenefitKind;
    readonly on: Date;
  },
  actor: Actor,
): ResultAsync<
  { readonly violation: EthicsViolation; readonly mentor: Mentor; readonly casesToReview: readonly CaseId[] },
  ValidationFailed | NotFound | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "recordEthicsViolation",
    { benefit: argument.benefit, actor: argument.actor },
    { benefit, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const violation = recordBenefit(benefit);
  return ctx.store.transaction((tx) =>
    required(tx, "mentors", benefit.mentorId).andThen((m) => {
      const mentor: Mentor = {
        ...m.value,
        ethicsHold: { on: benefit.on, kind: benefit.kind, ventureId: benefit.ventureId },
      };
      const at = ctx.clock();
      return tx
        .put("mentors", mentor.id, mentor, m.version)
        .andThen(() =>
          tx.appendAudit({
            at,
            actor: actor.id,
            action: "recordEthicsViolation",
            subject: { collection: "mentors", id: mentor.id },
            reason: benefit.kind,
          }),
        )
        .andThen(() => tx.find("cases", "seatedMentor", mentor.id))
        .andThen((cases) => {
          const ids = cases.map((c) => c.value.id);
          return ids
            .reduce<ResultAsync<unknown, StoreUnavailable>>(
              (chain, id) =>
                chain.andThen(() =>
                  tx.appendAudit({
                    at,
                    actor: actor.id,
                    action: "reviewCase",
                    subject: { collection: "cases", id },
                    reason: "ethicsViolation",
                  }),
                ),
              okAsync(undefined),
            )
            .map(() => ({ violation, mentor, casesToReview: ids }));
        });
    }),
  );
}

/**
 * The manager resolves a mentor's ethics hold, with how (a code, in the audit trail): the mentor
 * is matchable again (if their ethics statement is otherwise current).
 *
 * @example
 * await resolveEthicsHold(ctx, mentorId, "benefitReturned", { id: "pm-paula" });
 */
export function resolveEthicsHold(
  ctx: ProgrammeContext,
  mentorId: MentorId,
  resolution: EthicsResolution,
  actor: Actor,
): ResultAsync<Mentor, ValidationFailed | NotFound | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "resolveEthicsHold",
    { mentorId: argument.mentorId, resolution: argument.ethicsResolution, actor: argument.actor },
    { mentorId, resolution, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    required(tx, "mentors", mentorId).andThen((m) => {
      const { ethicsHold: _resolved, ...mentor } = m.value;
      return tx
        .put("mentors", mentorId, mentor, m.version)
        .andThen(() =>
          tx.appendAudit({
            at: ctx.clock(),
            actor: actor.id,
            action: "resolveEthicsHold",
            subject: { collection: "mentors", id: mentorId },
            reason: resolution,
          }),
        )
        .map(() => mentor);
    }),
  );
}
