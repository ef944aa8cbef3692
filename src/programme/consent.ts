import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { z } from "zod";
import type { CaseNotInRound, ConsentRefused, NotFound, SolverDefect, ValidationFailed } from "../errors.js";
import { currentTeam, type MentoringCase } from "../lifecycle/case.js";
import { type Insertion, proposeReplacement } from "../matching/insert-case.js";
import { type ProposalData, type ProposedTeamData, proposalData } from "../matching/proposal.js";
import type { CaseId, MentorId } from "../model/brand.js";
import { idSchema } from "../model/common.js";
import {
  type ConsentAnswer,
  type ConsentRecord,
  consentAnswers,
  consentId,
  type OnBehalfReason,
  onBehalfReasons,
  type StoreConflict,
  type StoredRound,
  type StoreReader,
  type StoreUnavailable,
  type StoreWriter,
  type Versioned,
} from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { readRound } from "./plan-round.js";

/** A mentor's answer to the team proposed to them for a case. */
export interface ProposalAnswer {
  readonly caseId: CaseId;
  readonly mentorId: MentorId;
  readonly answer: ConsentAnswer;
  /** The round whose proposal is answered: the mentor must be on its team for the case, and a no fills the seat in it at once. */
  readonly roundId?: string;
  /** How the mentor gave the answer, when someone else (the programme manager) records it for them. */
  readonly onBehalf?: OnBehalfReason;
}

/** What an answer leaves: the stored answer, the team proposed now, who has yet to say yes. */
export interface AnswerOutcome {
  readonly consent: ConsentRecord;
  /**
   * The round's team for the case now — after a no, with the seat filled by the engine — or
   * `undefined` when the answer named no round, or no mentor can take the seat (the round then
   * lists the case as unstaffed, with the diagnosis).
   */
  readonly proposed?: ProposedTeamData;
  /** Mentors on the proposed team (newcomers, for a running case) who have not said yes. */
  readonly waitingFor: readonly MentorId[];
}

export type AnswerProposalError =
  | ValidationFailed
  | NotFound
  | ConsentRefused
  | SolverDefect
  | StoreConflict
  | StoreUnavailable;

const answerSchema = z.object({
  caseId: idSchema<"CaseId">(),
  mentorId: idSchema<"MentorId">(),
  answer: z.enum(consentAnswers),
  roundId: argument.roundId.exactOptional(),
  onBehalf: z.enum(onBehalfReasons).exactOptional(),
});

/** Whether a case can take mentors: waiting for its first team, or running (a replacement, a newcomer). */
const wantsTeam = (kase: MentoringCase): boolean => kase.state !== "closed";

/** The mentors a proposed team seats. */
const seatsOf = (team: ProposedTeamData): readonly MentorId[] => [team.lead, ...team.members];

/** Mentors of `team` who still have to say yes: everyone not yet on the case, without a stored yes. */
export function awaitingConsent(
  reader: StoreReader,
  kase: MentoringCase,
  mentorIds: readonly MentorId[],
): ResultAsync<readonly MentorId[], StoreUnavailable> {
  const seated = new Set<string>(
    kase.state === "awaitingMeeting" ? [] : currentTeam(kase).map((m) => m.mentorId),
  );
  const newcomers = mentorIds.filter((id) => !seated.has(id));
  if (newcomers.length === 0) return okAsync([]);
  return reader
    .getMany(
      "consents",
      newcomers.map((id) => consentId(kase.id, id)),
    )
    .map((found) => {
      const yes = new Set<string>(found.filter((c) => c.value.answer === "yes").map((c) => c.value.mentorId));
      return newcomers.filter((id) => !yes.has(id));
    });
}

/**
 * Fill the seat of every mentor who said no to this case in the stored round: the other proposed
 * mentors kept, everyone who declined the case kept off, the mentors proposed to the round's other
 * waiting cases counted as taken. The round is stored with the new team (or the case unstaffed).
 */
