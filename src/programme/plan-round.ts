import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { SolverDefect, ValidationFailed } from "../errors.js";
import { currentTeam } from "../lifecycle/case.js";
import { matchRound } from "../matching/match-round.js";
import type { MatchingProposal } from "../matching/proposal.js";
import {
  defaultWeights,
  type MatchingRound,
  type Pin,
  type Preference,
  roundRulesFromProfile,
} from "../matching/round.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type { StoreConflict, StoreUnavailable } from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import type { Actor, ProgrammeContext } from "./context.js";
import { mentorLoads } from "./seat-check.js";

/**
 * Build the matching round from the stored state — mentors with their current loads, the cases
 * waiting for this meeting with their ventures and questions, running cases for continuity — run
 * the matching engine and store its proposal under the round's id. Replanning (after pins or
 * exclusions) replaces the stored proposal. Nothing is confirmed: that is `confirmTeam`, per team,
 * after the mentors accept.
 *
 * @example
 * const proposal = await planRound(ctx, "ems-2026-12", new Date("2026-12-07T19:00Z"), { id: "pm-paula" });
 */
export function planRound(
  ctx: ProgrammeContext,
  roundId: string,
  meetingDate: Date,
  actor: Actor,
  hands: {
    readonly pins?: readonly Pin[];
    readonly preferences?: readonly Preference[];
    readonly seed?: number;
  } = {},
): ResultAsync<MatchingProposal, ValidationFailed | SolverDefect | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "planRound",
    { roundId: argument.roundId, meetingDate: argument.date, actor: argument.actor, hands: argument.hands },
    { roundId, meetingDate, actor, hands },
  );
  if (invalid !== undefined) return errAsync(invalid);
  const { profile } = ctx;
  return ctx.store.transaction((tx) =>
    tx.list("mentors").andThen((mentors) =>
      tx.list("cases").andThen((cases) =>
        tx.list("intakes").andThen((intakes) =>
          tx.get("rounds", roundId).andThen((previous) => {
            const intakeOf = new Map(intakes.map((i) => [i.value.id as string, i.value]));
            const load = mentorLoads(cases);
            const running = cases.filter((c) => c.value.state === "active" || c.value.state === "paused");
            const byId = new Map(cases.map((c) => [c.value.id as string, c.value]));
            const waiting = cases.filter(
              (c) => c.value.state === "awaitingMeeting" && intakeOf.has(c.value.intakeId),
            );
            const knownMentors = new Set(mentors.map((m) => m.value.id as string));
            const knownCases = new Set(waiting.map((c) => c.value.id as string));
            const round: MatchingRound = {
              id: roundId,
              date: meetingDate,
              rules: roundRulesFromProfile(profile),
              mentors: mentors.map((m) => {
                const n = load.get(m.value.id) ?? 0;
                return { ...m.value, load: { cases: n, hours: n * profile.hours.normPerCaseMonth } };
              }),
              cases: waiting.map((c) => {
                const intake = intakeOf.get(c.value.intakeId);
                const earlier =
                  c.value.previousCaseId === undefined ? undefined : byId.get(c.value.previousCaseId);
                return {
                  id: c.value.id,
                  venture: intake?.venture ?? ({} as never),
                  topics: intake?.question.topics ?? [],
                  acceptedOn: c.value.openedOn,
                  previousMentors:
                    earlier === undefined
                      ? []
                      : [...new Set(earlier.memberships.map((m) => m.mentorId as MentorId))],
                };
              }),
              // The manager's hands on the round, kept to the mentors and cases it is about.
              preferences: (hands.preferences ?? []).filter(
                (p) => knownMentors.has(p.mentorId) && knownCases.has(p.caseId),
              ),
              pins: (hands.pins ?? []).filter(
                (p) => knownMentors.has(p.mentorId) && knownCases.has(p.caseId),
              ),
              conflicts: [],
              activeCases: running.flatMap((c) => {
                const intake = intakeOf.get(c.value.intakeId);
                return intake === undefined
                  ? []
                  : [
                      {
                        id: c.value.id as CaseId,
                        venture: intake.venture,
                        topics: intake.question.topics,
                        team: currentTeam(c.value).map((m) => ({ mentorId: m.mentorId, role: m.role })),
                      },
                    ];
              }),
              weights: defaultWeights,
              seed: hands.seed ?? 1,
            };
            const proposal = matchRound(round);
            if (proposal.isErr()) return errAsync<MatchingProposal, SolverDefect>(proposal.error);
            const plannedAt = ctx.clock();
            return tx
              .put(
                "rounds",
                roundId,
                { id: roundId, plannedAt, proposal: proposal.value },
                previous?.version ?? "new",
              )
              .andThen(() =>
                tx.appendAudit({
                  at: plannedAt,
                  actor: actor.id,
                  action: "planRound",
                  subject: { collection: "rounds", id: roundId },
                }),
              )
              .andThen(() => okAsync(proposal.value));
          }),
        ),
      ),
    ),
  );
}
