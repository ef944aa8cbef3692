import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import type {
  IllegalTransition,
  NoTeamPossible,
  NotFound,
  QuotaFull,
  UnknownPartner,
  ValidationFailed,
  VentureHasOpenCase,
} from "../errors.js";
import { roomForNewCases } from "../hours/capacity.js";
import { type MentoringCase, openCase, transition } from "../lifecycle/case.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import { hasDeclaredConflict } from "../matching/instance.js";
import type { CaseId, IntakeId, ReferralId, TopicId } from "../model/brand.js";
import type { IntakeRequest } from "../model/intake.js";
import type { Mentor } from "../model/mentor.js";
import type { Referral } from "../model/partner.js";
import type { ManagerOverride, TriageContext, TriageDecision } from "../model/triage.js";
import type { StoreConflict, StoreUnavailable, StoreWriter, Versioned } from "../store/contract.js";
import { createReferral } from "../triage/create-referral.js";
import { evaluateTriage } from "../triage/evaluate-triage.js";
import { overrideTriage } from "../triage/override-triage.js";
import { argument, checkArguments } from "./arguments.js";
import { dueAmong, roundsBetween } from "./cases-due.js";
import { type Actor, type ProgrammeContext, required } from "./context.js";
import { noOtherOpenCase } from "./returning.js";

/**
 * What triage needs from the programme's state: places left at the next meeting (the quota less the
 * cases already waiting for it) and whether matchable mentors with room can staff this question.
 * `mentors` are the programme's mentors (only the active ones count), `load` each mentor's current
 * cases (`count("cases", "seatedMentor")`), `waiting` the cases awaiting the next meeting,
 * `conflicted` the mentors with a conflict of interest the programme recorded with this venture.
 */
export function triageContext(
  ctx: ProgrammeContext,
  intake: IntakeRequest,
  mentors: readonly Versioned<Mentor>[],
  load: ReadonlyMap<string, number>,
  waiting: number,
  conflicted: ReadonlySet<string> = new Set(),
): TriageContext {
  const { profile } = ctx;
  const now = ctx.clock();
  // Mentors who could sit on this venture's team now: matchable, with room, no declared conflict
  // of interest with the venture (its competitors, suppliers, the venture itself).
  const withRoom = mentors
    .map((m) => m.value)
    .filter(
      (m) =>
        m.state === "active" &&
        ethicsStatementCurrent(m, now, profile.ethicsStatementValidityMonths) &&
        !hasDeclaredConflict(m, intake.venture) &&
        !conflicted.has(m.id) &&
        roomForNewCases(
          m,
          { cases: load.get(m.id) ?? 0, hours: (load.get(m.id) ?? 0) * profile.hours.normPerCaseMonth },
          profile.hours.normPerCaseMonth,
        ) > 0,
    );
  const covers = (m: Mentor, t: TopicId) => m.expertise.some((e) => e.topic === t && e.level >= 2);
  const shortTopics: TopicId[] = intake.question.topics
    .map((t) => t.topic)
    .filter((t) => !withRoom.some((m) => covers(m, t)));
  // The question's heaviest topic decides (a side topic that can be covered does not make a team):
  // a team of the profile's size with a lead, at least one of them strong in that topic.
  const heaviest = Math.max(0, ...intake.question.topics.map((t) => t.weight));
  const core = intake.question.topics.filter((t) => t.weight === heaviest).map((t) => t.topic);
  const canStaff =
    withRoom.length >= profile.team.minSize &&
    withRoom.some((m) => m.leadQualified) &&
    core.length > 0 &&
    core.some((t) => withRoom.some((m) => covers(m, t)));
  return {
    placesLeft: Math.max(0, profile.meeting.newCasesPerMeeting - waiting),
    network: { canStaff, shortTopics },
  };
}

/**
 * How many accepted cases hold a place at the next meeting: those awaiting it, less those due (a
 * meeting passed without a team for them: they wait for the manager's decision, not in the quota).
 */
function waitingForMeeting(ctx: ProgrammeContext, tx: StoreWriter): ResultAsync<number, StoreUnavailable> {
  const now = ctx.clock();
  return tx.find("cases", "state", "awaitingMeeting").andThen((cases) => {
    if (cases.length === 0) return okAsync<number, StoreUnavailable>(0);
    const oldest = new Date(Math.min(...cases.map((c) => c.value.openedOn.getTime())));
    return roundsBetween(tx, oldest, now).map(
      (rounds) =>
        cases.length -
        dueAmong(
          cases.map((c) => c.value),
          rounds,
          now,
        ).length,
    );
  });
}