function refill(
  ctx: ProgrammeContext,
  tx: StoreWriter,
  stored: Versioned<StoredRound>,
  caseId: CaseId,
): ResultAsync<ProposedTeamData | undefined, SolverDefect | StoreConflict | StoreUnavailable> {
  const proposal = stored.value.proposal;
  const current = proposal.teams.find((t) => t.caseId === caseId);
  return tx.find("consents", "case", caseId).andThen((answers) => {
    const declined = answers.filter((a) => a.value.answer === "no").map((a) => a.value.mentorId);
    const off = new Set<string>(declined);
    const keep = current === undefined ? [] : seatsOf(current).filter((id) => !off.has(id));
    // The round keeps everyone who said no to a case off it (`readRound`).
    return readRound(ctx, tx, stored.value.id, stored.value.meetingOn ?? ctx.clock(), {}).andThen(
      (snapshot) => {
        // Mentors proposed to the round's other cases still waiting: those seats are spoken for.
        const waiting = new Set<string>(snapshot.round.cases.map((c) => c.id));
        const taken = new Map<string, number>();
        for (const t of proposal.teams)
          if (t.caseId !== caseId && waiting.has(t.caseId))
            for (const id of seatsOf(t)) taken.set(id, (taken.get(id) ?? 0) + 1);
        const hours = snapshot.round.rules.hoursPerCase;
        const round = {
          ...snapshot.round,
          mentors: snapshot.round.mentors.map((m) => {
            const n = taken.get(m.id) ?? 0;
            return n === 0 ? m : { ...m, load: { cases: m.load.cases + n, hours: m.load.hours + n * hours } };
          }),
        };
        const filled = proposeReplacement(round, caseId, keep);
        // A case no longer among the round's (decided meanwhile) is left unstaffed in it.
        if (filled.isErr() && filled.error.type === "SolverDefect") return errAsync(filled.error);
        const team = filled.isOk() && filled.value.kind === "team" ? filled.value.team : undefined;
        const diagnosis = filled.isOk() && filled.value.kind === "none" ? filled.value.diagnosis : [];
        const next: ProposalData = proposalData({
          ...proposal,
          teams:
            team === undefined
              ? proposal.teams.filter((t) => t.caseId !== caseId)
              : proposal.teams.map((t) => (t.caseId === caseId ? team : t)),
          unstaffed:
            team === undefined
              ? [...proposal.unstaffed.filter((id) => id !== caseId), caseId]
              : proposal.unstaffed.filter((id) => id !== caseId),
          diagnosis: [
            ...proposal.diagnosis.filter((d) => !("caseId" in d) || d.caseId !== caseId),
            ...diagnosis,
          ],
        });
        return tx
          .put("rounds", stored.value.id, { ...stored.value, proposal: next }, stored.version)
          .map(() => (team === undefined ? undefined : next.teams.find((t) => t.caseId === caseId)));
      },
    );
  });
}

/**
 * Record a mentor's yes or no to the team proposed to them (rule 24: an assignment without
 * acceptance is a proposal, not a team). A mentor answers for themselves; the programme manager
 * may record the answer for them, saying how it was given (`onBehalf`). A no fills that seat at
 * once in the round's proposal — the other proposed mentors kept, the mentor who declined never
 * proposed for the case again — and the newcomer is asked in turn. `confirmTeam` confirms a team
 * only when every mentor on it said yes. Every answer is in the audit trail.
 *
 * @example
 * const mentor = mentorId("mentor-08"); // checked, branded
 * if (mentor.isOk())
 *   await answerProposal(ctx, { caseId, mentorId: mentor.value, answer: "yes", roundId: "ems-2026-12" }, { id: "mentor-08" });
 */
