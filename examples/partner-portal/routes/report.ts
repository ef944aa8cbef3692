/**
 * The monthly report for any month: on screen (with a month picker), as a page to print (no
 * navigation), and its hours per case as CSV — the table the meeting goes through.
 */
import { html } from "hono/html";
import {
  formatMonth,
  formatNumber,
  hoursChart,
  loadChart,
  message,
  renderReportMarkdown,
} from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import type { App, C, Kit } from "../kit.js";
import { chart, t } from "../views.js";

export function reportRoutes(app: App, kit: Kit): void {
  const { download, monthReport, profile, page, guard, monthPicker } = kit;

  /** The report's page: on screen with the month picker and the downloads, or bare to print. */
  const reportPage = async (c: C, print: boolean) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const got = await monthReport(c);
    if (!got.ok) return got.response;
    const local = { ...profile, locale: l };
    const lines = renderReportMarkdown(got.report, local, got.reader).split("\n");
    return page(
      c,
      t(l, "portal.report.heading", { month: formatMonth(l, got.month) }),
      html`<section data-testid="${print ? "printable" : "report"}">
          <h1>${lines[0]?.replace(/^# /, "") ?? ""}</h1>
          ${
            print
              ? html`<p class="muted">${profile.name}</p>`
              : html`${monthPicker(l, "/report", got.month)}
                <p><a href="/report/print?month=${got.month}">${t(l, "portal.report.print")}</a> ·
                  <a href="/report.csv?month=${got.month}">${t(l, "portal.report.csv")}</a></p>`
          }
          <ul>${lines.filter((x) => x.startsWith("- ")).map((x) => html`<li>${x.slice(2)}</li>`)}</ul>
        </section>
        <section>${chart(hoursChart(got.report, local, got.reader))}</section>
        <section>${chart(loadChart(got.report, local, got.reader))}</section>`,
      200,
      print ? { bare: true } : {},
    );
  };
  app.get("/report", (c) => reportPage(c, false));
  app.get("/report/print", (c) => reportPage(c, true));

  app.get("/report.csv", async (c) => {
    const g = await guard(c, "report.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const got = await monthReport(c);
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
    return download(c, csv, "text/csv", csvName(`report-${got.month}`));
  });
}
