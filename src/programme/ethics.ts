import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { NotFound, ValidationFailed } from "../errors.js";
import { type EthicsResolution, type EthicsViolation, recordBenefit } from "../lifecycle/mentor.js";
import type { CaseId, MentorId, VentureId } from "../model/brand.js";
import type { BenefitKind, Mentor } from "../model/mentor.js";
import {
  type ConflictReason,
  type ConflictRecord,
  conflictId,
  type StoreConflict,
  type StoreUnavailable,
} from "../store/contract.js";
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
 * await recordEthicsViolation(ctx, { mentorId, ventureId, kind: "gift", on: new Date() }, { id: "pm-paula" });
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

/**
 * Record a conflict of interest the programme knows of between a mentor and a venture (beyond what
 * the mentor declared): triage, planning and every confirmation keep the mentor off the venture's
 * team from now on. Recording it again changes nothing. Mentors already on the venture's running
 * case are returned for review (and audited): the manager decides whether they step off (recused).
 *
 * @example
 * await recordConflict(ctx, { mentorId, ventureId, reason: "family" }, { id: "pm-paula" });
 */
export function recordConflict(
  ctx: ProgrammeContext,
  conflict: { readonly mentorId: MentorId; readonly ventureId: VentureId; readonly reason: ConflictReason },
  actor: Actor,
): ResultAsync<
  { readonly conflict: ConflictRecord; readonly casesToReview: readonly CaseId[] },
  ValidationFailed | NotFound | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "recordConflict",
    { conflict: argument.conflict, actor: argument.actor },
    { conflict, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const id = conflictId(conflict.mentorId, conflict.ventureId);
  return ctx.store.transaction((tx) =>
    required(tx, "mentors", conflict.mentorId).andThen(() =>
      tx.get("conflicts", id).andThen((known) => {
        const at = ctx.clock();
        const record: ConflictRecord = known?.value ?? { id, ...conflict, on: at };
        const stored =
          known !== undefined
            ? okAsync<unknown, StoreConflict | StoreUnavailable>(undefined)
            : tx.put("conflicts", id, record, "new").andThen(() =>
                tx.appendAudit({
                  at,
                  actor: actor.id,
                  action: "recordConflict",
                  subject: { collection: "conflicts", id },
                  reason: conflict.reason,
                }),
              );
        return stored
          .andThen(() => tx.find("cases", "seatedMentor", conflict.mentorId))
          .map((cases) => ({
            conflict: record,
            casesToReview: cases
              .filter((c) => c.value.ventureId === conflict.ventureId)
              .map((c) => c.value.id),
          }));
      }),
    ),
  );
}
