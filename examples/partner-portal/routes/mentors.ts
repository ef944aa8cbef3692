/**
 * Mentors: their load and ethics standing; ethics holds, benefits and conflicts.
 */
import { html } from "hono/html";
import {
  type BenefitKind,
  benefitKinds,
  type ConflictReason,
  conflictReasons,
  type EthicsResolution,
  ethicsResolutions,
  ethicsStatementCurrent,
  fieldLabel,
  formatDate,
  formatHours,
  formatNumber,
  loadChart,
  type MentorId,
  message,
  programmeReport,
  recordConflict,
  recordEthicsViolation,
  resolveEthicsHold,
  type VentureId,
} from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import { permits } from "../access.js";
import type { App, Kit } from "../kit.js";
import { field } from "../kit.js";
import { chart, options, t } from "../views.js";

export function mentorRoutes(app: App, kit: Kit): void {
  const { download, ctx, profile, store, clock, page, libraryError, guard, naming, names } = kit;
  app.get("/mentors", async (c) => {
    const g = await guard(c, "mentors.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const report = await programmeReport(ctx, clock());
    if (report.isErr()) return libraryError(c, report.error);
    const [who, all, open] = [
      await names(),
      await store.list("mentors"),
      await store.find("cases", "state", ["awaitingMeeting", "active", "paused"]),
    ];
    if (all.isErr()) return libraryError(c, all.error);
    if (open.isErr()) return libraryError(c, open.error);
    const byId = new Map(all.value.map((m) => [m.value.id as string, m.value]));
    const now = clock();
    // Why a mentor is off matching now: an ethics hold (a benefit recorded) or an expired statement.
    const status = (id: string) => {
      const m = byId.get(id);
      if (m === undefined) return "";
      if (m.ethicsHold !== undefined)
        return t(l, "portal.ethics.held", {
          kind: t(l, `portal.ethics.kind.${m.ethicsHold.kind}`),
          on: formatDate(l, m.ethicsHold.on),
        });
      return ethicsStatementCurrent(m, now, profile.ethicsStatementValidityMonths)
        ? ""
        : t(l, "portal.ethics.expired");
    };
    const held = all.value.map((m) => m.value).filter((m) => m.ethicsHold !== undefined);
    const mentorOptions = all.value
      .filter((m) => m.value.state === "active")
      .map((m) => ({ value: m.value.id as string, label: m.value.name }));
    const ventures = open.value.map((k) => ({
      value: k.value.ventureId as string,
      label: k.value.id as string,
    }));
    const canAct = permits(g, "mentors.ethics");
    const canManage = permits(g, "mentors.manage");
    const hoursOf = new Map(report.value.mentorHours.map((h) => [h.mentorId as string, h]));
    const rows = all.value
      .map((x) => ({ m: x.value, h: hoursOf.get(x.value.id) }))
      .sort((a, b) => a.m.name.localeCompare(b.m.name, l));
    const imported = c.req.query("imported");
    return page(
      c,
      t(l, "portal.mentors.heading"),
      html`<section>
        <h1>${t(l, "portal.mentors.heading")}</h1>
        ${chart(loadChart(report.value, { ...profile, locale: l }, naming(l, who)), false)}
        <p>${
          canManage
            ? html`<a href="/mentors/new">${t(l, "portal.mentors.add")}</a> · <a href="/mentors/import">${t(l, "portal.mentors.import")}</a> · `
            : ""
        }<a href="/mentors.csv">${t(l, "portal.csv")}</a></p>
        <table data-testid="mentors">
          <tr><th>${fieldLabel("name", l)}</th><th>${t(l, "portal.mentors.state")}</th><th>${t(l, "portal.mentors.cases")}</th><th>${t(l, "portal.mentors.hours")}</th><th>${t(l, "portal.ethics.status")}</th></tr>
          ${rows.map(
            ({ m, h }) =>
              html`<tr><td>${canManage ? html`<a href="/mentors/${m.id}">${m.name}</a>` : m.name}</td><td>${message(l, `mentorState.${m.state}`, {})}</td><td>${h === undefined ? "" : `${h.cases} / ${h.maxCases}`}</td><td>${h === undefined ? "" : formatHours(l, h.loggedThisMonth)}</td><td data-testid="status-${m.id}">${status(m.id)}</td></tr>`,
          )}
        </table>
      </section>
      ${
        !canAct
          ? ""
          : html`<section data-testid="ethics">
              <h2>${t(l, "portal.ethics.heading")}</h2>
              ${held.map(
                (m) => html`<form method="post" action="/mentors/${m.id}/resolve">
                  <p>${m.name}: ${status(m.id)}</p>
                  <label>${t(l, "portal.ethics.resolution")}
                    <select name="resolution">${options(
                      ethicsResolutions.map((r) => ({
                        value: r,
                        label: t(l, `portal.ethics.resolution.${r}`),
                      })),
                    )}</select></label>
                  <button type="submit">${t(l, "portal.ethics.resolve")}</button>
                </form>`,
              )}
              <form method="post" action="/mentors/benefit">
                <h3>${t(l, "portal.ethics.benefit")}</h3>
                <label>${t(l, "portal.ethics.mentor")}<select name="mentorId">${options(mentorOptions)}</select></label>
                <label>${t(l, "portal.ethics.case")}<select name="ventureId">${options(ventures)}</select></label>
                <label>${t(l, "portal.ethics.kind")}<select name="kind">${options(
                  benefitKinds.map((k) => ({ value: k, label: t(l, `portal.ethics.kind.${k}`) })),
                )}</select></label>
                <button type="submit">${t(l, "portal.ethics.record")}</button>
              </form>
              <form method="post" action="/mentors/conflict">
                <h3>${t(l, "portal.ethics.conflict")}</h3>
                <label>${t(l, "portal.ethics.mentor")}<select name="mentorId">${options(mentorOptions)}</select></label>
                <label>${t(l, "portal.ethics.case")}<select name="ventureId">${options(ventures)}</select></label>
                <label>${t(l, "portal.ethics.reason")}<select name="reason">${options(
                  conflictReasons.map((r) => ({ value: r, label: t(l, `portal.ethics.reason.${r}`) })),
                )}</select></label>
                <button type="submit">${t(l, "portal.ethics.record")}</button>
              </form>
            </section>`
      }`,
      200,
      imported === undefined
        ? {}
        : {
            notice: t(l, "portal.import.done", {
              imported: Number(imported),
              there: Number(c.req.query("there") ?? 0),
            }),
          },
    );
  });
  // The mentors as a spreadsheet: standing, capacity, load and hours this month; no e-mail addresses.
  app.get("/mentors.csv", async (c) => {
    const g = await guard(c, "mentors.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const [all, report] = [await store.list("mentors"), await programmeReport(ctx, clock())];
    if (all.isErr()) return libraryError(c, all.error);
    if (report.isErr()) return libraryError(c, report.error);
    const hoursOf = new Map(report.value.mentorHours.map((h) => [h.mentorId as string, h]));
    const csv = toCsv(
      l,
      [
        "id",
        fieldLabel("name", l),
        t(l, "portal.mentors.state"),
        fieldLabel("leadQualified", l),
        fieldLabel("capacity.maxCases", l),
        fieldLabel("capacity.monthlyHours", l),
        t(l, "portal.mentors.cases"),
        t(l, "portal.mentors.hours"),
        fieldLabel("ethicsStatementSignedOn", l),
      ],
      all.value.map(({ value: m }) => {
        const h = hoursOf.get(m.id);
        return [
          m.id,
          m.name,
          message(l, `mentorState.${m.state}`, {}),
          m.leadQualified ? "✓" : "",
          m.capacity.maxCases,
          formatNumber(l, m.capacity.monthlyHours),
          h?.cases ?? 0,
          formatNumber(l, h?.loggedThisMonth ?? 0),
          m.ethicsStatementSignedOn?.toISOString().slice(0, 10) ?? "",
        ];
      }),
    );
    return download(c, csv, "text/csv", csvName("mentors"));
  });
  app.post("/mentors/benefit", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await recordEthicsViolation(
      ctx,
      {
        mentorId: field(body, "mentorId") as MentorId,
        ventureId: field(body, "ventureId") as VentureId,
        kind: field(body, "kind") as BenefitKind,
        on: clock(),
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
  app.post("/mentors/:id/resolve", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await resolveEthicsHold(
      ctx,
      c.req.param("id") as MentorId,
      field(body, "resolution") as EthicsResolution,
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
  app.post("/mentors/conflict", async (c) => {
    const g = await guard(c, "mentors.ethics");
    if (g instanceof Response) return g;
    const body = (await c.req.parseBody()) as Record<string, unknown>;
    const done = await recordConflict(
      ctx,
      {
        mentorId: field(body, "mentorId") as MentorId,
        ventureId: field(body, "ventureId") as VentureId,
        reason: field(body, "reason") as ConflictReason,
      },
      g,
    );
    if (done.isErr()) return libraryError(c, done.error);
    return c.redirect("/mentors", 303);
  });
}
