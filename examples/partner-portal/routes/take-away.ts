/**
 * What people take away: the month's report as a printable page and as CSV (the hours per case,
 * the table the meeting goes through), and calendars (`.ics`) of the programme's planned mentors'
 * meetings and of a case's sessions. Calendar files carry ids and venture names, never a mentee's.
 */
import { html } from "hono/html";
import { createEvents, type EventAttributes } from "ics";
import {
  formatMonth,
  formatNumber,
  hoursChart,
  loadChart,
  message,
  monthKey,
  programmeReport,
  renderReportMarkdown,
} from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import { isMonth, reportAsOf } from "../../shared/months.js";
import type { App, C, Kit } from "../kit.js";
import { chart, t } from "../views.js";

type Day = [number, number, number];
const dayOf = (d: Date): Day => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
const nextDay = (d: Date): Day => dayOf(new Date(d.getTime() + 86_400_000));

export function takeAwayRoutes(app: App, kit: Kit): void {
  const {
    ctx,
    profile,
    store,
    clock,
    page,
    libraryError,
    badRequest,
    guard,
    naming,
    names,
    caseLabels,
    loadCase,
  } = kit;

  /** The report of `?month=` (this month when absent) with the reader's names for cases and mentors. */
  const reportOf = async (c: C) => {
    const month = c.req.query("month") ?? monthKey(clock());
    if (!isMonth(month)) return { ok: false as const, response: badRequest(c, "month", "YYYY-MM") };
    const report = await programmeReport(ctx, reportAsOf(month, clock()));
    if (report.isErr()) return { ok: false as const, response: libraryError(c, report.error) };
    const r = report.value;
    const labels = await caseLabels([
      ...r.hours.perCase.map((x) => x.caseId),
      ...r.cases.waitedPastMeeting.cases,
      ...r.cases.belowMinimumTeam,
      ...r.inactivity.map((x) => x.caseId),
    ]);
    const reader = { ...naming(c.var.locale, await names()), case: (id: string) => labels.get(id) ?? id };
    return { ok: true as const, month, report: r, reader, labels };
  };

  app.get("/report/print", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const got = await reportOf(c);
    if (!got.ok) return got.response;
    const local = { ...profile, locale: l };
    const lines = renderReportMarkdown(got.report, local, got.reader).split("\n");
    return page(
      c,
      t(l, "portal.report.heading", { month: formatMonth(l, got.month) }),
      html`<section data-testid="printable">
          <h1>${lines[0]?.replace(/^# /, "") ?? ""}</h1>
          <p class="muted">${profile.name}</p>
          <ul>${lines.filter((x) => x.startsWith("- ")).map((x) => html`<li>${x.slice(2)}</li>`)}</ul>
        </section>
        <section>${chart(hoursChart(got.report, local, got.reader))}</section>
        <section>${chart(loadChart(got.report, local, got.reader))}</section>`,
      200,
      { bare: true },
    );
  });

  app.get("/report.csv", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const got = await reportOf(c);
    if (!got.ok) return got.response;
    const csv = toCsv(
      l,
      [
        "id",
        message(l, "chart.column.case", {}),
        t(l, "portal.report.thisMonth"),
        message(l, "chart.column.averageHours", {}),
        message(l, "chart.column.norm", {}),
        message(l, "chart.column.status", {}),
        t(l, "portal.report.total"),
      ],
      got.report.hours.perCase.map((h) => [
        h.caseId,
        got.labels.get(h.caseId) ?? h.caseId,
        formatNumber(l, h.thisMonth),
        formatNumber(l, h.average),
        formatNumber(l, h.norm),
        message(l, `chart.legend.${h.status}`, {}),
        formatNumber(l, h.totalHours),
      ]),
    );
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvName(`report-${got.month}`)}"`,
    });
  });

  const calendar = (c: C, events: EventAttributes[], name: string) => {
    const made = createEvents(events, { productId: "venture-mentoring/partner-portal" });
    const text = made.value;
    if (made.error || typeof text !== "string") throw made.error ?? new Error("no calendar");
    return c.body(text, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.ics"`,
    });
  };

  // The mentors' meetings planned so far (one a month; each round is planned for its meeting).
  app.get("/calendar/meetings.ics", async (c) => {
    const g = await guard(c, "meetings.calendar");
    if (g instanceof Response) return g;
    const rounds = await store.list("rounds");
    if (rounds.isErr()) return libraryError(c, rounds.error);
    const title = t(c.var.locale, "portal.calendar.meeting", { programme: profile.name });
    return calendar(
      c,
      rounds.value.flatMap(({ value: r }) =>
        r.meetingOn === undefined
          ? []
          : [
              {
                uid: `${r.id}@venture-mentoring`,
                title,
                start: dayOf(r.meetingOn),
                end: nextDay(r.meetingOn),
              },
            ],
      ),
      "meetings",
    );
  });

  // A case's sessions, for its team's calendars: when, how long, how.
  app.get("/cases/:id/sessions.ics", async (c) => {
    const found = await loadCase(c.req.param("id"));
    if (found.isErr()) return libraryError(c, found.error);
    const g = await guard(c, "case.view", found.value);
    if (g instanceof Response) return g;
    const kase = found.value;
    if (kase === undefined) return kit.notFound(c);
    const l = c.var.locale;
    const sessions = await store.find("sessions", "case", kase.id);
    if (sessions.isErr()) return libraryError(c, sessions.error);
    const venture = (await caseLabels([kase.id])).get(kase.id) ?? kase.id;
    return calendar(
      c,
      sessions.value.map(({ value: s }) => ({
        uid: `${s.id}@venture-mentoring`,
        title: t(l, "portal.calendar.session", { venture, mode: message(l, `mode.${s.mode}`, {}) }),
        start: s.on.getTime(),
        startInputType: "utc" as const,
        startOutputType: "utc" as const,
        duration: { minutes: s.minutes },
      })),
      csvName(`sessions-${kase.id}`).replace(/\.csv$/, ""),
    );
  });
}
