import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { IdempotencyConflict, NotFound, ValidationFailed } from "../errors.js";
import type { IntakeRequest } from "../model/intake.js";
import { parseIntake, serialise } from "../model/parsers.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { type SeenBefore, seenBefore } from "./returning.js";

/** A submitted intake, whether this call stored it, and what the programme knew of its venture. */
export interface SubmittedIntake {
  readonly intake: IntakeRequest;
  /** `true` when the key was used before with the same content: nothing new was stored. */
  readonly replayed: boolean;
  /**
   * The venture's earlier intakes and cases (rule 18), recognised by its registration number or its
   * name and the mentee's e-mail address: the latest closed case is the link to propose
   * (`linkPreviousCase`); an open case means a second case needs the manager's confirmation.
   */
  readonly seenBefore: SeenBefore;
}

/**
 * Submit an intake request, idempotently: the same key with the same content returns the first
 * result (a portal may retry after a timeout); the same key with other content is an
 * `IdempotencyConflict` and stores nothing.
 *
 * @example
 * const key = request.headers.get("Idempotency-Key") ?? crypto.randomUUID(); // a retry sends the same key
 * const submitted = await submitIntake(ctx, body, key, { id: "portal" });
 */
export function submitIntake(
  ctx: ProgrammeContext,
  raw: unknown,
  idempotencyKey: string,
  actor: Actor,
): ResultAsync<
  SubmittedIntake,
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
          return errAsync<SubmittedIntake, IdempotencyConflict>({
            type: "IdempotencyConflict",
            key: idempotencyKey,
          });
        }
        return required(tx, "intakes", seen.value.intakeId).andThen((first) =>
          seenBefore(tx, first.value).map((venture) => ({
            intake: first.value,
            replayed: true,
            seenBefore: venture,
          })),
        );
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
        .andThen(() => seenBefore(tx, intake))
        .map((venture) => ({ intake, replayed: false, seenBefore: venture }));
    }),
  );
}
