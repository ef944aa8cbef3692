import { errAsync, type ResultAsync } from "neverthrow";
import type { NotFound, SessionRefused, ValidationFailed } from "../errors.js";
import { checkSession } from "../hours/budget.js";
import { parseSession } from "../hours/parse-session.js";
import type { Session } from "../hours/session.js";
import type { MentorId } from "../model/brand.js";
import { DAY_MS } from "../model/dates.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/**
 * Log a session: validated, checked against its case (team mentors only, the lead or a designated
 * mentor writes the notes), stored and audited — or nothing at all.
 *
 * @example
 * await logSession(ctx, body, { id: "mentor-08" });
 */
export function logSession(
  ctx: ProgrammeContext,
  raw: unknown,
  actor: Actor,
  designatedAuthor?: MentorId,
): ResultAsync<Session, ValidationFailed | NotFound | SessionRefused | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments("logSession", { actor: argument.actor }, { actor });
  if (invalid !== undefined) return errAsync(invalid);
  const parsed = parseSession(raw);
  if (parsed.isErr()) return errAsync(parsed.error);
  const session = parsed.value;
  // A session is logged after it took place: a date beyond tomorrow (a day's slack for time
  // zones and late evenings) is a typo, not a plan.
  if (session.on.getTime() > ctx.clock().getTime() + DAY_MS)
    return errAsync({ type: "SessionRefused", sessionId: session.id, reason: "inFuture" });
  return ctx.store.transaction((tx) => {
    const store = () =>
      tx
        .put("sessions", session.id, session, "new")
        .andThen(() =>
          tx.appendAudit({
            at: ctx.clock(),
            actor: actor.id,
            action: "logSession",
            subject: { collection: "sessions", id: session.id },
          }),
        )
        .map(() => session);
    if (session.kind === "oneOff" || session.caseId === undefined) {
      if (session.intakeId === undefined) return store();
      // A one-off conversation linked to an intake: triage (or the manager) offered one.
      return required(tx, "intakes", session.intakeId).andThen(() =>
        tx.get("decisions", session.intakeId as string).andThen((decision) =>
          decision?.value.outcome.kind === "oneOff"
            ? store()
            : errAsync<Session, SessionRefused>({
                type: "SessionRefused",
                sessionId: session.id,
                reason: "noOneOffOffered",
              }),
        ),
      );
    }
    return required(tx, "cases", session.caseId).andThen((kase) => {
      const fits = checkSession(session, kase.value, designatedAuthor);
      return fits.isErr() ? errAsync(fits.error) : store();
    });
  });
}
