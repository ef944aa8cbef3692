import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { IdempotencyConflict, NotFound, ValidationFailed } from "../errors.js";
import type { IntakeRequest } from "../model/intake.js";
import { parseIntake, serialise } from "../model/parsers.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * Submit an intake request, idempotently: the same key with the same content returns the first
 * result (a portal may retry after a timeout); the same key with other content is an
 * `IdempotencyConflict` and stores nothing.
 *
 * @example
 * await submitIntake(ctx, body, request.headers.get("Idempotency-Key"), { id: "portal" });
 */
export function submitIntake(
  ctx: ProgrammeContext,
  raw: unknown,
  idempotencyKey: string,
  actor: Actor,
): ResultAsync<
  { intake: IntakeRequest; replayed: boolean },
  ValidationFailed | IdempotencyConflict | NotFound | StoreConflict | StoreUnavailable
> {
  const invalid = checkArguments(
    "submitIntake",
    { idempotencyKey: argument.idempotencyKey, actor: argument.actor },
    { idempotencyKey, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const parsed = parseIntake(raw, ctx.profile);
  if (parsed.isErr()) return errAsync(parsed.error);
  const intake = parsed.value;
  const payload = serialise(intake);
  return ctx.store.transaction((tx) =>
    tx.get("requests", idempotencyKey).andThen((seen) => {
      if (seen !== undefined) {
        if (seen.value.payload !== payload) {
          return errAsync<{ intake: IntakeRequest; replayed: boolean }, IdempotencyConflict>({
            type: "IdempotencyConflict",
            key: idempotencyKey,
          });
        }
        return required(tx, "intakes", seen.value.intakeId).map((first) => ({
          intake: first.value,
          replayed: true,
        }));
      }
      // A returning venture's link must name an earlier case of this programme that has ended.
      const link = intake.previousCaseId;
      const linked =
        link === undefined
          ? okAsync<undefined, ValidationFailed | StoreUnavailable>(undefined)
          : tx.get("cases", link).andThen((found) =>
              found?.value.state === "closed"
                ? okAsync<undefined, ValidationFailed | StoreUnavailable>(undefined)
                : errAsync<undefined, ValidationFailed | StoreUnavailable>({
                    type: "ValidationFailed",
                    subject: "IntakeRequest",
                    issues: [
                      {
                        path: "previousCaseId",
                        code: "custom",
                        message:
                          found === undefined
                            ? "names no case of this programme"
                            : "names a case that has not ended: a returning venture links to a closed case",
                      },
                    ],
                  }),
            );
      return linked
        .andThen(() => tx.put("intakes", intake.id, intake, "new"))
        .andThen(() =>
          tx.put("requests", idempotencyKey, { key: idempotencyKey, payload, intakeId: intake.id }, "new"),
        )
        .andThen(() =>
          tx.appendAudit({
            at: ctx.clock(),
            actor: actor.id,
            action: "submitIntake",
            subject: { collection: "intakes", id: intake.id },
          }),
        )
        .andThen(() => okAsync({ intake, replayed: false }));
    }),
  );
}
