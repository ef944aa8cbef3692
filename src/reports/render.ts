import type { CaseHours } from "../hours/budget.js";
import type { ClosingReason } from "../lifecycle/case.js";
import { message } from "../messages/catalogue.js";
import { idsOnly, type Naming } from "../messages/describe-proposal.js";
import { formatHours, formatMonth, formatNumber } from "../messages/format.js";
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

/** One bar of a chart: what it is, its value, the mark it is read against, and where it stands. */
export interface ChartRow {
  readonly label: string;
  readonly value: number;
  readonly mark: number;
  readonly colour: string;
  /** Where the value stands, in words (the legend's entry for its colour). */
  readonly status: string;
}

/**
 * A bar chart as data, in the reader's language: its title, column headings, a legend for every
 * colour and for the mark, and the rows. `renderChart` draws it; `renderChartTable` gives the same
 * numbers as a table (beside the chart, and for screen readers).
 */
export interface Chart {
  readonly locale: Locale;
  readonly title: string;
  readonly headings: {
    readonly label: string;
    readonly value: string;
    readonly mark: string;
    readonly status: string;
  };
  readonly legend: readonly { readonly colour: string; readonly label: string }[];
  /** The mark's meaning (drawn as a black line on each bar). */
  readonly markLabel: string;
  /** How a value reads in a text ("1,5 u", "3"). */
  readonly format: (value: number) => string;
  readonly rows: readonly ChartRow[];
}

const statusColour = { under: "#e0a030", on: "#3a8f5c", over: "#c0504d" } as const;
const loadColour = { room: "#4a78b0", full: "#e0a030", over: "#c0504d" } as const;

/** The legend of an hours chart: one entry per colour, in the reader's language. */
function hoursLegend(l: Locale) {
  return (["under", "on", "over"] as const).map((k) => ({
    colour: statusColour[k],
    label: message(l, `chart.legend.${k}`, {}),
  }));
}

/**
 * Hours per case (rolling average) against the norm, coloured by where each case stands; cases
 * named as the reader knows them (`naming.case`).
 *
 * @example
 * renderChart(hoursChart(report, friesland, { ...idsOnly, case: (id) => ventureOf(id) }));
 */
export function hoursChart(r: MonthlyReport, profile: ProgrammeProfile, naming: Naming = idsOnly): Chart {
  const l = profile.locale;
  const legend = hoursLegend(l);
  const index = { under: 0, on: 1, over: 2 } as const;
  return {
    locale: l,
    title: message(l, "report.chartHours", {}),
    headings: {
      label: message(l, "chart.column.case", {}),
      value: message(l, "chart.column.averageHours", {}),
      mark: message(l, "chart.column.norm", {}),
      status: message(l, "chart.column.status", {}),
    },
    legend,
    markLabel: message(l, "chart.legend.norm", {}),
    format: (x) => `${formatHours(l, x)} ${message(l, "unit.hours", {})}`,
    rows: r.hours.perCase.map((c) => ({
      label: naming.case?.(c.caseId) ?? c.caseId,
      value: c.average,
      mark: c.norm,
      colour: statusColour[c.status],
      status: legend[index[c.status]]?.label ?? "",
    })),
  };
}

/**
 * One case's hours per month since its team started, against the norm: green on the norm, amber
 * below, red above its tolerance. A norm, never a cap.
 *
 * @example
 * renderChart(caseHoursChart(caseHours(kase, sessions, friesland, now), friesland));
 */
export function caseHoursChart(c: CaseHours, profile: ProgrammeProfile, naming: Naming = idsOnly): Chart {
  const l = profile.locale;
  const { tolerance } = profile.hours;
  const legend = hoursLegend(l);
  return {
    locale: l,
    title: message(l, "report.chartCaseHours", { case: naming.case?.(c.caseId) ?? c.caseId }),
    headings: {
      label: message(l, "chart.column.month", {}),
      value: message(l, "chart.column.hours", {}),
      mark: message(l, "chart.column.norm", {}),
      status: message(l, "chart.column.status", {}),
    },
    legend,
    markLabel: message(l, "chart.legend.norm", {}),
    format: (x) => `${formatHours(l, x)} ${message(l, "unit.hours", {})}`,
    rows: c.byMonth.map((m) => {
      const k = m.hours > c.norm * (1 + tolerance) ? 2 : m.hours < c.norm * (1 - tolerance) ? 0 : 1;
      return {
        label: formatMonth(l, m.month),
        value: m.hours,
        mark: c.norm,
        colour: legend[k]?.colour ?? statusColour.on,
        status: legend[k]?.label ?? "",
      };
    }),
  };
}

/**
 * Cases per mentor against their maximum: blue with room left, amber at capacity, red when
 * over-committed; mentors by name (`naming.mentor`).
 *
 * @example
 * renderChart(loadChart(report, friesland, { mentor: (id) => names.get(id) ?? id, topic: (t) => t }));
 */