export type DecideTriageError =
  | NotFound
  | IllegalTransition
  | ValidationFailed
  | UnknownPartner
  | QuotaFull
  | NoTeamPossible
  | VentureHasOpenCase
  | StoreConflict
  | StoreUnavailable;

/**
 * Triage a submitted intake against the programme's current state and record the decision: an
 * accepted intake opens a case awaiting the next meeting, a referral records the partner and a
 * pending follow-up. With `override`, the programme manager's decision replaces the rules' one,
 * with the reason recorded. All of it happens in one transaction, or none of it.
 *
 * Deciding again without an override changes nothing and answers with the decision on record (a
 * retry is safe). An override that turns an acceptance into something else closes the case still
 * waiting for its meeting (as `referred`, or `other`); once its team is confirmed the case is closed
 * with `closeCase` instead, and the override is refused (`IllegalTransition`).
 *
 * A venture that already has an open case is not accepted a second time by the rules alone
 * (`VentureHasOpenCase`, naming the case): the manager confirms a second case with an override.
 *
 * @example
 * await decideTriage(ctx, "intake-2026-11-01" as IntakeId, { id: "pm-paula" });
 */
export function decideTriage(
  ctx: ProgrammeContext,
  intakeId: IntakeId,
  actor: Actor,
  override?: ManagerOverride,
): ResultAsync<{ decision: TriageDecision; caseId?: CaseId; referralId?: ReferralId }, DecideTriageError> {
  const invalid = checkArguments(
    "decideTriage",
    { intakeId: argument.intakeId, actor: argument.actor },
    { intakeId, actor },
  );
  if (invalid !== undefined) return errAsync(invalid);
  return ctx.store.transaction((tx) =>
    required(tx, "intakes", intakeId).andThen((intake) =>
      tx.get("decisions", intakeId).andThen((previous) =>
        tx.find("cases", "intake", intakeId).andThen((cases) => {
          const existing = cases.find((c) => c.value.state !== "closed");
          // A retry: the decision on record, read only — no mentors, no rules, no writes.
          if (previous !== undefined && override === undefined)
            return tx.find("referrals", "intake", intakeId).map((referrals) => {
              const referral = referrals.find((r) => r.value.followUp.status !== "withdrawn");
              return {
                decision: previous.value,
                ...(existing === undefined ? {} : { caseId: existing.value.id }),
                ...(referral === undefined ? {} : { referralId: referral.value.id }),
              };
            });
          // The network's room: active mentors and the projection of their current cases.
          return tx.find("mentors", "state", "active").andThen((mentors) =>
            tx.count("cases", "seatedMentor").andThen((load) =>
              waitingForMeeting(ctx, tx).andThen((waiting) =>
                tx.find("conflicts", "venture", intake.value.venture.id).andThen((recorded) => {
                  const now = ctx.clock();
                  const evaluated = evaluateTriage({
                    intake: intake.value,
                    profile: ctx.profile,
                    context: triageContext(
                      ctx,
                      intake.value,
                      mentors,
                      load,
                      waiting,
                      new Set(recorded.map((r) => r.value.mentorId as string)),
                    ),
                    now,
                  });
                  const base = previous?.value ?? evaluated;
                  const decided =
                    override === undefined
                      ? okAsync<TriageDecision, DecideTriageError>(evaluated)
                      : overrideTriage(
                          base,
                          { ...(override as object), by: actor.id },
                          ctx.profile,
                          now,
                        ).asyncAndThen((d) => okAsync<TriageDecision, DecideTriageError>(d));
                  // A venture with an open case gets a second one only on the manager's word (an override).
                  const second = (decision: TriageDecision) =>
                    decision.outcome.kind === "accept" && override === undefined && existing === undefined
                      ? noOtherOpenCase(tx, intake.value)
                      : okAsync<void, DecideTriageError>(undefined);
                  return decided.andThen((decision) =>
                    second(decision).andThen(() =>
                      tx
                        .find("referrals", "intake", intakeId)
                        .andThen((referrals) =>
                          record(
                            ctx,
                            tx,
                            intake.value,
                            decision,
                            previous?.version ?? "new",
                            actor,
                            existing,
                            referrals,
                          ),
                        ),
                    ),
                  );
                }),
              ),
            ),
          );
        }),
      ),
    ),
  );
}

