/**
 * The audit trail for the programme manager: who did what, when and why, newest first, 50 a page,
 * filtered by who, a month, or what it was about (a case, an intake, a mentor). The trail holds ids
 * only; the page names people and steps in the reader's language.
 */
import { html } from "hono/html";
import { type AuditEntry, catalogues, formatDate, type Locale, type MessageKey } from "venture-mentoring";
import { csvName, toCsv } from "../../shared/csv.js";
import { type ExampleKey, exampleCatalogues } from "../../shared/messages.js";
import type { User } from "../access.js";
import type { App, C, Kit } from "../kit.js";
import { options, t } from "../views.js";

const PAGE_SIZE = 50;

/** A code said in words, if a catalogue has it: a step's reason (`steppedOff`, `paused`, a closing reason…). */
function reasonInWords(l: Locale, reason: string): string | undefined {
  for (const key of [`closing.${reason}`, `mentorEvent.${reason}`, `outcomeKind.${reason}`])
    if (key in catalogues[l]) return catalogues[l][key as MessageKey]({} as never);
  for (const key of [`portal.hold.${reason}`, `portal.team.${reason}`, `portal.consent.${reason}`])
    if (key in exampleCatalogues[l]) return exampleCatalogues[l][key as ExampleKey]({} as never);
  return undefined;
}

const where: Partial<Record<AuditEntry["subject"]["collection"], string>> = {
  cases: "/cases/",
  intakes: "/intake/",
  decisions: "/intake/",
  mentors: "/mentors/",
};

export function auditRoutes(app: App, kit: Kit, managers: readonly User[]): void {
  const { download, store, page, libraryError, guard, names } = kit;
  /** The trail as the search asks (`?actor=&month=&about=`), newest first, and who is who. */
  const search = async (c: C) => {
    const q = (k: string) => (c.req.query(k) ?? "").trim();
    const [actor, month, about] = [q("actor"), q("month"), q("about")];
    const trail = await store.audit();
    if (trail.isErr()) return { ok: false as const, error: trail.error };
    const who = new Map([...(await names()), ...managers.map((m) => [m.id, m.name] as const)]);
    const matches = trail.value
      .filter(
        (a) =>
          (actor === "" || a.actor === actor) &&
          (month === "" || a.at.toISOString().startsWith(month)) &&
          (about === "" || a.subject.id === about),
      )
      .reverse();
    return { ok: true as const, actor, month, about, trail: trail.value, who, matches };
  };
  const step = (l: Locale, action: string) => {
    const key = `portal.audit.action.${action}`;
    return key in exampleCatalogues[l] ? t(l, key as ExampleKey) : t(l, "portal.audit.action.other");
  };

  app.get("/audit.csv", async (c) => {
    const g = await guard(c, "audit.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const s = await search(c);
    if (!s.ok) return libraryError(c, s.error);
    const csv = toCsv(
      l,
      [
        t(l, "portal.audit.when"),
        t(l, "portal.audit.who"),
        t(l, "portal.audit.what"),
        t(l, "portal.audit.subject"),
        t(l, "portal.audit.why"),
      ],
      s.matches.map((a) => [
        a.at.toISOString(),
        s.who.get(a.actor) ?? a.actor,
        step(l, a.action),
        a.subject.id,
        a.reason === undefined ? "" : (reasonInWords(l, a.reason) ?? ""),
      ]),
    );
    return download(c, csv, "text/csv", csvName("audit"));
  });

  app.get("/audit", async (c) => {
    const g = await guard(c, "audit.view");
    if (g instanceof Response) return g;
    const l = c.var.locale;
    const pageNo = Math.max(1, Math.floor(Number(c.req.query("page") || "1")) || 1);
    const s = await search(c);
    if (!s.ok) return libraryError(c, s.error);
    const { actor, month, about, who, matches, trail } = s;
    const shown = matches.slice((pageNo - 1) * PAGE_SIZE, pageNo * PAGE_SIZE);
    const actors = [...new Set(trail.map((a) => a.actor))].map((id) => ({
      value: id,
      label: who.get(id) ?? id,
    }));
    /** This search on page `p` (or, at another path, the whole of it: the CSV). */
    const link = (p: number, path = "/audit") => {
      const params = new URLSearchParams({ actor, month, about, page: path === "/audit" ? String(p) : "" });
      for (const [k, v] of [...params]) if (v === "" || (k === "page" && v === "1")) params.delete(k);
      const text = params.toString();
      return text === "" ? path : `${path}?${text}`;
    };
    return page(
      c,
      t(l, "portal.nav.audit"),
      html`<section>
        <h1>${t(l, "portal.audit.heading")}</h1>
        <form method="get" action="/audit" class="grid" role="search">
          <div><label for="actor">${t(l, "portal.audit.who")}</label><select id="actor" name="actor"><option value="">${t(l, "portal.audit.anyone")}</option>${options(actors, actor)}</select></div>
          <div><label for="month">${t(l, "portal.intake.anyMonth")}</label><input id="month" name="month" type="month" value="${month}" /></div>
          <div><label for="about">${t(l, "portal.audit.about")}</label><input id="about" name="about" value="${about}" /></div>
          <div><button class="primary" type="submit">${t(l, "portal.search")}</button></div>
        </form>
        <p><a href="${link(1, "/audit.csv")}">${t(l, "portal.csv")}</a></p>
        <p role="status">${t(l, "portal.audit.found", {
          count: matches.length,
          from: matches.length === 0 ? 0 : (pageNo - 1) * PAGE_SIZE + 1,
          to: (pageNo - 1) * PAGE_SIZE + shown.length,
        })}</p>
        <table data-testid="audit">
          <tr><th>${t(l, "portal.audit.when")}</th><th>${t(l, "portal.audit.who")}</th><th>${t(l, "portal.audit.what")}</th><th>${t(l, "portal.audit.subject")}</th><th>${t(l, "portal.audit.why")}</th></tr>
          ${shown.map((a) => {
            const href = where[a.subject.collection];
            const why = a.reason === undefined ? "" : (reasonInWords(l, a.reason) ?? "");
            return html`<tr>
              <td><time datetime="${a.at.toISOString()}">${formatDate(l, a.at)}</time></td>
              <td>${who.get(a.actor) ?? a.actor}</td>
              <td>${step(l, a.action)}</td>
              <td>${href === undefined ? a.subject.id : html`<a href="${href}${a.subject.id}">${a.subject.id}</a>`}</td>
              <td>${why}</td>
            </tr>`;
          })}
        </table>
        <nav class="pager" aria-label="${t(l, "portal.nav.audit")}">
          ${pageNo > 1 ? html`<a rel="prev" href="${link(pageNo - 1)}">${t(l, "portal.previous")}</a>` : ""}
          ${pageNo * PAGE_SIZE < matches.length ? html`<a rel="next" href="${link(pageNo + 1)}">${t(l, "portal.next")}</a>` : ""}
        </nav>
      </section>`,
    );
  });
}
