import type { CaseHours } from "../hours/budget.js";
import type { ClosingReason } from "../lifecycle/case.js";
import { message } from "../messages/catalogue.js";
import { idsOnly, type Naming } from "../messages/describe-proposal.js";
import { formatHours, formatMonth } from "../messages/format.js";
import { type Locale, type ProgrammeProfile, topicLabel } from "../model/profile.js";
import type { MonthlyReport } from "./monthly-report.js";

/**
 * The report as Markdown in the profile's language, for the CLI, e-mail or the portal.
 *
 * @example
 * renderReportMarkdown(monthlyReport(snapshot, asOf), friesland);
 */
export function renderReportMarkdown(
  r: MonthlyReport,
  profile: ProgrammeProfile,
  naming: Naming = idsOnly,
): string {
  const l: Locale = profile.locale;
  const hours = (x: number) => formatHours(l, x);
  const kase = (id: string) => naming.case?.(id) ?? id;
  const closed = (Object.entries(r.cases.closed) as [ClosingReason, number][])
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${message(l, `closing.${reason}`, {})} ${n}`);
  const partners = Object.entries(r.intake.referralsByPartner).map(
    ([id, n]) => `${profile.partners.find((p) => p.id === id)?.name ?? id} ${n}`,
  );
  const next = r.nextMeeting;
  const lines = [
    `# ${message(l, "report.title", { programme: profile.name, month: formatMonth(l, r.month) })}`,
    "",
    `- ${message(l, "report.mentors", { ...r.mentors })}`,
    `- ${message(l, "report.cases", { active: r.cases.active, paused: r.cases.paused, awaiting: r.cases.awaitingMeeting, new: r.cases.new })}`,
    ...(closed.length > 0 ? [`- ${message(l, "report.closed", { list: closed })}`] : []),
    ...(r.cases.belowMinimumTeam.length > 0
      ? [`- ${message(l, "report.belowMinimum", { cases: r.cases.belowMinimumTeam.map(kase) })}`]
      : []),
    ...(r.cases.waitedPastMeeting.count > 0
      ? [
          `- ${message(l, "report.waitedPastMeeting", {
            count: r.cases.waitedPastMeeting.count,
            days: r.cases.waitedPastMeeting.longestDays,
            cases: r.cases.waitedPastMeeting.cases.map(kase),
          })}`,
        ]
      : []),
    `- ${message(l, "report.intake", { requests: r.intake.requests, ...r.intake.outcomes, overridden: r.intake.overridden })}`,
    ...(partners.length > 0 ? [`- ${message(l, "report.referrals", { list: partners })}`] : []),
    `- ${message(l, "report.quota", { used: r.quota.used, quota: r.quota.perMeeting })}`,
    ...(r.consent.yes + r.consent.no > 0 ? [`- ${message(l, "report.consent", { ...r.consent })}`] : []),
    `- ${message(l, "report.hours", {
      hours: hours(r.hours.caseHoursThisMonth),
      ...r.hours.status,
      min: hours(r.hours.average.min),
      median: hours(r.hours.average.median),
      max: hours(r.hours.average.max),
      norm: hours(profile.hours.normPerCaseMonth),
    })}`,
    `- ${message(l, "report.sessions", { case: r.sessions.case, oneOff: r.sessions.oneOff, oneOffHours: hours(r.hours.oneOffHours) })}`,
    ...(r.daysIntakeToTeam.count > 0 ? [`- ${message(l, "report.wait", { ...r.daysIntakeToTeam })}`] : []),
    `- ${message(l, next.canStaffQuota ? "report.nextMeetingOk" : "report.nextMeetingShort", { spare: next.spareSeats, need: next.seatsNeeded, leads: next.spareLeadSeats })}`,
    ...(next.shortTopics.length > 0
      ? [
          `- ${message(l, "report.shortTopics", { topics: next.shortTopics.map((t) => topicLabel(profile, t, l)) })}`,
        ]
      : []),
    ...r.inactivity.map(
      (a) => `- ${message(l, "report.inactivity", { case: kase(a.caseId), days: a.days })}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A horizontal bar chart as a self-contained SVG (no scripts, no external references). */
function bars(
  title: string,
  rows: readonly {
    readonly label: string;
    readonly value: number;
    readonly mark: number;
    readonly colour: string;
  }[],
  unit: string,
): string {
  const width = 640;
  const left = 170;
  const row = 20;
  const top = 34;
  const height = top + rows.length * row + 16;
  const max = Math.max(1e-9, ...rows.map((r) => Math.max(r.value, r.mark))) * 1.1;
  const x = (v: number) => left + ((width - left - 50) * v) / max;
  const body = rows
    .map((r, k) => {
      const y = top + k * row;
      return [
        `<text x="${left - 6}" y="${y + 13}" text-anchor="end">${esc(r.label)}</text>`,
        `<rect x="${left}" y="${y + 3}" width="${Math.max(0, x(r.value) - left).toFixed(1)}" height="${row - 6}" fill="${r.colour}"/>`,
        `<line x1="${x(r.mark).toFixed(1)}" x2="${x(r.mark).toFixed(1)}" y1="${y + 1}" y2="${y + row - 1}" stroke="#222" stroke-width="2"/>`,
        `<text x="${(x(r.value) + 4).toFixed(1)}" y="${y + 13}">${r.value.toFixed(1)} ${esc(unit)}</text>`,
      ].join("");
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title><text x="8" y="18" font-size="13" font-weight="bold">${esc(title)}</text>${body}</svg>`;
}

const statusColour = { under: "#e0a030", on: "#3a8f5c", over: "#c0504d" } as const;

/** Hours per case (rolling average) against the norm (the black mark), coloured by status. */
export function renderHoursChart(r: MonthlyReport, profile: ProgrammeProfile): string {
  return bars(
    message(profile.locale, "report.chartHours", {}),
    r.hours.perCase.map((c) => ({
      label: c.caseId,
      value: c.average,
      mark: c.norm,
      colour: statusColour[c.status],
    })),
    "h",
  );
}

/**
 * One case's hours per month since its team started, against the norm (the black mark): green on
 * the norm, amber below, red above its tolerance. A norm, never a cap.
 *
 * @example
 * renderCaseHoursChart(caseHours(kase, sessions, friesland, now), friesland);
 */
export function renderCaseHoursChart(c: CaseHours, profile: ProgrammeProfile): string {
  const { tolerance } = profile.hours;
  return bars(
    message(profile.locale, "report.chartCaseHours", { case: c.caseId }),
    c.byMonth.map((m) => ({
      label: m.month,
      value: m.hours,
      mark: c.norm,
      colour:
        statusColour[
          m.hours > c.norm * (1 + tolerance) ? "over" : m.hours < c.norm * (1 - tolerance) ? "under" : "on"
        ],
    })),
    "h",
  );
}

/** Cases per mentor against their capacity (the black mark); red when over-committed. */
export function renderLoadChart(r: MonthlyReport, profile: ProgrammeProfile): string {
  return bars(
    message(profile.locale, "report.chartLoad", {}),
    r.mentorHours.map((m) => ({
      label: m.mentorId,
      value: m.cases,
      mark: m.maxCases,
      colour: m.overCommitted ? "#c0504d" : m.atCapacity ? "#e0a030" : "#4a78b0",
    })),
    "",
  );
}
