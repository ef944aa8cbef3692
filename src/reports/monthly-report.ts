import {
  type CaseHours,
  caseHours,
  type InactivityAlert,
  inactivityAlerts,
  type MentorHours,
  mentorHours,
  teamStart,
} from "../hours/budget.js";
import { roomForNewCases } from "../hours/capacity.js";
import { type Session, sessionHours } from "../hours/session.js";
import { belowMinimum, type ClosingReason, closingReasons, type MentoringCase } from "../lifecycle/case.js";
import { isDue } from "../lifecycle/due.js";
import { ethicsStatementCurrent } from "../lifecycle/mentor.js";
import type { CaseId, IntakeId, TopicId } from "../model/brand.js";
import { daysBetween, type MonthKey, monthKey } from "../model/dates.js";
import type { Mentor } from "../model/mentor.js";
import type { Referral } from "../model/partner.js";
import type { ProgrammeProfile } from "../model/profile.js";
import type { TriageDecision, TriageOutcomeKind } from "../model/triage.js";
import type { ConsentRecord } from "../store/contract.js";

/** Everything the report reads: a snapshot of the programme's state. */
export interface ProgrammeSnapshot {
  readonly profile: ProgrammeProfile;
  readonly mentors: readonly Mentor[];
  readonly cases: readonly MentoringCase[];
  readonly sessions: readonly Session[];
  readonly intakes: readonly {
    readonly intakeId: IntakeId;
    readonly submittedAt: Date;
    readonly decision: TriageDecision;
  }[];
  readonly referrals: readonly Referral[];
  /** The dates of the meetings held (the stored rounds'), for the cases that waited through one. */
  readonly meetings?: readonly Date[];
  /** Mentors' answers to proposals (at least the month's). */
  readonly consents?: readonly ConsentRecord[];
}

const quantiles = (xs: readonly number[]) => {
  if (xs.length === 0) return { min: 0, median: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    min: s[0] as number,
    median: s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2,
    max: s[s.length - 1] as number,
  };
};

/** The monthly programme report (rule 19), as data; render it with `renderReportMarkdown` or the SVG charts. */
export interface MonthlyReport {
  readonly month: MonthKey;
  readonly asOf: Date;
  readonly mentors: {
    readonly active: number;
    readonly paused: number;
    readonly atCapacity: number;
    readonly overCommitted: number;
    readonly ethicsExpired: number;
  };
  readonly cases: {
    readonly active: number;
    readonly paused: number;
    readonly awaitingMeeting: number;
    /** Cases whose team was confirmed this month. */
    readonly new: number;
    readonly closed: Readonly<Record<ClosingReason, number>>;
    readonly belowMinimumTeam: readonly CaseId[];
    /**
     * Accepted cases that waited through a meeting without a team (the goal is none): how many, the
     * longest wait since acceptance in days, and which — each on the manager's list of decisions due.
     */
    readonly waitedPastMeeting: {
      readonly count: number;
      readonly longestDays: number;
      readonly cases: readonly CaseId[];
    };
  };
  readonly intake: {
    readonly requests: number;
    readonly outcomes: Readonly<Record<TriageOutcomeKind, number>>;
    readonly referralsByPartner: Readonly<Record<string, number>>;
    readonly overridden: number;
  };
  readonly quota: { readonly perMeeting: number; readonly used: number };
  /**
   * Mentors' answers to the teams proposed to them this month (rule 24): yes, no, and how many of
   * them the programme manager recorded on a mentor's behalf.
   */
  readonly consent: { readonly yes: number; readonly no: number; readonly onBehalf: number };
  readonly hours: {
    readonly caseHoursThisMonth: number;
    readonly perCase: readonly CaseHours[];
    readonly status: Readonly<Record<CaseHours["status"], number>>;
    /** Distribution of the cases' rolling averages (h per month). */
    readonly average: { readonly min: number; readonly median: number; readonly max: number };
    readonly oneOffHours: number;
  };
  readonly sessions: { readonly case: number; readonly oneOff: number };
  /** Days from intake to a confirmed team, for cases confirmed this month. */
  readonly daysIntakeToTeam: {
    readonly count: number;
    readonly min: number;
    readonly median: number;
    readonly max: number;
  };
  readonly mentorHours: readonly MentorHours[];
  readonly nextMeeting: {
    readonly seatsNeeded: number;
    readonly spareSeats: number;
    readonly spareLeadSeats: number;
    readonly canStaffQuota: boolean;
    /** Topics that fewer than two matchable mentors with room cover (expertise 2–3). */
    readonly shortTopics: readonly TopicId[];
  };
  readonly inactivity: readonly InactivityAlert[];
}

/**
 * The monthly report for the month containing `asOf`, pure over a snapshot. Totals are computed
 * from the same events they summarise, so they agree with them (a property test checks this).
 *
 * @example
 * const report = monthlyReport(snapshot, new Date("2026-12-31T23:59:59Z"));
 */
