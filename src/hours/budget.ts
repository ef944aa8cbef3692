import { err, ok, type Result } from "neverthrow";
import type { SessionRefused } from "../errors.js";
import { type MentoringCase, mentorCaseCounts } from "../lifecycle/case.js";
import type { CaseId, MentorId } from "../model/brand.js";
import { daysBetween, type MonthKey, monthKey, monthStart, monthsSpanned } from "../model/dates.js";
import type { Mentor } from "../model/mentor.js";
import type { ProgrammeProfile } from "../model/profile.js";
import { roomForNewCases } from "./capacity.js";
import { type Session, sessionHours } from "./session.js";

export type NormStatus = "under" | "on" | "over";

/** A case's hours against the norm, with the numbers behind the status. */
export interface CaseHours {
  readonly caseId: CaseId;
  readonly totalHours: number;
  readonly sessions: number;
  /** Hours per calendar month since the team started, oldest first. */
  readonly byMonth: readonly { readonly month: MonthKey; readonly hours: number }[];
  /** Months in the rolling window (the profile's) and the hours in it. */
  readonly windowMonths: number;
  readonly windowHours: number;
  /** windowHours ÷ windowMonths: the rolling average the norm is about. */
  readonly average: number;
  readonly norm: number;
  /**
   * over: average above norm × (1 + tolerance); under: below norm × (1 − tolerance) once the team
   * has worked a whole window (a young case still has time); on otherwise. A norm, never a cap.
   */
  readonly status: NormStatus;
  readonly thisMonth: number;
  /** This month's hours so far plus the norm's pace for the rest of the month. */
  readonly forecast: number;
}

/** When the case's team started (the first membership), or when it was opened if no team yet. */
export function teamStart(c: MentoringCase): Date {
  return (
    c.memberships.reduce<Date | undefined>(
      (d, m) => (d === undefined || m.from < d ? m.from : d),
      undefined,
    ) ?? c.openedOn
  );
}

/**
 * A case's hour budget on `asOf`: the rolling average over the profile's window against the norm.
 * Front-loading is normal: 4.5 h in month one and two quiet months averages 1.5 h, on norm.
 *
 * @example
 * caseHours(kase, sessions, friesland, new Date("2027-02-28")).status; // "on"
 */
export function caseHours(
  c: MentoringCase,
  sessions: readonly Session[],
  profile: ProgrammeProfile,
  asOf: Date,
): CaseHours {
  const mine = sessions.filter((s) => s.kind === "case" && s.caseId === c.id && s.on <= asOf);
  const start = teamStart(c);
  const span = Math.max(1, monthsSpanned(start, asOf));
  const byMonth = new Map<MonthKey, number>();
  for (let k = 0; k < span; k++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + k, 1));
    byMonth.set(monthKey(d), 0);
  }
  for (const s of mine) {
    const key = monthKey(s.on);
    byMonth.set(key, (byMonth.get(key) ?? 0) + sessionHours(s));
  }
  const months = [...byMonth].map(([month, hours]) => ({ month, hours }));
  const W = profile.hours.rollingWindowMonths;
  const windowHours = months.slice(-W).reduce((s, m) => s + m.hours, 0);
  const average = windowHours / W;
  const norm = profile.hours.normPerCaseMonth;
  const tol = profile.hours.tolerance;
  const status: NormStatus =
    average > norm * (1 + tol) + 1e-9
      ? "over"
      : average < norm * (1 - tol) - 1e-9 && span >= W
        ? "under"
        : "on";
  const thisMonth = byMonth.get(monthKey(asOf)) ?? 0;
  const first = monthStart(asOf);
  const next = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, 1));
  const remaining = Math.max(0, (next.getTime() - asOf.getTime()) / (next.getTime() - first.getTime()));
  return {
    caseId: c.id,
    totalHours: mine.reduce((s, x) => s + sessionHours(x), 0),
    sessions: mine.length,
    byMonth: months,
    windowMonths: W,
    windowHours,
    average,
    norm,
    status,
    thisMonth,
    forecast: thisMonth + norm * remaining,
  };
}

/** A mentor's hours: what their cases commit them to against what they offer, and what they logged. */
export interface MentorHours {
  readonly mentorId: MentorId;
  readonly cases: number;
  readonly maxCases: number;
  /** Active and paused cases × the hour norm. */
  readonly committedHours: number;
  readonly offeredHours: number;
  readonly loggedThisMonth: number;
  /** Committed more hours or cases than offered: flagged before a matching round, not after. */
  readonly overCommitted: boolean;
  readonly atCapacity: boolean;
}

