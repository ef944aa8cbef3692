/**
 * The manager's intake list: search (venture, mentee, e-mail, KvK number), filters (month, outcome,
 * partner programme), pages of 25, newest first; the same list as a CSV download. The search is
 * the library's `findIntakes`; this module only reads the form and shows the page.
 */
import { html } from "hono/html";
import {
  describeOutcome,
  findIntakes,
  formatDate,
  type IntakeListItem,
  type IntakeQuery,
  intakeOutcomeFilters,
  type Locale,
  MAX_INTAKE_PAGE,
  message,
} from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import type { App, C, Kit } from "../kit.js";
import { type Html, options, t } from "../views.js";

const PAGE_SIZE = 25;

/** The search as the address gives it: `?q=…&month=…&outcome=…&partner=…&page=…`. */
function searchOf(c: C) {
  const q = (name: string) => (c.req.query(name) ?? "").trim();
  const pageNo = Number(q("page") || "1");
  return {
    q: q("q"),
    month: q("month"),
    outcome: q("outcome"),
    partner: q("partner"),
    page: Number.isInteger(pageNo) && pageNo >= 1 ? pageNo : 1,
  };
}
type Search = ReturnType<typeof searchOf>;

const queryOf = (s: Search): IntakeQuery => ({
  ...(s.q === "" ? {} : { text: s.q }),
  ...(s.month === "" ? {} : { month: s.month }),
  ...(s.outcome === "" ? {} : { outcome: s.outcome as IntakeQuery["outcome"] }),
  ...(s.partner === "" ? {} : { partnerId: s.partner }),
});

/** The address of this search on another page (or as CSV), empty parts left out. */
const addressOf = (path: string, s: Search, page?: number) => {
  const params = new URLSearchParams();
  for (const k of ["q", "month", "outcome", "partner"] as const) if (s[k] !== "") params.set(k, s[k]);
  if (page !== undefined && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
};

export function intakeListRoutes(app: App, kit: Kit): void {
  const { download, store, profile, page, libraryError, guard } = kit;
  const partnerName = (id: string | undefined) => profile.partners.find((p) => p.id === id)?.name ?? id ?? "";
  const outcomeOf = (l: Locale, x: IntakeListItem) =>
    x.decision === undefined
      ? t(l, "portal.intake.undecided")
      : describeOutcome(x.decision.outcome, { ...profile, locale: l });

  const searchForm = (
    l: Locale,
    s: Search,
  ): Html => html`<form method="get" action="/intake" class="grid" role="search">
      <div><label for="q">${t(l, "portal.intake.searchText")}</label><input id="q" name="q" type="search" value="${s.q}" /></div>
      <div><label for="month">${t(l, "portal.intake.anyMonth")}</label><input id="month" name="month" type="month" value="${s.month}" /></div>
      <div><label for="outcome">${t(l, "portal.decision.outcome")}</label><select id="outcome" name="outcome">
        <option value="">${t(l, "portal.intake.anyOutcome")}</option>${options(
          intakeOutcomeFilters.map((k) => ({
            value: k,
            label: k === "undecided" ? t(l, "portal.intake.undecided") : message(l, `outcomeKind.${k}`, {}),
          })),
          s.outcome,
        )}</select></div>
      <div><label for="partner">${t(l, "portal.decision.partner")}</label><select id="partner" name="partner">
        <option value="">${t(l, "portal.intake.anyPartner")}</option>${options(
          profile.partners.map((p) => ({ value: p.id as string, label: p.name })),
          s.partner,
        )}</select></div>
      <div><button class="primary" type="submit">${t(l, "portal.search")}</button></div>
    </form>`;

  app.get("/intake", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const s = searchOf(c);
    const found = await findIntakes(store, {
      ...queryOf(s),
      offset: (s.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const heading = html`<h1>${t(l, "portal.intake.list")}</h1>
      <p><a href="/intake/new">${t(l, "portal.intake.heading")}</a></p>`;
    if (found.isErr())
      return libraryError(c, found.error, html`<section>${heading}${searchForm(l, s)}</section>`);
    const { items, total, offset } = found.value;
    const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return page(
      c,
      t(l, "portal.intake.list"),
      html`<section>
        ${heading}
        ${searchForm(l, s)}
        <p role="status" data-testid="found">${t(l, "portal.intake.found", {
          count: total,
          from: total === 0 ? 0 : offset + 1,
          to: offset + items.length,
        })}
          ${total === 0 ? "" : html`· <a href="${addressOf("/intake.csv", s)}">${t(l, "portal.csv")}</a>`}</p>
        ${
          items.length === 0
            ? ""
            : html`<table data-testid="intakes">
                <tr><th>${t(l, "portal.intake.venture")}</th><th>${t(l, "portal.intake.mentee")}</th><th>${t(l, "portal.intake.date")}</th><th>${t(l, "portal.decision.outcome")}</th></tr>
                ${items.map(
                  (x) => html`<tr>
                    <td><a href="/intake/${x.intake.id}">${x.intake.venture.name}</a></td>
                    <td>${x.intake.mentee.name}</td>
                    <td><time datetime="${x.intake.submittedAt.toISOString().slice(0, 10)}">${formatDate(l, x.intake.submittedAt)}</time></td>
                    <td>${outcomeOf(l, x)}</td>
                  </tr>`,
                )}
              </table>`
        }
        <nav aria-label="${t(l, "portal.intake.list")}" class="pager">
          ${s.page > 1 ? html`<a rel="prev" href="${addressOf("/intake", s, Math.min(s.page - 1, last))}">${t(l, "portal.previous")}</a>` : ""}
          ${s.page < last ? html`<a rel="next" href="${addressOf("/intake", s, s.page + 1)}">${t(l, "portal.next")}</a>` : ""}
        </nav>
      </section>`,
    );
  });

  // Every match of the search, not one page: what the manager takes to a spreadsheet.
  app.get("/intake.csv", async (c) => {
    const g = await guard(c, "intake.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const s = searchOf(c);
    const all: IntakeListItem[] = [];
    for (let offset = 0; ; offset += MAX_INTAKE_PAGE) {
      const found = await findIntakes(store, { ...queryOf(s), offset, limit: MAX_INTAKE_PAGE });
      if (found.isErr()) return libraryError(c, found.error);
      all.push(...found.value.items);
      if (offset + MAX_INTAKE_PAGE >= found.value.total) break;
    }
    const csv = toCsv(
      l,
      [
        "id",
        t(l, "portal.intake.date"),
        t(l, "portal.intake.venture"),
        t(l, "portal.intake.mentee"),
        t(l, "portal.intake.sector"),
        t(l, "portal.decision.outcome"),
        t(l, "portal.decision.partner"),
      ],
      all.map((x) => [
        x.intake.id,
        x.intake.submittedAt.toISOString().slice(0, 10),
        x.intake.venture.name,
        x.intake.mentee.name,
        profile.sectors.find((y) => y.id === x.intake.venture.sector)?.label[l] ?? x.intake.venture.sector,
        x.decision === undefined ? "" : message(l, `outcomeKind.${x.decision.outcome.kind}`, {}),
        x.decision?.outcome.kind === "refer" ? partnerName(x.decision.outcome.partnerId) : "",
      ]),
    );
    return download(c, csv, "text/csv", csvName(`intakes-${s.month || "all"}`));
  });
}
