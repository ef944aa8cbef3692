/**
 * The monthly report for any month.
 */
import { html } from "hono/html";
import {
  formatMonth,
  hoursChart,
  loadChart,
  monthKey,
  programmeReport,
  renderReportMarkdown,
} from "venture-mentoring";
import { isMonth, reportAsOf } from "../../shared/months.js";
import type { App, Kit } from "../kit.js";
import { chart, t } from "../views.js";

export function reportRoutes(app: App, kit: Kit): void {
  const {
    ctx,
    profile,
    clock,
    naming,
    page,
    monthPicker,
    libraryError,
    badRequest,
    guard,
    names,
    caseLabels,
  } = kit;
  app.get("/report", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const month = c.req.query("month") ?? monthKey(clock());
    if (!isMonth(month)) return badRequest(c, "month", "YYYY-MM");
    const asOf = reportAsOf(month, clock());
    const report = await programmeReport(ctx, asOf);
    if (report.isErr()) return libraryError(c, report.error);
    const local = { ...profile, locale: l };
    const r = report.value;
    const labels = await caseLabels([
      ...r.hours.perCase.map((x) => x.caseId),
      ...r.cases.waitedPastMeeting.cases,
      ...r.cases.belowMinimumTeam,
      ...r.inactivity.map((x) => x.caseId),
    ]);
    const reader = { ...naming(l, await names()), case: (id: string) => labels.get(id) ?? id };
    const lines = renderReportMarkdown(report.value, local, reader).split("\n");
    return page(
      c,
      t(l, "portal.report.heading", { month: formatMonth(l, month) }),
      html`<section>
          <h1>${lines[0]?.replace(/^# /, "") ?? ""}</h1>
          ${monthPicker(l, "/report", month)}
          <p class="noprint"><a href="/report/print?month=${month}">${t(l, "portal.report.print")}</a> ·
            <a href="/report.csv?month=${month}">${t(l, "portal.report.csv")}</a></p>
          <ul>${lines.filter((x) => x.startsWith("- ")).map((x) => html`<li>${x.slice(2)}</li>`)}</ul>
        </section>
        <section>${chart(hoursChart(report.value, local, reader))}</section>
        <section>${chart(loadChart(report.value, local, reader))}</section>`,
    );
  });
}