function record(
  ctx: ProgrammeContext,
  tx: StoreWriter,
  intake: IntakeRequest,
  decision: TriageDecision,
  expected: number | "new",
  actor: Actor,
  existing: Versioned<MentoringCase> | undefined,
  referrals: readonly Versioned<Referral>[],
): ResultAsync<{ decision: TriageDecision; caseId?: CaseId; referralId?: ReferralId }, DecideTriageError> {
  const audit = (
    action: string,
    collection: "decisions" | "cases" | "referrals",
    id: string,
    reason?: string,
  ) =>
    tx.appendAudit({
      at: ctx.clock(),
      actor: actor.id,
      action,
      subject: { collection, id },
      ...(reason === undefined ? {} : { reason }),
    });
  const kind = decision.outcome.kind;
  // An acceptance turned into something else: the case waiting for its meeting is closed with it.
  let withdrawn: MentoringCase | undefined;
  if (existing !== undefined && kind !== "accept") {
    const closed = transition(existing.value, {
      type: "closed",
      on: ctx.clock(),
      reason: kind === "refer" ? "referred" : "other",
    });
    if (closed.isErr() || existing.value.state !== "awaitingMeeting")
      return errAsync({
        type: "IllegalTransition",
        caseId: existing.value.id,
        state: existing.value.state,
        event: "closed",
      });
    withdrawn = closed.value;
  }
  // A referral still pending that the decision no longer makes (an override to another outcome or
  // another partner) is withdrawn: the partner never hears of it, the report no longer counts it.
  const outcome = decision.outcome;
  const kept =
    outcome.kind === "refer"
      ? referrals.find(
          (r) => r.value.followUp.status !== "withdrawn" && r.value.partnerId === outcome.partnerId,
        )
      : undefined;
  const takenBack = referrals.filter((r) => r.value.followUp.status === "pending" && r !== kept);
  const saved = tx
    .put("decisions", intake.id, decision, expected)
    .andThen(() =>
      audit(
        expected === "new" ? "decideTriage" : "overrideTriage",
        "decisions",
        intake.id,
        // The manager's own words are personal data kept on the decision (erasable); the audit says
        // that the manager overrode — the append-only trail never holds free text.
        decision.override !== undefined && expected !== "new" ? "managerOverride" : decision.reasons[0]?.code,
      ),
    )
    .andThen(() =>
      takenBack.reduce<ResultAsync<unknown, DecideTriageError>>(
        (chain, r) =>
          chain.andThen(() =>
            tx
              .put(
                "referrals",
                r.value.id,
                { ...r.value, followUp: { status: "withdrawn", updatedAt: ctx.clock() } },
                r.version,
              )
              .andThen(() => audit("withdrawReferral", "referrals", r.value.id, "managerOverride")),
          ),
        okAsync(undefined),
      ),
    )
    .andThen(() =>
      existing === undefined || withdrawn === undefined
        ? okAsync(undefined)
        : tx
            .put("cases", existing.value.id, withdrawn, existing.version)
            .andThen(() => audit("closeCase", "cases", existing.value.id, withdrawn.closed?.reason)),
    );
  if (kind === "accept" && existing !== undefined)
    return saved.map(() => ({ decision, caseId: existing.value.id }));
  if (decision.outcome.kind === "accept") {
    const c = openCase({
      id: ctx.newId("case") as CaseId,
      ventureId: intake.venture.id,
      intakeId: intake.id,
      teamSize: ctx.profile.team.minSize,
      on: ctx.clock(),
      ...(intake.previousCaseId === undefined ? {} : { previousCaseId: intake.previousCaseId }),
    });
    return saved
      .andThen(() => tx.put("cases", c.id, c, "new"))
      .andThen(() => audit("openCase", "cases", c.id))
      .map(() => ({ decision, caseId: c.id }));
  }
  if (decision.outcome.kind === "refer" && kept !== undefined)
    return saved.map(() => ({ decision, referralId: kept.value.id }));
  if (decision.outcome.kind === "refer") {
    const referral = createReferral({
      id: ctx.newId("referral") as ReferralId,
      intake,
      decision,
      profile: ctx.profile,
      now: ctx.clock(),
    });
    if (referral.isErr())
      return errAsync(
        referral.error.type === "UnknownPartner" ? referral.error : { type: "UnknownPartner", partnerId: "" },
      );
    const r = referral.value;
    return saved
      .andThen(() => tx.put("referrals", r.id, r, "new"))
      .andThen(() => audit("refer", "referrals", r.id, r.partnerId))
      .map(() => ({ decision, referralId: r.id }));
  }
  return saved.map(() => ({ decision }));
}