export function loadChart(r: MonthlyReport, profile: ProgrammeProfile, naming: Naming = idsOnly): Chart {
  const l = profile.locale;
  const legend = [
    { colour: loadColour.room, label: message(l, "chart.legend.room", {}) },
    { colour: loadColour.full, label: message(l, "chart.legend.full", {}) },
    { colour: loadColour.over, label: message(l, "chart.legend.overCommitted", {}) },
  ];
  return {
    locale: l,
    title: message(l, "report.chartLoad", {}),
    headings: {
      label: message(l, "chart.column.mentor", {}),
      value: message(l, "chart.column.cases", {}),
      mark: message(l, "chart.column.maximum", {}),
      status: message(l, "chart.column.status", {}),
    },
    legend,
    markLabel: message(l, "chart.legend.maximum", {}),
    format: (x) => formatNumber(l, x),
    rows: r.mentorHours.map((m) => {
      const k = m.overCommitted ? 2 : m.atCapacity ? 1 : 0;
      return {
        label: naming.mentor(m.mentorId),
        value: m.cases,
        mark: m.maxCases,
        colour: legend[k]?.colour ?? loadColour.room,
        status: legend[k]?.label ?? "",
      };
    }),
  };
}

/** A label cut to fit the chart's label column (the table beside it has it whole). */
const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * A chart as a self-contained SVG (no scripts, no external references): its title, a legend for
 * every colour and the mark, and one bar per row. It scales to its container (`width="100%"`), and
 * its text stays legible on a 390 px wide phone.
 */
export function renderChart(chart: Chart): string {
  const width = 400;
  const left = 130;
  const row = 22;
  const legendTop = 30;
  const legendRows = chart.legend.length + 1;
  const top = legendTop + legendRows * 16 + 8;
  const height = top + chart.rows.length * row + 12;
  const max = Math.max(1e-9, ...chart.rows.map((r) => Math.max(r.value, r.mark))) * 1.15;
  const x = (v: number) => left + ((width - left - 60) * v) / max;
  const legend = [
    ...chart.legend.map(
      (e, k) =>
        `<rect x="8" y="${legendTop + k * 16}" width="12" height="12" fill="${e.colour}"/><text x="26" y="${legendTop + k * 16 + 10}">${esc(e.label)}</text>`,
    ),
    `<line x1="14" x2="14" y1="${legendTop + chart.legend.length * 16}" y2="${legendTop + chart.legend.length * 16 + 12}" stroke="#222" stroke-width="2"/><text x="26" y="${legendTop + chart.legend.length * 16 + 10}">${esc(chart.markLabel)}</text>`,
  ].join("");
  const body = chart.rows
    .map((r, k) => {
      const y = top + k * row;
      return [
        `<text x="${left - 6}" y="${y + 14}" text-anchor="end">${esc(cut(r.label, 20))}</text>`,
        `<rect x="${left}" y="${y + 3}" width="${Math.max(0, x(r.value) - left).toFixed(1)}" height="${row - 6}" fill="${r.colour}"><title>${esc(`${r.label}: ${chart.format(r.value)} (${r.status})`)}</title></rect>`,
        `<line x1="${x(r.mark).toFixed(1)}" x2="${x(r.mark).toFixed(1)}" y1="${y + 1}" y2="${y + row - 1}" stroke="#222" stroke-width="2"/>`,
        `<text x="${(x(r.value) + 4).toFixed(1)}" y="${y + 14}">${esc(chart.format(r.value))}</text>`,
      ].join("");
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${esc(chart.title)}"><title>${esc(chart.title)}</title><text x="8" y="18" font-size="14" font-weight="bold">${esc(chart.title)}</text>${legend}${body}</svg>`;
}

/**
 * The chart's numbers as an HTML table, with the same headings and words as the chart: beside it
 * for reading exact values, and for screen readers.
 *
 * @example
 * const chart = loadChart(report, friesland, { mentor: (id) => names.get(id) ?? id, topic: (t) => t });
 * const figure = `<figure>${renderChart(chart)}${renderChartTable(chart)}</figure>`;
 */
export function renderChartTable(chart: Chart): string {
  const h = chart.headings;
  const rows = chart.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.label)}</th><td>${esc(chart.format(r.value))}</td><td>${esc(chart.format(r.mark))}</td><td>${esc(r.status)}</td></tr>`,
    )
    .join("");
  return `<table class="chart-data"><caption>${esc(chart.title)}</caption><thead><tr><th scope="col">${esc(h.label)}</th><th scope="col">${esc(h.value)}</th><th scope="col">${esc(h.mark)}</th><th scope="col">${esc(h.status)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Hours per case (rolling average) against the norm, as SVG: `renderChart(hoursChart(…))`. */
export function renderHoursChart(
  r: MonthlyReport,
  profile: ProgrammeProfile,
  naming: Naming = idsOnly,
): string {
  return renderChart(hoursChart(r, profile, naming));
}

/**
 * One case's hours per month against the norm, as SVG: `renderChart(caseHoursChart(…))`.
 *
 * @example
 * renderCaseHoursChart(caseHours(kase, sessions, friesland, now), friesland);
 */
export function renderCaseHoursChart(
  c: CaseHours,
  profile: ProgrammeProfile,
  naming: Naming = idsOnly,
): string {
  return renderChart(caseHoursChart(c, profile, naming));
}

/** Cases per mentor against their maximum, as SVG: `renderChart(loadChart(…))`. */
export function renderLoadChart(
  r: MonthlyReport,
  profile: ProgrammeProfile,
  naming: Naming = idsOnly,
): string {
  return renderChart(loadChart(r, profile, naming));
}
