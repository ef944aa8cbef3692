import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type { SolverDefect, ValidationFailed } from "../errors.js";
import { currentTeam, type MentoringCase, mentorCaseCounts } from "../lifecycle/case.js";
import { matchRound } from "../matching/match-round.js";
import { type ProposalData, proposalData } from "../matching/proposal.js";
import {
  defaultWeights,
  type MatchingRound,
  type Pin,
  type Preference,
  roundRulesFromProfile,
} from "../matching/round.js";
import type { CaseId, MentorId } from "../model/brand.js";
import type {
  StoreConflict,
  StoredRound,
  StoreReader,
  StoreUnavailable,
  Versioned,
} from "../store/contract.js";
import { argument, checkArguments } from "./arguments.js";
import { dueAmong, roundsBetween } from "./cases-due.js";
import type { Actor, ProgrammeContext } from "./context.js";

/** The hands the programme manager puts on a round: pins, exclusions, preferences, a seed. */
export type RoundHands = {
  readonly pins?: readonly Pin[];
  readonly preferences?: readonly Preference[];
  readonly seed?: number;
};

/** Plans solved again because the state they were read from changed before they could be stored. */
const STALE_RETRIES = 3;

/** The round as the stored state gives it, and the versions it was read from. */
export interface Snapshot {
  readonly round: MatchingRound;
  /** Every mentor, case and intake read, and the stored round, each with its version. */
  readonly readSet: ReadSet;
  /** `readSet` as one comparable string. */
  readonly read: string;
  readonly previous: number | "new";
}

/** What a round was read from: the version of every document. */
export interface ReadSet {
  readonly mentors: ReadonlyMap<string, number>;
  readonly cases: ReadonlyMap<string, number>;
  readonly intakes: ReadonlyMap<string, number>;
  readonly earlier: ReadonlyMap<string, number>;
  readonly round: number | undefined;
}

const OPEN_STATES = ["awaitingMeeting", "active", "paused"];

const versionsOf = (docs: readonly Versioned<{ readonly id: string }>[]): ReadonlyMap<string, number> =>
  new Map(docs.map((d) => [d.value.id, d.version]));

function fingerprint(read: ReadSet): string {
  const sorted = (m: ReadonlyMap<string, number>) =>
    [...m]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, v]) => `${id}@${v}`)
      .join(",");
  return [
    sorted(read.mentors),
    sorted(read.cases),
    sorted(read.intakes),
    sorted(read.earlier),
    read.round ?? "new",
  ].join("|");
}

/**
 * The versions now of what `snapshot` was read from (the same queries, without the documents):
 * a few milliseconds inside the write transaction, where reading the documents again took seconds.
 */
function readAgain(tx: StoreReader, roundId: string, read: ReadSet): ResultAsync<string, StoreUnavailable> {
  return tx
    .versions("mentors")
    .andThen((mentors) =>
      tx
        .versions("cases", { index: "state", keys: OPEN_STATES })
        .andThen((cases) =>
          tx
            .versions("intakes", { ids: [...read.intakes.keys()] })
            .andThen((intakes) =>
              tx
                .versions("cases", { ids: [...read.earlier.keys()] })
                .andThen((earlier) =>
                  tx
                    .versions("rounds", { ids: [roundId] })
                    .map((rounds) =>
                      fingerprint({ mentors, cases, intakes, earlier, round: rounds.get(roundId) }),
                    ),
                ),
            ),
        ),
    );
}

/** The rounds of the meetings since the oldest waiting case was opened. */
function meetingsSoFar(
  ctx: ProgrammeContext,
  tx: StoreReader,
  cases: readonly Versioned<MentoringCase>[],
): ResultAsync<readonly StoredRound[], StoreUnavailable> {
  const waiting = cases.filter((c) => c.value.state === "awaitingMeeting");
  if (waiting.length === 0) return okAsync([]);
  const oldest = new Date(Math.min(...waiting.map((c) => c.value.openedOn.getTime())));
  return roundsBetween(tx, oldest, ctx.clock());
}

