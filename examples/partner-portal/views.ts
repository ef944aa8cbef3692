/**
 * The portal's pages: server-rendered HTML (hono/html escapes every interpolated value), no
 * front-end build step, no script. Texts come from the library's catalogue and the examples' own.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { type Chart, type Locale, renderChart, renderChartTable } from "venture-mentoring";
import { type ExampleKey, type ExampleParams, say } from "../shared/messages.js";
import type { User } from "./access.js";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const t = <K extends ExampleKey>(l: Locale, key: K, ...p: ExampleParams<K>) => say(l, key, ...p);

const style = `
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f4e79;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header a:hover{text-decoration:underline}
header .who{margin-left:auto;font-size:.9rem}header form{display:inline}
header button{background:none;border:1px solid #fff;color:#fff;border-radius:4px;cursor:pointer}
main{max-width:1000px;margin:1.2rem auto;padding:0 1.2rem}
section,.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:1rem 1.2rem;margin-bottom:1rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:0}
label{display:block;margin:.4rem 0 .1rem;font-weight:600;font-size:.9rem}
input,select,textarea{font:inherit;padding:.3rem;border:1px solid #b8bec6;border-radius:4px;max-width:100%}
textarea{width:100%;min-height:4rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:.2rem 1rem}
button.primary{background:#1f4e79;color:#fff;border:0;border-radius:4px;padding:.45rem 1rem;cursor:pointer;margin-top:.6rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e5e8eb;padding:.3rem .4rem;text-align:left;font-size:.92rem}
.outcome{font-size:1.1rem;font-weight:600}.accept{color:#2d7a4b}.refer,.oneOff,.notReady{color:#8a5a00}
.error{background:#fdecea;border:1px solid #e6a5a0;color:#7a1c14;padding:.6rem 1rem;border-radius:6px;margin-bottom:1rem}
.notice{background:#e8f3ec;border:1px solid #9fcdb0;padding:.6rem 1rem;border-radius:6px;margin-bottom:1rem}
ul.reasons li{margin:.2rem 0}.muted{color:#666;font-size:.9rem}svg{max-width:100%;height:auto}label.inline{display:inline;font-weight:normal;margin-right:1rem}figure.chart{margin:1rem 0;max-width:40rem}figure.chart svg{width:100%}table.chart-data caption{text-align:left;font-weight:600;padding:.4rem 0}code{overflow-wrap:anywhere}nav.pager a{margin-right:1rem}@media print{header,form,nav.pager,.noprint{display:none}body{background:#fff}section{border:0}}form.grid{align-items:end}
`;

export function layout(opts: {
  readonly locale: Locale;
  readonly title: string;
  readonly user?: User;
  readonly body: Html;
  readonly notice?: string;
  readonly error?: Html;
  /** The Content-Security-Policy nonce of this response: the one inline style the page has. */
  readonly nonce?: string;
  /** Where the language link leads: this page, or (after a form post) the reader's start page. */
  readonly here?: string;
  /** A page to print: no navigation, no language link, no sign-out. */
  readonly bare?: boolean;
}): Html {
  const { locale: l, user } = opts;
  const other = l === "nl" ? "en" : "nl";
  const nav =
    user === undefined
      ? ""
      : user.role === "manager"
        ? html`<a href="/intake">${t(l, "portal.nav.intake")}</a><a href="/board">${t(l, "portal.nav.board")}</a
            ><a href="/cases">${t(l, "portal.nav.cases")}</a><a href="/mentors">${t(l, "portal.nav.mentors")}</a
            ><a href="/report">${t(l, "portal.nav.report")}</a><a href="/outbox">${t(l, "portal.nav.outbox")}</a><a href="/audit">${t(l, "portal.nav.audit")}</a>`
        : html`<a href="/my">${t(l, "portal.nav.myCases")}</a>`;
  return html`<!doctype html>
<html lang="${l}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${opts.title} · ${t(l, "portal.title")}</title>
    <style nonce="${opts.nonce ?? ""}">${raw(style)}</style>
  </head>
  <body>
    ${
      opts.bare === true
        ? ""
        : html`<header>
      <strong>${t(l, "portal.title")}</strong>
      ${nav}
      <span class="who">
        <a href="${opts.here ?? ""}?lang=${other}">${t(l, "portal.language")}</a>
        ${
          user === undefined
            ? ""
            : html` · ${t(l, "portal.signedInAs", { name: user.name })}
                <form method="post" action="/signout"><button>${t(l, "portal.signOut")}</button></form>`
        }
      </span>
    </header>`
    }
    <main>
      ${opts.notice === undefined ? "" : html`<div class="notice" role="status">${opts.notice}</div>`}
      ${opts.error === undefined ? "" : html`<div class="error" role="alert">${opts.error}</div>`}
      ${opts.body}
    </main>
  </body>
</html>`;
}

export const options = (values: readonly { value: string; label: string }[], selected?: string): Html =>
  html`${values.map(
    (v) => html`<option value="${v.value}" ${v.value === selected ? "selected" : ""}>${v.label}</option>`,
  )}`;

/**
 * A chart made by the library (its text is escaped there): the drawing, and beside it the same
 * numbers as a table (for exact values and screen readers) unless the page shows them already.
 */
export const chart = (c: Chart, withTable = true): Html =>
  html`<figure class="chart">${raw(renderChart(c))}${withTable ? raw(renderChartTable(c)) : ""}</figure>`;
