import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { NotFound, ValidationFailed, VentureHasOpenCase } from "../errors.js";
import type { CaseId, IntakeId } from "../model/brand.js";
import type { IntakeRequest } from "../model/intake.js";
import { ventureKeys } from "../model/venture.js";
import type { StoreConflict, StoreReader, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";

/** What the programme knows of a venture from earlier intakes (rule 18): their intakes and cases. */
export interface SeenBefore {
  /** Earlier intakes of the same venture (by registration number, or name and e-mail address). */
  readonly intakes: readonly IntakeId[];
  /** Their cases that ended: a returning venture's new question links to the latest. */
  readonly closedCases: readonly CaseId[];
  /** Their cases still open: a second open case for one venture needs the manager's confirmation. */
  readonly openCases: readonly CaseId[];
}

/** The venture of `intake` as the programme has seen it before (its own intake and cases left out). */
export function seenBefore(
  reader: StoreReader,
  intake: IntakeRequest,
): ResultAsync<SeenBefore, StoreUnavailable> {
  const keys = ventureKeys(intake.venture, intake.mentee.email);
  if (keys.length === 0) return okAsync({ intakes: [], closedCases: [], openCases: [] });
  // One venture's intakes share a mark pairwise, not necessarily all one: a second hop over the marks
  // of the intakes found joins an intake known by its number to one known by its name and address.
  const hop = (known: readonly string[]) =>
    reader.find("intakes", "venture", known).andThen((found) => {
      const more = [
        ...new Set(found.flatMap((i) => ventureKeys(i.value.venture, i.value.mentee.email))),
      ].filter((k) => !known.includes(k));
      return more.length === 0
        ? okAsync(found)
        : reader
            .find("intakes", "venture", more)
            .map((next) => [...new Map([...found, ...next].map((i) => [i.value.id as string, i])).values()]);
    });
  return hop(keys).andThen((found) => {
    const earlier = found.filter((i) => i.value.id !== intake.id);
    const ids = earlier.map((i) => i.value.id as string);
    return reader.find("cases", "intake", ids).map((cases): SeenBefore => {
      const byDate = [...cases].sort((a, b) => a.value.openedOn.getTime() - b.value.openedOn.getTime());
      return {
        intakes: earlier.map((i) => i.value.id),
        // Latest first: the case a new question most likely follows on.
        closedCases: byDate
          .filter((c) => c.value.state === "closed")
          .map((c) => c.value.id)
          .reverse(),
        openCases: byDate.filter((c) => c.value.state !== "closed").map((c) => c.value.id),
      };
    });
  });
}

/** The open cases of an intake's venture other than the intake's own, or `VentureHasOpenCase`. */
export function noOtherOpenCase(
  reader: StoreReader,
  intake: IntakeRequest,
): ResultAsync<void, VentureHasOpenCase | StoreUnavailable> {
  return seenBefore(reader, intake).andThen((seen) =>
    seen.openCases.length === 0
      ? okAsync(undefined)
      : errAsync<void, VentureHasOpenCase>({
          type: "VentureHasOpenCase",
          intakeId: intake.id,
          caseIds: seen.openCases,
        }),
  );
}

/**
 * Link an intake to the venture's earlier case (rule 18), as `submitIntake` proposed in `seenBefore`
 * or the programme manager found: the case must be closed. Before triage, or while the intake's case
 * waits for its meeting (the case takes the link too, so its former mentors keep their continuity).
 *
 * @example
 * await linkPreviousCase(ctx, "intake-2027-03-02" as IntakeId, "case-014" as CaseId, { id: "pm-paula" });
 */
export function linkPreviousCase(
  ctx: ProgrammeContext,
  intakeId: IntakeId,
  previousCaseId: CaseId,
  actor: Actor,
): ResultAsync<IntakeRequest, ValidationFailed | NotFound | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "linkPreviousCase",
    { intakeId: argument.intakeId, previousCaseId: argument.caseId, actor: argument.actor },
    { intakeId, previousCaseId, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const refuse = (path: string, message: string) =>
    errAsync<never, ValidationFailed>({
      type: "ValidationFailed",
      subject: "linkPreviousCase",
      issues: [{ path, code: "custom", message }],
    });
  return ctx.store.transaction((tx) =>
    required(tx, "intakes", intakeId).andThen((intake) =>
      tx.get("cases", previousCaseId).andThen((earlier) => {
        if (earlier === undefined) return refuse("previousCaseId", "names no case of this programme");
        if (earlier.value.state !== "closed")
          return refuse(
            "previousCaseId",
            "names a case that has not ended: a returning venture links to a closed case",
          );
        if (earlier.value.intakeId === intakeId) return refuse("previousCaseId", "is the intake's own case");
        return tx.find("cases", "intake", intakeId).andThen((own) => {
          const running = own.find((c) => c.value.state !== "closed" && c.value.state !== "awaitingMeeting");
          if (running !== undefined)
            return refuse("intakeId", "its case has a team already: the link is made before the meeting");
          const linked: IntakeRequest = { ...intake.value, previousCaseId };
          const waiting = own.find((c) => c.value.state === "awaitingMeeting");
          return tx
            .put("intakes", intakeId, linked, intake.version)
            .andThen(() =>
              waiting === undefined
                ? okAsync<unknown, StoreConflict | StoreUnavailable>(undefined)
                : tx.put("cases", waiting.value.id, { ...waiting.value, previousCaseId }, waiting.version),
            )
            .andThen(() =>
              tx.appendAudit({
                at: ctx.clock(),
                actor: actor.id,
                action: "linkPreviousCase",
                subject: { collection: "intakes", id: intakeId },
              }),
            )
            .map(() => linked);
        });
      }),
    ),
  );
}