/** Read the matching round for `roundId` from the stored state (also used to fill a seat between meetings). */
export function readRound(
  ctx: ProgrammeContext,
  tx: StoreReader,
  roundId: string,
  meetingDate: Date,
  hands: RoundHands,
): ResultAsync<Snapshot, StoreUnavailable> {
  const { profile } = ctx;
  // What a round needs, from the indexes: every mentor, the cases waiting for this meeting and the
  // running ones (continuity), their intakes and earlier cases — never the closed history.
  return tx.list("mentors").andThen((mentors) =>
    tx.find("cases", "state", OPEN_STATES).andThen((cases) =>
      tx.getMany("intakes", [...new Set(cases.map((c) => c.value.intakeId as string))]).andThen((intakes) =>
        tx
          .getMany("cases", [
            ...new Set(
              cases.flatMap((c) =>
                c.value.previousCaseId === undefined ? [] : [c.value.previousCaseId as string],
              ),
            ),
          ])
          .andThen((earlierCases) =>
            meetingsSoFar(ctx, tx, cases).andThen((held) =>
              tx
                .find("conflicts", "venture", [...new Set(intakes.map((i) => i.value.venture.id as string))])
                .andThen((recorded) =>
                  tx
                    .find(
                      "consents",
                      "case",
                      cases.map((c) => c.value.id as string),
                    )
                    .map((answers) => ({ recorded, answers })),
                )
                .andThen(({ recorded, answers }) =>
                  tx.versions("rounds", { ids: [roundId] }).map((rounds): Snapshot => {
                    const previous = rounds.get(roundId);
                    const readSet: ReadSet = {
                      mentors: versionsOf(mentors),
                      cases: versionsOf(cases),
                      intakes: versionsOf(intakes),
                      earlier: versionsOf(earlierCases),
                      round: previous,
                    };
                    const intakeOf = new Map(intakes.map((i) => [i.value.id as string, i.value]));
                    const load = mentorCaseCounts(cases.map((c) => c.value));
                    const running = cases.filter(
                      (c) => c.value.state === "active" || c.value.state === "paused",
                    );
                    const byId = new Map(
                      [...earlierCases, ...cases].map((c) => [c.value.id as string, c.value]),
                    );
                    // A case that waited through a meeting without a team is the manager's decision now
                    // (casesDue): it comes back only when they plan it once more (holdOver).
                    const due = new Set(
                      dueAmong(
                        cases.map((c) => c.value),
                        held,
                        ctx.clock(),
                      ).map((d) => d.caseId as string),
                    );
                    const waiting = cases.filter(
                      (c) =>
                        c.value.state === "awaitingMeeting" &&
                        intakeOf.has(c.value.intakeId) &&
                        !due.has(c.value.id),
                    );
                    const knownMentors = new Set(mentors.map((m) => m.value.id as string));
                    // Running cases short of a member or of their lead come back to the meeting (rule 13):
                    // their remaining team pinned, everyone who left them kept off, the open seats filled.
                    const short = running.filter((c) => {
                      const team = currentTeam(c.value);
                      return (
                        c.value.needsReplacement &&
                        intakeOf.has(c.value.intakeId) &&
                        (team.length < c.value.teamSize || !team.some((m) => m.role === "lead"))
                      );
                    });
                    const shortIds = new Set(short.map((c) => c.value.id as string));
                    const kept = short.flatMap((c) =>
                      currentTeam(c.value)
                        .filter((m) => knownMentors.has(m.mentorId))
                        .map((m): Pin => ({ mentorId: m.mentorId, caseId: c.value.id, kind: "pin" })),
                    );
                    const keptOff = short.flatMap((c) => {
                      const on = new Set(currentTeam(c.value).map((m) => m.mentorId as string));
                      const gone = c.value.memberships.filter(
                        (m) =>
                          m.departure !== undefined && !on.has(m.mentorId) && knownMentors.has(m.mentorId),
                      );
                      return [...new Set(gone.map((m) => m.mentorId))].map(
                        (mentorId): Pin => ({ mentorId, caseId: c.value.id, kind: "exclude" }),
                      );
                    });
                    // A kept member's seat is already in their load: the round counts it once, as the pin.
                    const pinnedSeats = new Map<string, number>();
                    for (const p of kept) pinnedSeats.set(p.mentorId, (pinnedSeats.get(p.mentorId) ?? 0) + 1);
                    const knownCases = new Set([...waiting, ...short].map((c) => c.value.id as string));
                    const declined = new Set(
                      answers
                        .filter((a) => a.value.answer === "no")
                        .map((a) => `${a.value.caseId}/${a.value.mentorId}`),
                    );
                    const round: MatchingRound = {
                      id: roundId,
                      date: meetingDate,
                      rules: {
                        ...roundRulesFromProfile(profile),
                        // Re-staffing a running case does not take a new case's place at the meeting.
                        newCasesPerMeeting: profile.meeting.newCasesPerMeeting + short.length,
                      },
                      mentors: mentors.map((m) => {
                        const n = (load.get(m.value.id) ?? 0) - (pinnedSeats.get(m.value.id) ?? 0);
                        return { ...m.value, load: { cases: n, hours: n * profile.hours.normPerCaseMonth } };
                      }),
                      cases: [
                        ...short.map((c) => {
                          const intake = intakeOf.get(c.value.intakeId);
                          return {
                            id: c.value.id,
                            venture: intake?.venture ?? ({} as never),
                            topics: intake?.question.topics ?? [],
                            acceptedOn: c.value.openedOn,
                            previousMentors: [],
                            teamSize: c.value.teamSize,
                          };
                        }),
                        ...waiting.map((c) => {
                          const intake = intakeOf.get(c.value.intakeId);
                          const earlier =
                            c.value.previousCaseId === undefined
                              ? undefined
                              : byId.get(c.value.previousCaseId);
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
                      ],
                      // The manager's hands on the round, kept to the mentors and cases it is about.
                      // A mentor who said no to a case is never proposed for it again (rule 24).
                      preferences: [
                        ...(hands.preferences ?? []).filter(
                          (p) =>
                            knownMentors.has(p.mentorId) &&
                            knownCases.has(p.caseId) &&
                            !declined.has(`${p.caseId}/${p.mentorId}`),
                        ),
                        ...answers
                          .filter(
                            (a) =>
                              a.value.answer === "no" &&
                              knownMentors.has(a.value.mentorId) &&
                              knownCases.has(a.value.caseId),
                          )
                          .map(
                            (a): Preference => ({
                              mentorId: a.value.mentorId,
                              caseId: a.value.caseId,
                              kind: "declined",
                            }),
                          ),
                      ],
                      pins: [
                        ...kept,
                        ...keptOff,
                        ...(hands.pins ?? []).filter(
                          (p) =>
                            knownMentors.has(p.mentorId) &&
                            knownCases.has(p.caseId) &&
                            !kept.some((k) => k.mentorId === p.mentorId && k.caseId === p.caseId) &&
                            !keptOff.some((k) => k.mentorId === p.mentorId && k.caseId === p.caseId),
                        ),
                      ],
                      // Conflicts the programme recorded, for the cases of this meeting.
                      conflicts: [...waiting, ...short].flatMap((c) => {
                        const venture = intakeOf.get(c.value.intakeId)?.venture.id;
                        return recorded
                          .filter((r) => r.value.ventureId === venture && knownMentors.has(r.value.mentorId))
                          .map((r) => ({
                            mentorId: r.value.mentorId,
                            caseId: c.value.id,
                            reason: r.value.reason,
                          }));
                      }),
                      activeCases: running.flatMap((c) => {
                        if (shortIds.has(c.value.id)) return [];
                        const intake = intakeOf.get(c.value.intakeId);
                        return intake === undefined
                          ? []
                          : [
                              {
                                id: c.value.id as CaseId,
                                venture: intake.venture,
                                topics: intake.question.topics,
                                team: currentTeam(c.value).map((m) => ({
                                  mentorId: m.mentorId,
                                  role: m.role,
                                })),
                              },
                            ];
                      }),
                      weights: defaultWeights,
                      seed: hands.seed ?? 1,
                    };
                    return {
                      round,
                      readSet,
                      read: fingerprint(readSet),
                      previous: previous ?? "new",
                    };
                  }),
                ),
            ),
          ),
      ),
    ),
  );
}

/**
 * Build the matching round from the stored state — mentors with their current loads, the cases
 * waiting for this meeting with their ventures and questions, running cases for continuity — run
 * the matching engine and store its proposal under the round's id. Replanning (after pins or
 * exclusions) replaces the stored proposal. Nothing is confirmed: that is `confirmTeam`, per team,
 * after the mentors accept.
 *
 * The engine runs outside any transaction: the state is read, the round solved, and the proposal
 * stored in one short transaction that first checks the versions of everything it was read from
 * (without reading the documents again) — if anything changed meanwhile, the round is read and
 * solved again (up to three times, then a `StoreConflict` on the round). So planning a national
 * round never holds other writers back.
 *
 * @example
 * const proposal = await planRound(ctx, "ems-2026-12", new Date("2026-12-07T19:00Z"), { id: "pm-paula" });
 */
export function planRound(
  ctx: ProgrammeContext,
  roundId: string,
  meetingDate: Date,
  actor: Actor,
  hands: RoundHands = {},
): ResultAsync<ProposalData, ValidationFailed | SolverDefect | StoreConflict | StoreUnavailable> {
  const invalid = checkArguments(
    "planRound",
    { roundId: argument.roundId, meetingDate: argument.date, actor: argument.actor, hands: argument.hands },
    { roundId, meetingDate, actor, hands },
  );
  if (invalid !== undefined) return errAsync(invalid);
  type Outcome =
    | { readonly stored: ProposalData }
    | { readonly stale: { readonly expected: number | "new"; readonly actual: number | "new" } };
  const attempt = (
    tries: number,
  ): ResultAsync<ProposalData, SolverDefect | StoreConflict | StoreUnavailable> =>
    // The snapshot is read outside any transaction (a torn read is caught below, like any change).
    readRound(ctx, ctx.store, roundId, meetingDate, hands)
      .andThen((snapshot) => {
        const proposal = matchRound(snapshot.round);
        if (proposal.isErr()) return errAsync<Outcome, SolverDefect>(proposal.error);
        // Stored as data: each reader has the explanations rendered in their own language.
        const stored = proposalData(proposal.value);
        return ctx.store.transaction((tx) =>
          readAgain(tx, roundId, snapshot.readSet).andThen(
            (now): ResultAsync<Outcome, StoreConflict | StoreUnavailable> => {
              if (now !== snapshot.read)
                return tx
                  .versions("rounds", { ids: [roundId] })
                  .map((r) => ({ stale: { expected: snapshot.previous, actual: r.get(roundId) ?? "new" } }));
              const plannedAt = ctx.clock();
              return tx
                .put(
                  "rounds",
                  roundId,
                  {
                    id: roundId,
                    plannedAt,
                    meetingOn: meetingDate,
                    proposal: stored,
                    // Kept so the next re-plan (and the board) starts from the manager's choices.
                    ...(hands.pins === undefined || hands.pins.length === 0 ? {} : { pins: hands.pins }),
                  },
                  snapshot.previous,
                )
                .andThen(() =>
                  tx.appendAudit({
                    at: plannedAt,
                    actor: actor.id,
                    action: "planRound",
                    subject: { collection: "rounds", id: roundId },
                  }),
                )
                .map(() => ({ stored }));
            },
          ),
        );
      })
      .andThen((outcome) => {
        if ("stored" in outcome) return okAsync(outcome.stored);
        if (tries < STALE_RETRIES) return attempt(tries + 1);
        return errAsync<ProposalData, StoreConflict>({
          type: "StoreConflict",
          collection: "rounds",
          id: roundId,
          // The round's own versions; what changed may have been a mentor, a case or an intake.
          expected: outcome.stale.expected,
          actual: outcome.stale.actual === "new" ? undefined : outcome.stale.actual,
        });
      });
  return attempt(1);
}