/** Every mentor's committed, offered and logged hours on `asOf`. */
export function mentorHours(
  mentors: readonly Mentor[],
  cases: readonly MentoringCase[],
  sessions: readonly Session[],
  profile: ProgrammeProfile,
  asOf: Date,
): MentorHours[] {
  const count = mentorCaseCounts(cases);
  const month = monthKey(asOf);
  const logged = new Map<string, number>();
  for (const s of sessions) {
    if (monthKey(s.on) !== month || s.on > asOf) continue;
    for (const id of s.mentors) logged.set(id, (logged.get(id) ?? 0) + sessionHours(s));
  }
  return mentors.map((m) => {
    const n = count.get(m.id) ?? 0;
    const committed = n * profile.hours.normPerCaseMonth;
    return {
      mentorId: m.id,
      cases: n,
      maxCases: m.capacity.maxCases,
      committedHours: committed,
      offeredHours: m.capacity.monthlyHours,
      loggedThisMonth: logged.get(m.id) ?? 0,
      overCommitted: committed > m.capacity.monthlyHours + 1e-9 || n > m.capacity.maxCases,
      atCapacity: roomForNewCases(m, { cases: n, hours: committed }, profile.hours.normPerCaseMonth) === 0,
    };
  });
}

/** No session for the profile's period: the programme asks whether the question is still open. */
export interface InactivityAlert {
  readonly caseId: CaseId;
  readonly lastActivity: Date;
  readonly days: number;
}

/**
 * Active cases with no session for the profile's inactivity period. An alert asks "is the
 * question still open?"; it never closes a case (rule 16). Paused cases are left alone.
 */
export function inactivityAlerts(
  cases: readonly MentoringCase[],
  sessions: readonly Session[],
  profile: ProgrammeProfile,
  asOf: Date,
): InactivityAlert[] {
  const last = new Map<string, Date>();
  for (const s of sessions) {
    if (s.kind !== "case" || s.caseId === undefined || s.on > asOf) continue;
    const prev = last.get(s.caseId);
    if (prev === undefined || s.on > prev) last.set(s.caseId, s.on);
  }
  return cases
    .filter((c) => c.state === "active")
    .flatMap((c) => {
      const lastActivity = last.get(c.id) ?? teamStart(c);
      const days = daysBetween(lastActivity, asOf);
      return days >= profile.inactivityAlertDays ? [{ caseId: c.id, lastActivity, days }] : [];
    });
}

/**
 * Check a parsed session against its case: the case is running, every attending mentor is on the
 * team on that day, and the note author is the team lead or the mentor the lead designated.
 */
export function checkSession(
  session: Session,
  c: MentoringCase,
  designatedAuthor?: MentorId,
): Result<Session, SessionRefused> {
  const refuse = (reason: SessionRefused["reason"], mentorId?: string): Result<Session, SessionRefused> =>
    err(
      mentorId === undefined
        ? { type: "SessionRefused", sessionId: session.id, reason }
        : { type: "SessionRefused", sessionId: session.id, reason, mentorId },
    );
  if (session.kind !== "case" || session.caseId !== c.id) return refuse("wrongCase");
  if (c.state !== "active" && c.state !== "paused") return refuse("caseNotRunning");
  const onTeam = (id: string) =>
    c.memberships.some(
      (m) => m.mentorId === id && m.from <= session.on && (m.until === undefined || m.until >= session.on),
    );
  const stranger = session.mentors.find((id) => !onTeam(id));
  if (stranger !== undefined) return refuse("mentorNotOnTeam", stranger);
  if (!mayWriteNotes(c, session.noteAuthor, session.on, designatedAuthor)) {
    return refuse("noteAuthorNotAllowed", session.noteAuthor);
  }
  return ok(session);
}

/**
 * Whether `mentorId` may write a session's notes on the case on date `on`: the team's lead on that
 * date, or the mentor the lead designated. A portal asks this to offer the form only to them.
 *
 * @example
 * const canLog = mayWriteNotes(kase, mentorId, new Date());
 */
export function mayWriteNotes(
  c: MentoringCase,
  mentorId: string,
  on: Date,
  designatedAuthor?: MentorId,
): boolean {
  const lead = c.memberships.find(
    (m) => m.role === "lead" && m.from <= on && (m.until === undefined || m.until >= on),
  );
  return mentorId === lead?.mentorId || mentorId === designatedAuthor;
}
