import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { IllegalMentorTransition, NotFound, ValidationFailed } from "../errors.js";
import { type MentorEvent, transitionMentor } from "../lifecycle/mentor.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { Mentor } from "../model/mentor.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/** A mentor's new standing, and the cases they sit on that the manager may want to look at. */
export interface MentorStanding {
  readonly mentor: Mentor;
  /** The running cases the mentor is on: a paused mentor keeps them unless the manager decides otherwise. */
  readonly casesToReview: readonly CaseId[];
}

/** What changing a mentor's standing can answer instead. */
export type MentorStandingError =
  | ValidationFailed
  | NotFound
  | IllegalMentorTransition
  | StoreConflict
  | StoreUnavailable;

/**
 * Change a mentor's standing in the programme (`transitionMentor`'s rules): approve an applicant,
 * pause (until a date or further notice: no new cases meanwhile; their running cases stay theirs and
 * come back in `casesToReview`), resume, retire, or record the ethics statement signed on a date.
 * A mentor who still sits on a running case is not retired: `IllegalMentorTransition` with
 * `seatedOn` names the cases, so the manager takes them off those teams first (`changeTeam`) and no
 * team is left with a member who is gone. One transaction; the audit trail records who did it.
 *
 * @example
 * await changeMentorStanding(ctx, mentorId, { type: "paused", on: new Date(), until: new Date("2027-03-01") }, { id: "pm-paula" });
 */
export function changeMentorStanding(
  ctx: ProgrammeContext,
  mentorId: MentorId,
  event: MentorEvent,
  actor: Actor,
): ResultAsync<MentorStanding, MentorStandingError> {
  const invalid = checkArguments(
    "changeMentorStanding",
    { mentorId: argument.mentorId, event: argument.mentorEvent, actor: argument.actor },
    { mentorId, event, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    required(tx, "mentors", mentorId).andThen((stored) =>
      tx.find("cases", "seatedMentor", mentorId).andThen((seated) => {
        const casesToReview = seated.map((k) => k.value.id);
        if (event.type === "retired" && casesToReview.length > 0)
          return errAsync<MentorStanding, MentorStandingError>({
            type: "IllegalMentorTransition",
            mentorId,
            state: stored.value.state,
            event: event.type,
            seatedOn: casesToReview,
          });
        const next = transitionMentor(stored.value, event);
        if (next.isErr()) return errAsync<MentorStanding, MentorStandingError>(next.error);
        const mentor = next.value;
        return tx
          .put("mentors", mentorId, mentor, stored.version)
          .andThen(() =>
            tx.appendAudit({
              at: ctx.clock(),
              actor: actor.id,
              action: "changeMentorStanding",
              subject: { collection: "mentors", id: mentorId },
              reason: event.type,
            }),
          )
          .andThen(() => okAsync<MentorStanding, MentorStandingError>({ mentor, casesToReview }));
      }),
    ),
  );
}