export function monthlyReport(snap: ProgrammeSnapshot, asOf: Date): MonthlyReport {
  const { profile } = snap;
  const month = monthKey(asOf);
  const inMonth = (d: Date) => monthKey(d) === month && d <= asOf;
  const mentorLoad = mentorHours(snap.mentors, snap.cases, snap.sessions, profile, asOf);
  const active = snap.mentors.filter((m) => m.state === "active");
  const closed = Object.fromEntries(closingReasons.map((r) => [r, 0])) as Record<ClosingReason, number>;
  for (const c of snap.cases)
    if (c.closed !== undefined && inMonth(c.closed.on)) closed[c.closed.reason] += 1;
  const answers = (snap.consents ?? []).filter((c) => inMonth(c.on));
  const confirmedThisMonth = snap.cases.filter((c) => c.memberships.length > 0 && inMonth(teamStart(c)));
  const submitted = new Map(snap.intakes.map((i) => [i.intakeId as string, i.submittedAt]));
  const waits = confirmedThisMonth.flatMap((c) => {
    const at = submitted.get(c.intakeId);
    return at === undefined ? [] : [daysBetween(at, teamStart(c))];
  });
  const requests = snap.intakes.filter((i) => inMonth(i.submittedAt));
  const outcomes: Record<TriageOutcomeKind, number> = { accept: 0, refer: 0, oneOff: 0, notReady: 0 };
  for (const i of requests) outcomes[i.decision.outcome.kind] += 1;
  const referralsByPartner: Record<string, number> = {};
  // A referral the manager's override withdrew was never made.
  for (const r of snap.referrals)
    if (inMonth(r.date) && r.followUp.status !== "withdrawn")
      referralsByPartner[r.partnerId] = (referralsByPartner[r.partnerId] ?? 0) + 1;
  const running = snap.cases.filter((c) => c.state === "active" || c.state === "paused");
  const overdue = snap.cases.filter((c) => isDue(c, snap.meetings ?? [], asOf));
  // Group once: per-case filtering of every session would be cases × sessions at national scale.
  const byCase = new Map<string, Session[]>();
  for (const x of snap.sessions) {
    if (x.caseId === undefined) continue;
    const list = byCase.get(x.caseId);
    if (list === undefined) byCase.set(x.caseId, [x]);
    else list.push(x);
  }
  const perCase = running.map((c) => caseHours(c, byCase.get(c.id) ?? [], profile, asOf));
  const status = { under: 0, on: 0, over: 0 };
  for (const h of perCase) status[h.status] += 1;
  const monthSessions = snap.sessions.filter((s) => inMonth(s.on));

  // Next month: seats the quota needs against the room matchable mentors have.
  const norm = profile.hours.normPerCaseMonth;
  const loadOf = new Map(mentorLoad.map((l) => [l.mentorId as string, l]));
  const matchable = active.filter((m) =>
    ethicsStatementCurrent(m, asOf, profile.ethicsStatementValidityMonths),
  );
  const room = (m: Mentor) => {
    const l = loadOf.get(m.id);
    const cases = l?.cases ?? 0;
    const committed = l?.committedHours ?? 0;
    return roomForNewCases(m, { cases, hours: committed }, norm);
  };
  const spareSeats = matchable.reduce((s, m) => s + room(m), 0);
  const spareLeadSeats = matchable.filter((m) => m.leadQualified).reduce((s, m) => s + room(m), 0);
  const seatsNeeded = profile.meeting.newCasesPerMeeting * profile.team.minSize;
  const withRoom = matchable.filter((m) => room(m) > 0);
  const shortTopics = profile.topics
    .map((t) => t.id)
    .filter((t) => withRoom.filter((m) => m.expertise.some((e) => e.topic === t && e.level >= 2)).length < 2);

  return {
    month,
    asOf,
    mentors: {
      active: active.length,
      paused: snap.mentors.filter((m) => m.state === "paused").length,
      atCapacity: mentorLoad.filter((l, k) => l.atCapacity && snap.mentors[k]?.state === "active").length,
      overCommitted: mentorLoad.filter((l) => l.overCommitted).length,
      ethicsExpired: active.length - matchable.length,
    },
    cases: {
      active: snap.cases.filter((c) => c.state === "active").length,
      paused: snap.cases.filter((c) => c.state === "paused").length,
      awaitingMeeting: snap.cases.filter((c) => c.state === "awaitingMeeting").length,
      new: confirmedThisMonth.length,
      closed,
      belowMinimumTeam: snap.cases.filter(belowMinimum).map((c) => c.id),
      waitedPastMeeting: {
        count: overdue.length,
        longestDays: overdue.reduce((d, c) => Math.max(d, daysBetween(c.openedOn, asOf)), 0),
        cases: overdue.map((c) => c.id),
      },
    },
    intake: {
      requests: requests.length,
      outcomes,
      referralsByPartner,
      overridden: requests.filter((i) => i.decision.override !== undefined).length,
    },
    quota: { perMeeting: profile.meeting.newCasesPerMeeting, used: confirmedThisMonth.length },
    consent: {
      yes: answers.filter((c) => c.answer === "yes").length,
      no: answers.filter((c) => c.answer === "no").length,
      onBehalf: answers.filter((c) => c.onBehalf !== undefined).length,
    },
    hours: {
      caseHoursThisMonth: monthSessions
        .filter((s) => s.kind === "case")
        .reduce((s, x) => s + sessionHours(x), 0),
      perCase,
      status,
      average: quantiles(perCase.map((h) => h.average)),
      oneOffHours: monthSessions.filter((s) => s.kind === "oneOff").reduce((s, x) => s + sessionHours(x), 0),
    },
    sessions: {
      case: monthSessions.filter((s) => s.kind === "case").length,
      oneOff: monthSessions.filter((s) => s.kind === "oneOff").length,
    },
    daysIntakeToTeam: { count: waits.length, ...quantiles(waits) },
    mentorHours: mentorLoad,
    nextMeeting: {
      seatsNeeded,
      spareSeats,
      spareLeadSeats,
      canStaffQuota: spareSeats >= seatsNeeded && spareLeadSeats >= profile.meeting.newCasesPerMeeting,
      shortTopics,
    },
    inactivity: inactivityAlerts(snap.cases, snap.sessions, profile, asOf),
  };
}
