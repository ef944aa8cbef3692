import type { ResultAsync } from "neverthrow";
import { errAsync } from "neverthrow";
import type { NotFound, ValidationFailed } from "../errors.js";
import type { ReferralId } from "../model/brand.js";
import type { FollowUpStatus, Referral } from "../model/partner.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { recordReferralFollowUp } from "../triage/create-referral.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * Record what became of a referral (contacted, started, declined, no response), so nobody falls
 * between two chairs.
 *
 * @example
 * await followUpReferral(ctx, referralId, "started", { id: "pm-paula" });
 */
export function followUpReferral(
  ctx: ProgrammeContext,
  referralId: ReferralId,
  status: FollowUpStatus,
  actor: Actor,
): ResultAsync<Referral, ValidationFailed | NotFound | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "followUpReferral",
    { referralId: argument.referralId, status: argument.followUpStatus, actor: argument.actor },
    { referralId, status, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    required(tx, "referrals", referralId).andThen((r) => {
      const on = ctx.clock();
      const next = recordReferralFollowUp(r.value, status, on);
      return tx
        .put("referrals", referralId, next, r.version)
        .andThen(() =>
          tx.appendAudit({
            at: on,
            actor: actor.id,
            action: "followUpReferral",
            subject: { collection: "referrals", id: referralId },
            reason: status,
          }),
        )
        .map(() => next);
    }),
  );
}