export function answerProposal(
  ctx: ProgrammeContext,
  answer: ProposalAnswer,
  actor: Actor,
): ResultAsync<AnswerOutcome, AnswerProposalError> {
  const invalid = checkArguments(
    "answerProposal",
    { answer: answerSchema, actor: argument.actor },
    { answer, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const { caseId, mentorId } = answer;
  const refused = (reason: ConsentRefused["reason"]) =>
    errAsync<never, ConsentRefused>({ type: "ConsentRefused", caseId, mentorId, reason });
  if (actor.id !== mentorId && answer.onBehalf === undefined) return refused("onBehalfNeedsReason");
  return ctx.store.transaction((tx) =>
    required(tx, "cases", caseId).andThen((kase) => {
      if (!wantsTeam(kase.value)) return refused("noTeamWanted");
      return required(tx, "mentors", mentorId).andThen(() =>
        (answer.roundId === undefined
          ? okAsync<Versioned<StoredRound> | undefined, NotFound | StoreUnavailable>(undefined)
          : required(tx, "rounds", answer.roundId)
        ).andThen((stored) => {
          const proposedTeam = stored?.value.proposal.teams.find((t) => t.caseId === caseId);
          if (
            stored !== undefined &&
            (proposedTeam === undefined || !seatsOf(proposedTeam).includes(mentorId))
          )
            return refused("notProposed");
          const id = consentId(caseId, mentorId);
          const on = ctx.clock();
          const consent: ConsentRecord = {
            id,
            caseId,
            mentorId,
            answer: answer.answer,
            on,
            ...(answer.roundId === undefined ? {} : { roundId: answer.roundId }),
            ...(answer.onBehalf === undefined ? {} : { onBehalf: answer.onBehalf }),
          };
          return tx
            .versions("consents", { ids: [id] })
            .andThen((v) => tx.put("consents", id, consent, v.get(id) ?? "new"))
            .andThen(() =>
              tx.appendAudit({
                at: on,
                actor: actor.id,
                action: "answerProposal",
                subject: { collection: "consents", id },
                reason: answer.onBehalf === undefined ? answer.answer : `${answer.answer}:${answer.onBehalf}`,
              }),
            )
            .andThen(() =>
              stored === undefined || answer.answer === "yes"
                ? okAsync<ProposedTeamData | undefined, SolverDefect | StoreConflict | StoreUnavailable>(
                    proposedTeam,
                  )
                : refill(ctx, tx, stored, caseId),
            )
            .andThen((team) =>
              awaitingConsent(tx, kase.value, team === undefined ? [] : seatsOf(team)).map(
                (waitingFor): AnswerOutcome => ({
                  consent,
                  ...(team === undefined ? {} : { proposed: team }),
                  waitingFor,
                }),
              ),
            );
        }),
      );
    }),
  );
}

/**
 * Between meetings (rule 23): the engine's proposal for the open seat of a running case short of a
 * member or its lead, at once — its remaining team kept, everyone who left the case or said no to it
 * kept off, the round's hard rules over the network's current loads. Nothing is applied: the manager
 * asks the proposed mentor, records the yes (`answerProposal`) and lets them join (`changeTeam`).
 * A case that is not short is `CaseNotInRound`.
 *
 * @example
 * const offer = await proposeReplacementFor(ctx, "case-014" as CaseId); // { kind: "team", team } or { kind: "none", diagnosis }
 */
export function proposeReplacementFor(
  ctx: ProgrammeContext,
  caseId: CaseId,
): ResultAsync<
  Exclude<Insertion, { readonly kind: "reassignment" }>,
  ValidationFailed | NotFound | CaseNotInRound | SolverDefect | StoreUnavailable
> {
  const invalid = checkArguments("proposeReplacementFor", { caseId: argument.caseId }, { caseId });
  if (invalid !== undefined) return errAsync(invalid);
  return required(ctx.store, "cases", caseId).andThen((kase) =>
    readRound(ctx, ctx.store, `replacement-${caseId}`, ctx.clock(), {}).andThen((snapshot) => {
      const keep = currentTeam(kase.value).map((m) => m.mentorId);
      const offer = proposeReplacement(snapshot.round, caseId, keep);
      return offer.isErr() ? errAsync(offer.error) : okAsync(offer.value);
    }),
  );
}
